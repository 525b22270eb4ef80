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
    http_in_flight: int = 4
    http_retries: int = 4
    http_timeout: float = 60.0
    cache: bool = True
    # Fixed output length, for benchmarks on random-weight models (which never stop early).
    fixed_length: int | None = None


def open_translator(
    where: str | Path, options: TranslatorOptions = TranslatorOptions(), model_id: str = "", revision: str = ""
) -> Translator:
    """A model directory (transformers or CTranslate2) or an http(s) URL → a translator."""
    text = str(where)
    if text.startswith(("http://", "https://")):
        from mtcheck.translate.http import HttpPolicy, LibreTranslateTranslator, OpenAIChatTranslator

        policy = HttpPolicy(options.http_in_flight, options.http_retries, options.http_timeout)
        if options.http_api == "openai":
            if not options.http_model:
                raise TranslationError("an OpenAI-compatible server needs --http-model NAME")
            return OpenAIChatTranslator(text, options.http_model, options.api_key, policy)
        if options.http_api != "libretranslate":
            raise TranslationError(f"unknown HTTP API {options.http_api!r} (libretranslate, openai)")
        return LibreTranslateTranslator(text, options.api_key, policy=policy)
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


@dataclass(frozen=True)
class ModelRef:
    """Where one model is (a directory or a URL) and the names its cache key uses; found
    without loading anything, so that a driver can hand it to the workers that load it."""

    where: str
    model_id: str = ""
    revision: str = ""

    def open(self, options: TranslatorOptions) -> Translator:
        return open_translator(self.where, options, self.model_id, self.revision)


@dataclass(frozen=True)
class PairModels:
    """The models for one language pair: forward, back, and the directions with none."""

    forward: ModelRef | None
    back: ModelRef | None
    missing: tuple[str, ...]


def locate(
    src: str,
    tgt: str,
    model: str | Path | None = None,
    back_model: str | Path | None = None,
    options: TranslatorOptions = TranslatorOptions(),
) -> PairModels:
    """An explicit ``--model``/``--back-model`` wins; otherwise the registry's model for the
    direction, if it was downloaded (its CTranslate2 copy when converted)."""
    from mtcheck import models

    registry = models.load_registry()
    found: dict[str, ModelRef | None] = {}
    missing: list[str] = []
    for side, explicit, a, b in (("forward", model, src, tgt), ("back", back_model, tgt, src)):
        direction = models.direction(a, b)
        ref: ModelRef | None = None
        if explicit is not None:
            ref = ModelRef(str(explicit))
        elif direction in registry:
            spec = registry[direction]
            # The cache key needs the exact weights, not a branch name that moves: the
            # snapshot folder is named by its commit; a conversion is fingerprinted.
            if options.backend in ("auto", "ctranslate2") and spec.ct2_dir.is_dir():
                ref = ModelRef(str(spec.ct2_dir), spec.repo)
            elif (local := models.local_path(spec)) is not None:
                ref = ModelRef(str(local), spec.repo, local.name)
        if ref is None:
            missing.append(direction)
        found[side] = ref
    return PairModels(found["forward"], found["back"], tuple(missing))


def resolve(
    src: str,
    tgt: str,
    model: str | Path | None = None,
    back_model: str | Path | None = None,
    options: TranslatorOptions = TranslatorOptions(),
    store: TranslationStore | None = None,
) -> PairTranslators:
    return open_pair(locate(src, tgt, model, back_model, options), options, store)


def open_pair(
    located: PairModels, options: TranslatorOptions, store: TranslationStore | None = None
) -> PairTranslators:
    """Load the located models, each behind the translation cache."""
    out = PairTranslators(missing=list(located.missing))
    for side in ("forward", "back"):
        ref = getattr(located, side)
        if ref is None:
            continue
        store = store or TranslationStore(memory=not options.cache)
        setattr(out, side, CachedTranslator(ref.open(options), store))
    return out


@dataclass(frozen=True)
class TranslationRequest:
    """What the user asked for on the command line: the models (or none, for the registry's)
    and how to run them. Picklable, so that worker processes can make their own translators."""

    model: str | None = None
    back_model: str | None = None
    options: TranslatorOptions = TranslatorOptions()


class TranslatorFactory:
    """Translators for a language pair, made when the pipeline knows the languages and kept:
    a worker that checks many files loads each model once. A pair without a model gets a
    :class:`PairTranslators` that says which directions are missing."""

    def __init__(self, request: TranslationRequest) -> None:
        self.request = request
        self._made: dict[tuple[str, str], PairTranslators] = {}
        self._store: TranslationStore | None = None

    def __call__(self, src: str, tgt: str) -> PairTranslators:
        if (src, tgt) not in self._made:
            r = self.request
            located = locate(src, tgt, r.model, r.back_model, r.options)
            if self._store is None and (located.forward or located.back):
                # One store for every pair this process checks; opened only when a model is there.
                self._store = TranslationStore(memory=not r.options.cache)
            self._made[src, tgt] = open_pair(located, r.options, self._store)
        return self._made[src, tgt]
