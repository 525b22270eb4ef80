"""The multilingual family (M2M100) on both backends: conversion to CTranslate2 with
mtcheck's own code, the source and target language tags, and greedy agreement between
CTranslate2 (float32) and transformers on the same tiny random-weight model
(tests/tinymodel.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mtcheck.translate.load import TranslatorOptions, open_translator
from tests.conftest import CORPORA

MAX = 12  # output cap: random weights rarely stop on their own


def lines(name: str, pattern: str, n: int = 8) -> list[str]:
    text = next((CORPORA / name).glob(pattern)).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()][:n]


RU = lines("kursk-ru", "source.*.txt")
EN = lines("kursk-ru", "draft.en.txt")
DIRECTIONS = [("ru", "en", RU), ("en", "ko", EN)]


class Recorder:
    """Stands in for a backend's model object: passes every call through and keeps the
    keyword arguments and the results of the last ``method`` call."""

    def __init__(self, inner: Any, method: str) -> None:
        self._inner, self._method = inner, method
        self.kwargs: dict[str, Any] = {}
        self.args: tuple[Any, ...] = ()
        self.result: Any = None

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name != self._method:
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            self.args, self.kwargs = args, kwargs
            self.result = attr(*args, **kwargs)
            return self.result

        return call


def greedy(path: Path, backend: str):
    # float32 on both sides: the comparison is exact only without quantisation.
    options = TranslatorOptions(backend=backend, dtype="float32", batch_size=3, threads=1)
    translator = open_translator(path, options)
    translator.max_new_tokens = MAX  # the output cap the CLI's --fixed-length would also set
    return translator


@pytest.fixture(scope="module")
def hf_m2m(tiny_m2m100: Path):
    return greedy(tiny_m2m100, "transformers")


@pytest.fixture(scope="module")
def ct2_m2m(tiny_m2m100_ct2: Path):
    return greedy(tiny_m2m100_ct2, "auto")


def test_convert_m2m100_keeps_the_language_tags_in_place(tiny_m2m100: Path, tiny_m2m100_ct2: Path) -> None:
    from mtcheck.translate.hf import load_tokenizer

    meta = json.loads((tiny_m2m100_ct2 / "mtcheck.json").read_text(encoding="utf-8"))
    assert meta["family"] == "m2m100" and meta["quantization"] == "float32"
    vocab = json.loads((tiny_m2m100_ct2 / "shared_vocabulary.json").read_text(encoding="utf-8"))
    config = json.loads((tiny_m2m100 / "config.json").read_text(encoding="utf-8"))
    # One row of the embedding per token: pieces, 100 language tags, 8 madeup words.
    assert len(vocab) == config["vocab_size"]
    assert vocab[-1] == "madeupword7"
    tok = load_tokenizer(tiny_m2m100)
    for code in ("ru", "en", "ko"):
        assert vocab[tok.get_lang_id(code)] == f"__{code}__"
    # The tokenizer files travel with the weights: the folder translates on its own.
    assert (tiny_m2m100_ct2 / "sentencepiece.bpe.model").is_file() and (tiny_m2m100_ct2 / "vocab.json").is_file()


@pytest.mark.parametrize(("src", "tgt", "texts"), DIRECTIONS, ids=["ru-en", "en-ko"])
def test_ct2_m2m100_forces_the_target_tag_and_matches_transformers(hf_m2m, ct2_m2m, src, tgt, texts) -> None:
    assert type(ct2_m2m).__name__ == "CT2Translator" and ct2_m2m.family == "m2m100"
    assert ct2_m2m.signature().dtype == "float32"
    tag = f"__{tgt}__"

    ct2_model = Recorder(ct2_m2m.model, "translate_batch")
    ct2_m2m.model = ct2_model
    hf_model = Recorder(hf_m2m.model, "generate")
    hf_m2m.model = hf_model
    try:
        ct2_out = ct2_m2m.translate(texts[:1], src, tgt)
        # The source tag leads the input; the target tag is the decoder's prefix and the
        # first token of the hypothesis.
        assert ct2_model.args[0][0][0] == f"__{src}__"
        assert ct2_model.kwargs["target_prefix"] == [[tag]]
        assert ct2_model.result[0].hypotheses[0][0] == tag
        hf_out = hf_m2m.translate(texts[:1], src, tgt)
        tag_id = hf_m2m.tokenizer.convert_tokens_to_ids(tag)
        assert hf_model.kwargs["forced_bos_token_id"] == tag_id
        assert hf_model.kwargs["input_ids"][0, 0].item() == hf_m2m.tokenizer.convert_tokens_to_ids(f"__{src}__")
        # transformers: decoder start (</s>), then the forced tag.
        assert hf_model.result[0, 1].item() == tag_id
    finally:
        ct2_m2m.model = ct2_model._inner
        hf_m2m.model = hf_model._inner
    assert ct2_out == hf_out

    batched = ct2_m2m.translate(texts, src, tgt)
    assert batched == hf_m2m.translate(texts, src, tgt)
    assert not any("__" in t for t in batched)  # no tag in the returned text
    # A random model still reads its input: different sentences, different outputs.
    assert len(set(batched)) > 1


@pytest.mark.parametrize(("src", "tgt", "texts"), DIRECTIONS, ids=["ru-en", "en-ko"])
def test_ct2_m2m100_batched_equals_one_by_one(ct2_m2m, src, tgt, texts) -> None:
    batched = ct2_m2m.translate(texts, src, tgt)
    assert batched == [ct2_m2m.translate([t], src, tgt)[0] for t in texts]


def test_ct2_m2m100_target_language_changes_the_output(ct2_m2m) -> None:
    assert ct2_m2m.translate(RU, "ru", "en") != ct2_m2m.translate(RU, "ru", "ko")


def test_ct2_m2m100_fixed_length_matches_transformers(tiny_m2m100: Path, tiny_m2m100_ct2: Path) -> None:
    # --fixed-length sets both the minimum and the maximum output length; the target tag
    # counts as one generated token in transformers and as one decoded token in CTranslate2.
    options = TranslatorOptions(dtype="float32", fixed_length=MAX, threads=1)
    hf = open_translator(tiny_m2m100, options)
    ct2 = open_translator(tiny_m2m100_ct2, options)
    texts = RU[:4]
    assert ct2.translate(texts, "ru", "en") == hf.translate(texts, "ru", "en")
