"""Common words of a source sentence that an English draft may have transliterated instead of
translating: Russian nouns and adjectives pymorphy3 knows that are no names (вокзал → "Vokzal",
Доме учёных → "Dom Uchenykh"), Korean nouns Kiwi knows (시청 → "Sicheong", 해수욕장 →
"Haesuyokjang").

Only English words the draft has are looked up: a source word is kept only when one of its
spellings (every scheme) is among them. A Russian word's analysis and spellings are worked out
once per process, whatever sentence it stands in.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from mtcheck.lang.name_tables import NAME_NOUNS
from mtcheck.lang.names_base import compact

_RU_WORD = re.compile(r"[А-ЯЁа-яё]+")
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
_CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "PRTF"})
_UNKNOWN_KIWI_ID = 9
# Transliterations English uses as words of its own inside Russian names (Oblast, Krai, Ulitsa).
_LATIN_OK = frozenset(compact(x) for n in NAME_NOUNS for x in n.latin_ok)


@dataclass(frozen=True, slots=True)
class CommonWord:
    start: int
    end: int
    text: str
    english: str | None  # the English word, where mtcheck's small table of name nouns has it


def transliterated(src: str, lang: str, spellings: set[str]) -> dict[str, CommonWord]:
    """The source common word each of ``spellings`` (compact Latin) transliterates, if any."""
    spellings = spellings - _LATIN_OK
    if not spellings:
        return {}
    return _russian(src, spellings) if lang == "ru" else _korean(src, spellings)


def _russian(src: str, spellings: set[str]) -> dict[str, CommonWord]:
    out: dict[str, CommonWord] = {}
    initials = {sp[:1] for sp in spellings}
    for m in _RU_WORD.finditer(src):
        word = m.group()
        if len(word) < 3 or word.isupper() or _quoted(src, m.start()):
            continue  # a title in quotes («Правда», «Известия») is a name, rendered rather than translated
        if not _initials(word.lower()) & initials:
            continue  # no spelling of it starts as any of the English words do
        common = _russian_word(word)
        if common is None:
            continue
        # A capitalised adjective is a word of its own only before the name it qualifies (Северное
        # Киву, Новая Каледония); one made from a name (Ямальского района: Yamalsky District) or
        # standing alone (Навальный, a surname) is a name.
        proper = common.proper or not _NAME_AFTER.match(src, m.end())
        if word[:1].isupper() and not common.noun and proper:
            continue
        forms = common.spellings & spellings
        # Another case form of the word than the source's ("dorogi" for дорог): its stem with a
        # Russian ending.
        forms |= {
            sp for sp in spellings if any(sp.startswith(st) and _ENDING.fullmatch(sp[len(st) :]) for st in common.stems)
        }
        for f in forms:
            out.setdefault(f, CommonWord(m.start(), m.end(), word, common.english))
    return out


@functools.lru_cache(maxsize=65536)
def _initials(word: str) -> frozenset[str]:
    """The letters a transliteration of the word or of any of its lemmas may start with, in any
    scheme: a word's first letters decide its spelling's first, so three of them are spelt out
    here, not the whole word and its lemmas in every scheme (most words of a sentence start as
    none of the draft's strange words do)."""
    from mtcheck.lang import ru
    from mtcheck.lang.lemma import parses

    heads = {word, *(p.normal_form for p in parses(word))}
    return frozenset(r[:1] for head in heads for r in ru.renderings(head[:3]))


@dataclass(frozen=True, slots=True)
class _RussianWord:
    """What a Russian common word may be transliterated as, whatever sentence it is in."""

    noun: bool  # its likeliest reading is a noun (not an adjective or participle)
    proper: bool  # made from a name (Ямальский, Пушкинский)
    spellings: frozenset[str]  # the word's and its lemmas' transliterations, every scheme
    stems: frozenset[str]  # the lemmas' transliterations less their ending
    english: str | None


@functools.lru_cache(maxsize=65536)
def _russian_word(word: str) -> _RussianWord | None:
    """The word's transliterations, or None for a word pymorphy3 does not know as a content word
    or reads as a name first."""
    from mtcheck.lang import ru
    from mtcheck.lang.lemma import parses

    readings = [p for p in parses(word.lower()) if p.is_known and p.tag.POS in _CONTENT_POS]
    if not readings or any(set(p.tag.grammemes) & _NAME_GRAMMEMES for p in readings[:1]):
        return None
    of_lemmas = frozenset().union(*(ru.renderings(p.normal_form) for p in readings))
    lemmas = {p.normal_form.replace("ё", "е") for p in readings}
    return _RussianWord(
        noun=readings[0].tag.POS == "NOUN",
        proper=bool(_PROPER_ADJECTIVE.search(readings[0].normal_form)),
        spellings=ru.renderings(word) | of_lemmas,
        stems=frozenset(st for f in of_lemmas if len(st := _stem(f)) >= 4),
        english=next((n.en[0] for n in NAME_NOUNS if lemmas & set(n.ru)), None),
    )


# Russian case and number endings as transliterated, and what a lemma drops before them.
_ENDING = re.compile(
    r"(?:a|ya|ia|y|i|e|ye|u|yu|iu|o|om|em|oy|ey|ov|ev|ami|yami|akh|yakh|ykh|ikh|ogo|ego|omu|emu|ym|im|aya|oye|uyu"
    r"|yye|iye)?"
)
# Adjectives made from names of places and people (Ямальский, Пушкинский) belong to the name.
_PROPER_ADJECTIVE = re.compile(r"(?:ск|цк)ий$")
_NAME_AFTER = re.compile(r"[ \u00a0-]+[А-ЯЁ]")
_LEMMA_ENDING = re.compile(r"(?:iy|yy|ij|ii|y|i|a|ya|ia|o|e|ye|aya|oye|iye|ie|ost|ie)$")


def _stem(latin: str) -> str:
    return _LEMMA_ENDING.sub("", latin)


def _quoted(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("«") > before.count("»") or before.count("„") > before.count("“")


def _korean(src: str, spellings: set[str]) -> dict[str, CommonWord]:
    from mtcheck import gazetteer
    from mtcheck.lang.ko import tokens_many

    out: dict[str, CommonWord] = {}
    toks = [
        t
        for t in tokens_many([src])[0]
        # A place's name is also a word sometimes (개성: Kaesong, individuality).
        if t.tag == "NNG" and t.id > _UNKNOWN_KIWI_ID and len(t.form) >= 2 and not gazetteer.english_names(t.form)
    ]
    # Each noun, and two nouns written as one word (백마고지: 백마 + 고지 → "Baekmagoji").
    words = [(t.form, t.start, t.start + t.len) for t in toks]
    words += [
        (a.form + b.form, a.start, b.start + b.len) for a, b in itertools.pairwise(toks) if b.start == a.start + a.len
    ]
    for form, start, end in words:
        found = _korean_spellings(form) & spellings
        if not found:
            continue
        english = next((n.en[0] for n in NAME_NOUNS if form in n.ko), None)
        for f in found:
            out.setdefault(f, CommonWord(start, end, form, english))
    return out


# A document repeats its nouns: each one's romanisations are worked out once.
@functools.lru_cache(maxsize=65536)
def _korean_spellings(form: str) -> frozenset[str]:
    from mtcheck.lang.names_ko import candidates
    from mtcheck.translit.korean import readings, transliteration

    return readings(form) | {transliteration(form)} | frozenset(candidates(form, False, 100))
