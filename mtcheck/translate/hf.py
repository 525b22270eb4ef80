"""transformers backend: Marian (opus-mt), NLLB-200 and M2M100 through AutoModelForSeq2SeqLM.

Loading never downloads: a model comes from a local directory, or from the Hugging Face
cache with ``local_files_only`` (``mtcheck models pull`` is the one command that fetches).
torch and transformers are imported here only, so importing mtcheck stays light.
"""

from __future__ import annotations

import json
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

# NLLB-200 writes languages as FLORES-200 codes; M2M100 as ISO 639-1 (its tokenizer adds
# the underscores); Marian pairs are one model per direction and need no code at all.
NLLB_CODES = {"ru": "rus_Cyrl", "ko": "kor_Hang", "en": "eng_Latn"}


def model_family(model_dir: Path) -> str:
    """ "marian", "nllb" or "m2m100", from the saved config and tokenizer files."""
    config = read_config(model_dir)
    kind = config.get("model_type", "")
    if kind == "marian":
        return "marian"
    if kind == "m2m_100":
        tok = _read_json(model_dir / "tokenizer_config.json")
        return "nllb" if "nllb" in str(tok.get("tokenizer_class", "")).lower() else "m2m100"
    raise TranslationError(f"{model_dir}: model type {kind or 'unknown'!r} is not supported (marian, nllb, m2m100)")


def read_config(model_dir: Path) -> dict[str, Any]:
    if not model_dir.exists():
        raise TranslationError(f"model directory {model_dir} does not exist")
    if not model_dir.is_dir():
        raise TranslationError(f"model path {model_dir} is not a directory")
    config = model_dir / "config.json"
    if not config.is_file():
        raise TranslationError(f"{model_dir} is not a model directory (no config.json)")
    data = _read_json(config)
    if not data:
        raise TranslationError(f"{config} is not a valid model config")
    return data


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def source_prefix(family: str, tokenizer: Any, src: str) -> None:
    """Tell a multilingual tokenizer the source language (it prepends the language token)."""
    if family == "nllb":
        tokenizer.src_lang = NLLB_CODES[src]
    elif family == "m2m100":
        tokenizer.src_lang = src


def target_token(family: str, tokenizer: Any, tgt: str) -> str | None:
    """The token a multilingual model must start its output with (forced BOS); None for Marian."""
    if family == "nllb":
        return NLLB_CODES[tgt]
    if family == "m2m100":
        return tokenizer.lang_code_to_token[tgt] if hasattr(tokenizer, "lang_code_to_token") else f"__{tgt}__"
    return None


def load_tokenizer(model_dir: Path) -> Any:
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    except Exception as exc:  # transformers raises OSError, ValueError, KeyError… for a damaged folder
        raise TranslationError(f"cannot load the tokenizer from {model_dir}: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


@dataclass
class HFTranslator(ModelOptions):
    dtype: str = "auto"

    def __post_init__(self) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM

        self.model_dir = Path(self.model_dir)
        self.family = model_family(self.model_dir)
        if self.threads > 0:
            torch.set_num_threads(self.threads)
        if self.device == "auto":
            self.device = "cuda" if torch.cuda.is_available() else "cpu"
        if self.dtype == "auto":
            # Half precision halves memory and doubles speed on a GPU; on a CPU it is slower.
            self.dtype = "float16" if self.device.startswith("cuda") else "float32"
        torch_dtype = getattr(torch, self.dtype, None)
        if not isinstance(torch_dtype, torch.dtype):
            raise TranslationError(f"unknown dtype {self.dtype!r} (float32, float16, bfloat16)")
        self.tokenizer = load_tokenizer(self.model_dir)
        try:
            model = AutoModelForSeq2SeqLM.from_pretrained(str(self.model_dir), local_files_only=True, dtype=torch_dtype)
        except Exception as exc:
            raise TranslationError(f"cannot load the model from {self.model_dir}: {_one_line(exc)}") from None
        self.model = model.to(self.device).eval()
        # Neither input nor output may outgrow the position table.
        self.max_positions = int(getattr(model.config, "max_position_embeddings", 0) or 512)
        self.model_id = self.model_id or str(self.model_dir.resolve())
        self.revision = self.revision or dir_fingerprint(self.model_dir)

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("transformers", self.model_id, self.revision, self.beam, self.dtype)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        import torch

        out: list[str] = [""] * len(texts)
        source_prefix(self.family, self.tokenizer, src)
        forced = target_token(self.family, self.tokenizer, tgt)
        extra: dict[str, Any] = {"num_beams": self.beam, "do_sample": False}
        if forced is not None:
            extra["forced_bos_token_id"] = self.tokenizer.convert_tokens_to_ids(forced)
        if self.min_new_tokens is not None:
            extra["min_new_tokens"] = self.min_new_tokens
        for batch in length_sorted_batches(texts, self.batch_size):
            enc = self.tokenizer(
                [texts[i] for i in batch],
                return_tensors="pt",
                padding=True,
                truncation=True,
                max_length=self.max_positions,
            )
            enc = {k: v.to(self.device) for k, v in enc.items()}
            # A sentence's translation is rarely over twice its length; the cap stops an
            # untrained or confused model from generating to the model's maximum.
            limit = min(self.max_new_tokens or int(enc["input_ids"].shape[1] * 2 + 10), self.max_positions - 1)
            with torch.inference_mode():
                ids = self.model.generate(**enc, max_new_tokens=limit, **extra)
            if forced is not None:
                # Some tokenizers do not count language tags as special tokens; a tag is
                # never part of the translation.
                tag = extra["forced_bos_token_id"]
                rows = [[t for t in row if t != tag] for row in ids.tolist()]
                decoded = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
            else:
                decoded = self.tokenizer.batch_decode(ids, skip_special_tokens=True)
            for i, text in zip(batch, decoded, strict=True):
                out[i] = text.strip()
        return out
