"""The shipped answers of the "names travel" test (mtcheck.lang.name_travel) agree with the test
asked live, and name_like falls back to the live test where the table cannot answer."""

from __future__ import annotations

import gzip
import random

import pytest

from mtcheck.lang import name_travel


def test_the_table_answers_as_the_live_test_does() -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    table = name_travel._table()
    assert table is not None, "the table was built from another wordfreq: python -m mtcheck.lang.name_travel"
    asked = [
        w
        for w in get_frequency_dict("en")
        if name_travel._LETTERS.fullmatch(w)
        and name_travel.RARE <= zipf_frequency(w, "en") < name_travel.FUNCTION_WORD
    ]  # fmt: skip
    with_apostrophe = [w for w in asked if "'" in w]
    sample = [
        *random.Random(7).sample(asked, 400),
        *random.Random(7).sample(with_apostrophe, 40),
        *("john", "anderson", "smith", "committee", "treasury", "island", "they're", "o'neill"),
    ]
    for w in sample:
        en = zipf_frequency(w, "en")
        assert (w in table) == name_travel.travels_live(w, en), w
    # Names travel, English's own words do not.
    assert {"john", "anderson", "smith"} <= table
    assert not {"committee", "treasury", "island"} & table


def test_a_table_from_another_wordfreq_is_not_used(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "travelling.txt.gz"
    with gzip.open(stale, "wt", encoding="utf-8") as f:
        f.write("# wordfreq 0.0.1\ncommittee\n")
    monkeypatch.setattr(name_travel, "TABLE", stale)
    name_travel._table.cache_clear()
    try:
        assert name_travel._table() is None
        # Asked live: committee is English's own word, whatever the stale table says.
        assert not name_travel.travels("committee", 4.6)
    finally:
        name_travel._table.cache_clear()


def test_words_outside_the_table_are_asked_live(monkeypatch: pytest.MonkeyPatch) -> None:
    # An empty table: words in letters a-z, with or without an apostrophe (they're at a sentence's
    # start, O'Neill), are answered by it, others (a diacritic) by the live test.
    monkeypatch.setattr(name_travel, "_table", lambda: frozenset())
    assert not name_travel.travels("anderson", 3.5)
    assert not name_travel.travels("o'neill", 3.0)
    assert name_travel.travels_live("o'neill", 3.0)
    for word in ("zürich", "müller"):
        assert name_travel.travels(word, 3.0) == name_travel.travels_live(word, 3.0)
