"""Replays the kept corpus (tests/data/fuzz/<target>/): inputs that crashed mtcheck once, or
that reach corners of a reader, found by the fuzz tests and the campaign. Each must give a
result that keeps its invariants or an MtcheckError, as every fuzzed input must."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.targets import CORPUS, TARGETS, pipeline

_CASES = sorted(p for p in CORPUS.glob("*/*") if p.is_file() and p.parent.name != "seeds")


def test_the_corpus_covers_readers_and_the_whole_check() -> None:
    folders = {p.parent.name for p in _CASES}
    assert folders <= {*TARGETS, "pipeline"}, folders - {*TARGETS, "pipeline"}
    assert {"docx", "json", "pipeline"} <= folders


@pytest.mark.parametrize("case", _CASES, ids=[f"{p.parent.name}/{p.name}" for p in _CASES])
def test_kept_input(case: Path, tmp_path: Path) -> None:
    data = case.read_bytes()
    if case.parent.name == "pipeline":
        # The first byte picks the pair (tests/fuzz/targets.py, _PAIRS); the rest is the file.
        pipeline(data[0], data[1:], tmp_path)
    else:
        TARGETS[case.parent.name](data, tmp_path)
