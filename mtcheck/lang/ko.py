"""Korean: proper nouns (kiwipiepy NNP) and their romanisation."""

from __future__ import annotations

import functools


def name_words(text: str) -> list[tuple[int, int]]:
    """Spans of proper nouns as tagged by Kiwi."""
    from mtcheck.segment import kiwi

    return [(t.start, t.start + t.len) for t in kiwi().tokenize(text) if t.tag == "NNP"]


@functools.lru_cache(maxsize=65536)
def romanize(word: str) -> str:
    """Revised Romanization of Korean."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(word).romanize()
