"""The whole `mtcheck check` on mutated real documents: a report whose invariants hold in
every format (spans inside the documents and equal to their text, findings sorted and unique,
JSON valid against mtcheck.report/1, SARIF against its 2.1.0 schema), or one error line with
exit status 2; the inputs are never changed."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import one_line_error, run_cli
from tests.fuzz.strategies import TOKENS, docx_mutated, mutated
from tests.fuzz.targets import _PAIRS, PIPELINE_SEEDS, pipeline

_KIND_TOKENS = {".txt": "text", ".md": "markdown", ".json": "json", ".po": "po", ".csv": "csv", ".tsv": "csv"}


@st.composite
def fuzzed_pair(draw: st.DrawFn) -> tuple[int, bytes]:
    kind = draw(st.integers(0, len(_PAIRS) - 1))
    seeds = tuple(p.read_bytes() for p in PIPELINE_SEEDS[kind])
    suffix = _PAIRS[kind][1]
    if suffix == ".docx":
        return kind, draw(docx_mutated(seeds))
    return kind, draw(mutated(seeds, TOKENS[_KIND_TOKENS.get(suffix, "xml")], max_ops=4))


@settings(max_examples=45)
@given(case=fuzzed_pair())
def test_check_on_mutated_documents_keeps_the_report_invariants(case: tuple[int, bytes]) -> None:
    kind, data = case
    with tempfile.TemporaryDirectory() as folder:
        pipeline(kind, data, Path(folder))


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


@settings(max_examples=12)
@given(case=fuzzed_pair(), fmt=st.sampled_from(["text", "json", "sarif", "junit", "html"]))
def test_cli_gives_a_report_or_one_error_line(case: tuple[int, bytes], fmt: str) -> None:
    kind, data = case
    role, suffix, other = _PAIRS[kind]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        args = [path, other] if role == "source" else [other, path] if role == "target" else [path]
        inputs = [p for p in args if p is not None]
        before = _digest(*inputs)
        out = Path(folder) / f"report.{fmt}"
        code, _, err = run_cli("check", *inputs, "--format", fmt, "--output", out)
        assert code in (0, 1, 2), err
        if code == 2:
            assert one_line_error(err)
            assert not out.exists()
        else:
            assert "Traceback" not in err
            assert out.stat().st_size > 0
        assert _digest(*inputs) == before
