"""Korean romanisation with the sound changes Revised Romanization writes (ko-pron, MIT).

Revised Romanization spells Korean place names and words as they are pronounced, across syllable
boundaries: 신라 Silla, 종로 Jongno, 독립문 Dongnimmun. McCune–Reischauer, the older system (and
North Korea's), does the same with other letters: Chongno, Tongnimmun. Spelling each syllable on
its own ("Sinra", "Jongro", "Dokripmun") is what a careless romaniser does, and a garble.

Personal names are the exception: RR keeps a given name's syllables apart (한복남 Han Boknam), which
mtcheck.lang.names_ko builds syllable by syllable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from mtcheck.translit.units import latin

# Older and informal spellings of RR vowels that English text still uses for places and words
# (Seoul's Yeouido, Yoido; Geumgang, Kumgang).
_VOWEL_VARIANTS = (("eo", "o"), ("eo", "u"), ("eu", "u"), ("ui", "i"))


@functools.lru_cache(maxsize=65536)
def _romanise(word: str, system: str) -> str:
    from ko_pron import romanise

    # ko-pron separates alternative pronunciations with "/" and marks ambiguous syllable
    # boundaries with "-" (han-gang): the first reading, letters only.
    return latin(romanise(word, system).split("/")[0])


def rr(word: str) -> str:
    """Revised Romanization with sound changes, letters only: 독립문 → dongnimmun."""
    return _romanise(word.replace(" ", ""), "rr")


def mr(word: str) -> str:
    """McCune–Reischauer with sound changes, diacritics and apostrophes dropped: 독립문 → tongnimmun."""
    return _romanise(word.replace(" ", ""), "mr")


def transliteration(word: str) -> str:
    """RR letter by letter (ko-pron's transliteration mode), no sound changes: 독립문 → doglibmun."""
    return _romanise(word.replace(" ", ""), "rrr")


@functools.lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """Spellings English text gives a Korean place or word: RR and McCune–Reischauer as
    pronounced, with the vowel spellings older texts use."""
    out = {rr(word), mr(word)}
    for a, b in _VOWEL_VARIANTS:
        out |= {re.sub(a, b, x) for x in out}
    out.discard("")
    return frozenset(out)


def syllable_by_syllable(word: str) -> str:
    """Each syllable romanised on its own, as a careless romaniser writes: 백록담 → baekrokdam
    (pronounced, and written, Baengnokdam)."""
    return "".join(rr(syllable) for syllable in word)


_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]{2,}")


def letter_by_letter_spellings(
    text: str, longest: int = 6, wanted: Collection[str] | None = None
) -> dict[str, tuple[int, int, str]]:
    """Every run of two to ``longest`` Hangul syllables in ``text`` whose syllable-by-syllable
    romanisation is no reading of it (별내: byeolnae, pronounced Byeollae) → its span and the
    reading Revised Romanization writes. Particles and endings stay attached; the English side
    decides which run was romanised. With ``wanted``, only those spellings are looked for: the
    readings of every run, which take the time, are then worked out only for runs spelt so."""
    out: dict[str, tuple[int, int, str]] = {}
    for run in _HANGUL_RUN.finditer(text):
        word = run.group()
        for i in range(len(word) - 1):
            for j in range(i + 2, min(len(word), i + longest) + 1):
                part = word[i:j]
                spelled = syllable_by_syllable(part)
                if wanted is not None and spelled not in wanted:
                    continue
                if len(spelled) >= 5 and spelled not in readings(part):
                    out.setdefault(spelled, (run.start() + i, run.start() + j, rr(part)))
    return out
