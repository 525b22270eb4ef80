from __future__ import annotations

from pathlib import Path

from mtcheck.pipeline import SKIPPED_TRANSLATION, check_files
from tests.conftest import corpus


def test_kursk_ru_runs_every_stage_and_reports_skipped_translation_checks() -> None:
    steps: list[str] = []
    report = check_files(*corpus("kursk-ru"), on_step=steps.append)
    assert steps[:3] == ["reading", "splitting sentences", "aligning 19 × 19 sentences"]
    assert "checking: alignment" in steps
    assert report.source.lang == "ru" and report.target.lang == "en"
    assert any(n.startswith(SKIPPED_TRANSLATION) for n in report.notices)
    assert any("`mtcheck models pull ru-en && mtcheck models pull en-ru`" in n for n in report.notices)
    assert not [f for f in report.findings if f.rule.startswith("MT1")]


def test_explicit_languages_override_detection(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    tgt = tmp_path / "b.txt"
    src.write_text("Хинштейн объявил о планах установить памятник.", encoding="utf-8")
    tgt.write_text("Khinshtein announced plans to erect a monument.", encoding="utf-8")
    report = check_files(src, tgt, "ru", "en")
    assert [b.kind for b in report.alignment] == ["1-1"]
