"""Russian: name-like words and their Latin transliterations."""

from __future__ import annotations

import functools
import re

# A run of capitalised words, e.g. "Ким Чен Ын", "Курской области" stops at the lower case.
_RUN = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ-]*(?:\s+[А-ЯЁ][а-яёА-ЯЁ-]*)*")


def name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of runs of capitalised Cyrillic words (names, places, acronyms, openers)."""
    return [m.span() for m in _RUN.finditer(text)]


@functools.lru_cache(maxsize=65536)
def transliterate(word: str) -> str:
    """Wikipedia-style romanisation, the one English-language news uses most."""
    import iuliia

    return iuliia.WIKIPEDIA.translate(word)
