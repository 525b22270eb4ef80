"""The learned lexicon (mtcheck.lexicon) and what it adds to sentence alignment."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from mtcheck.documents.text import build_document
from mtcheck.errors import InputError
from mtcheck.lexicon import Lexicon, bundled, learn, load, save, words_many
from mtcheck.pipeline import check_documents
from mtcheck.types import Severity

DATA = Path(__file__).resolve().parent.parent / "data"
PARALLEL = DATA / "parallel"
HANDMADE = DATA / "handmade"


def _flores() -> list[tuple[str, str]]:
    ru = (PARALLEL / "flores-dev.ru.txt").read_text(encoding="utf-8").splitlines()
    en = (PARALLEL / "flores-dev.en.txt").read_text(encoding="utf-8").splitlines()
    return list(zip(ru, en, strict=True))


def test_words_are_lemmas_morphemes_and_stems() -> None:
    assert words_many(["Учёные объявили о новых изобретениях."], "ru") == [
        ["ученый", "объявить", "новый", "изобретение"]
    ]
    assert words_many(["Scientists announced the inventions."], "en") == [["scientist", "announc", "invention"]]
    (korean,) = words_many(["과학자들이 새로운 발명을 발표했다."], "ko")
    assert {"과학자", "발명", "발표"} <= set(korean)


def test_model_one_learns_translations_from_120_real_sentence_pairs() -> None:
    lexicon = learn(_flores(), "ru", "en", min_count=2)
    assert lexicon.entries["полиция"] == {"police"}
    assert "year" in lexicon.entries["год"]
    assert "scientist" in lexicon.entries["ученый"]
    # Seen in one line only: too little to learn from at min_count 2.
    assert "велоцираптор" not in learn(_flores()[:40], "ru", "en", min_count=2).entries


def test_bundled_lexicons_serve_both_directions() -> None:
    ru_en = bundled("ru", "en")
    assert ru_en is not None and ru_en is bundled("en", "ru")
    assert ru_en.serves("en", "ru") and not ru_en.serves("ko", "en")
    assert len(ru_en) > 900 and ru_en.entries["правительство"] == {"government"}
    ko_en = bundled("ko", "en")
    assert ko_en is not None and len(ko_en) > 1000
    assert bundled("ru", "ko") is None


@pytest.mark.parametrize("russian_side", ["source", "target"])
def test_a_word_meets_its_translation_as_one_key_whichever_side_is_the_source(russian_side: str) -> None:
    lexicon = bundled("ru", "en")
    assert lexicon is not None
    english_side = "target" if russian_side == "source" else "source"
    (ru,) = lexicon.keys_many(["Правительство города обратилось в суд."], "ru", russian_side)
    (en,) = lexicon.keys_many(["The city government went to court."], "en", english_side)
    own = "X" if russian_side == "source" else "Y"
    other = "Y" if own == "X" else "X"
    assert {f"{own}:правительство", f"{other}:government", f"{own}:суд", f"{other}:court"} <= ru & en
    (neighbour,) = lexicon.keys_many(["Heavy rain is expected on Sunday."], "en", english_side)
    assert not ru & neighbour


@pytest.mark.parametrize("name", ["lexicon.json", "lexicon.json.gz"])
def test_a_saved_lexicon_loads_as_it_was(tmp_path: Path, name: str) -> None:
    lexicon = learn(_flores(), "ru", "en", min_count=2, about="test")
    save(lexicon, tmp_path / name)
    again = load(tmp_path / name)
    assert again.entries == lexicon.entries and (again.source, again.target, again.about) == ("ru", "en", "test")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not a lexicon file"),
        (json.dumps({"source": "ru", "target": "en"}).encode(), "no 'entries'"),
        (json.dumps({"source": "ru", "target": "ru", "entries": {}}).encode(), "two of ru, ko, en"),
        (json.dumps({"source": "ru", "target": "en", "entries": {"год": "year"}}).encode(), "not a list of words"),
        (gzip.compress(b"{"), "not a lexicon file"),
    ],
)
def test_a_broken_lexicon_file_is_an_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / ("bad.json.gz" if content.startswith(b"\x1f\x8b") else "bad.json")
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load(path)
    with pytest.raises(InputError, match="cannot read"):
        load(tmp_path / "missing.json")


def _drop(text: str, sentence: str) -> str:
    assert sentence in text
    return text.replace(" " + sentence, "").replace(sentence + " ", "")


def _omissions(lang: str, source: str, target: str, lexicon: Lexicon | str | None) -> list[str]:
    report = check_documents(build_document("s", lang, source), build_document("t", "en", target), lexicon=lexicon)
    return [
        f.source_span.text(report.source.text)
        for f in report.findings
        if f.rule == "MT101" and f.severity >= Severity.WARNING and f.source_span is not None
    ]


@pytest.mark.parametrize(
    ("article", "lang", "dropped", "source_sentence"),
    [
        ("news-1", "ru", "Yandex has unveiled a new smartphone.", "Компания «Яндекс» представила новый смартфон."),
        (
            "news-2",
            "ko",
            "In her acceptance speech, she thanked her two sons.",
            "수상 소감에서 그는 두 아들에게 감사를 전했다.",
        ),
    ],
)
def test_a_short_sentence_left_out_is_found_by_its_words(
    article: str, lang: str, dropped: str, source_sentence: str
) -> None:
    # Length alone reads the Russian or Korean sentence as joined to its neighbour's
    # translation; none of its words has a translation there.
    source = (HANDMADE / f"{article}.{lang}.txt").read_text(encoding="utf-8")
    text = (HANDMADE / f"{article}.{lang}-en.txt").read_text(encoding="utf-8")
    draft = _drop(text, dropped)
    assert _omissions(lang, source, draft, None) == []
    assert _omissions(lang, source, draft, "bundled") == [source_sentence]
