"""The config's tables (scan pairs included) filled with any TOML value where the config expects a particular
one: an InputError naming the key, never a TypeError from deep inside."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.baseline import baseline_path, parse_suppressions
from mtcheck.config import _KNOWN_KEYS, parse_config
from mtcheck.errors import MtcheckError
from mtcheck.scan import plan

_SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["MT101", "omission", "error", "warning", "info", "fatal", "ru", "50M", "1G", "-1", "0"]),
    st.sampled_from(["", "*.txt", "/etc/*", "../*", "**", "a/**/*.json", "[", "ru/*.md"]),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True),
    st.booleans(),
    st.datetimes().map(lambda d: d.replace(microsecond=0)),
    st.dates(),
    st.times().map(lambda t: dt.time(t.hour, t.minute)),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["rule", "text", "path", "reason", "fingerprint", "disable", "x"]), inner),
        st.dictionaries(st.sampled_from(["pairs", "source", "target", "files", "source-lang", "target-lang"]), inner),
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from([*sorted(_KNOWN_KEYS), "unknown-key"])


@settings(max_examples=200)
@given(table=st.dictionaries(_KEYS, _VALUES, max_size=4))
def test_any_value_in_any_known_key_is_a_clear_error_or_a_config(table: dict[str, Any]) -> None:
    try:
        config = parse_config(table, _FOLDER / "mtcheck.toml")
        parse_suppressions(config)
        baseline_path(config, None)
        plan(config)
    except MtcheckError:
        pass


_GLOBS = st.sampled_from(["", " ", "*.txt", "/etc/*", "../*", "**/*.po", "a/**/*.json", "[", "ru/*.md", "*"])
_PAIR = st.dictionaries(
    st.sampled_from(["source", "target", "files", "source-lang", "target-lang", "other"]),
    st.one_of(_GLOBS, _SCALARS, st.lists(_GLOBS, max_size=2)),
    max_size=4,
)


@settings(max_examples=150)
@given(pairs=st.one_of(st.lists(st.one_of(_PAIR, _SCALARS), max_size=3), _SCALARS, _PAIR))
def test_any_scan_pairs_are_planned_or_refused_with_one_line(pairs: Any) -> None:
    with contextlib.suppress(MtcheckError):
        plan(parse_config({"scan": {"pairs": pairs}}, _FOLDER / "mtcheck.toml"))


# Globs run against a small folder of their own, never the repository (a "**" there walks .venv).
_FOLDER = Path(tempfile.mkdtemp(prefix="mtcheck-scan-fuzz-"))
atexit.register(shutil.rmtree, _FOLDER, True)
for _name in ("ru/a.ru.md", "en/a.en.md", "l10n/x.po", "b.txt"):
    (_FOLDER / _name).parent.mkdir(parents=True, exist_ok=True)
    (_FOLDER / _name).write_text("Текст.\n", encoding="utf-8")
