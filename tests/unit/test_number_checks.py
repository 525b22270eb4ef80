from __future__ import annotations

import pytest

from mtcheck.align import align_documents
from mtcheck.anchors import number_keys
from mtcheck.checks.numbers import check_numbers, compare
from mtcheck.checks.registry import CheckContext, all_rules
from mtcheck.documents.text import load_document
from mtcheck.lang.numbers import extract
from mtcheck.types import Finding
from tests.conftest import context, corpus


def values(text: str, lang: str) -> list[tuple[str, object]]:
    return [(text[q.start : q.end], q.value) for q in extract(text, lang)]


def run(src_text: str, lang: str, tgt_text: str) -> tuple[list[Finding], str, str]:
    return list(check_numbers(context(src_text, tgt_text, lang))), src_text, tgt_text


# --- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Инфляция составила 3,5% за год.", [("3,5%", 3.5)]),
        ("Бюджет — 1 000 000 рублей.", [("1 000 000", 1e6)]),
        ("Бюджет — 1\u00a0000\u00a0000 рублей.", [("1\u00a0000\u00a0000", 1e6)]),
        ("Пришли 15 тыс. человек.", [("15 тыс.", 15000.0)]),
        ("Выделено 2,5 млн рублей и 1,2 млрд долларов.", [("2,5 млн", 2.5e6), ("1,2 млрд", 1.2e9)]),
        ("Погибли двадцать пять человек.", [("двадцать пять", 25.0)]),
        ("Эвакуированы пять тысяч жителей.", [("пять тысяч", 5000.0)]),
        ("Задержаны два человека.", [("два", 2.0)]),
        ("Это третий случай за месяц.", [("третий", 3.0)]),
        ("Цены выросли на 10–15 процентов.", [("10", 10.0), ("15 процентов", 15.0)]),
    ],
)
def test_parse_russian(text: str, expected: list[tuple[str, float]]) -> None:
    assert values(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("관중 1,000명이 모였다.", [("1,000", 1000.0)]),
        ("3만 5천 명이 참가했다.", [("3만 5천", 35000.0)]),
        ("예산은 2억 원이다.", [("2억", 2e8)]),
        ("피해액은 5천만 원으로 추산된다.", [("5천만", 5e7)]),
        ("삼십 명이 다쳤다.", [("삼십", 30.0)]),
        ("두 명이 숨지고 세 차례 여진이 있었다.", [("두", 2.0), ("세", 3.0)]),
        ("실업률은 3.5%로 집계됐다.", [("3.5%", 3.5)]),
        # 세대 is a generation or a household; spaced, 세 대 is three of something.
        ("실업이 젊은 세대를 범죄로 이끈다.", []),
        ("열대 폭풍이 북상한다.", []),
        ("차 세 대를 샀다.", [("세", 3.0)]),
    ],
)
def test_parse_korean(text: str, expected: list[tuple[str, float]]) -> None:
    assert values(text, "ko") == expected


def test_korean_second_and_double_are_weak_as_in_english() -> None:
    # English "second", "twice" and "double" are no alignment anchors; 두 번째 and 두 배 neither.
    assert number_keys("두 번째 정상회담을 준비한다.", "ko") == set()
    assert number_keys("예산을 두 배로 늘려야 한다.", "ko") == set()
    assert number_keys("the second summit, to double the budget", "en") == set()
    assert number_keys("세 번째 경기에서 차 열 대가 불탔다.", "ko") == {"D:3", "D:10"}
    # Nor are "twice" as Korean (두 번) and Russian (в два раза) write it; three times stays a figure.
    assert number_keys("그녀에게 두 번이나 보냈다.", "ko") == set()
    assert number_keys("Цены выросли в два раза.", "ru") == set()
    assert number_keys("Цены выросли в три раза.", "ru") == {"D:3"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund holds 1.5 million dollars.", [("1.5 million", 1.5e6)]),
        ("Twenty-five people were hurt.", [("Twenty-five", 25.0)]),
        ("He bought a dozen eggs.", [("a dozen", 12.0)]),
        ("Some 3,500 people came.", [("3,500", 3500.0)]),
        ("Prices rose 35% in a year.", [("35%", 35.0)]),
        ("Prices rose 35 percent.", [("35 percent", 35.0)]),
        ("He paid £11million for it.", [("11million", 1.1e7)]),
        ("Two hundred and five flights were cancelled.", [("Two hundred and five", 205.0)]),
    ],
)
def test_parse_english(text: str, expected: list[tuple[str, float]]) -> None:
    assert values(text, "en") == expected


def test_parse_half_and_approximation() -> None:
    (half,) = extract("Half of the city lost power.", "en")
    assert half.value == 0.5 and half.weak
    (about,) = extract("около 100 человек", "ru")
    (yak,) = extract("약 100명", "ko")
    (yeo,) = extract("100여 명", "ko")
    (over,) = extract("more than 100 people", "en")
    assert all(q.approx and q.value == 100.0 for q in (about, yak, yeo, over))


def test_parse_dates_and_times() -> None:
    assert values("4 декабря 2024 года и 04.12.2024 в понедельник в 20:40", "ru") == [
        ("4 декабря", ("date", 12, 4)),
        ("2024", 2024.0),
        ("04.12", ("date", 12, 4)),
        ("2024", 2024.0),
        ("понедельник", ("weekday", 0, 0)),
        ("20:40", ("time", 20, 40)),
    ]
    assert values("2024년 12월 4일 월요일 오후 8시 40분", "ko") == [
        ("2024년", 2024.0),
        ("12월 4일", ("date", 12, 4)),
        ("월요일", ("weekday", 0, 0)),
        ("8시 40분", ("time", 20, 40)),
    ]
    assert values("On Monday, December 4, 2024, at 8:40 pm", "en") == [
        ("Monday", ("weekday", 0, 0)),
        ("December 4", ("date", 12, 4)),
        ("2024", 2024.0),
        ("8:40", ("time", 20, 40)),
    ]
    # An hour with its half of the day ("7 a.m.", "8 p.m." in English).
    assert values("Встреча в 7 утра, ужин в 8 вечера.", "ru") == [("7", ("time", 7, 0)), ("8", ("time", 20, 0))]
    # British clock times: a dot, not a colon ("в 7:55", "오전 4시 40분" in the source).
    assert values("It happened at 7.55am and again at 4.40 pm that day.", "en") == [
        ("7.55am", ("time", 7, 55)),
        ("4.40 pm", ("time", 16, 40)),
    ]


# --- MT301 -----------------------------------------------------------------------------


def test_rules_registered() -> None:
    codes = {r.code: r.name for r in all_rules()}
    assert codes["MT301"] == "number" and codes["MT302"] == "date"


@pytest.mark.parametrize(
    ("src", "lang", "tgt"),
    [
        ("Ущерб оценивается в 2,5 млн рублей.", "ru", "The damage is estimated at 2.5 million roubles."),
        ("Ущерб оценивается в 2,5 млн рублей.", "ru", "The damage is estimated at 2,500,000 roubles."),
        ("В акции участвовали около 15 тыс. человек.", "ru", "About 15,000 people took part in the rally."),
        ("Погибли двадцать пять человек.", "ru", "Twenty-five people were killed."),
        ("Безработица выросла до 3,5%.", "ru", "Unemployment rose to 3.5 percent."),
        ("Цены выросли на 10–15%.", "ru", "Prices rose by 10-15%."),
        ("В митинге приняли участие более 1000 человек.", "ru", "Over 1,000 people attended the rally."),
        ("이번 행사에는 3만 5천 명이 참가했다.", "ko", "Some 35,000 people took part in the event."),
        ("사고로 두 명이 숨졌다.", "ko", "Two people died in the accident."),
        ("총 사업비는 5천만 원이다.", "ko", "The project costs 50 million won in total."),
        ("피해 가구는 100여 가구에 이른다.", "ko", "More than 100 households were affected."),
        ("실업률은 약 4%다.", "ko", "The jobless rate is around 4%."),
        # DEMETR references: "сутки" is 24 hours; a page number glued to "p"
        ("За сутки умерло 77 человек.", "ru", "In the past 24 hours, 77 people died."),
        ("(Ларсон и ЛаФасто, 1989 г., с. 109)", "ru", "(Larson and LaFasto, 1989, p109)"),
    ],
)
def test_number_passes(src: str, lang: str, tgt: str) -> None:
    assert run(src, lang, tgt)[0] == []


def test_number_replaced_russian() -> None:
    findings, src, tgt = run(
        "Ущерб оценивается в 2,5 млн рублей.", "ru", "The damage is estimated at 25 million roubles."
    )
    (f,) = findings
    assert f.rule == "MT301" and f.severity.label == "error"
    assert f.target_span and f.target_span.text(tgt) == "25 million"
    assert f.source_span and f.source_span.text(src) == "2,5 млн"
    assert f.suggestion == "2.5 million"


def test_number_replaced_korean() -> None:
    findings, src, tgt = run("이번 행사에는 3만 5천 명이 참가했다.", "ko", "Some 3,500 people took part in the event.")
    (f,) = findings
    assert f.rule == "MT301"
    assert f.target_span and f.target_span.text(tgt) == "3,500"
    assert f.source_span and f.source_span.text(src) == "3만 5천"
    assert f.suggestion == "35,000"


def test_number_word_replaced() -> None:
    findings, src, tgt = run("Погибли двадцать пять человек.", "ru", "Twenty-two people were killed.")
    (f,) = findings
    assert f.target_span and f.target_span.text(tgt) == "Twenty-two"
    assert f.source_span and f.source_span.text(src) == "двадцать пять"


def test_number_dropped_from_translation() -> None:
    findings, src, _ = run(
        "Задержаны 12 человек, ещё 7 объявлены в розыск.", "ru", "Twelve people were detained and others are wanted."
    )
    (f,) = findings
    assert f.rule == "MT301" and f.target_span is None
    assert f.source_span and f.source_span.text(src) == "7"


def test_approximation_alone_is_no_finding() -> None:
    assert run("Погибли почти 30 человек.", "ru", "Thirty people were killed.")[0] == []
    assert run("Погибли 30 человек.", "ru", "About 30 people were killed.")[0] == []


# --- MT302 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "lang", "tgt"),
    [
        ("4 декабря губернатор объявил о планах.", "ru", "On December 4, the governor announced plans."),
        ("Встреча прошла 04.12.2024.", "ru", "The meeting took place on 4 December 2024."),
        ("Заседание назначено на понедельник, 20:40.", "ru", "The session is set for Monday at 8:40 pm."),
        ("12월 4일 주지사가 계획을 발표했다.", "ko", "On December 4, the governor announced the plan."),
        ("이 계획은 2024년에 발표됐다.", "ko", "The plan was announced in 2024."),
        ("회의는 월요일 오후 8시 40분에 열린다.", "ko", "The meeting is on Monday at 8:40 p.m."),
    ],
)
def test_date_passes(src: str, lang: str, tgt: str) -> None:
    assert run(src, lang, tgt)[0] == []


def test_date_day_changed() -> None:
    findings, src, tgt = run(
        "4 декабря губернатор объявил о планах.", "ru", "On December 14, the governor announced plans."
    )
    (f,) = findings
    assert f.rule == "MT302"
    assert f.target_span and f.target_span.text(tgt) == "December 14"
    assert f.source_span and f.source_span.text(src) == "4 декабря"
    assert f.suggestion == "December 4"


def test_date_korean_weekday_and_year() -> None:
    findings, src, tgt = run("2023년 회의는 화요일에 열렸다.", "ko", "The 2024 meeting was held on Thursday.")
    assert [
        (f.rule, f.source_span.text(src), f.target_span.text(tgt)) for f in findings if f.source_span and f.target_span
    ] == [
        ("MT302", "2023년", "2024"),
        ("MT302", "화요일", "Thursday"),
    ]


def test_date_time_changed() -> None:
    findings, _src, tgt = run("Поезд отправился в 20:40.", "ru", "The train left at 9:40 pm.")
    (f,) = findings
    assert f.rule == "MT302" and f.target_span and f.target_span.text(tgt) == "9:40"
    assert f.suggestion == "20:40"


def test_date_numbers_are_not_number_findings() -> None:
    findings, _, _ = run("4 декабря прошло заседание.", "ru", "The meeting took place on December 5.")
    assert [f.rule for f in findings] == ["MT302"]


def test_compare_line_level() -> None:
    (m,) = compare("Инфляция составила 7,5%.", "ru", "Inflation was 5.7%.")
    assert m.rule.code == "MT301" and m.source and m.target


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
def test_kursk_corpora_have_no_number_findings(name: str, lang: str) -> None:
    source, draft = corpus(name)
    src, tgt = load_document(source, lang), load_document(draft, "en")
    assert list(check_numbers(CheckContext(src, tgt, tuple(align_documents(src, tgt))))) == []
