"""The config's tables filled with any TOML value where the config expects a particular
one: an InputError naming the key, never a TypeError from deep inside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.baseline import baseline_path, parse_suppressions
from mtcheck.config import _KNOWN_KEYS, parse_config
from mtcheck.errors import MtcheckError

_SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["MT101", "omission", "error", "warning", "info", "fatal", "ru", "50M", "1G", "-1", "0"]),
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
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from([*sorted(_KNOWN_KEYS), "unknown-key"])


@settings(max_examples=200)
@given(table=st.dictionaries(_KEYS, _VALUES, max_size=4))
def test_any_value_in_any_known_key_is_a_clear_error_or_a_config(table: dict[str, Any]) -> None:
    try:
        config = parse_config(table, Path("mtcheck.toml"))
        parse_suppressions(config)
        baseline_path(config, None)
    except MtcheckError:
        pass
