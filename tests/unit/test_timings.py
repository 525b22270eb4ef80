"""MTCHECK_TIMINGS: wall time per pipeline stage on stderr."""

from __future__ import annotations

import io
import re
import time

import pytest

from mtcheck.timings import StageTimer, wanted
from tests.conftest import corpus, run_cli


def test_each_stage_is_charged_the_time_until_the_next() -> None:
    heard: list[str] = []
    timer = StageTimer(heard.append)
    timer("aligning 1,000 × 990 sentences")
    time.sleep(0.05)
    timer("checking: names")
    time.sleep(0.01)
    timer("aligning 10 × 10 sentences")  # a scan aligns many pairs: the stage adds up
    time.sleep(0.02)
    out = io.StringIO()
    timer.report(out)
    assert heard == ["aligning 1,000 × 990 sentences", "checking: names", "aligning 10 × 10 sentences"]
    assert set(timer.seconds) == {"aligning", "checking: names"}
    assert timer.seconds["aligning"] >= 0.07 > timer.seconds["checking: names"] >= 0.01
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("mtcheck: time") and lines[0].endswith("aligning")  # slowest first
    assert lines[1].endswith("checking: names")


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_switch(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("MTCHECK_TIMINGS", value)
    assert wanted() is expected


def test_check_prints_the_stages_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    src, tgt = corpus("kursk-ru")
    monkeypatch.setenv("MTCHECK_TIMINGS", "1")
    code, stdout, stderr = run_cli("check", src, tgt, "--format", "json")
    assert code == 1
    stages = re.findall(r"^mtcheck: time +[\d.]+ s +[\d.]+%  (.+)$", stderr, re.MULTILINE)
    assert {"reading", "splitting", "aligning", "checking: names", "checking: numbers"} <= set(stages)
    assert stdout.lstrip().startswith("{")  # the report itself is untouched


def test_check_prints_no_stages_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    src, tgt = corpus("kursk-ru")
    monkeypatch.delenv("MTCHECK_TIMINGS", raising=False)
    _, _, stderr = run_cli("check", src, tgt, "--format", "json")
    assert "mtcheck: time" not in stderr
