"""Anchors: tokens that survive translation, used to tie sentences together in alignment.

Numbers are normalised ("1 000" → 1000, "3,5" → 3.5); names are reduced to a phonetic
skeleton of their Latin form so that "Путин", "푸틴" and "Putin" meet, and quotes count as
one anchor.
"""

from __future__ import annotations

import functools
import re

from mtcheck.lang import en, ko, ru

_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
_QUOTES = re.compile(r"[«»“”„\"‘’']")
# Voicing and spelling differences between romanisation schemes do not matter here.
_SKELETON_MAP = str.maketrans("bdgvzjfw", "ptkpsccp")
_VOWELS = re.compile(r"[aeiouyhw]")


@functools.lru_cache(maxsize=131072)
def skeleton(latin: str) -> str:
    """Consonant skeleton: 'Khinshteyn' → 'knstn', 'Kureuseukeu' → 'klsk'."""
    s = re.sub(r"[^a-z]", "", latin.lower()).replace("kh", "h").replace("x", "ks")
    # "ch" is a ch-sound (Chen, Chon); a lone "c" a k-sound (Moscow, Pacific).
    s = s.replace("ch", "j").replace("c", "k")
    if not s:
        return ""
    head, tail = s[0], _VOWELS.sub("", s[1:])
    s = (head + tail).translate(_SKELETON_MAP).replace("r", "l")
    if head in "aeiouy":
        s = s[1:]
    return re.sub(r"(.)\1+", r"\1", s)


def _skeleton_keys(latin: list[str], tag: str, size: int) -> set[str]:
    """``tag`` + the first ``size`` skeleton letters of each word long enough to have them."""
    return {f"{tag}:{sk[:size]}" for sk in map(skeleton, latin) if len(sk) >= size}


def _name_keys(latin_names: list[str]) -> set[str]:
    return _skeleton_keys(latin_names, "N", 3)


def _with_words(runs: list[str]) -> list[str]:
    """Each run of capitalised words and its words: "Kim Jong Un" meets 김정은 and "Kim"."""
    out = []
    for run in runs:
        out.append(run)
        words = run.split()
        if len(words) > 1:
            out.extend(words)
    return out


_LONG_LATIN = re.compile(r"\b[a-z]{6,}\b")
_LONG_CYRILLIC = re.compile(r"\b[а-яё]{6,}\b")


def _cognate_keys(words: list[str]) -> set[str]:
    """International words keep their consonants across Russian and English
    ("президент"/"president", "технология"/"technology"): a weak, cheap lexical signal."""
    return _skeleton_keys(words, "W", 5)


def number_keys(text: str) -> set[str]:
    keys = set()
    for m in _NUMBER.finditer(text):
        raw = re.sub(r"[ \u00a0\u202f]", "", m.group()).replace(",", ".")
        keys.add("D:" + raw.rstrip("0").rstrip(".") if "." in raw else "D:" + raw.lstrip("0"))
    return keys


def anchor_keys_many(texts: list[str], lang: str) -> list[frozenset[str]]:
    """Anchor keys of many texts at once (Korean name tagging runs as one batch)."""
    if lang != "ko" or len(texts) < 2:
        return [anchor_keys(t, lang) for t in texts]
    spans = ko.name_words_many(texts)
    return [_anchor_keys(t, lang, names) for t, names in zip(texts, spans, strict=True)]


def anchor_keys(text: str, lang: str) -> frozenset[str]:
    return _anchor_keys(text, lang, None)


def _anchor_keys(text: str, lang: str, ko_names: list[tuple[int, int]] | None) -> frozenset[str]:
    keys = number_keys(text)
    if _QUOTES.search(text):
        keys.add("Q")
    if lang == "en":
        keys |= _name_keys(_with_words([text[s:e] for s, e in en.name_runs(text)]))
        keys |= _cognate_keys(_LONG_LATIN.findall(text))
    elif lang == "ru":
        runs = [text[s:e] for s, e in ru.name_runs(text)]
        keys |= _name_keys([ru.transliterate(w) for w in _with_words(runs)])
        keys |= _cognate_keys([ru.transliterate(w) for w in _LONG_CYRILLIC.findall(text)])
    elif lang == "ko":
        names = ko.name_words(text) if ko_names is None else ko_names
        keys |= _name_keys([ko.romanize(text[s:e]) for s, e in names])
    return frozenset(keys)
