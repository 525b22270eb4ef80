"""The transformers and CTranslate2 backends, driven through their real loading code on a
tiny model built from the corpora (see tests/tinymodel.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.translate.base import TranslationError
from mtcheck.translate.cache import CachedTranslator, TranslationStore
from mtcheck.translate.load import TranslatorOptions, open_translator
from tests.conftest import CORPORA

MAX = 12  # output cap: random weights never stop on their own


def sentences(name: str, n: int = 10) -> list[str]:
    folder = CORPORA / name
    text = next(folder.glob("source.*.txt")).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()][:n]


@pytest.fixture(scope="module")
def hf(tiny_marian: Path):
    from mtcheck.translate.hf import HFTranslator

    return HFTranslator(tiny_marian, max_new_tokens=MAX, batch_size=4, threads=1)


def test_hf_batched_equals_one_by_one(hf) -> None:
    texts = sentences("kursk-ru") + sentences("kursk-ko", 4)
    batched = hf.translate(texts, "ru", "en")
    assert len(batched) == len(texts)
    # Length-sorted batching must put every output back in its input's place.
    assert batched == [hf.translate([t], "ru", "en")[0] for t in texts]
    # Different inputs, different outputs: the model reads its input.
    assert len(set(batched)) > len(texts) // 2
    assert hf.translate([], "ru", "en") == []


def test_hf_signature_names_model_beam_dtype(hf, tiny_marian: Path) -> None:
    sig = hf.signature()
    assert sig.backend == "transformers" and sig.model == str(tiny_marian.resolve())
    assert sig.beam == 1 and sig.dtype == "float32" and len(sig.revision) == 16
    assert hf.device == "cpu"  # no CUDA on the test machines: "auto" must fall back


def test_hf_beam_search_runs_through_the_same_path(tiny_marian: Path) -> None:
    from mtcheck.translate.hf import HFTranslator

    beam = HFTranslator(tiny_marian, beam=3, max_new_tokens=MAX)
    texts = sentences("kursk-ru", 3)
    out = beam.translate(texts, "ru", "en")
    assert len(out) == 3 and all(out)
    assert beam.signature() != HFTranslator(tiny_marian, max_new_tokens=MAX).signature()


def test_ct2_float32_matches_transformers_greedy(hf, tiny_ct2: dict[str, Path]) -> None:
    from mtcheck.translate.ct2 import CT2Translator

    ct2 = CT2Translator(tiny_ct2["float32"], compute_type="float32", max_new_tokens=MAX, batch_size=4)
    texts = sentences("kursk-ru")
    assert ct2.translate(texts, "ru", "en") == hf.translate(texts, "ru", "en")


def test_ct2_int8_batched_equals_one_by_one(tiny_ct2: dict[str, Path]) -> None:
    # int8 is compared with itself, not with float32: quantising random weights moves the
    # argmax, so agreement with transformers is only expected for trained models.
    translator = open_translator(tiny_ct2["int8"], TranslatorOptions(fixed_length=MAX))
    assert type(translator).__name__ == "CT2Translator"
    assert translator.signature().dtype == "int8"
    texts = sentences("kursk-ko")
    batched = translator.translate(texts, "ko", "en")
    assert batched == [translator.translate([t], "ko", "en")[0] for t in texts]
    assert len(set(batched)) > 1


def test_open_translator_picks_the_backend_from_the_directory(tiny_marian: Path, tiny_ct2: dict[str, Path]) -> None:
    assert type(open_translator(tiny_marian)).__name__ == "HFTranslator"
    assert type(open_translator(tiny_ct2["float32"])).__name__ == "CT2Translator"
    with pytest.raises(TranslationError, match="is a CTranslate2 model; use --backend ctranslate2"):
        open_translator(tiny_ct2["float32"], TranslatorOptions(backend="transformers"))
    with pytest.raises(TranslationError, match=r"is not a CTranslate2 model \(no model.bin\)"):
        open_translator(tiny_marian, TranslatorOptions(backend="ctranslate2"))


class Counting:
    def __init__(self, inner) -> None:
        self.inner, self.calls = inner, 0

    def translate(self, texts, src, tgt):
        self.calls += 1
        return self.inner.translate(texts, src, tgt)

    def signature(self):
        return self.inner.signature()


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_second_run_makes_no_model_call(backend: str, hf, tiny_ct2: dict[str, Path], _private_cache: Path) -> None:
    from mtcheck.translate.ct2 import CT2Translator

    model = hf if backend == "transformers" else CT2Translator(tiny_ct2["int8"], max_new_tokens=MAX)
    texts = sentences("kursk-ru", 6)
    first = Counting(model)
    out1 = CachedTranslator(first, TranslationStore()).translate(texts, "ru", "en")
    assert first.calls >= 1
    # A new process would open the same file: a new store and a new wrapper.
    second = Counting(model)
    cached = CachedTranslator(second, TranslationStore())
    assert cached.translate(texts, "ru", "en") == out1
    assert second.calls == 0 and cached.hits == len(texts) and cached.misses == 0
    assert (_private_cache / "translations.sqlite3").is_file()


def test_missing_and_corrupt_model_directories(tmp_path: Path, tiny_marian: Path) -> None:
    with pytest.raises(TranslationError, match="does not exist"):
        open_translator(tmp_path / "nope")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(TranslationError, match=r"not a model directory \(no config.json\)"):
        open_translator(empty)
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in tiny_marian.iterdir():
        (broken / f.name).write_bytes(f.read_bytes())
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])  # a download cut short
    with pytest.raises(TranslationError, match="cannot load the model from"):
        open_translator(broken)
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(TranslationError, match="not a valid model config"):
        open_translator(broken)


def test_unsupported_model_type(tmp_path: Path) -> None:
    folder = tmp_path / "bert"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": "bert"}), encoding="utf-8")
    with pytest.raises(TranslationError, match="model type 'bert' is not supported"):
        open_translator(folder)


def test_m2m100_language_tags(tmp_path: Path) -> None:
    pytest.importorskip("sentencepiece")
    from mtcheck.translate.hf import HFTranslator
    from tests.tinymodel import build_m2m100

    model = HFTranslator(build_m2m100(tmp_path / "m2m"), max_new_tokens=MAX, threads=1)
    assert model.family == "m2m100"
    texts = sentences("kursk-ru", 3)
    to_en = model.translate(texts, "ru", "en")
    to_ko = model.translate(texts, "ru", "ko")
    # The source tag is prepended to the input…
    assert model.tokenizer.convert_ids_to_tokens(model.tokenizer(texts[0])["input_ids"])[0] == "__ru__"
    # …the target tag is forced as the first output token (so the target language changes
    # the output) and is not part of the returned text.
    assert to_en != to_ko
    assert not any("__en__" in t or "__ko__" in t for t in to_en + to_ko)
