"""The model registry (models/registry.toml): which model serves which direction, and where
its files are on this machine.

Nothing here imports torch. Finding a downloaded model asks huggingface_hub for its cache
folder with ``local_files_only``; only :func:`pull` touches the network.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from mtcheck.cachedir import cache_dir
from mtcheck.errors import UsageError
from mtcheck.translate.base import TranslationError

ENV_REGISTRY = "MTCHECK_MODELS_REGISTRY"
REGISTRY = Path(__file__).resolve().parent.parent / "models" / "registry.toml"


@dataclass(frozen=True, slots=True)
class ModelSpec:
    direction: str
    repo: str
    revision: str
    family: str
    licence: str
    size_mb: int
    params_m: int

    @property
    def src(self) -> str:
        return self.direction.split("-")[0]

    @property
    def tgt(self) -> str:
        return self.direction.split("-")[1]

    @property
    def ct2_dir(self) -> Path:
        """Where ``mtcheck models convert`` puts the CTranslate2 int8 copy."""
        return cache_dir() / "ct2" / f"{self.repo.replace('/', '--')}--{self.revision}"


def load_registry(path: Path | None = None) -> dict[str, ModelSpec]:
    path = path or Path(os.environ.get(ENV_REGISTRY) or REGISTRY)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read the model registry {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"model registry {path} is not valid TOML: {exc}") from None
    specs: dict[str, ModelSpec] = {}
    for direction, entry in data.items():
        try:
            specs[direction] = ModelSpec(
                direction,
                str(entry["repo"]),
                str(entry.get("revision", "main")),
                str(entry.get("family", "marian")),
                str(entry.get("licence", "unknown")),
                int(entry.get("size_mb", 0)),
                int(entry.get("params_m", 0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError(f"model registry {path}: entry [{direction}] is invalid ({exc})") from None
    return specs


def direction(src: str, tgt: str) -> str:
    return f"{src}-{tgt}"


def get_spec(name: str, registry: dict[str, ModelSpec] | None = None) -> ModelSpec:
    specs = load_registry() if registry is None else registry
    key = name.strip().lower().replace("→", "-").replace(">", "-").replace("_", "-")
    if key not in specs:
        raise UsageError(f"no model for direction {name!r} (directions with a model: {', '.join(sorted(specs))})")
    return specs[key]


def hub_cache() -> Path:
    """The Hugging Face hub's cache folder, found from the environment as huggingface_hub finds it."""
    home = os.getenv("HF_HOME") or os.path.join(os.getenv("XDG_CACHE_HOME") or "~/.cache", "huggingface")
    hub = os.getenv("HF_HUB_CACHE") or os.getenv("HUGGINGFACE_HUB_CACHE") or os.path.join(home, "hub")
    return Path(os.path.expandvars(os.path.expanduser(hub)))


def local_path(spec: ModelSpec) -> Path | None:
    """The downloaded snapshot in the Hugging Face cache, or None (never downloads). A model
    with no folder in the cache is not asked of huggingface_hub: importing it was 0.2 s CPU of
    every model-free check's start, in every scan worker."""
    if not (hub_cache() / f"models--{spec.repo.replace('/', '--')}").is_dir():
        return None
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        return None
    try:
        return Path(snapshot_download(spec.repo, revision=spec.revision, local_files_only=True))
    except Exception:  # LocalEntryNotFoundError and friends: simply not downloaded
        return None


def pull(spec: ModelSpec) -> Path:
    """Download a model into the Hugging Face cache: the one place mtcheck uses the network."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        raise TranslationError("huggingface_hub is not installed: pip install 'mtcheck[translate]'") from None
    try:
        return Path(
            snapshot_download(
                spec.repo,
                revision=spec.revision,
                # Weights, configs and tokenizer files; not the TensorFlow, Flax or Rust copies.
                allow_patterns=["*.json", "*.spm", "*.model", "*.safetensors", "*.bin", "*.txt"],
            )
        )
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise TranslationError(
            f"cannot download {spec.repo}@{spec.revision} from the Hugging Face hub "
            f"(is the network reachable?): {first}"
        ) from None


def enable_hint(src: str, tgt: str) -> str:
    """The exact commands that make the translation checks run for this language pair."""
    return f"mtcheck models pull {direction(src, tgt)} && mtcheck models pull {direction(tgt, src)}"
