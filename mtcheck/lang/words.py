"""English word frequencies (wordfreq), cached: every token of a document is looked up."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of an English word: 7 for 'the', about 1 for the rarest listed, 0 unlisted."""
    from mtcheck.lang.names_base import english_frequency

    return english_frequency(word)
