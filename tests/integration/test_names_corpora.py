"""The bundled Kursk drafts: exactly the known name errors, at their exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.pipeline import check_files
from mtcheck.types import Severity
from tests.conftest import corpus, corrected_draft

NOT_FLAGGED = ("Putin", "Vladimir Putin", "Kim Jong Un", "KCNA", "Kursk", "Kursk Region", "Russia", "North Korea",
               "Moscow", "Ukraine", "Donbass", "Maidan", "December")  # fmt: skip


@pytest.mark.parametrize("name", ["kursk-ru", "kursk-ko"])
def test_kursk_name_findings(name: str) -> None:
    report = check_files(*corpus(name))
    text = report.target.text
    names = [f for f in report.findings if f.rule.startswith("MT2") or f.rule == "MT601"]
    got = sorted((text[f.target_span.start : f.target_span.end], f.name) for f in names if f.target_span)
    assert got == sorted(
        [("In Internationals Kvir", "transliterated-common-noun")]
        + [("Khinstin", "garbled-name")] * text.count("Khinstin")
        + [("SWO", "transliterated-acronym")] * text.count("SWO")
    )
    assert len(names) == len(got) == 7
    for f in names:
        assert f.target_span and f.source_span and f.suggestion
        if f.name == "garbled-name":
            assert f.suggestion in ("Khinshtein", "Khinshteyn")
            assert report.source.text[f.source_span.start : f.source_span.end] in ("Хинштейн", "힌시테인")
        elif f.name == "transliterated-acronym":
            assert "SMO" in f.suggestion
        else:
            assert "Internationalists" in f.suggestion and "Square" in f.suggestion
    flagged = {text[f.target_span.start : f.target_span.end] for f in report.findings if f.target_span}
    assert not flagged & set(NOT_FLAGGED)
    assert all(f in names for f in report.findings if f.severity >= Severity.WARNING)


@pytest.mark.parametrize("name", ["kursk-ru", "kursk-ko"])
def test_corrected_kursk_draft_has_no_name_findings(tmp_path: Path, name: str) -> None:
    report = check_files(corpus(name)[0], corrected_draft(tmp_path, name))
    assert [f for f in report.findings if f.rule.startswith("MT2") or f.rule == "MT601"] == []


def test_one_name_spelt_two_ways_in_one_document(tmp_path: Path) -> None:
    src = tmp_path / "source.ru.txt"
    tgt = tmp_path / "draft.en.txt"
    src.write_text(
        "Губернатор Александр Хинштейн объявил о планах.\n\nПозже Хинштейн подчеркнул значение проекта.\n",
        encoding="utf-8",
    )
    tgt.write_text(
        "Governor Alexander Khinshtein announced the plans.\n\nLater Khinshteyn stressed the project's importance.\n",
        encoding="utf-8",
    )
    report = check_files(src, tgt)
    (finding,) = report.findings
    assert finding.rule == "MT601" and finding.severity is Severity.WARNING
    assert finding.target_span and report.target.text[finding.target_span.start : finding.target_span.end] == (
        "Khinshteyn"
    )
    assert finding.source_span and report.source.text[finding.source_span.start : finding.source_span.end] == (
        "Хинштейн"
    )
    assert finding.suggestion == "Khinshtein"


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        # Different words for one place are no inconsistency (NTREX-128 has both cases).
        ("웨일스 대표팀이 이겼다.\n\n웨일스 팬들이 환호했다.", "Wales won.\n\nWelsh fans cheered."),
        ("나폴리에서 경기가 열렸다.\n\n나폴리는 2대 1로 이겼다.", "The match was in Naples.\n\nNapoli won 2-1."),
    ],
)
def test_different_words_for_one_place_are_consistent(tmp_path: Path, ko: str, en: str) -> None:
    src, tgt = tmp_path / "source.ko.txt", tmp_path / "draft.en.txt"
    src.write_text(ko, encoding="utf-8")
    tgt.write_text(en, encoding="utf-8")
    assert [f for f in check_files(src, tgt).findings if f.rule == "MT601"] == []
