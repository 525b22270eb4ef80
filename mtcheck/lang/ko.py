"""Korean: proper nouns (kiwipiepy NNP) and their romanisation."""

from __future__ import annotations

import functools


def name_words(text: str) -> list[tuple[int, int]]:
    """Spans of proper nouns as tagged by Kiwi."""
    return name_words_many([text])[0]


def name_words_many(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Proper-noun spans of many texts; Kiwi analyses a batch several times faster than
    the same texts one by one."""
    from mtcheck.segment import kiwi

    return [[(t.start, t.start + t.len) for t in tokens if t.tag == "NNP"] for tokens in kiwi().tokenize(texts)]


@functools.lru_cache(maxsize=65536)
def romanize(word: str) -> str:
    """Revised Romanization of Korean."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(word).romanize()
