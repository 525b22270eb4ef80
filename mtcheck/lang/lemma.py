"""Russian lemmas (pymorphy3), so that "Курской области" meets the glossary's "Курская область"."""

from __future__ import annotations

import functools
import re
from typing import Any

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@functools.cache
def analyzer() -> Any:
    """The one pymorphy3 analyser of the process; loading the dictionaries takes a fraction of a
    second and some memory, so only on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, likeliest first; news repeats its words, so keep them."""
    return tuple(analyzer().parse(word))


@functools.lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form the word may be an inflection of, in lower case; a word that is
    not Russian is its own lemma."""
    low = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", low):
        return frozenset({low})
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(low)) | {low}


def words(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Each word of ``text`` with its span and lemmas."""
    return [(m.start(), m.end(), lemmas(m.group())) for m in WORD.finditer(text)]
