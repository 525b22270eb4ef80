"""Misspellings of a correct English rendering, the way sloppy transliteration produces them:
a consonant cluster losing a letter (Khinshtein → Khinstin, zh → z), two letters swapped
(Novosibirsk → Novosibrisk), a vowel changed, a letter dropped (Esso → Eso), and the confusions
of a name passed through Hangul (Smirnova → Smirnoba: v → b, f → p, l ↔ r, th → s, z → j).

Each candidate says which operation made it; whether it is a fair error to plant (no accepted
rendering, further from the source than the correct form) is the planter's decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VOWELS = "aeiouy"
# Digraphs of transliteration whose loss is the classic sloppy error: the letter dropped.
_CLUSTERS = (
    ("shch", "sh"),
    ("shch", "sch"),
    ("sch", "sh"),
    ("zh", "z"),
    ("kh", "k"),
    ("kh", "h"),
    ("sh", "s"),
    ("ch", "c"),
    ("ts", "s"),
    ("ts", "t"),
    ("tch", "ch"),
    ("th", "t"),
    ("ph", "p"),
    ("ck", "k"),
    ("gh", "g"),
)
_VOWEL_SWAPS = {"a": "oe", "e": "ia", "i": "ey", "o": "au", "u": "oa", "y": "ie"}
# What a name loses on its way through Hangul, where one letter stands for several sounds.
_HANGUL_CONFUSIONS = (("v", "b"), ("f", "p"), ("l", "r"), ("r", "l"), ("th", "s"), ("z", "j"), ("sh", "s"))


@dataclass(frozen=True)
class Misspelling:
    text: str
    op: str  # cluster, swap, vowel, drop, hangul
    note: str


def _case_like(template: str, text: str) -> str:
    if template[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


def misspellings(word: str) -> list[Misspelling]:
    """Every single-operation misspelling of a word; only a Hangul confusion touches the first
    letter (Vladimir → Bladimir)."""
    low = word.lower()
    out: dict[str, Misspelling] = {}

    def add(text: str, op: str, note: str) -> None:
        keeps_first = text[:1] == low[:1] or op == "hangul"
        if text != low and len(text) >= 3 and keeps_first and text not in out:
            out[text] = Misspelling(_case_like(word, text), op, note)

    for long, short in _CLUSTERS:
        for m in re.finditer(long, low):
            if m.start() == 0:
                continue
            add(low[: m.start()] + short + low[m.end() :], "cluster", f"{long}→{short}")
    # A vowel and an l or r inside the word trade places (Novosibirsk → Novosibrisk); other swaps
    # make spellings no hand would write.
    for i in range(1, len(low) - 2):
        a, b = low[i], low[i + 1]
        swapped = low[:i] + b + a + low[i + 2 :]
        if (
            {a in _VOWELS, b in _VOWELS} == {True, False}
            and (a in "lr" or b in "lr")
            and not re.search(r"([aeiouy])\1", swapped)
        ):
            add(swapped, "swap", f"{a}{b}→{b}{a}")
    for i in range(1, len(low)):
        c = low[i]
        if c in _VOWEL_SWAPS and not (i == len(low) - 1 and c == "y"):
            for v in _VOWEL_SWAPS[c]:
                add(low[:i] + v + low[i + 1 :], "vowel", f"{c}→{v}")
    for i in range(1, len(low)):
        if low[i] == low[i - 1]:
            add(low[:i] + low[i + 1 :], "drop", f"{low[i]}{low[i]}→{low[i]}")
        elif low[i] not in _VOWELS + "h" and i < len(low) - 1 and low[i + 1] != "h":
            # A consonant of a cluster, not a letter of a digraph (those are the cluster errors).
            neighbours = low[i - 1] + low[i + 1]
            if any(n not in _VOWELS for n in neighbours):
                add(low[:i] + low[i + 1 :], "drop", f"{low[i - 1 : i + 2]}→{low[i - 1]}{low[i + 1]}")
    for long, short in _HANGUL_CONFUSIONS:
        for m in re.finditer(long, low):
            add(low[: m.start()] + short + low[m.end() :], "hangul", f"{long}→{short}")
    return list(out.values())
