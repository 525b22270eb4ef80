"""Machine translation: the :class:`Translator` protocol, its backends and a persistent cache.

Backends are imported on demand (``mtcheck.translate.hf`` pulls in torch), so importing this
package costs nothing.
"""

from mtcheck.translate.base import TranslationError, Translator, TranslatorSignature

__all__ = ["TranslationError", "Translator", "TranslatorSignature"]
