"""The multilingual families (M2M100, NLLB-200) on both backends: conversion to CTranslate2
with mtcheck's own code, the source and target language tags, and greedy agreement between
CTranslate2 (float32) and transformers on the same tiny random-weight models
(tests/tinymodel.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
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
TAGS = {
    "m2m100": {"ru": "__ru__", "en": "__en__", "ko": "__ko__"},
    "nllb": {"ru": "rus_Cyrl", "en": "eng_Latn", "ko": "kor_Hang"},
}


class Recorder:
    """Stands in for a backend's model object: passes every call through and keeps the
    arguments and the result of the last ``method`` call."""

    def __init__(self, inner: Any, method: str) -> None:
        self._inner, self._method = inner, method
        self.args: tuple[Any, ...] = ()
        self.kwargs: dict[str, Any] = {}
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


@dataclass
class Pair:
    family: str
    hf_dir: Path
    ct2_dir: Path
    hf: Any
    ct2: Any


def greedy(path: Path, backend: str):
    # float32 on both sides: the comparison is exact only without quantisation.
    translator = open_translator(path, TranslatorOptions(backend=backend, dtype="float32", batch_size=3, threads=1))
    translator.max_new_tokens = MAX
    return translator


@pytest.fixture(scope="module", params=["m2m100", "nllb"])
def pair(request: pytest.FixtureRequest) -> Pair:
    family = request.param
    hf_dir = request.getfixturevalue(f"tiny_{family}")
    ct2_dir = request.getfixturevalue(f"tiny_{family}_ct2")
    return Pair(family, hf_dir, ct2_dir, greedy(hf_dir, "transformers"), greedy(ct2_dir, "auto"))


def test_convert_keeps_the_language_tags_in_place(pair: Pair) -> None:
    from mtcheck.translate.hf import load_tokenizer

    meta = json.loads((pair.ct2_dir / "mtcheck.json").read_text(encoding="utf-8"))
    assert meta["family"] == pair.family and meta["quantization"] == "float32"
    vocab = json.loads((pair.ct2_dir / "shared_vocabulary.json").read_text(encoding="utf-8"))
    config = json.loads((pair.hf_dir / "config.json").read_text(encoding="utf-8"))
    # One token per embedding row (M2M100: pieces, 100 language tags, 8 madeup words).
    assert len(vocab) == config["vocab_size"]
    if pair.family == "m2m100":
        assert vocab[-1] == "madeupword7"
    tok = load_tokenizer(pair.hf_dir)
    for tag in TAGS[pair.family].values():
        assert vocab[tok.convert_tokens_to_ids(tag)] == tag
    # The folder translates on its own: the tokenizer travelled with the weights.
    assert type(pair.ct2.tokenizer) is type(tok)


@pytest.mark.parametrize(("src", "tgt", "texts"), DIRECTIONS, ids=["ru-en", "en-ko"])
def test_ct2_forces_the_target_tag_and_matches_transformers(pair: Pair, src: str, tgt: str, texts) -> None:
    hf, ct2 = pair.hf, pair.ct2
    assert type(ct2).__name__ == "CT2Translator" and ct2.family == pair.family == hf.family
    assert ct2.signature().dtype == "float32"
    src_tag, tgt_tag = TAGS[pair.family][src], TAGS[pair.family][tgt]

    ct2_model, hf_model = Recorder(ct2.model, "translate_batch"), Recorder(hf.model, "generate")
    ct2.model, hf.model = ct2_model, hf_model
    try:
        ct2_one = ct2.translate(texts[:1], src, tgt)
        # The source tag leads the input; the target tag is the decoder's prefix and the
        # first token of the hypothesis.
        assert ct2_model.args[0][0][0] == src_tag
        assert ct2_model.kwargs["target_prefix"] == [[tgt_tag]]
        assert ct2_model.result[0].hypotheses[0][0] == tgt_tag
        hf_one = hf.translate(texts[:1], src, tgt)
        tag_id = hf.tokenizer.convert_tokens_to_ids(tgt_tag)
        assert hf_model.kwargs["forced_bos_token_id"] == tag_id
        assert hf_model.kwargs["input_ids"][0, 0].item() == hf.tokenizer.convert_tokens_to_ids(src_tag)
        # transformers: the decoder start token (</s>), then the forced tag.
        assert hf_model.result[0, 1].item() == tag_id
    finally:
        ct2.model, hf.model = ct2_model._inner, hf_model._inner
    assert ct2_one == hf_one

    batched = ct2.translate(texts, src, tgt)
    assert batched == hf.translate(texts, src, tgt)
    assert not any(tag in t for t in batched for tag in TAGS[pair.family].values())
    # A random model still reads its input: different sentences, different outputs.
    assert len(set(batched)) > 1


@pytest.mark.parametrize(("src", "tgt", "texts"), DIRECTIONS, ids=["ru-en", "en-ko"])
def test_ct2_batched_equals_one_by_one(pair: Pair, src: str, tgt: str, texts) -> None:
    batched = pair.ct2.translate(texts, src, tgt)
    assert batched == [pair.ct2.translate([t], src, tgt)[0] for t in texts]


def test_target_language_changes_the_output(pair: Pair) -> None:
    for translator in (pair.hf, pair.ct2):
        assert translator.translate(RU, "ru", "en") != translator.translate(RU, "ru", "ko")


def test_fixed_length_matches_transformers(pair: Pair) -> None:
    # --fixed-length sets both the minimum and the maximum output length; the target tag
    # counts as one generated token in transformers and as one decoded token in CTranslate2.
    options = TranslatorOptions(dtype="float32", fixed_length=MAX, threads=1)
    hf, ct2 = open_translator(pair.hf_dir, options), open_translator(pair.ct2_dir, options)
    texts = RU[:4]
    assert ct2.translate(texts, "ru", "en") == hf.translate(texts, "ru", "en")


def test_convert_explains_a_tokenizer_without_its_language_tags(tiny_m2m100: Path, tmp_path: Path) -> None:
    # The tiny M2M100's former layout: tokenizer_config.json without the tags, so the
    # tokenizer lists fewer tokens than the embedding has rows.
    from mtcheck.translate.base import TranslationError
    from mtcheck.translate.ct2 import convert

    broken = tmp_path / "m2m100-no-tags"
    broken.mkdir()
    for f in tiny_m2m100.iterdir():
        (broken / f.name).write_bytes(f.read_bytes())
    config = json.loads((broken / "tokenizer_config.json").read_text(encoding="utf-8"))
    config.pop("extra_special_tokens", None)
    config["added_tokens_decoder"] = {
        i: t for i, t in config["added_tokens_decoder"].items() if not t["content"].startswith("__")
    }
    (broken / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(TranslationError, match=r"language tags included, must cover config\.json's vocab_size"):
        convert(broken, out, quantization="float32")
    assert not out.exists()
