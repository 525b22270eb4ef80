"""Korean: proper nouns (kiwipiepy NNP) and their romanisation."""

from __future__ import annotations

import functools


def name_words(text: str) -> list[tuple[int, int]]:
    """Spans of proper nouns as tagged by Kiwi."""
    return name_words_many([text])[0]


def name_words_many(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Proper-noun spans of many texts; Kiwi analyses a batch several times faster than
    the same texts one by one, and sentences the splitter already analysed are reused."""
    from mtcheck.segment import kiwi

    todo = [t for t in dict.fromkeys(texts) if t not in _NAMES]
    if todo:
        for text, tokens in zip(todo, kiwi().tokenize(todo), strict=True):
            remember_names(text, [(t.start, t.start + t.len) for t in tokens if t.tag == "NNP"])
    return [list(_NAMES.get(t, ())) for t in texts]


# Sentence text → proper-noun spans, filled by the sentence splitter's analysis.
_NAMES: dict[str, tuple[tuple[int, int], ...]] = {}
_NAMES_LIMIT = 200_000


def remember_names(sentence: str, spans: list[tuple[int, int]]) -> None:
    if len(_NAMES) >= _NAMES_LIMIT:
        _NAMES.clear()
    _NAMES[sentence] = tuple(spans)


@functools.lru_cache(maxsize=65536)
def romanize(word: str) -> str:
    """Revised Romanization of Korean."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(word).romanize()
