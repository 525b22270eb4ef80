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
