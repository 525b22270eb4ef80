"""MT403: English tokens that are not words, unless a source name explains them."""

from __future__ import annotations

import pytest

from mtcheck.checks.nonword import check_non_words
from mtcheck.checks.registry import get_rule
from mtcheck.pipeline import check_files
from mtcheck.types import Finding, Severity
from tests.conftest import context, corpus

RU_SQUARE = (
    "Члены совета предложили разместить памятник на территории сквера Интернационалистов — место, "
    "о котором ранее публично не сообщалось."
)
EN_SQUARE = (
    "Members of the council proposed placing the monument on the territory of the ‘In Internationals Kvir,’ "
    "a location that has not been previously detailed in public reports."
)
KO_SQUARE = (
    "위원회 위원들은 이전에 공개적으로 보고된 적 없는 장소인 인테르나치오날리스토프 광장에 기념비를 세우자고 제안했다."
)


def run(source: str, target: str, lang: str = "ru") -> list[Finding]:
    return list(check_non_words(context(source, target, lang)))


def spans(findings: list[Finding], target: str) -> list[str]:
    return [f.target_span.text(target) for f in findings if f.target_span]


def test_rule_is_info() -> None:
    assert get_rule("non-word").severity is Severity.INFO


def test_garbled_transliteration_in_russian_pair() -> None:
    findings = run(RU_SQUARE, EN_SQUARE)
    assert spans(findings, EN_SQUARE) == ["Kvir"]
    assert findings[0].rule == "MT403" and findings[0].severity is Severity.INFO


def test_garbled_word_in_korean_pair() -> None:
    assert spans(run(KO_SQUARE, EN_SQUARE, "ko"), EN_SQUARE) == ["Kvir"]


@pytest.mark.parametrize(
    ("source", "lang", "target", "expected"),
    [
        # a lower-case misspelling is never excused by the source
        (
            "Гидрометцентр России сообщил о небольших дождях.",
            "ru",
            "The Hydrometeorological Center of Russia repotred light rains.",
            ["repotred"],
        ),
        ("경찰은 용의자를 체포했다고 밝혔다.", "ko", "Police said they had arested the suspect.", ["arested"]),
        # a typo that splits into a common word and a rare one stays a typo
        ("Завтрак подают в восемь.", "ru", "Breakast is served at eight.", ["Breakast"]),
        # a name that no source word transliterates to
        (
            "Губернатор Александр Хинштейн объявил о планах.",
            "ru",
            "Governor Alexander Zorbulak announced plans.",
            ["Zorbulak"],
        ),
    ],
)
def test_non_words_are_reported(source: str, lang: str, target: str, expected: list[str]) -> None:
    assert spans(run(source, target, lang), target) == expected


@pytest.mark.parametrize(
    ("source", "lang", "target"),
    [
        # rare names explained by their source spelling
        ("Губернатор Александр Хинштейн объявил о планах.", "ru", "Governor Alexander Khinstin announced plans."),
        ("Беспорядки в тюрьме Лонг-Лартин: ранено шестеро полицейских", "ru", "Long Lartin prison: six officers hurt."),
        (
            "용의자인 세이풀로 사이포프에 사형을 구형할 방침이다.",
            "ko",
            "Prosecutors are seeking the death penalty for Sayfullo Saipov.",
        ),
        (
            "토요타는 버나스톤에 소재한 공장에서 생산을 중지할 예정이다.",
            "ko",
            "Toyota will halt production at Burnaston.",
        ),
        # unlisted compounds of common words, and prefixed forms
        ("Европа выиграла утренние матчи в формате фоурбол.", "ru", "Europe won the morning fourballs."),
        ("이 브랜드는 홈웨어를 판매한다.", "ko", "The brand sells homewear."),
        ("Насос снова закачивал воду в пласт.", "ru", "The pump was reinjecting water into the formation."),
        # Latin words kept in the source, acronyms, addresses
        ("Об этом сообщила газета Lietuvos rytas.", "ru", "This was reported by the newspaper Lietuvos rytas."),
        ("Подробности на сайте weather.com и в AfCFTA.", "ru", "Details are on weather.com and at AfCFTA."),
    ],
)
def test_names_and_kept_words_pass(source: str, lang: str, target: str) -> None:
    assert run(source, target, lang) == []


def test_kursk_corpora_have_nothing_above_info_from_mt403() -> None:
    for name in ("kursk-ru", "kursk-ko"):
        report = check_files(*corpus(name))
        nonwords = [f for f in report.findings if f.rule == "MT403" or "MT403" in f.evidence.get("also", [])]
        # Alone, or folded into a name finding (MT204) on "In Internationals Kvir".
        (span,) = [f.target_span.text(report.target.text) for f in nonwords if f.target_span]
        assert span == "Kvir" or span.endswith(" Kvir")
        assert all(f.severity is Severity.INFO for f in nonwords if f.rule == "MT403")
