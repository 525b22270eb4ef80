"""MT2xx name checks on real Russian and Korean names: accepted variants pass, garbles are caught."""

from __future__ import annotations

import csv

import pytest

from mtcheck.checks.names import _extract
from mtcheck.namematch import ACRONYM_LETTERS, COMMON_NOUN, GARBLED, MISSING, NameIssue, match
from tests.conftest import DATA

# The name sits inside an ordinary sentence so that NER and tagging see it as they would in a text.
TEMPLATES = {
    "ru": ("В статье упоминается {}.", "The article mentions {}."),
    "ko": ("기사는 {} 관련 내용을 다룬다.", "The article is about {}."),
}


def table(name: str) -> list[tuple[str, str, str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return [(r[0], r[1], r[2]) for r in rows]


def check(lang: str, source_name: str, english: str) -> tuple[str, str, list[NameIssue]]:
    src_t, tgt_t = TEMPLATES[lang]
    src, tgt = src_t.format(source_name), tgt_t.format(english)
    return src, tgt, match(_extract(src, lang), src, lang, tgt)[1]


def _assert_row(lang: str, source_name: str, english: str, expect: str) -> None:
    src, tgt, issues = check(lang, source_name, english)
    if expect == "ok":
        assert [i for i in issues if i.kind in (GARBLED, MISSING, COMMON_NOUN, ACRONYM_LETTERS)] == [], (
            source_name,
            english,
        )
    else:
        garbled = [i for i in issues if i.kind == GARBLED]
        assert len(garbled) == 1, (source_name, english, issues)
        (issue,) = garbled
        assert issue.target is not None and tgt[issue.target[0] : issue.target[1]] == english
        assert issue.source is not None and src[issue.source.start : issue.source.end] == source_name


@pytest.mark.parametrize(("source_name", "english", "expect"), table("names_ru.tsv"))
def test_russian_name_table(source_name: str, english: str, expect: str) -> None:
    _assert_row("ru", source_name, english, expect)


@pytest.mark.parametrize(("source_name", "english", "expect"), table("names_ko.tsv"))
def test_korean_name_table(source_name: str, english: str, expect: str) -> None:
    _assert_row("ko", source_name, english, expect)


def test_tables_are_big_enough() -> None:
    for name in ("names_ru.tsv", "names_ko.tsv"):
        rows = table(name)
        assert len(rows) >= 40
        assert {"ok", "garbled"} == {r[2] for r in rows}


def test_russian_acronym_spelled_letter_by_letter() -> None:
    src = "Президент подчеркнул участие военнослужащих в специальной военной операции (СВО)."
    tgt = "The president stressed the troops' role in the special military operation (SWO)."
    (issue,) = match(_extract(src, "ru"), src, "ru", tgt)[1]
    assert issue.kind == ACRONYM_LETTERS
    assert issue.target and tgt[issue.target[0] : issue.target[1]] == "SWO"
    assert issue.source and src[issue.source.start : issue.source.end] == "СВО"
    assert issue.suggestion and "SMO" in issue.suggestion


def test_korean_spelled_out_name_with_russian_acronym_in_english() -> None:
    src = "특별군사작전이 계속되는 가운데 푸틴 행정부는 조치를 취했다."
    tgt = "As the SWO continues, Putin's administration has taken measures."
    (issue,) = match(_extract(src, "ko"), src, "ko", tgt)[1]
    assert issue.kind == ACRONYM_LETTERS
    assert issue.target and tgt[issue.target[0] : issue.target[1]] == "SWO"
    assert issue.source and src[issue.source.start : issue.source.end] == "특별군사작전"


def test_accepted_english_acronyms_pass() -> None:
    src = "Как сообщает ЦТАК, МИД и ВСУ заявили об этом."
    tgt = "According to KCNA, the Foreign Ministry and the AFU said so."
    assert match(_extract(src, "ru"), src, "ru", tgt)[1] == []


def test_common_noun_transliterated_into_a_street_name() -> None:
    src = "Памятник установят на улице Ленина."
    ok = "The monument will stand on Lenin Street."
    assert match(_extract(src, "ru"), src, "ru", ok)[1] == []
    bad = "The monument will stand on Ulitca Lenina."
    (issue,) = match(_extract(src, "ru"), src, "ru", bad)[1]
    assert issue.kind == COMMON_NOUN
    assert issue.target and bad[issue.target[0] : issue.target[1]] == "Ulitca Lenina"
    assert issue.suggestion == "Lenin Street"


def test_region_names_meet_their_adjectives() -> None:
    src = "Губернатор Курской области посетил Курск, а курские чиновники встретили его."
    tgt = "The Kursk Region governor visited Kursk, where Kursk officials met him."
    assert match(_extract(src, "ru"), src, "ru", tgt)[1] == []


def test_missing_name_is_weak_unless_another_name_took_its_place() -> None:
    src = "Об этом сообщил Дмитрий Песков."
    pronoun = "He said so."
    (weak,) = match(_extract(src, "ru"), src, "ru", pronoun)[1]
    assert weak.kind == MISSING and weak.weak
    swapped = "This was reported by Gary Anderson."
    (strong,) = [i for i in match(_extract(src, "ru"), src, "ru", swapped)[1] if i.kind == MISSING]
    assert strong.source and strong.source.text == "Песков" and not strong.weak
    assert strong.evidence["unexplained_english"] == ["Gary", "Anderson"]


def test_unexpected_place_name() -> None:
    src = "Встреча прошла в Москве."
    tgt = "The meeting took place in Paris."
    kinds = {(i.kind, tgt[i.target[0] : i.target[1]] if i.target else None) for i in match(
        _extract(src, "ru"), src, "ru", tgt)[1]}  # fmt: skip
    assert ("unexpected", "Paris") in kinds
    # Москва has no rendering and Paris, a place, stands where it should: a swap, at Paris.
    assert ("missing", "Paris") in kinds


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        # A nationality adjective names no place (Германия), but says German all the same.
        ("Интервью дал немецкий инженер из Мюнхена.", "The interview was given by a German engineer from Munich."),
        # Британия, the short name, in an adjective.
        ("Хакер проник в сеть британских шпионов.", "A hacker infiltrated Britain's network of spies."),
        # A name the source writes in Latin letters (once), which the gazetteer also knows as a town.
        ("Компания Google открыла офис, он большой.", "Google opened an office, and the Google office is big."),
    ],
)
def test_a_place_name_the_source_says_otherwise_is_not_unexpected(src: str, tgt: str) -> None:
    assert [i for i in match(_extract(src, "ru"), src, "ru", tgt)[1] if i.kind == "unexpected"] == []


def test_a_country_named_by_its_capital_is_not_missing() -> None:
    src = "북한은 아무런 공개 논평도 하지 않았다."
    for tgt, missing in (("Pyongyang has made no public comments.", []), ("The regime has made no comment.", ["북한"])):
        issues = match(_extract(src, "ko"), src, "ko", tgt)[1]
        assert [i.source.text for i in issues if i.kind == MISSING and i.source] == missing


def test_original_latin_spelling_of_a_foreign_name_is_not_a_garble() -> None:
    src = "Мяч передал Джердан Шакири, а Матео Ковачич промахнулся."
    tgt = "Xherdan Shaqiri passed, and Mateo Kovacic missed."
    assert [i for i in match(_extract(src, "ru"), src, "ru", tgt)[1] if i.kind == GARBLED] == []


def _ko_issues(src: str, tgt: str) -> list[tuple[str, str, tuple[int, int], tuple[int, int] | None, bool]]:
    from mtcheck.checks.names import _rule

    return [
        (_rule(i).code, i.kind, (i.source.start, i.source.end), i.target, i.weak)
        for i in match(_extract(src, "ko"), src, "ko", tgt)[1]
        if i.source
    ]


def test_korean_foreign_name_spelling_that_only_adds_letters_is_no_error() -> None:
    # 브레이든 reads Braiden, Breiden…; Braydon only adds to a reading what Hangul cannot write, and
    # the transliteration model's judge takes it for the name's own spelling, not a garble.
    src = "경찰은 용의자 브레이든 콜린스를 체포했다."
    tgt = "Police arrested the suspect Braydon Collins."
    assert [i for i in _ko_issues(src, tgt) if not i[4]] == []


def test_korean_foreign_name_spelling_with_other_consonants_stays_an_error() -> None:
    # 힌시테인: 시 before a consonant is sh (Хинштейн); "Khinstin" writes s, which Hangul would spell 스.
    src = "12월 4일 알렉산드르 힌시테인 쿠르스크 주지사는 기념비를 세울 계획이라고 발표했다."
    tgt = "On December 4, Kursk Governor Alexander Khinstin announced plans to build a monument."
    assert _ko_issues(src, tgt) == [("MT201", GARBLED, (13, 17), (40, 48), False)]


def test_korean_place_ending_in_a_landform_noun_is_not_a_person() -> None:
    # 서해안 (west coast) is not Mr Seo Hae-an: no name the extractor is sure of, so its absence
    # from the English is no finding.
    src = "폭풍은 미국 서해안 쪽으로 이동하고 있다."
    tgt = "The storm is moving toward the West Coast of the U.S., Reuters reported."
    assert _ko_issues(src, tgt) == []
    names = _extract("트럼프와 김정은은 싱가포르에서 한반도 비핵화에 합의했다.", "ko")
    (name,) = [n for n in names if n.text == "한반도"]
    assert not name.reliable


def test_english_frequency_reads_the_list_as_wordfreq_does() -> None:
    """The look-up for plain words gives wordfreq's own Zipf figure, rounding included, and other
    words (hyphens, accents, digits, capitals) go through wordfreq itself."""
    from wordfreq import get_frequency_dict, zipf_frequency

    from mtcheck.lang.names_base import english_frequency

    listed = sorted(w for w in get_frequency_dict("en") if w.isascii() and w.isalpha() and w.islower())
    words = [*listed[::97], "Trump", "Khinstin", "Tchaikovsky", "co-op", "Zoë", "3d", "a", "qqqzx", "Kvir"]
    assert [english_frequency(w) for w in words] == [zipf_frequency(w.lower(), "en") for w in words]
    assert english_frequency("Moscow") > 4 > english_frequency("Khinstin") == 0.0


def test_russian_ner_still_finds_people_and_places_after_a_lean_load() -> None:
    from mtcheck.lang.names_ru import _ner_spans

    text = "Губернатор Курской области Александр Хинштейн посетил сквер в Курске."
    kinds = {text[s:e]: k for s, e, k in _ner_spans(text)}
    assert kinds.get("Александр Хинштейн") == "PER"
    assert kinds.get("Курске") == "LOC"
