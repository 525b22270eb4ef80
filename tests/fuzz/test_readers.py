"""Every reader, the config, glossaries and baselines on hostile bytes: a result that keeps
its invariants, or an MtcheckError (one line, exit 2) — never another exception, and the
input file is never changed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.strategies import TOKENS, docx_mutated, inputs
from tests.fuzz.targets import TARGETS

_TOKENS = {
    "text": "text",
    "markdown": "markdown",
    "xliff": "xml",
    "tmx": "xml",
    "po": "po",
    "csv": "csv",
    "tsv": "csv",
    "json": "json",
    "config": "toml",
    "glossary-csv": "csv",
    "glossary-tbx": "xml",
    "baseline": "json",
    "review": "json",
}
# Examples per reader in CI: readers take milliseconds; the splitters and detector a little more.
_EXAMPLES = 100


@pytest.mark.parametrize("name", sorted(_TOKENS))
def test_reader_survives_hostile_input(name: str) -> None:
    target = TARGETS[name]

    @settings(max_examples=_EXAMPLES)
    @given(data=inputs(target.seeds, TOKENS[_TOKENS[name]]))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            target(data, Path(folder))

    run()


def test_docx_survives_mutated_parts() -> None:
    target = TARGETS["docx"]
    seeds = tuple(p.read_bytes() for p in target.seeds)

    @settings(max_examples=40)
    @given(data=st.one_of(docx_mutated(seeds), docx_mutated(seeds), st.binary(max_size=200)))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            target(data, Path(folder))

    run()
