"""From what the user asked for (a directory, a URL, or nothing) to translators for a check.

The order: an explicit ``--model``/``--back-model`` wins; otherwise the registry's model for
the direction, if it was downloaded (its CTranslate2 copy when converted). Nothing found is
not an error: the check runs without the translation checks and says how to enable them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.translate.base import TranslationError, Translator
from mtcheck.translate.cache import CachedTranslator, TranslationStore

BACKENDS = ("auto", "transformers", "ctranslate2")


@dataclass(frozen=True)
class TranslatorOptions:
    backend: str = "auto"
    device: str = "auto"
    dtype: str = "auto"
    beam: int = 1
    batch_size: int = 16
    threads: int = 0
    http_api: str = "libretranslate"
    http_model: str = ""
    api_key: str = ""
    cache: bool = True
    # Fixed output length, for benchmarks on random-weight models (which never stop early).
    fixed_length: int | None = None


def open_translator(
    where: str | Path, options: TranslatorOptions = TranslatorOptions(), model_id: str = "", revision: str = ""
) -> Translator:
    """A model directory (transformers or CTranslate2) or an http(s) URL → a translator."""
    text = str(where)
    if text.startswith(("http://", "https://")):
        from mtcheck.translate.http import LibreTranslateTranslator, OpenAIChatTranslator

        if options.http_api == "openai":
            if not options.http_model:
                raise TranslationError("an OpenAI-compatible server needs --http-model NAME")
            return OpenAIChatTranslator(text, options.http_model, options.api_key)
        if options.http_api != "libretranslate":
            raise TranslationError(f"unknown HTTP API {options.http_api!r} (libretranslate, openai)")
        return LibreTranslateTranslator(text, options.api_key)
    path = Path(text).expanduser()
    if not path.exists():
        raise TranslationError(f"model directory {path} does not exist")
    if options.backend not in BACKENDS:
        raise TranslationError(f"unknown backend {options.backend!r} ({', '.join(BACKENDS)})")
    from mtcheck.translate.ct2 import is_ct2_dir

    use_ct2 = options.backend == "ctranslate2" or (options.backend == "auto" and is_ct2_dir(path))
    if not use_ct2 and is_ct2_dir(path):
        raise TranslationError(f"{path} is a CTranslate2 model; use --backend ctranslate2 (or auto)")
    common = {
        "device": options.device,
        "beam": options.beam,
        "batch_size": options.batch_size,
        "threads": options.threads,
        "max_new_tokens": options.fixed_length,
        "min_new_tokens": options.fixed_length,
        "revision": revision,
        "model_id": model_id,
    }
    if not use_ct2:
        from mtcheck.translate.hf import model_family

        model_family(path)  # a wrong folder is reported as such, even without the model stack
    _require_stack(use_ct2)
    if use_ct2:
        from mtcheck.translate.ct2 import CT2Translator

        compute = "int8" if options.dtype == "auto" else options.dtype
        return CT2Translator(path, compute_type=compute, **common)  # type: ignore[arg-type]
    from mtcheck.translate.hf import HFTranslator

    return HFTranslator(path, dtype=options.dtype, **common)  # type: ignore[arg-type]


def _require_stack(ct2: bool) -> None:
    import importlib.util

    needed = ["ctranslate2", "transformers"] if ct2 else ["torch", "transformers"]
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if missing:
        raise TranslationError(
            f"{', '.join(missing)} not installed: pip install torch==2.13.0 && pip install 'mtcheck[translate]'"
        )


@dataclass
class PairTranslators:
    """Forward (source → target) and back (target → source) translators, each possibly
    missing, and why."""

    forward: Translator | None = None
    back: Translator | None = None
    missing: list[str] = field(default_factory=list)


def resolve(
    src: str,
    tgt: str,
    model: str | Path | None = None,
    back_model: str | Path | None = None,
    options: TranslatorOptions = TranslatorOptions(),
    store: TranslationStore | None = None,
) -> PairTranslators:
    from mtcheck import models

    registry = models.load_registry()
    out = PairTranslators()
    for side, explicit, a, b in (("forward", model, src, tgt), ("back", back_model, tgt, src)):
        direction = models.direction(a, b)
        translator: Translator | None = None
        if explicit is not None:
            translator = open_translator(explicit, options)
        elif direction in registry:
            spec = registry[direction]
            ct2 = spec.ct2_dir
            # The cache key needs the exact weights, not a branch name that moves: the
            # snapshot folder is named by its commit; a conversion is fingerprinted.
            if options.backend in ("auto", "ctranslate2") and ct2.is_dir():
                translator = open_translator(ct2, options, spec.repo)
            elif (local := models.local_path(spec)) is not None:
                translator = open_translator(local, options, spec.repo, local.name)
        if translator is None:
            out.missing.append(direction)
            continue
        store = store or TranslationStore(memory=not options.cache)
        setattr(out, side, CachedTranslator(translator, store))
    return out
