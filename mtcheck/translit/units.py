"""Spellings as the units the pair model reads: Cyrillic letters, Hangul jamo with their place in
the syllable, and folded Latin letters.

A Hangul syllable is three sounds (initial, vowel, final), and the same letter sounds different
in first and last place (ㄹ is r before a vowel and l at the end), so each jamo carries its role:
"ㄹ" initial, "ㄹ_" final. The silent initial ㅇ stays a unit of its own, which the model learns to
write as nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"

_RUSSIAN = re.compile(r"[а-яё]+")
# Letters of other Cyrillic alphabets: a name holding one is not Russian spelling.
NON_RUSSIAN_CYRILLIC = frozenset("іїєґўјљњћђџѓќѕҗңөүһәқғұ")


def jamo(syllable: str) -> tuple[str, str, str] | None:
    """(initial, vowel, final) of a Hangul syllable; the final is " " when there is none."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return INITIALS[code // 588], MEDIALS[(code % 588) // 28], FINALS[code % 28]


@functools.lru_cache(maxsize=65536)
def hangul_units(word: str) -> tuple[str, ...]:
    out: list[str] = []
    for ch in word:
        j = jamo(ch)
        if j is None:
            continue
        ini, med, fin = j
        out += [ini, med]
        if fin != " ":
            out.append(fin + "_")
    return tuple(out)


def hangul_letters(word: str) -> str:
    """The jamo of a Hangul word as one string, a final marked by "_" after it (letter models)."""
    return "".join(hangul_units(word))


@functools.lru_cache(maxsize=65536)
def cyrillic_units(word: str) -> tuple[str, ...]:
    return tuple("".join(_RUSSIAN.findall(word.lower())))


def source_units(word: str, script: str) -> tuple[str, ...]:
    return hangul_units(word) if script == "ko" else cyrillic_units(word)


@functools.lru_cache(maxsize=131072)
def latin(text: str) -> str:
    """Lower-case ASCII letters only, diacritics folded: "Kim Jong-un" → "kimjongun", "Łódź" → "lodz"."""
    s = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", s.lower())


def script_of(word: str) -> str | None:
    """ "ko" for Hangul, "ru" for Cyrillic, None otherwise."""
    for ch in word:
        if "\uac00" <= ch <= "\ud7a3":
            return "ko"
        if "\u0400" <= ch <= "\u04ff":
            return "ru"
    return None
