"""Language detection from the writing system: Cyrillic → ru, Hangul → ko, Latin → en."""

from __future__ import annotations

import unicodedata
from collections import Counter

from mtcheck.errors import InputError
from mtcheck.types import SUPPORTED_LANGS

_SCRIPT_LANG = {"CYRILLIC": "ru", "HANGUL": "ko", "LATIN": "en"}
# Enough letters to judge by; more only costs time on large files.
_SAMPLE = 20_000


def script_of(ch: str) -> str:
    """The Unicode script family of a letter, from its character name."""
    if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        return "HANGUL"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    first = name.split(" ", 1)[0]
    if first == "CJK":
        return "HAN"
    return first


def dominant_script(text: str) -> tuple[str, float]:
    """The most frequent script among letters and its share of them."""
    counts: Counter[str] = Counter(script_of(ch) for ch in text[:_SAMPLE] if ch.isalpha())
    if not counts:
        return "NONE", 0.0
    script, n = counts.most_common(1)[0]
    return script, n / sum(counts.values())


def detect_lang(text: str, name: str) -> str:
    script, _share = dominant_script(text)
    lang = _SCRIPT_LANG.get(script)
    if lang is None:
        if script == "NONE":
            raise InputError(f"{name} has no letters to check")
        raise InputError(
            f"{name} is written in {script.title()} script; mtcheck supports "
            f"{', '.join(SUPPORTED_LANGS)} (Cyrillic, Hangul, Latin)"
        )
    return lang


def check_pair(source_lang: str, target_lang: str) -> None:
    for role, lang in (("source", source_lang), ("target", target_lang)):
        if lang not in SUPPORTED_LANGS:
            raise InputError(f"{role} language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGS)})")
    if source_lang == target_lang:
        raise InputError(
            f"source and target are both in the same language ({source_lang}); give a source and its translation"
        )
    if "en" not in (source_lang, target_lang):
        raise InputError(f"the pair {source_lang}→{target_lang} is not supported: one side must be English")
