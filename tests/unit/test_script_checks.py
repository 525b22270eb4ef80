from __future__ import annotations

import pytest

from mtcheck.align import align_documents
from mtcheck.checks.registry import CheckContext, get_rule
from mtcheck.checks.script import check_script
from mtcheck.documents.text import load_document
from mtcheck.types import Finding, Severity, Span
from tests.conftest import EN_GOVERNOR, RU_GOVERNOR, context, corpus

# Sentences from the bundled corpora.
RU_SQUARE = (
    "Члены совета предложили разместить памятник на территории сквера Интернационалистов — место, "
    "о котором ранее публично не сообщалось."
)
KO_GOVERNOR = (
    '12월 4일 알렉산드르 힌시테인 쿠르스크 주지사는 북한과 러시아의 "전투적 형제애"를 기리는 '
    "기념비를 세울 계획이라고 발표했다."
)
RU_EVENT = "Мероприятие, прошедшее в нераскрытом месте, посетили местные чиновники и представители военных."
EN_EVENT = (
    "The event, which took place at an undisclosed location, was attended by local officials and "
    "military representatives."
)
RU_MOVE = (
    "Этот шаг рассматривается как важный жест солидарности двух стран, укрепляющий их стратегическое "
    "партнерство в условиях западных санкций и геополитической изоляции."
)
EN_MOVE = (
    "The move is seen as a significant gesture of solidarity between the two nations, reinforcing their "
    "strategic partnership in the face of Western sanctions and geopolitical isolation."
)


def run(source: str, target: str, source_lang: str = "ru", target_lang: str = "en") -> list[Finding]:
    return list(check_script(context(source, target, source_lang, target_lang)))


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def span_of(text: str, fragment: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return Span(start, start + len(fragment))


def test_rules_registered() -> None:
    assert get_rule("untranslated").code == "MT401"
    assert get_rule("MT402").name == "mojibake"
    assert get_rule("repetition").severity is Severity.WARNING
    assert get_rule("MT401").family == "script and garbling"


# MT401 untranslated


def test_untranslated_russian_phrase_with_source_span() -> None:
    target = EN_GOVERNOR.replace("the ‘battle brotherhood’", "the ‘боевому братству’")
    (f,) = run(RU_GOVERNOR, target)
    assert f.rule == "MT401" and f.severity is Severity.ERROR
    assert f.target_span == Span(104, 120) == span_of(target, "боевому братству")
    assert f.target_span.text(target) == "боевому братству"
    assert f.source_span == span_of(RU_GOVERNOR, "боевому братству")
    assert f.suggestion is None


def test_untranslated_korean_run_spans_digits_and_words() -> None:
    target = "On 12월 4일, Kursk Governor 알렉산드르 힌시테인 announced plans to erect a monument."
    found = only(run(KO_GOVERNOR, target, "ko"), "MT401")
    assert [f.target_span.text(target) for f in found] == ["12월 4일", "알렉산드르 힌시테인"]
    assert [f.target_span for f in found] == [Span(3, 9), Span(26, 36)]
    assert [f.source_span.text(KO_GOVERNOR) if f.source_span else None for f in found] == [
        "12월 4일",
        "알렉산드르 힌시테인",
    ]


def test_untranslated_bare_quote_after_lowercase_word_is_flagged() -> None:
    target = "Members proposed the “сквер Интернационалистов” as the site."
    (f,) = run(RU_SQUARE, target)
    assert f.target_span == span_of(target, "сквер Интернационалистов")
    # The source has the genitive "сквера", so there is no verbatim source text to point at.
    assert f.source_span is None


@pytest.mark.parametrize(
    "target",
    [
        EN_GOVERNOR.replace("Alexander Khinstin", "Alexander Khinshtein (Хинштейн)"),
        EN_GOVERNOR.replace("Khinstin", "Khinshtein (Russian: Хинштейн)"),
        "Members of the council proposed placing the monument in Internationalists Square "
        "(«сквер Интернационалистов»), a location that has not been previously detailed.",
        "Members of the council proposed placing the monument in Internationalists Square "
        "“сквер Интернационалистов”, a location that has not been previously detailed.",
    ],
)
def test_kept_original_is_not_flagged(target: str) -> None:
    assert only(run(RU_GOVERNOR + "\n\n" + RU_SQUARE, target), "MT401") == []


def test_untranslated_skipped_for_non_english_target() -> None:
    assert only(run(KO_GOVERNOR, RU_GOVERNOR, "ko", "ru"), "MT401") == []


# MT402 mojibake


def test_mojibake_cp1251_apostrophe() -> None:
    target = EN_MOVE.replace("their", "the nationsвЂ™")
    (f,) = run(RU_MOVE, target)
    assert f.rule == "MT402" and f.evidence["kind"] == "encoding"
    assert f.target_span == span_of(target, "nationsвЂ™") == Span(97, 107)
    assert f.suggestion == "nations’"


def test_mojibake_latin1_phrase_is_one_finding() -> None:
    target = "Putin greeted Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€ in Kursk."
    (f,) = only(run(RU_MOVE, target), "MT402")
    assert f.target_span == span_of(target, "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€")
    assert f.suggestion == "привет мир"


def test_replacement_character() -> None:
    target = EN_EVENT.replace("undisclosed", "undiscl\ufffdsed")
    (f,) = run(RU_EVENT, target)
    assert f.evidence["kind"] == "replacement"
    assert f.target_span == span_of(target, "undiscl\ufffdsed")
    assert f.suggestion is None


def test_homoglyph_word() -> None:
    target = EN_MOVE.replace("Western", "Wеstеrn")  # two Cyrillic е
    (f,) = run(RU_MOVE, target)
    assert f.evidence["kind"] == "mixed-script"
    assert f.target_span == span_of(target, "Wеstеrn")
    assert f.suggestion == "Western"
    # Not also reported as untranslated Cyrillic.
    assert only(run(RU_MOVE, target), "MT401") == []


def test_typography_is_not_mojibake() -> None:
    target = (
        "Putin’s ‘heroic participation’ remark — “confirms the friendship” … of Russia and North Korea—a "
        "partnership; naïve café «quotes», 5×3 m², ½ km, 20 °C, €100, “Khinstin’s” words."
    )
    assert only(run(RU_GOVERNOR, target), "MT402") == []


# MT404 repetition


def test_doubled_word() -> None:
    target = EN_EVENT.replace("local officials", "local officials officials")
    (f,) = run(RU_EVENT, target)
    assert f.rule == "MT404" and f.severity is Severity.WARNING
    assert f.target_span == span_of(target, "officials", nth=1)
    assert f.target_span.text(target) == "officials"


def test_doubled_function_word_is_a_typing_slip_reported_as_info() -> None:
    target = EN_EVENT.replace("by local", "by the the local")
    (f,) = run(RU_EVENT, target)
    assert f.rule == "MT404" and f.severity is Severity.INFO
    assert f.target_span == span_of(target, "the", nth=1)


def test_doubled_word_the_source_has_too_is_not_flagged() -> None:
    # NTREX-128: the Russian keeps the English name of the trade model.
    source = "«Они могут настроить ИТ-системы и технологии Canada plus plus», — добавил он."
    target = "'They can have the IT systems and all of the technology for Canada plus plus,' he added."
    assert only(run(source, target), "MT404") == []


def test_doubled_word_case_insensitive_across_line_break() -> None:
    target = "The\nthe event was attended by local officials."
    (f,) = run(RU_EVENT, target)
    assert f.target_span == Span(4, 7)


@pytest.mark.parametrize(
    "target",
    [
        "Officials said that that was the site chosen for the monument.",
        "The council had had two meetings by December 4.",
        "The monument will be 10 10 metres tall.",
        "The song was first performed in Bora Bora.",
        # the end of a hyphenated name, then the preposition (NTREX-128)
        "Kim met South Korean leader Moon Jae-in in the past five months.",
    ],
)
def test_legitimate_doubles_not_flagged(target: str) -> None:
    assert run(RU_EVENT, target) == []


def test_repeated_sentence() -> None:
    target = f"{EN_MOVE} {EN_EVENT} {EN_MOVE}"
    (f,) = only(run(f"{RU_MOVE} {RU_EVENT}", target), "MT404")
    assert f.evidence["kind"] == "sentence"
    assert f.target_span == Span(len(EN_MOVE) + len(EN_EVENT) + 2, len(target))
    assert f.target_span.text(target) == EN_MOVE


def test_sentence_the_source_says_twice_in_other_words_is_not_flagged() -> None:
    # FLORES-200 devtest repeats an English sentence whose two Russian translations differ.
    source = (
        "Ему аккомпанировал певец Раджу Кханделвал. Лаккха Сингх исполнил чхаппан бхог бхаджан. "
        "Певец Раджу Кханделвал пел вместе с ним."
    )
    target = (
        "Singer, Raju Khandelwal was accompanying him. Lakkha Singh presented the chhappan bhog bhajan as well. "
        "Singer, Raju Khandelwal was accompanying him."
    )
    assert only(run(source, target), "MT404") == []
    # A different source sentence under the repeated one is still a repetition.
    source = source.replace("Певец Раджу Кханделвал пел вместе с ним.", "Концерт закончился в полночь.")
    assert [f.evidence["kind"] for f in only(run(source, target), "MT404")] == ["sentence"]


def test_sentence_repeated_in_source_too_is_not_flagged() -> None:
    source = f"{RU_MOVE} {RU_EVENT} {RU_MOVE}"
    target = f"{EN_MOVE} {EN_EVENT} {EN_MOVE}"
    assert run(source, target) == []


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
def test_bundled_corpora_are_clean(name: str, lang: str) -> None:
    src_path, tgt_path = corpus(name)
    src = load_document(src_path, lang)
    tgt = load_document(tgt_path, "en")
    assert list(check_script(CheckContext(src, tgt, tuple(align_documents(src, tgt))))) == []
