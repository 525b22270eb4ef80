"""MT602: glossary terms (CSV and TBX) and do-not-translate terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.checks.glossary import check_glossary, find_term
from mtcheck.checks.registry import get_rule
from mtcheck.config import Config
from mtcheck.errors import InputError
from mtcheck.glossary import Entry, Glossary, load_glossary
from mtcheck.pipeline import check_files
from mtcheck.types import Finding, Severity
from tests.conftest import EN_GOVERNOR, RU_GOVERNOR, context, corpus

EN_GOVERNOR_OK = EN_GOVERNOR.replace("Kursk Governor", "the governor of the Kursk region")
KO_GOVERNOR = (
    '12월 4일 알렉산드르 힌시테인 쿠르스크주 주지사는 북한과 러시아의 "전투적 형제애"를 기리는 '
    "기념비를 세울 계획이라고 발표했다."
)
TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="1">
    <langSet xml:lang="ru"><tig><term>Курская область</term></tig></langSet>
    <langSet xml:lang="ko"><tig><term>쿠르스크주</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>Kursk Region</term></tig><tig><term>Kursk Oblast</term></tig></langSet>
  </termEntry>
  <termEntry id="2">
    <descrip type="note">do not translate</descrip>
    <langSet xml:lang="en"><tig><term>Gripen</term></tig></langSet>
  </termEntry>
</body></text></martif>
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def run(source: str, target: str, glossary: Glossary, lang: str = "ru") -> list[Finding]:
    return list(check_glossary(context(source, target, lang, glossary=glossary)))


def gloss(*entries: Entry) -> Glossary:
    return Glossary(None, entries)


KURSK = Entry("Курская область", ("Kursk Region", "Kursk Oblast"))


def test_rule_is_a_warning() -> None:
    assert get_rule("MT602").severity is Severity.WARNING


def test_russian_term_found_by_lemma_and_required_rendering_missing() -> None:
    (f,) = run(RU_GOVERNOR, EN_GOVERNOR, gloss(KURSK))
    assert f.rule == "MT602"
    assert f.source_span and f.source_span.text(RU_GOVERNOR) == "Курской области"
    assert f.target_span and f.target_span.text(EN_GOVERNOR) == EN_GOVERNOR
    assert f.suggestion == "Kursk Region"


def test_russian_term_rendered_in_any_case_and_with_endings_passes() -> None:
    assert run(RU_GOVERNOR, EN_GOVERNOR_OK, gloss(KURSK)) == []
    assert run(RU_GOVERNOR, EN_GOVERNOR.replace("Kursk", "Kursk Oblast's"), gloss(KURSK)) == []


def test_term_absent_from_source_is_not_checked() -> None:
    other = Entry("Белгородская область", ("Belgorod Region",))
    assert run(RU_GOVERNOR, EN_GOVERNOR, gloss(other)) == []


def test_korean_term_with_particle() -> None:
    entry = Entry("쿠르스크주", ("Kursk Region",))
    (f,) = run(KO_GOVERNOR, EN_GOVERNOR, gloss(entry), "ko")
    assert f.source_span and f.source_span.text(KO_GOVERNOR) == "쿠르스크주"
    assert f.target_span and f.target_span.text(EN_GOVERNOR) == EN_GOVERNOR
    assert f.suggestion == "Kursk Region"
    assert run(KO_GOVERNOR, EN_GOVERNOR_OK, gloss(entry), "ko") == []


def test_korean_term_only_at_a_word_start() -> None:
    # 주지사 (governor) must not be found inside 쿠르스크주 주지사's neighbour words.
    assert find_term("지사", KO_GOVERNOR, "ko") is None
    assert find_term("주지사", KO_GOVERNOR, "ko") is not None


def test_do_not_translate_term_must_stay_verbatim() -> None:
    src = "Около 9:30 по местному времени JAS 39C Gripen упал на взлетно-посадочную полосу."
    ok = "At about 9:30 local time, a JAS 39C Gripen crashed onto the runway."
    bad = "At about 9:30 local time, a JAS 39C Griffin crashed onto the runway."
    entry = Entry("Gripen", (), "do not translate", True)
    assert run(src, ok, gloss(entry)) == []
    (f,) = run(src, bad, gloss(entry))
    assert f.source_span and f.source_span.text(src) == "Gripen"
    assert f.target_span and f.target_span.text(bad) == bad
    assert f.suggestion == "Gripen"


def test_csv_header_alternatives_notes_and_dnt(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "terms.csv",
        "source,target,note\n# comment\n\nКурская область,Kursk Region|Kursk Oblast,\nGripen,,\nERR,ERR,\n"
        "КНДР,North Korea,do not translate\n",
    )
    g = load_glossary(path, ("Youtube",))
    assert g is not None
    assert g.entries == (
        KURSK,
        Entry("Gripen", (), "", True),
        Entry("ERR", (), "", True),
        Entry("КНДР", (), "do not translate", True),
        Entry("Youtube", (), "do-not-translate (config)", True),
    )
    assert [e.source for e in g.for_lang("ko")] == ["Gripen", "ERR", "Youtube"]


def test_tbx_is_read(tmp_path: Path) -> None:
    g = load_glossary(write(tmp_path, "terms.tbx", TBX))
    assert g is not None
    assert g.entries == (
        Entry("Курская область", ("Kursk Region", "Kursk Oblast")),
        Entry("쿠르스크주", ("Kursk Region", "Kursk Oblast")),
        Entry("Gripen", (), "do not translate", True),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", "Курская область,Kursk Region,note,extra\n", "line 1: expected source,target[,note]"),
        ("bad.csv", "source,target\n,Kursk Region\n", "line 2: empty source term"),
        ("empty.csv", "source,target\n", "has no terms"),
        ("bad.tbx", "<martif><text><body><termEntry>", "not valid TBX/XML"),
        ("bomb.tbx", '<!DOCTYPE x [<!ENTITY a "aaaa">]><martif>&a;</martif>', "not valid TBX/XML"),
    ],
)
def test_bad_glossary_is_an_input_error(tmp_path: Path, name: str, content: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_glossary(write(tmp_path, name, content))


def test_non_utf8_and_missing_glossary(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.csv"
    path.write_bytes("Курская область,Kursk Region\n".encode("cp1251"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_glossary(path)
    with pytest.raises(InputError, match="cannot read glossary"):
        load_glossary(tmp_path / "missing.csv")


def test_pipeline_uses_the_config_glossary(tmp_path: Path) -> None:
    path = write(tmp_path, "terms.csv", "Курская область,Kursk Region\n")
    report = check_files(*corpus("kursk-ru"), config=Config(glossary=path))
    (f,) = [f for f in report.findings if f.rule == "MT602"]
    assert f.source_span and f.source_span.text(report.source.text) == "Курской области"
    assert report.target.text[f.target_span.start :].startswith("On December 4, Kursk Governor")
    # Korean corpus: 쿠르스크주 is rendered "Kursk Region" as the TBX requires
    report = check_files(*corpus("kursk-ko"), config=Config(glossary=write(tmp_path, "t.tbx", TBX)))
    assert [f for f in report.findings if f.rule == "MT602"] == []
    # ... but the governor's name is spelled "Khinstin", not the glossary's "Khinshtein"
    path = write(tmp_path, "names.csv", "힌시테인,Khinshtein\n")
    report = check_files(*corpus("kursk-ko"), config=Config(glossary=path))
    found = [f for f in report.findings if f.rule == "MT602"]
    lines = [report.target.text[: f.target_span.start].count("\n") + 1 for f in found if f.target_span]
    assert lines == [9, 11, 19]  # the three sentences that name him
    assert {f.source_span.text(report.source.text) for f in found if f.source_span} == {"힌시테인"}
    assert {f.suggestion for f in found} == {"Khinshtein"}


def test_config_do_not_translate_terms_reach_the_check(tmp_path: Path) -> None:
    src = write(
        tmp_path, "source.ru.txt", "Об этом в интервью ERR рассказал генеральный секретарь партии Михаил Корб.\n"
    )
    tgt = write(
        tmp_path,
        "draft.en.txt",
        "Mikhail Korb, the party's general secretary, said this to Estonian Public Broadcasting.\n",
    )
    report = check_files(src, tgt, config=Config(do_not_translate=("ERR",)))
    (f,) = [f for f in report.findings if f.rule == "MT602"]
    assert f.source_span and f.source_span.text(report.source.text) == "ERR"
    assert f.suggestion == "ERR"
    # kept verbatim: nothing to report
    tgt.write_text("Mikhail Korb, the party's general secretary, said this to ERR.\n", encoding="utf-8")
    assert [
        f for f in check_files(src, tgt, config=Config(do_not_translate=("ERR",))).findings if f.rule == "MT602"
    ] == []
