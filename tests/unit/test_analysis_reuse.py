"""Analyses done once per document and shared: Kiwi's morphemes from sentence splitting, NER in
length-sorted batches, number-word tables tried as one regex."""

from __future__ import annotations

import pytest

from mtcheck.documents.text import build_document
from mtcheck.lang import ko
from mtcheck.lang.numbers import _word_table, extract

KO_TEXT = (
    "러시아 쿠르스크주의 알렉산드르 힌시테인 주지사는 국제주의자 공원에 기념비를 세우겠다고 밝혔다. "
    "김정은 위원장은 평양에서 “우리는 러시아와 함께할 것”이라고 말했다.\n\n"
    "조선중앙통신은 특별군사작전에 참가한 군인들을 기렸다."
)


def test_korean_names_check_reuses_the_splitters_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = build_document("source.ko.txt", "ko", KO_TEXT)
    from mtcheck.segment import kiwi

    calls: list[object] = []
    real = kiwi().tokenize
    monkeypatch.setattr(type(kiwi()), "tokenize", lambda self, *a, **k: calls.append(a) or real(*a, **k))
    sentences = [s.text for s in doc.segments]
    tokens = ko.tokens_many(sentences)
    assert calls == []  # every sentence was analysed while splitting
    assert len(sentences) == 3 and sentences[1].endswith("말했다.")  # the quotative stays with its quote
    for sentence, toks in zip(sentences, tokens, strict=True):
        # Offsets are the sentence's own: a proper noun's form is the text at its span.
        proper = [t for t in toks if t.tag == "NNP"]
        assert proper and all(sentence[t.start : t.start + t.len] == t.form for t in proper)
    assert "평양" in [t.form for t in tokens[1] if t.tag == "NNP"]


def test_unseen_korean_text_is_analysed_on_demand() -> None:
    (toks,) = ko.tokens_many(["박정희 대통령은 서울에서 연설했다."])
    assert [t.form for t in toks if t.tag == "NNP"][:2] == ["박정희", "서울"]


def test_russian_ner_in_batches_matches_one_sentence_at_a_time() -> None:
    from mtcheck.lang import names_ru

    sentences = [
        "Губернатор Курской области Александр Хинштейн заявил, что сквер Интернационалистов восстановят.",
        "Путин встретился с Ким Чен Ыном в Москве.",
        "В Сеуле прошли переговоры.",
        "Министерство иностранных дел России опубликовало заявление МИД о встрече в Пхеньяне.",
    ]
    names_ru._NER_CACHE.clear()
    one_by_one = []
    for s in sentences:
        names_ru._NER_CACHE.clear()
        one_by_one.append(names_ru._ner_spans(s))
    names_ru._NER_CACHE.clear()
    names_ru.prepare(sentences)
    batched = [names_ru._ner_spans(s) for s in sentences]
    assert batched == one_by_one
    found = {s[a:b] for s, spans in zip(sentences, batched, strict=True) for a, b, _ in spans}
    assert {"Курской области", "Александр Хинштейн", "Москве"} <= found


def test_word_table_keeps_the_first_matching_pattern() -> None:
    table = _word_table({r"двадцат\w*": 20, r"два(?:дцать)?": 2, r"сто": 100})
    assert table("двадцать") == 20  # the first pattern wins, as a loop over them would
    assert table("два") == 2
    assert table("сто") == 100
    assert table("стол") is None
    with pytest.raises(ValueError, match="non-capturing"):
        _word_table({r"(од)ин": 1})


def test_number_words_still_read() -> None:
    got = [(q.kind, q.value) for q in extract("Третий раз за двадцать пять лет в понедельник", "ru")]
    assert ("ordinal", 3.0) in got and ("number", 25.0) in got
    assert any(kind == "weekday" for kind, _ in got)
    got = [(q.kind, q.value) for q in extract("the third time in twenty-five years on Sundays", "en")]
    assert ("ordinal", 3.0) in got and ("number", 25.0) in got
    assert any(kind == "weekday" and value == ("weekday", 6, 0) for kind, value in got)
