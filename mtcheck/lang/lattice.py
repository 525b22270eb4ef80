"""The spellings of a name as a lattice: a few paths, each a sequence of choices (one syllable's
spellings) or runs of any letters, over compact Latin (see names_base.compact).

A Hangul name of four syllables has thousands of spellings (each syllable a dozen), too many to
list; a regular expression says them in a few hundred characters, but Python compiles one in
about a millisecond, and a 5,000-sentence Korean document names over a thousand of them. Matching
the choices directly, by the set of positions each step can end at, costs nothing to build and
gives the same answer as the expression's full match (``text``, kept for reading and tests).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Choice:
    """One step that writes one of ``options``."""

    options: tuple[str, ...]
    # The options by length, so a step tries one slice per length rather than every option.
    by_size: tuple[tuple[int, frozenset[str]], ...] = field(compare=False, repr=False)

    @classmethod
    def of(cls, options: Iterable[str]) -> Choice:
        opts = tuple(dict.fromkeys(options))
        sizes = sorted({len(o) for o in opts})
        return cls(opts, tuple((n, frozenset(o for o in opts if len(o) == n)) for n in sizes))

    @property
    def least(self) -> int:
        return self.by_size[0][0] if self.by_size else 0

    @property
    def most(self) -> int:
        return self.by_size[-1][0] if self.by_size else 0

    @property
    def text(self) -> str:
        return "(?:" + "|".join(re.escape(o) for o in self.options) + ")"


@dataclass(frozen=True, slots=True)
class Letters:
    """A run of ``least`` to ``most`` letters a-z, whatever they are (an English word beside a
    romanised name: "Hahoe Village")."""

    least: int
    most: int

    @property
    def text(self) -> str:
        return f"[a-z]{{{self.least},{self.most}}}"


Step = Choice | Letters
Path = tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Lattice:
    """Paths of steps; a spelling is accepted when some path writes it whole. Compared and hashed
    by ``text``: names are cache keys, and a string keeps its hash."""

    text: str
    paths: tuple[Path, ...] = field(compare=False, repr=False)
    # Each path's shortest and longest spelling: most spellings tried fail on length alone.
    bounds: tuple[tuple[int, int], ...] = field(compare=False, repr=False)

    @classmethod
    def of(cls, *paths: Path) -> Lattice:
        text = "|".join("".join(step.text for step in path) for path in paths)
        bounds = tuple((sum(s.least for s in p), sum(s.most for s in p)) for p in paths)
        return cls(text, paths, bounds)

    def __or__(self, other: Lattice) -> Lattice:
        return Lattice.of(*self.paths, *other.paths)

    def fullmatch(self, spelling: str) -> bool:
        size = len(spelling)
        for path, (least, most) in zip(self.paths, self.bounds, strict=True):
            if least <= size <= most and _writes(path, spelling):
                return True
        return False


def choices(*groups: Iterable[str]) -> Path:
    """A path of one choice per group."""
    return tuple(Choice.of(g) for g in groups)


def _writes(path: Path, spelling: str) -> bool:
    ends = {0}
    for step in path:
        reached: set[int] = set()
        if isinstance(step, Letters):
            for start in ends:
                run = _letter_run(spelling, start)
                reached.update(range(start + step.least, start + min(step.most, run) + 1))
        else:
            for start in ends:
                for n, options in step.by_size:
                    if spelling[start : start + n] in options:
                        reached.add(start + n)
        if not reached:
            return False
        ends = reached
    return len(spelling) in ends


_NOT_LETTER = re.compile(r"[^a-z]")


def _letter_run(spelling: str, start: int) -> int:
    """How many letters a-z follow ``start``."""
    m = _NOT_LETTER.search(spelling, start)
    return (m.start() if m else len(spelling)) - start
