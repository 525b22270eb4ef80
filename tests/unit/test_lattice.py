"""The spelling lattice of a Hangul name accepts exactly what its regular expression would, and
the name check reads it: real names from NTREX-128 Korean (newstest2019)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.lang.lattice import Choice, Lattice, Letters
from mtcheck.lang.names_ko import candidates, pattern
from mtcheck.lang.names_ru import extract as extract_ru

# Foreign and Korean names of NTREX-128's Korean reference.
NAMES = ["트럼프", "스터리지", "맥파틀린", "조코", "위도도", "젤렌스키", "한라산", "신라"]


@pytest.mark.parametrize("word", NAMES)
def test_spellings_of_a_name_match_as_the_expression_does(word: str) -> None:
    lattice = Lattice.of(pattern(word, True), pattern(word, False))
    expression = re.compile(lattice.text)
    tried = set(candidates(word, True, 300)) | set(candidates(word, False, 300))
    # Near misses too: a letter dropped, doubled or changed, and the spelling cut short or run on.
    for spelling in list(tried):
        tried |= {spelling[:-1], spelling + "s", spelling[1:], spelling.replace("a", "e", 1), spelling * 2}
    assert tried
    for spelling in sorted(tried):
        assert lattice.fullmatch(spelling) == bool(expression.fullmatch(spelling)), spelling
    assert lattice.fullmatch(candidates(word, True)[0])
    assert not lattice.fullmatch(candidates(word, True)[0] + "x")


def test_runs_of_letters_beside_a_choice() -> None:
    # "Mount Halla", "Hahoe Village": a romanised head with an English word before or after it.
    head = Choice.of(["halla", "hanla"])
    lattice = Lattice.of((head, Letters(3, 12)), (Letters(3, 8), head))
    assert lattice.fullmatch("hallavillage")
    assert lattice.fullmatch("mounthalla")
    assert not lattice.fullmatch("hallaab")  # two letters are no English word
    assert not lattice.fullmatch("halla")
    assert not lattice.fullmatch("mount-halla")  # letters only, as compact spellings are
    assert Lattice.of((head,)) == Lattice.of((Choice.of(["halla", "hanla"]),))
    assert hash(Lattice.of((head,))) == hash(Lattice.of((Choice.of(["halla", "hanla"]),)))


_STEP = st.one_of(
    st.lists(st.text("abh", max_size=3), min_size=1, max_size=4).map(Choice.of),
    st.tuples(st.integers(0, 3), st.integers(0, 3)).map(lambda t: Letters(min(t), max(t))),
)


_PATHS = st.lists(st.lists(_STEP, min_size=1, max_size=4).map(tuple), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(_PATHS, st.text("abh-", max_size=8))
def test_any_lattice_matches_as_its_expression(paths: list[tuple], spelling: str) -> None:
    lattice = Lattice.of(*paths)
    assert lattice.fullmatch(spelling) == bool(re.fullmatch(lattice.text, spelling))


def test_korean_surname_in_russian_text_takes_any_given_name() -> None:
    # Ким Чен Ын: the given name's Cyrillic spelling does not map back letter by letter.
    text = "Встреча с Ким Чен Ыном прошла в Сингапуре."
    name = next(n for n in extract_ru(text) if n.pattern is not None)
    assert name.pattern.fullmatch("kimjongun")
    assert name.pattern.fullmatch("gimjeongeun")
    assert not name.pattern.fullmatch("kimj")  # a given name of at least two letters
    assert not name.pattern.fullmatch("parkjongun")
