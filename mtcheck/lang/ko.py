"""Korean: proper nouns (kiwipiepy NNP) and their romanisation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple


class KoToken(NamedTuple):
    """One morpheme of Kiwi's analysis, offsets relative to the sentence it was remembered for."""

    form: str
    tag: str
    start: int
    len: int
    id: int


def name_words(text: str) -> list[tuple[int, int]]:
    """Spans of proper nouns as tagged by Kiwi."""
    return name_words_many([text])[0]


def name_words_many(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Proper-noun spans of many texts."""
    return [[(t.start, t.start + t.len) for t in toks if t.tag == "NNP"] for toks in tokens_many(texts)]


def tokens_many(texts: list[str]) -> list[tuple[KoToken, ...]]:
    """Kiwi's morphemes of many texts; Kiwi analyses a batch several times faster than the same
    texts one by one, and sentences the splitter already analysed are reused."""
    from mtcheck.segment import kiwi

    todo = [t for t in dict.fromkeys(texts) if t not in _TOKENS]
    if todo:
        for text, tokens in zip(todo, kiwi().tokenize(todo), strict=True):
            remember_tokens(text, tokens, 0)
    return [_TOKENS[t] if t in _TOKENS else tokens_many([t])[0] for t in texts]


# Sentence text → its morphemes, filled by the sentence splitter's analysis: the name anchors
# and the names check read them instead of analysing every sentence a second time.
_TOKENS: dict[str, tuple[KoToken, ...]] = {}
_TOKENS_LIMIT = 200_000


def remember_tokens(sentence: str, tokens: Iterable[Any], offset: int) -> None:
    """Keep Kiwi tokens (any objects with form, tag, start, len, id) whose offsets are ``offset``
    plus their position in ``sentence``."""
    if len(_TOKENS) >= _TOKENS_LIMIT:
        _TOKENS.clear()
    _TOKENS[sentence] = tuple(
        KoToken(t.form, t.tag, t.start - offset, t.len, t.id)
        for t in tokens
        if 0 <= t.start - offset <= len(sentence) - t.len
    )


def romanize(word: str) -> str:
    """Revised Romanization of Korean, with its sound changes (신라 → silla)."""
    from mtcheck.translit.korean import rr

    return rr(word)
