"""CTranslate2 backend: the same models converted to int8, the fast path on a CPU.

``convert`` turns a transformers model directory into a CTranslate2 one (weights quantised,
tokenizer files copied next to them, so one folder is enough to translate). The tokenizer
is the transformers one: source tokens in, target tokens out, identical pre- and
post-processing to :mod:`mtcheck.translate.hf`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.translate.base import (
    ModelOptions,
    TranslationError,
    TranslatorSignature,
    dir_fingerprint,
    length_sorted_batches,
)
from mtcheck.translate.hf import _one_line, _read_json, load_tokenizer, model_family, source_prefix, target_token

# Written next to the converted weights: which family the model is (CTranslate2's own
# config does not say) and where it came from.
META = "mtcheck.json"
_TOKENIZER_FILES = (
    "tokenizer_config.json",
    "special_tokens_map.json",
    "tokenizer.json",
    "vocab.json",
    "source.spm",
    "target.spm",
    "sentencepiece.bpe.model",
    "spm.model",
    "generation_config.json",
)


def is_ct2_dir(path: Path) -> bool:
    return (path / "model.bin").is_file()


def convert(model_dir: Path, out_dir: Path, quantization: str = "int8", force: bool = False) -> Path:
    """Convert a transformers Marian/NLLB/M2M100 directory; returns ``out_dir``."""
    family = model_family(model_dir)
    try:
        import ctranslate2
    except ImportError:
        raise TranslationError("CTranslate2 is not installed: pip install 'mtcheck[translate]'") from None
    if out_dir.exists() and not force:
        raise TranslationError(f"{out_dir} already exists (use --force to replace it)")
    copy = [f for f in _TOKENIZER_FILES if (model_dir / f).is_file()]
    try:
        converter = ctranslate2.converters.TransformersConverter(str(model_dir), copy_files=copy, load_as_float16=False)
        converter.convert(str(out_dir), quantization=quantization, force=True)
    except Exception as exc:
        shutil.rmtree(out_dir, ignore_errors=True)
        hint = ""
        if family != "marian" and "vocabulary" in str(exc):
            # The usual cause: a tokenizer saved without its language tags (transformers 5's
            # M2M100Tokenizer does not register them unless tokenizer_config.json lists them).
            hint = "; the tokenizer's vocabulary, language tags included, must cover config.json's vocab_size"
        raise TranslationError(f"cannot convert {model_dir}: {_one_line(exc)}{hint}") from None
    # The tokenizer's loader needs the model config to pick the tokenizer class; keep the
    # original next to CTranslate2's as hf_config.json.
    shutil.copyfile(model_dir / "config.json", out_dir / "hf_config.json")
    meta = {"family": family, "source": str(model_dir.resolve()), "quantization": quantization}
    (out_dir / META).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return out_dir


@dataclass
class CT2Translator(ModelOptions):
    compute_type: str = "int8"

    def __post_init__(self) -> None:
        self.model_dir = Path(self.model_dir)
        if not self.model_dir.is_dir():
            raise TranslationError(f"model directory {self.model_dir} does not exist")
        if not is_ct2_dir(self.model_dir):
            raise TranslationError(f"{self.model_dir} is not a CTranslate2 model (no model.bin)")
        try:
            meta = json.loads((self.model_dir / META).read_text(encoding="utf-8"))
            self.family = str(meta["family"])
        except (OSError, ValueError, KeyError):
            raise TranslationError(f"{self.model_dir}: no {META}; convert it with `mtcheck models convert`") from None
        import ctranslate2

        if self.device == "auto":
            self.device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        self.tokenizer = _ct2_tokenizer(self.model_dir)
        try:
            self.model = ctranslate2.Translator(
                str(self.model_dir),
                device=self.device,
                compute_type=self.compute_type,
                intra_threads=max(0, self.threads),
            )
        except Exception as exc:
            raise TranslationError(f"cannot load the model from {self.model_dir}: {_one_line(exc)}") from None
        self.model_id = self.model_id or str(self.model_dir.resolve())
        self.revision = self.revision or dir_fingerprint(self.model_dir)
        # transformers forces EOS as the last token when a translation hits the length cap
        # (opus-mt sets forced_eos_token_id); CTranslate2 does not count it, so it gets one
        # token fewer to end in the same place.
        hf_config = _read_json(self.model_dir / "hf_config.json")
        self._eos_slot = 1 if hf_config.get("forced_eos_token_id") is not None else 0

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("ctranslate2", self.model_id, self.revision, self.beam, self.compute_type)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        tok = self.tokenizer
        source_prefix(self.family, tok, src)
        forced = target_token(self.family, tok, tgt)
        out: list[str] = [""] * len(texts)
        for batch in length_sorted_batches(texts, self.batch_size):
            tokens = [tok.convert_ids_to_tokens(tok(texts[i], truncation=True)["input_ids"]) for i in batch]
            longest = max(len(t) for t in tokens)
            opts: dict[str, Any] = {
                "beam_size": self.beam,
                # Same cap as the transformers backend, so greedy outputs match.
                "max_decoding_length": (self.max_new_tokens or longest * 2 + 10) - self._eos_slot,
                "return_scores": False,
            }
            if self.min_new_tokens is not None:
                opts["min_decoding_length"] = self.min_new_tokens - self._eos_slot
            if forced is not None:
                opts["target_prefix"] = [[forced]] * len(batch)
            results = self.model.translate_batch(tokens, **opts)
            for i, res in zip(batch, results, strict=True):
                hyp = res.hypotheses[0]
                if forced is not None and hyp and hyp[0] == forced:
                    hyp = hyp[1:]
                ids = tok.convert_tokens_to_ids(hyp)
                out[i] = tok.decode(ids, skip_special_tokens=True).strip()
        return out


def _ct2_tokenizer(model_dir: Path) -> Any:
    """The transformers tokenizer saved beside the weights. CTranslate2 writes its own
    config.json, so the original config is put back under a temporary view for the loader."""
    hf_config = model_dir / "hf_config.json"
    if not hf_config.is_file():
        return load_tokenizer(model_dir)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="mtcheck-tok-") as tmp:
        view = Path(tmp)
        for f in _TOKENIZER_FILES:
            if (model_dir / f).is_file():
                (view / f).symlink_to((model_dir / f).resolve())
        (view / "config.json").symlink_to(hf_config.resolve())
        return load_tokenizer(view)
