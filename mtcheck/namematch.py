"""Match the names of a source passage with the name-like spans of its English translation.

Order of evidence: an accepted rendering (transliteration schemes, gazetteer, tables) first; then
an English acronym spelled letter by letter from a source acronym; then a common noun of a place
name transliterated into the name; then near misses by edit distance (rapidfuzz), where a near
miss that English usage knows (wordfreq) is a conventional spelling and one it does not know is a
garble. Source names with no rendering at all, and English place names with no source, are left.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from mtcheck.anchors import skeleton
from mtcheck.lang import ru
from mtcheck.lang.ko import clipped_countries
from mtcheck.lang.lattice import Lattice
from mtcheck.lang.name_tables import ACRONYMS, ESTABLISHED_ABBREVIATIONS
from mtcheck.lang.name_travel import FUNCTION_WORD as _FUNCTION_WORD
from mtcheck.lang.name_travel import RARE as _RARE
from mtcheck.lang.name_travel import travels
from mtcheck.lang.names_base import (
    ACRONYM,
    CASE_FORM,
    HALF_TRANSLATED,
    LETTER_BY_LETTER,
    MASCULINE_FORM,
    NOUN,
    ORG,
    PERSON,
    PLACE,
    NounPart,
    SourceName,
    compact,
    english_frequency,
    starts_sentence,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from mtcheck.translit.model import PairModel

GARBLED, ACRONYM_LETTERS, COMMON_NOUN, MISSING, UNEXPECTED = (
    "garbled",
    "acronym",
    "common-noun",
    "missing",
    "unexpected",
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What English adds to a place name to make its people or adjective: Russia → Russian.
_DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ns", "ans", "ians", "s", "ese", "i", "is"})
_LONGEST_ENDING = max(map(len, _DEMONYM_ENDINGS))
# Endings English puts after a whole name (Pakistani, Israeli), never in place of its last vowel:
# "Americi", "Indii" are the Russian genitive spelt out, not demonyms.
_WHOLE_NAME_ENDINGS = frozenset({"i", "is"})
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = frozenset(" \"'“‘(«—–-\u00a0")
# Near misses: at or above this rapidfuzz ratio (0-100) an English word renders the source name.
_NEAR = 75.0
# A spelling English uses, or a name's own spelling, renders a name from here (Mike is no Miller: 60).
_NEAR_KNOWN = 65.0
# A word English text uses this often (Zipf) is a spelling in its own right, not a garble.
_KNOWN = 2.0
_MAX_WINDOW = 4
# Zipf frequency from which an English spelling of a name of guessed origin is its own (John for 존).
_LOOSE_KNOWN = 1.5
_WELL_KNOWN = 3.0
# Zipf from which English writes a place the gazetteer knows (Titicaca 2.2, Sasebo 1.7).
_KNOWN_PLACE = 1.5
# A slip of a well-known spelling is at most this frequent, and this much rarer than it.
_SLIP_CEILING = 2.5
_SLIP_GAP = 2.0
_UNKNOWN = 1.0
_KNOWN_READING = 1.5
# Spellings Russian transliteration never produces (and a Hangul reading may not): an English name
# with them is the name's own Latin spelling (Kovacic, Widodo, Jagr, Mantouvalos), not a garble.
_ORIGINAL = tuple(
    re.compile(x)
    for x in (
        r"c(?!h)",
        "q",
        "w",
        "x",
        "j",
        "z",
        "ou",
        "ee",
        "oo",
        "ph",
        "th",
        "ck",
        r"(?<![kszc])h",
        r"[^aeiou]y[^aeiou]",
        "ey$",
    )
)
_DOUBLE = re.compile(r"([a-z])\1")
# Russian case endings a transliterated form may keep (Кокоде → Kokode for Kokoda).
_CASE_ENDING = re.compile(r"(?:a|u|e|y|i|om|oy|oj|ym|ov|ami|akh|ykh)$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence or quotation
    capital: bool  # asked of every token by every step of match()


@dataclass(frozen=True, slots=True)
class NameIssue:
    kind: str  # GARBLED, ACRONYM_LETTERS, COMMON_NOUN, MISSING, UNEXPECTED
    source: SourceName | None
    target: tuple[int, int] | None  # span in the English text
    suggestion: str | None
    evidence: dict[str, object]
    # A missing name with nothing else in its place is most often a pronoun or a paraphrase;
    # only a missing name next to an unexplained English name (a swap) is likely wrong.
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Rendering:
    """An accepted match: how one source name was rendered in the English text."""

    source: SourceName
    target: tuple[int, int]
    text: str


def english_tokens(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        initial = starts_sentence(text, m.start(), _OPENERS)
        out.append(Token(m.start(), m.start() + len(word), word, initial, word[:1].isupper()))
    return out


def _windows(tokens: list[Token], text: str, size: int) -> list[tuple[int, int]]:
    """Index ranges [i, j) of up to ``size`` tokens joined by spaces or hyphens only."""
    out = []
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + size) + 1):
            gap = text[tokens[j - 2].end : tokens[j - 1].start]
            # "U.S.", "U.N.": initials joined by full stops are one word.
            initials = gap == "." and len(tokens[j - 2].text) == len(tokens[j - 1].text) == 1
            if j > i + 1 and gap.strip(" -\u00a0") and not initials:
                break
            # A name may hold English's glue words (Isle of Man, Jae-in) but neither starts nor ends
            # in one after a space ("Malays in" is no spelling of Малайзии).
            if j > i + 1 and (
                (_glue(tokens[i].text) and "-" not in text[tokens[i].end : tokens[i + 1].start])
                or (_glue(tokens[j - 1].text) and "-" not in gap)
            ):
                continue
            out.append((i, j))
    return out


@functools.lru_cache(maxsize=65536)
def _glue(word: str) -> bool:
    return word.islower() and english_frequency(word) >= _FUNCTION_WORD


def original_spelling(c: str, form: str) -> bool:
    """Whether an English spelling has letters that the accepted form, a transliteration, lacks."""
    return own_letters(c, form) or any(m.group() not in form for m in _DOUBLE.finditer(c))


def own_letters(c: str, form: str) -> bool:
    """Whether a spelling has letters no transliteration writes (w, x, ph, an h after a vowel...)
    that ``form`` lacks: Rahm beside Ram."""
    return any(p.search(c) and not p.search(form) for p in _ORIGINAL)


@dataclass(frozen=True)
class _Matcher:
    """What _accepts needs of one name, worked out once: a name is tried against every window
    of every sentence it is aligned with, and Korean names accept hundreds of spellings."""

    pattern: Lattice | None
    case_stem: str | None
    case_vowels: frozenset[str]  # what may follow case_stem in a nominative
    demonym_stems: frozenset[str]
    stem_heads: frozenset[str]  # first three letters of the stems: most windows fail on these
    choices: tuple[str, ...]
    # A compound place's noun in English and in letters (city, gorod), and the accepted forms
    # without it: a word without the noun is compared with those only ("Percut" is no near miss of
    # "palcity" for городе Палу).
    nouns: tuple[str, ...] = ()
    bare_choices: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8192)
def _matcher(name: SourceName) -> _Matcher:
    case_stem = None
    case_vowels: frozenset[str] = frozenset()
    # A case ending is let through only where the name's case is unsure; a known case form is
    # the garble the name's wrong forms catch. The nominative ends as the stem does, in -a, or in
    # the vowel written (y for и: Кирсти, Kirsty); no other vowel ("Sharme" for Шарма).
    if name.canonical and not name.pattern and not name.wrong:
        stem = _CASE_ENDING.sub("", name.canonical)
        case_stem = stem if len(stem) >= 4 else None
        last = name.canonical[-1]
        case_vowels = frozenset({"", "a", *(last if last in "aeiouy" else ""), *("iy" if last in "iy" else "")})
    stems: frozenset[str] = frozenset()
    if name.kind != PERSON or name.pattern:
        stems = frozenset(a[:-1] if a[-1] in "aeiouy" else a for a in name.accepted if len(a) >= 4)
    choices = tuple(sorted(name.accepted))
    parts = [part for part in (name.noun, *name.alternatives) if part]
    nouns = tuple(sorted({compact(e) for part in parts for e in part.noun.en} | {w for p in parts for w in p.latin}))
    bare = tuple(c for c in choices if not any(n in c for n in nouns)) if nouns else ()
    return _Matcher(
        name.pattern,
        case_stem,
        case_vowels,
        stems,
        frozenset(st[:3] for st in stems),
        choices,
        nouns,
        bare,
    )


@functools.lru_cache(maxsize=8192)
def _compiled(pattern: str) -> re.Pattern[str]:
    """An abbreviation's letter-by-letter spellings, compiled once for all its mentions (re's own
    cache keeps 512)."""
    return re.compile(pattern)


def _accepts(name: SourceName, c: str, m: _Matcher | None = None) -> bool:
    m = m or _matcher(name)
    if (c in name.wrong or c in name.masculine) and c not in name.accepted:
        return False  # a case form is no demonym (Estonii is not Estonia + i); his name is not hers
    if c in name.accepted or (m.pattern and m.pattern.fullmatch(c)):
        return True
    if c.endswith("s") and c[:-1] in name.accepted:  # English plural: Upanishads
        return True
    if m.case_stem and c.startswith(m.case_stem) and c[len(m.case_stem) :] in m.case_vowels:
        return True
    # Demonyms and plurals: Russia → Russian, Ukraine → Ukrainian, Korea → Koreans.
    return c[:3] in m.stem_heads and any(
        c[:k] in m.demonym_stems
        and c[k:] in _DEMONYM_ENDINGS
        and (c[k:] not in _WHOLE_NAME_ENDINGS or c[:k] in name.accepted)
        for k in range(max(len(c) - _LONGEST_ENDING, 1), len(c) + 1)
    )


@functools.lru_cache(maxsize=65536)
def _skeleton(s: str) -> str:
    return skeleton(s)


# English spelling and Russian transcription of English names brought to one sound code:
# Wade/Уэйд, Fleetwood/Флитвуд, Humphrey/Хамфри, Cromwell/Кромвель, Spain/Испания.
_SOUND_RULES = (
    (r"^u(?=[aeio])|(?<=[^aeiouy])u(?=[aeio])", "w"),  # Уэйд, Уилсон: Russian for W
    ("dzh", "j"), ("tch", "ch"), ("wh", "w"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kv"), ("q", "k"),
    ("x", "ks"), (r"c(?=[eiy])", "s"), ("ch", "4"), (r"c", "k"), ("kh", "h"), ("sh", "6"), ("zh", "6"), ("w", "v"),
    ("z", "s"), (r"([a-z])\1", r"\1"),
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def sound(latin: str) -> str:
    """Consonant code of a Latin spelling; vowels carry too little across the two orthographies."""
    s = latin.lower()
    for a, b in _SOUND_RULES:
        s = re.sub(a, b, s)
    return re.sub(r"[aeiouy]", "", s)


def same_sound(a: str, b: str) -> bool:
    """Whether two spellings share a consonant code, allowing a case ending on one of them."""
    x, y = sound(a), sound(b)
    if len(x) < 2 or len(y) < 2:
        return False
    short, long_ = sorted((x, y), key=len)
    return x == y or (len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 1)


def _best(name: SourceName, c: str) -> tuple[float, str]:
    from rapidfuzz import fuzz, process

    m = _matcher(name)
    choices = m.bare_choices if m.bare_choices and not any(n in c for n in m.nouns) else m.choices
    if not choices:
        return 0.0, ""
    hit = process.extractOne(c, choices, scorer=fuzz.ratio)
    return (hit[1], hit[0]) if hit else (0.0, "")


def _acronym_issue(
    tokens: list[Token], i: int, j: int, c: str, names: list[SourceName], src: str, lang: str, tgt: str
) -> NameIssue | None:
    """An English word that spells a source abbreviation letter by letter (ТГУ → TGU, ЖКХ → ZhKKh)
    or syllable by syllable (산업부 → Saneopbu), unless English has it as a word of its own (FSB)."""
    word = tgt[tokens[i].start : tokens[j - 1].end]
    # Letters of an acronym are capitals in English too (TGU, ZhKKh); a clipped word need not be.
    capitals = sum(ch.isupper() for ch in word) >= 2
    rows: list[tuple[SourceName | None, str, tuple[str, ...]]] = [
        (n, n.text, n.acronym.en if n.acronym else ()) for n in names if n.kind == ACRONYM and n.spelled
    ]
    if lang == "ko" and j - i == 1:
        # The Korean text spells the name out; the English acronym was transliterated from Russian.
        spelled = {n.acronym: n for n in names if n.acronym}
        rows += [(spelled.get(a), r, a.en) for a in ACRONYMS if any(k in src for k in a.ko) for r in a.ru]
    for name, source, english in rows:
        if (source.isupper() and not capitals) or not _spelled(name, source).fullmatch(c):
            continue
        if name is not None and name.one_word and j - i != 1:
            continue
        # English keeps some Russian abbreviations as they are (FSB, OMON: a curated list, as no data
        # set tells them apart from the English homographs of garbles: DTP, MRT, CHP are English
        # words too); an acronym read as a word (СВАПО, ЮНЕСКО) is most often a foreign one
        # transcribed, whose letters English keeps (SWAPO) where English text uses them.
        wordlike = _wordlike(source) and english_frequency(c) >= _ESTABLISHED_WORDLIKE
        # A foreign abbreviation in Russian letters, one letter for one (НБА, ЛГБТ, ММА), is the
        # English one where English text uses it a lot; two letters for one (ZhKKh, TTs) never is.
        foreign = len(c) == len(source) and english_frequency(c) >= _ESTABLISHED_FOREIGN
        if c in {compact(e) for e in english} or c in ESTABLISHED_ABBREVIATIONS or wordlike or foreign:
            return None  # the English form itself (FSB, KGB, NATO)
        expansion = _expansion(tokens, i, tgt)
        if expansion and _abbreviates(c, compact(" ".join(expansion))):
            return None  # the English spells it out first: "Demilitarized Zone (DMZ)"
        suggestion = " / ".join(english[:2]) if english else _initials(expansion)
        return NameIssue(
            ACRONYM_LETTERS,
            name,
            (tokens[i].start, tokens[j - 1].end),
            suggestion,
            {"source_acronym": source, "transliteration": word, "accepted": list(english)},
        )
    return None


_CLOSE = 85  # a near miss of an accepted spelling (Khinstin for Khinshtein: 89)
_ESTABLISHED_WORDLIKE = 1.5
# NBA 4.4, LGBT 4.0, MMA 3.6, NDP 3.4 are English; DTP 2.2, MRT 2.7 (the Russian ДТП, МРТ) are not.
_ESTABLISHED_FOREIGN = 3.0


def _wordlike(acronym: str) -> bool:
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    return len(letters) >= 4 and sum(ch in "аеёиоуыэюя" for ch in letters) / len(letters) >= 0.4


def _spelled(name: SourceName | None, source: str) -> re.Pattern[str]:
    if name is not None and name.spelled:
        return _compiled(name.spelled)
    from mtcheck.lang.names_ru import acronym_latin

    return _compiled(acronym_latin(source).pattern.lower())


def _expansion(tokens: list[Token], i: int, text: str) -> list[str]:
    """The capitalised words of a name spelled out just before an abbreviation in brackets:
    "Tomsk State University (TGU)" → [Tomsk, State, University]."""
    if i == 0 or not text[tokens[i - 1].end : tokens[i].start].strip().endswith("("):
        return []
    words: list[str] = []
    k = i - 1
    while k >= 0 and (tokens[k].capital or tokens[k].text in ("of", "and", "for", "the")):
        if tokens[k].capital:
            words.insert(0, tokens[k].text)
        k -= 1
    return words if len(words) >= 2 else []


def _initials(words: list[str]) -> str | None:
    return "".join(w[0] for w in words).upper() if words else None


def _abbreviates(abbreviation: str, spelled: str) -> bool:
    """Whether the letters of an abbreviation come in order in the words it abbreviates, from the
    first (dmz in demilitarizedzone; tgu not in tomskstateuniversity)."""
    if not abbreviation or not spelled.startswith(abbreviation[0]):
        return False
    pos = 0
    for ch in abbreviation:
        pos = spelled.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _noun_issue(name: SourceName, tokens: list[Token], free: set[int], tgt: str) -> NameIssue | None:
    from rapidfuzz import fuzz

    parts: list[NounPart] = ([name.noun] if name.noun else []) + list(name.alternatives)
    nouns = {compact(e) for p in parts for e in p.noun.en}
    for k, tok in enumerate(tokens):
        if k not in free or not tok.capital:
            continue
        c = compact(tok.text)
        if len(c) < 3 or c in nouns:
            continue
        for part in parts:
            score = max((fuzz.ratio(c, x) for x in part.latin), default=0.0)
            if score >= 66 and english_frequency(tok.text) < _KNOWN:
                lo, hi = _capital_run(tokens, k, tgt)
                text = tgt[tokens[lo].start : tokens[hi].end]
                noun_en = part.noun.en[0]
                return NameIssue(
                    COMMON_NOUN,
                    name,
                    (tokens[lo].start, tokens[hi].end),
                    f"{noun_en} {part.name_en}" if part.noun.before else f"{part.name_en} {noun_en}",
                    {"noun": tok.text, "transliteration_of": sorted(part.latin), "english_noun": part.noun.en[0],
                     "rendering": text},
                )  # fmt: skip
    return None


def _transliterated_nouns(
    tokens: list[Token],
    free: set[int],
    compacts: list[str],
    src: str,
    lang: str,
    tgt: str,
    names_at: Sequence[tuple[int, int]] = (),
) -> list[NameIssue]:
    """Runs of English words that transliterate common words of the source, at least one of them no
    English word; the tokens they cover leave ``free``. Not a word the extractor is sure is a
    person's name (``names_at``: Шарма, a surname, though шарм is a noun); a place's name may hold
    common words ("Gorodskoy Park")."""
    from mtcheck.lang.common_nouns import transliterated

    strange = [k for k in sorted(free) if len(compacts[k]) >= 3 and english_frequency(tokens[k].text) < _LOANWORD]
    if not strange:
        return []
    # Neighbours join a run only beside a strange word that transliterates a source word.
    if not transliterated(src, lang, {compacts[k] for k in strange}):
        return []
    near = {k + d for k in strange for d in (-2, -1, 0, 1, 2)} & set(range(len(tokens)))
    words = {
        c: w
        for c, w in transliterated(src, lang, {compacts[k] for k in near}).items()
        if not any(a <= w.start < b for a, b in names_at)
    }
    out = []
    done: set[int] = set()
    for k in strange:
        if k in done or compacts[k] not in words:
            continue
        # The run takes in its neighbours that transliterate source words too, English words
        # (Park, Dom) and words a name match took ("Tsentr" for a capitalised Центр) among them.
        lo = hi = k
        while lo > 0 and compacts[lo - 1] in words and _joined(tokens, lo - 1, lo, tgt):
            lo -= 1
        while hi + 1 < len(tokens) and compacts[hi + 1] in words and _joined(tokens, hi, hi + 1, tgt):
            hi += 1
        run = range(lo, hi + 1)
        done |= set(run)
        free -= set(run)
        span = (tokens[lo].start, tokens[hi].end)
        sources = [words[compacts[i]] for i in run]
        english = [w.english for w in sources if w.english]
        evidence: dict[str, object] = {
            "source_words": [w.text for w in sources],
            "rendering": tgt[span[0] : span[1]],
        }
        source = SourceName(sources[0].start, sources[-1].end, " ".join(w.text for w in sources), NOUN,
                            sources[0].text.lower(), frozenset(), "", required=False)  # fmt: skip
        out.append(NameIssue(COMMON_NOUN, source, span, english[0] if len(english) == 1 and len(run) == 1 else None,
                             evidence))  # fmt: skip
    return out


# Streets and administrative units, which Revised Romanization writes after a hyphen, with no sound
# change across it: 대학로 Daehak-ro, 전라남도 Jeollanam-do, 신사동 Sinsa-dong.
_UNITS = ("대로", "로", "길", "동", "구", "시", "도", "군", "읍", "면", "리", "가")


def _unit_after_hyphen(name: SourceName, text: str) -> bool:
    from mtcheck.translit.korean import readings, rr

    head, hyphen, tail = text.rpartition("-")
    if not hyphen:
        return False
    for unit in _UNITS:
        stem = name.text[: -len(unit)]
        if name.text.endswith(unit) and stem and compact(tail) == rr(unit) and compact(head) in readings(stem):
            return True
    return False


def _run_together(name: SourceName, english: str) -> str | None:
    """RR's reading of a Korean name English writes as one word syllable by syllable (백록담:
    "Baekrokdam", Baengnokdam): a person would be written in two words (Baek Rok-dam), so the one
    word romanises a place or a word, which RR writes as pronounced."""
    from mtcheck.translit.korean import rr, syllable_by_syllable

    spelled = syllable_by_syllable(name.text)
    if not name.native or compact(english) != spelled or spelled == rr(name.text):
        return None
    return rr(name.text).capitalize()


def _letter_by_letter(
    tokens: list[Token], free: set[int], compacts: list[str], src: str, names: list[SourceName], tgt: str
) -> list[NameIssue]:
    """Capitalised English words that romanise Hangul of the source syllable by syllable where
    Revised Romanization writes the sound changes ("Byeolnae" for 별내, Byeollae), whether or not
    the source word was read as a name: Kiwi splits unknown places (별 + 내) and takes many for
    common nouns. Not inside a Korean person's name, whose given name RR keeps apart (Boknam).
    The words they cover leave ``free``."""
    from mtcheck.translit.korean import letter_by_letter_spellings

    strange = [
        k
        for k in sorted(free)
        if tokens[k].capital and len(compacts[k]) >= 5 and english_frequency(tokens[k].text) < _LOANWORD
    ]
    if not strange:
        return []
    spellings = letter_by_letter_spellings(src, wanted={compacts[k] for k in strange})
    persons = [(n.start, n.end) for n in names if n.kind == PERSON]
    out = []
    for k in strange:
        hit = spellings.get(compacts[k])
        if hit is None or "-" in tokens[k].text:
            continue
        start, end, reading = hit
        if any(a < end and start < b for a, b in persons):
            continue
        word, suggestion = src[start:end], reading.capitalize()
        source = SourceName(start, end, word, PLACE, word, frozenset({reading}), suggestion, required=False)
        span = (tokens[k].start, tokens[k].end)
        evidence: dict[str, object] = {"reason": LETTER_BY_LETTER, "rendering": tokens[k].text, "accepted": suggestion}
        out.append(NameIssue(GARBLED, source, span, suggestion, evidence))
        free.discard(k)
    return out


# Zipf frequency below which a transliterated word is no English loanword (oblast 2.6, dacha 2.6,
# kimchi 2.8 are; vokzal, gongwon, sicheong are not).
_LOANWORD = 2.0


def _joined(tokens: list[Token], a: int, b: int, text: str) -> bool:
    return not text[tokens[a].end : tokens[b].start].strip(" -")


def _capital_run(tokens: list[Token], k: int, text: str) -> tuple[int, int]:
    lo = hi = k
    while lo > 0 and tokens[lo - 1].capital and not text[tokens[lo - 1].end : tokens[lo].start].strip(" -"):
        lo -= 1
    while (
        hi + 1 < len(tokens) and tokens[hi + 1].capital and not text[tokens[hi].end : tokens[hi + 1].start].strip(" -")
    ):
        hi += 1
    return lo, hi


def _after_hyphen(tokens: list[Token], k: int, text: str) -> bool:
    """Whether token ``k`` is joined by a bare hyphen to a capitalised token before it."""
    return k > 0 and tokens[k - 1].capital and text[tokens[k - 1].end : tokens[k].start] == "-"


# _near's verdicts on a garbled near miss whose form is the suggestion: a slip of a place's English
# name (Rotroua for Rotorua), two letters swapped (the form repaired: Goruley for Gourley).
SLIP, TRANSPOSED = "slip", "transposed"


def _near(
    lang: str,
    name: SourceName,
    tokens: list[Token],
    free: set[int],
    tgt: str,
    windows: list[tuple[int, int]],
    compacts: dict[tuple[int, int], str],
) -> tuple[str, tuple[int, int], str] | None:
    """('garbled' | 'ok', span, closest accepted form) for the best capitalised near miss among
    ``windows`` (of up to three tokens, with their compact forms in ``compacts``)."""
    best: tuple[float, tuple[int, int], str, str] | None = None
    # The English noun of a compound place ("Region" of Курской области) renders no name by itself.
    nouns = {compact(e) for part in (name.noun, *name.alternatives) if part for e in part.noun.en}
    # A Korean given name's second syllable follows a hyphen in lower case (Hwang In-beom), and
    # the name is not cut there ("Son Heung" of Son Heung-nim).
    hyphened = lang == "ko" and name.kind == PERSON
    for i, j in windows:
        if hyphened and j < len(tokens) and _after_hyphen(tokens, j, tgt):
            continue
        if not all(
            k in free and (tokens[k].capital or (hyphened and _after_hyphen(tokens, k, tgt))) for k in range(i, j)
        ) or (lang == "ko" and _capital_by_position(tokens[i])):
            continue
        text = tgt[tokens[i].start : tokens[j - 1].end]
        c = compacts[(i, j)]
        if len(c) < 3 or c in nouns:
            continue
        score, form = _best(name, c)
        if best is None or score > best[0]:
            best = (score, (i, j), form, text)
    if best is None:
        return None
    score, (i, j), form, text = best
    c = compact(text)
    # Korean name syllables are often English words too (Kim, Jang, Un, Moon): no exemption there.
    syllabic = name.native and name.kind == PERSON
    known = not syllabic and all(english_frequency(t.text) >= _KNOWN for t in tokens[i:j])
    same_sound = _skeleton(c) == _skeleton(form) and len(_skeleton(c)) >= 3
    span = (tokens[i].start, tokens[j - 1].end)
    # A Hangul reading has many spellings: compare with the nearest; Russian with the plain one.
    # Letters the nearest accepted form has too (Titicaca's c) are that spelling's, not the mark of
    # another original.
    original = (
        not name.native
        and original_spelling(c, form if name.pattern else (name.canonical or form))
        and (english_frequency(form) < _KNOWN or original_spelling(c, form))
    )
    if name.pattern and not name.native:
        # Hangul cannot write an English r before a consonant or an h (버나스톤 = Burnaston): an
        # English spelling that only adds those is the name's own.
        original = original or _unwritable(c) == _unwritable(form)
    place = _known_place(name)
    one_name = place and lang == "ru"
    if (
        score >= _NEAR
        and len(c) >= 3
        and name.strict
        and len(name.canonical or name.text) >= 3
        and (_slip(c, form, place, one_name) or _word_slip(text, form, place, one_name))
    ):
        return GARBLED, span, form
    if score >= _NEAR and name.strict and place and _seldom_written_place_slip(c, form):
        return SLIP, span, form
    # The source spells the name itself (맥 밀러(Mac Miller)): any other spelling near it is a slip,
    # unless the gloss is: the draft adds letters to it and reads the source clearly better
    # (Daubenton for 대벤튼 beside a gloss "Daubento"). Nothing farther renders it ("On Friday" is
    # no rendering of 포드(Ford)).
    if name.gloss:
        if score < _NEAR_KNOWN or len(c) < 3 or _capital_by_position(tokens[i]):
            return None
        return ("ok" if _mends_gloss(name, lang, c) else GARBLED), span, form
    sure = name.strict and not known and len(name.canonical or name.text) >= 3
    near = score >= _NEAR and len(c) >= 4
    if near and sure and not original and _garbled(name, c, lang, syllabic):
        return GARBLED, span, form
    # A spelling English uses, or a name's own, renders a name from a looser likeness; an everyday
    # word is neither (Track, whose ck no transliteration writes, is no spelling of Ирак).
    everyday = english_frequency(c) >= _EVERYDAY and not _name_or_place(text)
    # Nor is another place the gazetteer knows by its own source names, which the model does not
    # read the source as (Uganda, Уганда, for Канада; Missouri reads as 미주리 though the gazetteer
    # writes 미조리).
    if not near and name.kind == PLACE and _other_country_or_city(name, lang, text, c):
        return None
    if near or same_sound or ((known or original) and not everyday and score >= _NEAR_KNOWN):
        verdict, form = _unless_transposed(name, lang, c if j - i == 1 and sure else "", form)
        return verdict, span, form
    # An English name and its Russian transcription (Wade/Уэйд): same consonants, other letters.
    if name.canonical and not name.pattern:  # Hangul readings are sound patterns already
        for k in sorted(free):
            tok = tokens[k]
            if tok.capital and _same_sound_any(c := compact(tok.text), name):
                sure = name.strict and english_frequency(c) < _KNOWN and len(name.canonical) >= 3
                verdict, form = _unless_transposed(name, lang, c if sure else "", form)
                return verdict, (tok.start, tok.end), form
    return None


def _other_country_or_city(name: SourceName, lang: str, english: str, spelling: str) -> bool:
    """Whether ``english`` is a country or city whose source names the source word does not
    share, and which the model does not read the source word as."""
    from mtcheck import gazetteer
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    if not foreign_place(english, name.text):
        return False
    # A place the gazetteer names in English by other names than this one (Hiroshima, not
    # Kagoshima) is another place, however alike the two sound.
    if (own := gazetteer.english_names(name.key)) and gazetteer.fold(english) not in {gazetteer.fold(e) for e in own}:
        return True
    model = pair_model(lang)
    return model.score(source_units(name.key, lang), spelling) < model.calibration["plausible"]


def _near_gloss(name: SourceName, spelling: str) -> bool:
    """Whether a spelling is near enough the source's gloss to be meant for it."""
    from rapidfuzz import fuzz

    gloss = compact(name.gloss)
    return fuzz.ratio(spelling, gloss) >= _NEAR_KNOWN or same_sound(spelling, gloss)


def _mends_gloss(name: SourceName, lang: str, spelling: str) -> bool:
    """Whether a spelling adds letters to the source's gloss and reads the source clearly better:
    the gloss is the slip."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    gloss = compact(name.gloss)
    if len(spelling) <= len(gloss):
        return False
    model = pair_model(lang)
    units = source_units(name.key, lang)
    return model.score(units, spelling) >= model.score(units, gloss) + _BETTER_FIT


def _capital_by_position(token: Token) -> bool:
    """An everyday word with a capital only because it opens the sentence ("There were smiles",
    "The United States"), which a loose Hangul reading may come near (터키, 시리아): no name.
    Cyrillic readings are strict, and such a word there is a slip ("Fed currently has winds" for
    Фред)."""
    return (
        token.initial
        and english_frequency(token.text) >= _RARE
        and not name_like(token.text)
        and not _gazetteer_place(token.text)
    )


def _unless_transposed(name: SourceName, lang: str, spelling: str, form: str) -> tuple[str, str]:
    """('ok', the nearest accepted form) for a near miss, or (TRANSPOSED, the spelling with two
    letters swapped back) where it has two swapped (Goruley for Гурли, Pruwo for Пурво: the
    consonants keep their sound). An empty ``spelling`` is not tried."""
    if lang == "ru" and len(spelling) >= 4 and (repaired := _transposed(name, lang, spelling)):
        return TRANSPOSED, repaired
    return "ok", form


def _slip(spelling: str, accepted: str, place: bool = False, one_name: bool = False) -> bool:
    """The nearest accepted spelling is one English writes all the time (Ford, Pennsylvania,
    Thailand) and the draft's is far rarer or unknown (Fod, Pennslyvania): a slip, whatever the
    name's origin and whether or not the slip happens to be a word. ``place``: the source is a
    place the gazetteer knows; ``one_name``: one whose spelling names nothing else (Cyrillic, not
    Hangul, where 빈 is Vienna and Bean)."""
    usual = english_frequency(accepted)
    if usual < _WELL_KNOWN:
        return False
    # Such a place has one English name, and an everyday word one slip inside a well-known one is
    # no other name of it (Iron for Иран); one at its end may be a word made from it (Argentine,
    # Syrian, Serb).
    inside = spelling[-1:] == accepted[-1:]
    if one_name and inside and _one_slip(spelling, accepted) and not _name_or_place(spelling.capitalize()):
        return True
    if english_frequency(spelling) >= min(_SLIP_CEILING, usual - _SLIP_GAP):
        return False
    # Letters no transliteration writes mark another name's own spelling (Gjorge, not George);
    # but a known place has one English name, and a spelling nobody writes one slip from it is
    # a slip whatever its letters (Nygeria, Uzbekystan).
    if place and english_frequency(spelling) == 0 and _one_slip(spelling, accepted):
        return True
    return not original_spelling(spelling, accepted)


def _word_slip(text: str, accepted: str, place: bool = False, one_name: bool = False) -> bool:
    """A name of several words with one of them slipped (North Americo, Vaticon City): English
    writes the words apart, and how often it writes each tells the slip, as in _slip; the name's
    compact form is seldom written at all."""
    words = [compact(w) for w in re.split(r"[\s-]+", text) if compact(w)]
    for d in range(len(words) if len(words) > 1 else 0):
        before, after = "".join(words[:d]), "".join(words[d + 1 :])
        rest = len(accepted) - len(before) - len(after)
        if rest > 0 and accepted.startswith(before) and accepted.endswith(after):
            part = accepted[len(before) : len(before) + rest]
            return part != words[d] and _slip(words[d], part, place, one_name)
    return False


# How much likelier (log) the transliteration model must find the spelling with a vowel and a
# consonant swapped back: garbles 8-17 (Klaousis 13.8, Pruwo 16.9); the correct renderings of
# FLORES-200 dev and NTREX-128 ru gain under 10 by such a swap, but for demonyms, which never get
# here (Indonesian 14.0), and Augustus (14.1), an English word, which is not tried.
_TRANSPOSED_GAIN = 10.0
_VOWELS = frozenset("aeiou")
# Letters English writes where the source has none, or a vowel: a swap of them is spelling, not
# a slip (Rahm for Рэм, Diehl for Дил, Hsieh for Се).
_LOOSE_LETTERS = frozenset("hwy")


def _transposed(name: SourceName, lang: str, spelling: str) -> str | None:
    """A vowel and a consonant next to each other in the order the source does not have, which the
    model reads far better swapped back (Klaousis for Калусис, Goruley for Гурли): the slip of a
    name's own spelling whose letters no transliteration has, which the judge cannot see. Cyrillic
    only: Hangul drops letters that English keeps, and a swap of those reads better (Balikpapan
    for 발리파판 gains 13.6 as Balkipapan)."""
    from mtcheck.translit.judge import pair_model

    if re.search(r"[\s-]", name.text):
        return None  # the English of a compound name has words of its own (Artibonite River)
    model = pair_model(lang)
    forms = _source_forms(name, lang)
    base = _fit(model, forms, spelling)
    for k in range(len(spelling) - 1):
        a, b = spelling[k], spelling[k + 1]
        if (a in _VOWELS) == (b in _VOWELS) or {a, b} & _LOOSE_LETTERS:
            continue
        # A doubled letter broken up is English spelling too (Chandrayaan).
        if (k > 0 and spelling[k - 1] in (a, b)) or (k + 2 < len(spelling) and spelling[k + 2] in (a, b)):
            continue
        swapped = spelling[:k] + b + a + spelling[k + 2 :]
        # Swapped back, it must read as the source, not merely better (Gangetic for Гангскую).
        if (
            _fit(model, forms, swapped) - base >= _TRANSPOSED_GAIN
            and max(model.score(u, swapped) for u in forms) >= _WELL_READ
        ):
            return swapped
    return None


def _seldom_written_place_slip(spelling: str, accepted: str) -> bool:
    """A place the gazetteer knows has one English name: a spelling nobody writes one slip from it
    is a slip even where English writes the place seldom (Haziltine, Rotroua)."""
    return (
        english_frequency(accepted) >= _KNOWN_PLACE
        and english_frequency(spelling) == 0
        and _one_slip(spelling, accepted)
    )


def _garbled(name: SourceName, spelling: str, lang: str, syllabic: bool) -> bool:
    """The transliteration model's verdict on a near miss (mtcheck.translit.judge)."""
    from mtcheck.translit.judge import judge

    if syllabic:
        # Korean name syllables are often English words too (Kim, Jang, Un, Moon), so usage says
        # nothing; only a well-known word the Hangul also reads as (China for 차이나) is no garble.
        return not (english_frequency(spelling) >= _WELL_KNOWN and sounds_like(name, lang, spelling))
    parts = re.split(r"[\s-]+", name.text)
    if len(parts) > 1 and lang == "ru" and any(spelling in ru.renderings(p) for p in parts):
        return False  # one word of the name in full ("Assunpink" for Ассунпинк-Крик): not a garble
    if name.loose and english_frequency(spelling) >= _LOOSE_KNOWN:
        return False
    if name.native and lang == "ko":
        # Korean names and places have romanisations only, all of them among the accepted forms:
        # a near miss is a garble unless English usage has made it a spelling of its own.
        from mtcheck.translit.judge import established, nearest

        return not established(spelling, nearest(spelling, _matcher(name).choices)[0])
    native = True if name.native else None
    return judge((name.key, name.text), spelling, _matcher(name).choices, lang, native=native).garbled


def _by_sound(
    name: SourceName,
    lang: str,
    tokens: list[Token],
    free: set[int],
    windows: list[tuple[int, int]],
    compacts: dict[tuple[int, int], str],
) -> tuple[int, int] | None:
    """The capitalised window the transliteration model finds likeliest as a spelling of the name,
    if it reaches the model's calibrated threshold."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    units = source_units(name.key, lang)
    if len(units) < 2:
        return None
    model = pair_model(lang)
    threshold = model.calibration["plausible"]
    best: tuple[float, tuple[int, int]] | None = None
    for i, j in windows:
        c = compacts[(i, j)]
        # A spelling has about as many letters as the source has units; far off, it is no rendering.
        if not 0.4 * len(units) <= len(c) <= 2.2 * len(units) + 2:
            continue
        if not all(k in free and tokens[k].capital for k in range(i, j)) or (
            lang == "ko" and _capital_by_position(tokens[i])
        ):
            continue
        score = model.score(units, c)
        if score < threshold or (best is not None and score <= best[0]):
            continue
        text = " ".join(tokens[k].text for k in range(i, j))
        # The model finds many everyday words possible (Track for Ирак, The for Пантеры, City for
        # Стерлинг, Chasing for Чозик); a surname that is one reads as the source well (White for
        # Уайт 2.1, Rice 0.75). A word English writes often that does not travel as names do is one.
        if english_frequency(c) >= _WELL_KNOWN and not name_like(text) and score < _EVERYDAY_READ:
            continue
        # A place English writes by another source name is that place (Greece: Греция), not this one.
        if another_place(name, text):
            continue
        best = (score, (i, j))
    return best[1] if best else None


# Zipf from which a word is an everyday one, and how well the model must read it as the source.
_EVERYDAY = 4.5
_EVERYDAY_READ = 0.5


def another_place(name: SourceName, english: str) -> bool:
    """Whether ``english`` is a place the gazetteer knows by other source names than this one's
    (Greece is Греция, not Боливия; Virginia is 버지니아, not 펜실베이니아); a capital stands for
    its country (Madrid for 스페인)."""
    from mtcheck import gazetteer

    local = gazetteer.source_names(english) if gazetteer.is_place(english) else frozenset()
    forms = {name.key, name.text.lower(), name.text.lower().replace("ё", "е")}
    return bool(local) and forms.isdisjoint(local | gazetteer.country_of_capital(english))


def renders(name: SourceName, lang: str, english: str, margin: float = 0.0, closely: bool = False) -> bool:
    """Whether an English name renders this source name: an accepted spelling of it or of one of
    its words, a spelling the transliteration model finds likely (to within ``margin`` below its
    calibrated threshold), or (for a country) its capital. ``closely``: accepted spellings and
    near misses of them only, not what the model merely finds possible (Maine for Ромни)."""
    from mtcheck import gazetteer
    from mtcheck.translit.judge import nearest, pair_model
    from mtcheck.translit.units import source_units

    c = compact(english)
    words = [w for w in map(compact, english.replace("-", " ").split()) if len(w) >= 2]
    if c in name.accepted or any(_accepts(name, w) for w in words):
        return True
    if name.kind == PLACE and name.key in gazetteer.country_of_capital(english):
        return True
    if closely:
        return any(nearest(w, name.accepted)[1] >= _CLOSE for w in (c, *words))
    units = source_units(name.key, lang)
    model = pair_model(lang)
    threshold = model.calibration["plausible"] - margin
    # English's glue words are nobody's rendering ("In" of "In Nepean" is no spelling of Индия).
    words = [w for w in english.split() if english_frequency(w) < _FUNCTION_WORD]
    return len(units) >= 2 and any(model.score(units, compact(w)) >= threshold for w in (english, *words))


def _alone(name: SourceName, tokens: list[Token], i: int, j: int, compacts: dict[tuple[int, int], str],
           text: str) -> bool:  # fmt: skip
    """A spelling of ``name.alone`` that is a whole run of capitalised words."""
    if compacts[(i, j)] not in name.alone:
        return False
    lo, hi = _capital_run(tokens, i, text)
    return hi == j - 1 and (lo == i or tokens[lo].text.lower().rstrip(".") in _TITLES)


def sounds_like(name: SourceName, lang: str, spelling: str) -> bool:
    """Whether the transliteration model finds ``spelling`` likely as a rendering of the name."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    model = pair_model(lang)
    return model.score(source_units(name.key, lang), spelling) >= model.calibration["plausible"]


# Russian case endings of names as English letters would spell them.
_CASE_ENDINGS = {
    "а": ("a",), "я": ("ya", "ia", "a"), "у": ("u",), "ю": ("yu", "iu", "u"), "е": ("e", "ye"), "и": ("i",),
    "ы": ("y", "i"), "ом": ("om",), "ем": ("em", "yem"), "ой": ("oy", "oi", "oj"), "ей": ("ey", "ei"),
}  # fmt: skip


def _grafted_case(name: SourceName, spelling: str) -> str | None:
    """A name with its Russian case ending spelt onto the English ("Victorii" for Виктории, "Rydera"
    for Райдера): the source word is in an oblique case by every singular reading pymorphy3 knows
    (one it only guesses as a nominative needs a name English writes before the ending), the
    English ends in that ending's letters, English never writes it, and the rest renders the
    source word's stem. Returns the English with the nominative's ending instead (Africa for
    "Africi"), or the name's suggestion."""
    from rapidfuzz import fuzz

    from mtcheck.lang.names_ru import name_parses

    word = name.text.lower()
    used = english_frequency(spelling)
    if " " in word or "-" in word or used >= _SLIP_CEILING:
        return None
    # A name pymorphy3 has no name reading for (Вермонта, Флитвудом) is read by its guesses as a
    # noun: their case is the ending's.
    parses = [p for p in name_parses(name.text) or _noun_parses(name.text) if "plur" not in p.tag.grammemes]
    if not parses:
        return None
    # A nominative pymorphy3 only guesses from the ending (Ховарда as a feminine place, beside its
    # reading as Ховард's genitive) leaves the case open: an English name English writes, with the
    # ending spelt on in a form nobody writes ("Howarda"), is still the oblique case grafted on.
    # A word with no oblique reading at all (Менга) is a nominative. A nominative pymorphy3 knows
    # (Ника, a woman's name beside Ник's genitive) leaves the case open too where the English is
    # no transliteration of it but an English name with the ending spelt on ("Nicka").
    guessed_nominative = False
    if any("nomn" in p.tag.grammemes for p in parses):
        known_nominative = any(p.is_known and "nomn" in p.tag.grammemes for p in parses)
        open_case = spelling not in name.accepted
        if used > 0 or (known_nominative and not open_case) or all("nomn" in p.tag.grammemes for p in parses):
            return None
        guessed_nominative = True
    for cyr, latins in _CASE_ENDINGS.items():
        if not word.endswith(cyr) or len(word) - len(cyr) < 3:
            continue
        stems = ru.renderings(word[: -len(cyr)])
        for lat in latins:
            stem = spelling[: -len(lat)]
            if not (spelling.endswith(lat) and len(stem) >= 3):
                continue
            # The rest renders the stem: close to its transliteration, or the name's own spelling
            # that the pair model reads it as (Fleetwood for Флитвуд).
            if max(fuzz.ratio(stem, x) for x in stems) < _NEAR and not _renders_stem(word[: -len(cyr)], stem):
                continue
            # pymorphy3 guesses a case for a word it does not know (Гуайкуру, Моровали): then only an
            # English name before the ending (Ryder in "Rydera") shows a case grafted on, or the
            # instrumental's -ом after a consonant, which few names of either language end in
            # (Халкеттом, Олесеном: Halkettom, Olesenom).
            instrumental = cyr == "ом" and len(stem) >= 5 and stem[-1] not in "aeiouy"
            if not (all(p.is_known for p in parses) or english_frequency(stem) >= _KNOWN or instrumental):
                continue
            if guessed_nominative and not (english_frequency(stem) >= _KNOWN and name_like(stem.capitalize())):
                continue
            nominative = _nominative(name, word[: -len(cyr)], stem)
            # A spelling English writes now and then (Canady) is a case form only beside a
            # nominative English writes far more (Canada); "Martina" and "Roberta" are names.
            if used == 0 or (nominative and english_frequency(nominative) - used >= _GRAFT_GAP):
                return nominative or name.suggestion
    return None


_GRAFT_GAP = 2.0


def _head_word(name: SourceName) -> SourceName:
    """The word of a name that carries its case ending into English: the name itself, or the
    last word of one of several (Южной Америки: Америки, which "South Americi" spells out; the
    words before it are translated or rendered apart)."""
    words, keys = name.text.split(), name.key.split()
    if len(words) < 2 or len(keys) != len(words):
        return name
    return replace(name, text=words[-1], key=keys[-1])


def _renders_stem(cyrillic: str, latin: str) -> bool:
    """A stem English writes that the pair model reads well as the Cyrillic stem's spelling."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    model = pair_model("ru")
    return english_frequency(latin) >= _KNOWN and model.score(source_units(cyrillic, "ru"), latin) >= _WELL_READ


# A pair-model score well above its calibrated threshold (-0.95 for Cyrillic): Fleetwood for
# Флитвуд scores 2.9, an unrelated English word ("Table") -7.3.
_WELL_READ = 0.0


def _noun_parses(word: str) -> list[object]:
    from mtcheck.lang.lemma import parses

    return [p for p in parses(word) if p.tag.POS == "NOUN"]


def _nominative(name: SourceName, cyrillic_stem: str, stem: str) -> str | None:
    """The English stem with the nominative's ending, where English writes that word (Africa)."""
    key = name.key.lower()
    if not key.startswith(cyrillic_stem):
        return None
    tail = key[len(cyrillic_stem) :]
    options = {stem + t for t in (ru.renderings(tail) if tail else {""})}
    used = max(options, key=lambda o: (english_frequency(o), o))
    return used.capitalize() if english_frequency(used) > 0 else None


def _half_translated(
    name: SourceName, tokens: list[Token], taken: list[bool], compacts: dict[tuple[int, int], str]
) -> tuple[int, int] | None:
    """Two words: an English word where the name's first word should be transliterated, then the
    second word transliterated ("Great Novgorod" for Великий Новгород)."""
    for k in range(1, len(tokens)):
        if taken[k - 1] or taken[k] or (k - 1, k + 1) not in compacts or compacts[(k, k + 1)] not in name.half:
            continue
        word = tokens[k - 1]
        # An English word for the first: capitalised as part of the name, not as a sentence's start.
        english = word.capital and not word.initial and english_frequency(word.text) >= 3.0
        if english and compacts[(k - 1, k)] not in name.half_first:
            return k - 1, k + 1
    return None


def _misspelt(name: SourceName, lang: str, text: str) -> str | None:
    """The name a rendering misspells: a big place's, or one English knows better."""
    return _big_place_misspelt(name, text, lang) or _better_known(name, lang, text)


def _better_known(name: SourceName, lang: str, text: str) -> str | None:
    """A name English knows that the rendering misspells, by Hangul-blind letters or by the
    transliteration model's likeliest readings of the source."""
    # A document names one person again and again, mostly spelt the same way: where the name
    # stands in its sentence does not change the answer.
    return _better_known_anywhere(replace(name, start=0, end=0), lang, text)


@functools.lru_cache(maxsize=16384)
def _better_known_anywhere(name: SourceName, lang: str, text: str) -> str | None:
    return (_known_reading(name, text) if lang == "ko" else None) or _known_original(name, lang, text)


def _known_original(name: SourceName, lang: str, text: str) -> str | None:
    """A spelling English writes all the time (zipf 2.5 and more), among the transliteration model's
    likeliest readings of the source or one slip from the draft's rarer spelling, that fits the
    source better: what the draft misspelt."""
    from rapidfuzz import fuzz

    from mtcheck.translit.judge import pair_model

    spelling = compact(text)
    used = english_frequency(spelling)
    # An everyday word where the source reads as a name one slip from it (Tummy for Томми, Hat for
    # Харт); a name English writes in its own right (Gray, Rose) stays.
    # Not in Hangul, whose readings fit many English names alike (벨: Bell, Belle).
    word = (
        lang == "ru"
        and used >= _SLIP_CEILING
        and not name_like(spelling.capitalize())
        and spelling not in name.accepted
        and not _gazetteer_names(name)
    )
    # A name English writes now and then one slip from one it writes all the time, which reads
    # as the source as well (Tramp for 트럼프, Bod for Бонд): a slip however common the word is.
    famous_only = used >= _SLIP_CEILING and not word
    if famous_only and (spelling in name.accepted or _gazetteer_names(name)):
        return None
    model = pair_model(lang)
    forms = _source_forms(name, lang)
    as_written: float | None = None  # worked out for the first spelling that gets that far
    neighbours = _known_neighbours(spelling)
    if lang == "ru" and used < _SLIP_CEILING and " " not in text and "-" not in text:
        # A name English writes now and then (Joko 2.4) beside a spelling it writes less (Jako 1.8).
        neighbours += tuple(
            e
            for e in _seldom_neighbours(spelling)
            if e not in neighbours and english_frequency(e) >= _FAIRLY_KNOWN and _name_or_place(e.capitalize())
        )
    # A spelling English writes often is misspelt only one slip from a name English writes about
    # as often or more (both ways below): with no such neighbour, the model's likeliest readings
    # (the costly part) cannot hold one either.
    slips = used < _SLIP_CEILING or any(
        len(o) >= len(spelling) and english_frequency(o) >= used - _WORD_MARGIN for o in neighbours
    )
    readings = _known_originals(name.key, lang) if slips else ()
    for original in dict.fromkeys((*readings, *neighbours)):
        # A slip drops, swaps or changes letters of the name (Cartir, Dorwin, Kally, Joen); a name's
        # own spelling beside a common one adds some (Wayde beside Wade, Colvine beside Colvin), or
        # fits the source better than the common one does (Haeder for Хедер, not Herder).
        if original == spelling or len(spelling) > len(original):
            continue
        if fuzz.ratio(original, spelling) < 80 and not _one_slip(spelling, original):
            continue
        # Not where the letters that look like an original's own are those of the name with one
        # dropped (Scneider: the c of Schneider's sch, which lost its h).
        if original_spelling(spelling, original) and not _one_dropped(spelling, original):
            continue
        if as_written is None:
            as_written = _fit(model, forms, spelling)
        gain = _fit(model, forms, original) - as_written
        common = english_frequency(original)
        if famous_only:
            # Hangul often reads the slip as well as the name (트럼프: Tramp, Trump); Cyrillic not.
            reads = gain >= (_BETTER_FIT if lang == "ru" else -_HANGUL_SLACK)
            far = common >= _FAMOUS and common - used >= _FAR_MORE_USED
            if far and reads and _one_slip(spelling, original) and _reads_as(name, model, forms, original):
                return original.capitalize()
            continue
        if word:
            # The name must read as the source as well as a transliteration does and be a near miss
            # of one (Tommy for Томми), not a word the sentence has anyway (Wer beside War for Север).
            plausible = _reads_as(name, model, forms, original)
            # A surname that is a word itself (Hazard for Азар) is no slip of a rarer name (Hazara).
            usual = common >= used - _WORD_MARGIN
            slip = _one_slip(spelling, original) and gain >= _FAR_BETTER_FIT
            if slip and plausible and usual and name_like(original.capitalize()):
                return original.capitalize()
            continue
        # A spelling English seldom writes (Maltin, Hort) is a slip only where the source spells
        # the common name far better (마틴: Martin) and English writes that one far more often.
        if (
            (used < _LOOSE_KNOWN and gain >= _BETTER_FIT)
            or (gain >= _FAR_BETTER_FIT and common - used >= _more_used(name, lang))
            # One slip from a name everybody writes, in a spelling nobody writes (Wasington), is a
            # slip even where Hangul spells the slip as well as the name (워싱턴 has no sh).
            or (used == 0 and common >= _FAMOUS and gain >= -_FAR_BETTER_FIT and _one_slip(spelling, original))
        ):
            return original.capitalize()
    # A spelling English never writes, one slip from a name it writes however seldom that reads
    # the source clearly better (Iwaseki for Ивасаки, Iwasaki; Rotheberg for Ротенберг). One word:
    # English writes a name of several apart, and their compact form is no word (northamerica).
    if used == 0 and " " not in text and "-" not in text:
        for original in _seldom_neighbours(spelling):
            if len(spelling) > len(original) or (
                original_spelling(spelling, original)
                and not _one_dropped(spelling, original)
                and not _y_for_i(spelling, original)
            ):
                continue
            if as_written is None:
                as_written = _fit(model, forms, spelling)
            gain = _fit(model, forms, original) - as_written
            if gain >= _CLEARLY_BETTER_FIT and _reads_as(name, model, forms, original):
                return original.capitalize()
    return None


def _y_for_i(spelling: str, original: str) -> bool:
    """Whether ``spelling`` is ``original`` with one i written y (Orryn for Orrin): the y of an
    original spelling (Lynn, Byrne) is one English writes, and a spelling nobody writes has none
    of its own."""
    return len(spelling) == len(original) and [(a, b) for a, b in zip(spelling, original, strict=True) if a != b] == [
        ("y", "i")
    ]


def _one_dropped(spelling: str, original: str) -> bool:
    """Whether ``spelling`` is ``original`` with one letter left out."""
    return len(original) == len(spelling) + 1 and _one_slip(spelling, original)


def _source_forms(name: SourceName, lang: str) -> set[tuple[str, ...]]:
    """The name as written and as the extractor read it (Кайфу, not the lemma кайф, for Kai-Fu), in
    the pair model's source units."""
    from mtcheck.translit.units import source_units

    return {source_units(f, lang) for f in (name.key, name.text.lower())}


def _fit(model: PairModel, forms: set[tuple[str, ...]], latin: str) -> float:
    """How likely (log) the model finds ``latin`` as a spelling of the form that explains it best."""
    return max(model.logprob(units, latin) for units in forms)


def _reads_as(name: SourceName, model: PairModel, forms: set[tuple[str, ...]], original: str) -> bool:
    """The model reads the source as ``original`` as well as it reads a transliteration, and
    ``original`` is a near miss of one (Tommy for Томми), not a word the sentence has anyway
    (Wer beside War for Север)."""
    score = max(model.score(units, original) for units in forms)
    return score >= model.calibration["plausible"] and _best(name, original)[0] >= _NEAR


# How much likelier (log) the transliteration model must find the common spelling than the draft's:
# for a spelling English never writes, and for one it seldom writes (Maltin, zipf 1.8, for 마틴).
_BETTER_FIT = 1.0
_FAR_BETTER_FIT = 3.0
# For a spelling English never writes, beside a name it writes seldom (zipf 1 to 2.5). On the
# generated set (ru person and place caught, seed 11): 2.0 with names from zipf 1.0 249 and 281;
# 3.0 from zipf 1.4 247 and 275; 1.0 from 1.0 one more; clean sentences flagged the same in all.
_CLEARLY_BETTER_FIT = 2.0
_MORE_USED = 1.0
# For a person in Cyrillic, whose letters leave few spellings (Джоко: Joko 2.4, Jako 1.8), half that.
_MORE_USED_PERSON = 0.5
# A name English writes now and then, tried as what a rarer spelling one slip from it misspells.
_FAIRLY_KNOWN = 2.0


def _more_used(name: SourceName, lang: str) -> float:
    """How much more often English must write a name than a spelling one slip from it that reads
    the source far worse, for the spelling to be a slip of it. Places and Hangul readings, whose
    spellings vary more (Palu, Pall; 모네 Monáe, Monde), keep the full margin."""
    return _MORE_USED_PERSON if lang == "ru" and name.kind == PERSON else _MORE_USED


_FAMOUS = 4.0  # Washington 5.0, Russia 5.5, Berlin 4.6; Saipov, Kavanaugh below
# A name that English writes itself is a slip of a famous one only far below it (Tramp 3.2, Trump
# 4.9; not Allen 4.4 beside Allan 3.8), and Hangul may read it a little better (2 in log).
_FAR_MORE_USED = 1.5
_HANGUL_SLACK = 2.0
# How much more often English may write a word than the name it slips from (Hat 4.5, Hart 4.0).
_WORD_MARGIN = 0.6


def _one_slip(a: str, b: str) -> bool:
    """Whether two spellings differ by one letter dropped, added or changed, or two swapped."""
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b) == 1


def _named(name: SourceName) -> bool:
    """A person or a place, or a country a table of abbreviations knows too (러시아 beside РФ)."""
    return name.kind == PERSON or names_a_place(name)


def names_a_place(name: SourceName) -> bool:
    """A place, or a country a table of abbreviations knows too (러시아 beside РФ)."""
    return name.kind == PLACE or (name.kind == ACRONYM and _gazetteer_names(name))


def _known_place(name: SourceName) -> bool:
    return name.kind == PLACE and _gazetteer_names(name)


def _major_place_by_sound(name: SourceName) -> bool:
    """A place whose English name the extractor found by sound, not in the gazetteer's source
    names, and which is a country, region or big city (캘리포니아: California)."""
    from mtcheck import gazetteer

    found = name.kind == PLACE and compact(name.suggestion) in name.accepted
    return found and gazetteer.is_major_place(name.suggestion)


def _famous_place(name: SourceName) -> bool:
    """A place the gazetteer names in English by a name English writes all the time (Italy for
    이탈리아): English writes it that way, so another word that sounds a little like it (Stadio)
    renders something else."""
    from mtcheck import gazetteer

    return name.kind == PLACE and any(english_frequency(e) >= _FAMOUS for e in gazetteer.english_names(name.key))


def _gazetteer_names(name: SourceName) -> bool:
    from mtcheck import gazetteer

    return bool(gazetteer.english_names(name.key))


@functools.lru_cache(maxsize=8192)
def _name_or_place(word: str) -> bool:
    """A name, or a place the gazetteer knows (Russia travels less than John: Russland, Russie)."""
    return name_like(word) or _gazetteer_place(word)


@functools.lru_cache(maxsize=8192)
def _known_neighbours(spelling: str) -> tuple[str, ...]:
    """Names English writes all the time one slip away from a spelling (a letter dropped, added,
    changed or two swapped: Aelxander, Rihonna, Abercrobie), whatever the model's first readings."""
    return tuple(e for e in _one_slip_edits(spelling) if _known_name(e))


# A rare name is written somewhere: wordfreq's English has Iwasaki at 1.9, Rothenberg 2.4.
_SELDOM = 1.0


@functools.lru_cache(maxsize=8192)
def _seldom_neighbours(spelling: str) -> tuple[str, ...]:
    """Words English writes at least now and then one slip away from a spelling."""
    words = _words_written(_SELDOM)
    return tuple(e for e in _one_slip_edits(spelling) if e in words and english_frequency(e) >= _SELDOM)


def _one_slip_edits(spelling: str) -> list[str]:
    """The spellings one letter dropped, added or changed, or two swapped, away, sorted (none for
    fewer than three letters)."""
    if len(spelling) < 3:
        return []
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(spelling[:i], spelling[i:]) for i in range(len(spelling) + 1)]
    edits = {a + b[1:] for a, b in cuts if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    edits |= {a + ch + b[1:] for a, b in cuts if b for ch in letters}
    edits |= {a + ch + b for a, b in cuts for ch in letters}
    edits.discard(spelling)
    return sorted(edits)


def _known_name(spelling: str) -> bool:
    """A name or a place English writes all the time (zipf at the slip ceiling or more), looked up
    in the set of frequent words before wordfreq's own, slower, lookup."""
    return (
        spelling in _words_written(_SLIP_CEILING)
        and english_frequency(spelling) >= _SLIP_CEILING
        and _name_or_place(spelling.capitalize())
    )


@functools.cache
def _words_written(zipf: float) -> frozenset[str]:
    """English words about as frequent as ``zipf`` or more: a set to look hundreds of one-letter
    edits up in before wordfreq's own (slower) lookup decides."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (zipf - 0.1 - 9)
    return frozenset(w for w, f in get_frequency_dict("en").items() if f >= floor)


@functools.lru_cache(maxsize=8192)
def _known_originals(word: str, lang: str) -> tuple[str, ...]:
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    units = source_units(word, lang)
    if len(units) < 3:
        return ()
    best = pair_model(lang).nbest(units, 60, beam=128)
    # Names English writes all the time, not everyday words the letters happen to make (header).
    return tuple(s for s, _ in best if len(s) >= 0.6 * len(units) and _known_name(s))


def _known_reading(name: SourceName, text: str) -> str | None:
    """The rendering with its unknown words replaced by a close reading of the same Hangul word
    that English text uses (the name the transcription most likely stands for), if any: "Smirnoba"
    → "Smirnova" for 스미르노바. Not a word English writes, however rarely: Dolly Menga, Rady and
    Jenkyns are names of their own beside Manga, Lady and Jenkins."""

    words, hangul = text.replace("-", " ").split(), name.key.split()
    if len(words) != len(hangul):
        return None
    out, changed = [], False
    for word, source in zip(words, hangul, strict=True):
        c = compact(word)
        better = None
        if english_frequency(word) == 0:
            better = next((r for r in _readings_english_knows(source) if _hangul_blind(r, c)), None)
            # A name English writes whose letters Hangul leaves out too (Leslie beside Lesrie for
            # 레슬리: the tables read 레슬리 as lesli): the draft's letters swapped for ones Hangul
            # writes alike.
            better = better or _blind_neighbour(source, c)
        out.append(better.capitalize() if better else word)
        changed |= better is not None
    return " ".join(out) if changed else None


def _big_place_misspelt(name: SourceName, text: str, lang: str) -> str | None:
    """The English name of a big place, which the gazetteer gives the source word or which the
    model reads it as, that the rendering misspells: English writes a place one way, though the
    model reads the misspelling too. Letters Hangul cannot tell apart ("Rondon" for 런던, London)
    even where the misspelling is a word or a name of its own; any other slip too ("Aryzona" for
    애리조나, "Turey" for 터키), where English writes the place far more often than the slip."""
    from mtcheck import gazetteer

    if name.kind != PLACE:
        return None
    names = gazetteer.english_names(name.key) or ({name.suggestion} if _major_place_by_sound(name) else set())
    own = {e: compact(e) for e in sorted(names)}
    c = compact(text)
    # A Cyrillic name's transliteration by any scheme is accepted (Veliky beside the gazetteer's
    # Velikiy Novgorod); Hangul's readings are too loose to say as much.
    if not own or c in own.values() or (lang == "ru" and c in name.accepted):
        return None
    # A big place English writes far more often than the draft's word: Rod is no slip of Lod (로드
    # of Rod Rosenstein), a town the gazetteer knows by the same Hangul, nor Marta of Malta.
    return next(
        (
            e
            for e, e_c in own.items()
            if gazetteer.is_major_place(e)
            and (english_frequency(c) == 0 or english_frequency(e) - english_frequency(c) >= _FAR_MORE_USED)
            and ((lang == "ko" and _hangul_blind(e_c, c)) or _slip_of_place(e_c, c))
        ),
        None,
    )


def _slip_of_place(place: str, c: str) -> bool:
    """One slip from a place's name that is no English word made from it (Californian, Syrians)
    and from a name long enough not to slip into another one (Van, Vann)."""
    return len(place) >= 4 and not c.startswith(place) and _one_slip(place, c)


# Letters Hangul writes alike in a foreign name (ㅂ: b, v; ㅍ: p, f; ㄹ: l, r; ㅈ: j, z; ㅅ: s, z).
_HANGUL_BLIND = frozenset({frozenset("bv"), frozenset("pf"), frozenset("lr"), frozenset("jz"), frozenset("sz")})


def _hangul_blind(a: str, b: str) -> bool:
    """Two spellings of one Hangul word that differ only in one or two letters Hangul cannot tell
    apart (Smirnova, Smirnoba)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [frozenset((x, y)) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) <= 2 and all(d in _HANGUL_BLIND for d in diff)


def _blind_neighbour(hangul: str, spelling: str) -> str | None:
    """The spelling with one or two letters changed for ones Hangul writes alike that English
    writes as a name and the pair model reads as the Hangul word, the most used of them."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    swaps = {a: b for pair in _HANGUL_BLIND for a, b in itertools.permutations(pair)}
    spots = [k for k, ch in enumerate(spelling) if ch in swaps]
    variants = set()
    for n in (1, 2):
        for ks in itertools.combinations(spots, n):
            letters = list(spelling)
            for k in ks:
                letters[k] = swaps[letters[k]]
            variants.add("".join(letters))
    known = [
        v
        for v in variants
        if english_frequency(v) >= _KNOWN_READING and (name_like(v.capitalize()) or _gazetteer_place(v.capitalize()))
    ]
    if not known:
        return None
    model = pair_model("ko")
    units = source_units(hangul, "ko")
    known = [v for v in known if model.score(units, v) >= model.calibration["plausible"]]
    return max(known, key=english_frequency, default=None)


@functools.lru_cache(maxsize=4096)
def _readings_english_knows(word: str) -> tuple[str, ...]:
    from mtcheck.lang.names_ko import candidates
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    # The likeliest readings by the jamo tables and by the transliteration model.
    options = [*candidates(word, True)[:300], *(s for s, _ in pair_model("ko").nbest(source_units(word, "ko"), 10))]
    return tuple(dict.fromkeys(o for o in options if len(o) >= 4 and english_frequency(o) >= _KNOWN_READING))


def _gazetteer_place(english: str) -> bool:
    from mtcheck import gazetteer

    return gazetteer.is_place(english)


def _unwritable(s: str) -> str:
    """A spelling without what Hangul cannot write: r before consonants, h, doubled letters, final e."""
    return re.sub(r"e$", "", re.sub(r"([a-z])\1", r"\1", re.sub("[rh]", "", s)))


def _same_hangul_skeleton(name: SourceName, english: str) -> bool:
    from mtcheck.lang.names_ko import same_skeleton

    return same_skeleton(name.key, english)


def _same_sound_any(c: str, name: SourceName) -> bool:
    return any(same_sound(c, f) for f in (name.canonical, *_matcher(name).choices[:12]))


def match(names: list[SourceName], src: str, lang: str, tgt: str) -> tuple[list[Rendering], list[NameIssue]]:
    """Renderings found for the source names, and the problems."""
    tokens = english_tokens(tgt)
    found: dict[int, Rendering] = {}
    issues: list[NameIssue] = []
    windows = _windows(tokens, tgt, _MAX_WINDOW)
    # Windows are joined by spaces, hyphens or initials' full stops only, which compact() drops:
    # a window's compact form is its tokens' joined.
    token_compacts = [compact(t.text) for t in tokens]
    compacts = {(i, j): "".join(token_compacts[i:j]) for i, j in windows}
    # 1. Accepted renderings, longest first so that "Kursk Region" wins over "Kursk".
    by_size = sorted(windows, key=lambda w: w[0] - w[1])
    # A person or place is mostly written with a capital somewhere ("de Gaulle"): trying those
    # windows first saves most of the work on long sentences. Lower case comes second, for
    # loanwords Korean extraction takes for names (메트로폴리스, metropolis).
    caps = [t.capital for t in tokens]
    capitalised = [(i, j) for i, j in by_size if any(caps[i:j])]
    lower = [(i, j) for i, j in by_size if not any(caps[i:j])]
    taken = [False] * len(tokens)
    # Words that may be a clipped name as well as a person (전경련): a single English word spelling
    # all its syllables is the clipped name romanised, as English writes a person in two words.
    clipped_too = {n.start for n in names if n.one_word}
    for n_id, name in enumerate(names):
        m = _matcher(name)
        for i, j in itertools.chain(capitalised, lower) if name.kind in (PERSON, PLACE) else by_size:
            if j - i == 1 and name.kind == PERSON and name.start in clipped_too:
                continue
            if not any(taken[i:j]) and (
                _accepts(name, compacts[(i, j)], m) or (name.alone and _alone(name, tokens, i, j, compacts, tgt))
            ):
                span = (tokens[i].start, tokens[j - 1].end)
                found[n_id] = Rendering(name, span, tgt[span[0] : span[1]])
                taken[i:j] = [True] * (j - i)
                break
    free = {k for k, t in enumerate(taken) if not t}
    # 1b. A Hangul transcription read one way English never writes where another reading, differing
    # only in letters Hangul cannot tell apart, is a name English knows ("Smirnoba" for 스미르노바).
    # Or a spelling English seldom writes where the source reads far better as a name it writes
    # all the time ("Maltin" for 마틴, Martin).
    if lang in ("ru", "ko"):
        for r in list(found.values()):
            name = r.source
            if not _named(name):
                continue
            # The surface form's transliteration is accepted (a surname pymorphy3 reads wrongly),
            # but not with a case ending grafted onto the English name ("Nixonom", "Africi").
            one_word = " " not in r.text and "-" not in r.text
            if lang == "ru" and one_word and (nominative := _grafted_case(name, compact(r.text))):
                evidence = {"reason": CASE_FORM, "rendering": r.text, "accepted": nominative}
                issues.append(NameIssue(GARBLED, name, r.target, nominative, evidence))
                continue
            if lang == "ko" and one_word and name.kind == PERSON and (spelled := _run_together(name, r.text)):
                evidence = {"reason": LETTER_BY_LETTER, "rendering": r.text, "accepted": spelled}
                issues.append(NameIssue(GARBLED, name, r.target, spelled, evidence))
                continue
            if name.native:
                continue
            better = _misspelt(name, lang, r.text)
            if better:
                evidence = {"closest_accepted": better, "reason": "known reading", "rendering": r.text}
                issues.append(NameIssue(GARBLED, name, r.target, better, evidence))
    # 2. English acronyms spelled letter by letter from a source abbreviation.
    if any(n.kind == ACRONYM for n in names):
        for i, j in by_size:
            if j - i > 2 or not all(k in free and tokens[k].capital for k in range(i, j)):
                continue
            if issue := _acronym_issue(tokens, i, j, compacts[(i, j)], names, src, lang, tgt):
                issues.append(issue)
                free -= set(range(i, j))
                for n_id, name in enumerate(names):
                    # The same word read as a person too (전경련) is rendered by that span as well.
                    if issue.source and issue.target and (issue.source is name or issue.source.start == name.start):
                        found.setdefault(n_id, Rendering(name, issue.target, tgt[issue.target[0] : issue.target[1]]))
    # 3. Common nouns of place names transliterated into the name.
    for n_id, name in enumerate(names):
        if not name.noun:
            continue
        near = free
        if n_id in found:
            # "Ulitca Lenina": the name part is fine, the noun beside it is transliterated.
            r = found[n_id]
            ks = [k for k, t in enumerate(tokens) if r.target[0] <= t.start < r.target[1]]
            lo, hi = _capital_run(tokens, ks[0], tgt)
            near = {k for k in range(lo, hi + 1) if k in free or k in ks}
        if issue := _noun_issue(name, tokens, near, tgt):
            issues.append(issue)
            assert issue.target is not None
            found[n_id] = Rendering(name, issue.target, tgt[issue.target[0] : issue.target[1]])
            free -= {k for k, t in enumerate(tokens) if issue.target[0] <= t.start < issue.target[1]}
    # 4. A known garble of a name: a case form ("Sergeya Ivanova" for Сергея Иванова), a Korean
    # word romanised letter by letter ("Sinra" for 신라), a place half translated ("Great Novgorod").
    near_windows = [(i, j) for i, j in windows if j - i <= 3]
    for n_id, name in enumerate(names):
        # The gazetteer accepts the second word alone (Novgorod), so a rendering found may be half.
        own = set()
        if n_id in found:
            r = found[n_id]
            own = {k for k, t in enumerate(tokens) if r.target[0] <= t.start < r.target[1]}
        blocked = [t and k not in own for k, t in enumerate(taken)]
        if (
            name.half
            and (n_id not in found or len(own) == 1)
            and (hit := _half_translated(name, tokens, blocked, compacts))
        ):
            i, j = hit
            span = (tokens[i].start, tokens[j - 1].end)
            found[n_id] = Rendering(name, span, tgt[span[0] : span[1]])
            free -= set(range(i, j))
            taken[i:j] = [True] * (j - i)
            evidence = {"reason": HALF_TRANSLATED, "rendering": tgt[span[0] : span[1]], "accepted": name.suggestion}
            issues.append(NameIssue(GARBLED, name, span, name.suggestion, evidence))
        if n_id not in found and lang == "ru" and name.kind in (PERSON, PLACE):
            head = _head_word(name)
            for k in sorted(free):
                if tokens[k].capital and (nominative := _grafted_case(head, compacts[(k, k + 1)])):
                    span = (tokens[k].start, tokens[k].end)
                    found[n_id] = Rendering(name, span, tokens[k].text)
                    free.discard(k)
                    taken[k] = True
                    evidence = {"reason": CASE_FORM, "rendering": tokens[k].text, "accepted": nominative}
                    issues.append(NameIssue(GARBLED, name, span, nominative, evidence))
                    break
        if n_id in found or not (name.wrong or name.masculine):
            continue
        for i, j in near_windows:
            if (
                not any(taken[i:j])
                and tokens[i].capital
                and compacts[(i, j)] in name.wrong | name.masculine
                and not _unit_after_hyphen(name, tgt[tokens[i].start : tokens[j - 1].end])
                and not (name.loose and english_frequency(compacts[(i, j)]) >= _LOOSE_KNOWN)
                # A place's own English name may look like a Russian case form (Майотте, Mayotte).
                and not (name.wrong_reason == CASE_FORM and name.kind == PLACE and _gazetteer_place(tokens[i].text))
            ):
                span = (tokens[i].start, tokens[j - 1].end)
                text = tgt[span[0] : span[1]]
                found[n_id] = Rendering(name, span, text)
                free -= set(range(i, j))
                taken[i:j] = [True] * (j - i)
                reason = MASCULINE_FORM if compacts[(i, j)] in name.masculine else name.wrong_reason
                evidence = {"reason": reason, "rendering": text, "accepted": name.suggestion}
                issues.append(NameIssue(GARBLED, name, span, name.suggestion, evidence))
                break
    # 5. Any common word of the source transliterated into the English ("Vokzal", "Dom Uchenykh",
    # "Haesuyokjang"), found by the words' own transliterations; then near misses of names:
    # garbled, or a conventional spelling.
    if lang in ("ru", "ko"):
        if lang == "ko":
            issues += _letter_by_letter(tokens, free, token_compacts, src, names, tgt)
        names_at = [(n.start, n.end) for n in names if n.reliable and n.kind == PERSON]
        issues += _transliterated_nouns(tokens, free, token_compacts, src, lang, tgt, names_at)
    for n_id, name in enumerate(names):
        if n_id in found:
            continue
        near = _near(lang, name, tokens, free, tgt, near_windows, compacts)
        if near is None:
            continue
        verdict, span, form = near
        if verdict in (SLIP, TRANSPOSED):
            text = tgt[span[0] : span[1]]
            reason = "letters swapped" if verdict == TRANSPOSED else "slip of the place's English name"
            evidence = {"closest_accepted": form, "reason": reason, "tried": _tried(name)}
            found[n_id] = Rendering(name, span, text)
            free -= {k for k, t in enumerate(tokens) if span[0] <= t.start < span[1]}
            suggestion = (verdict == SLIP and _better_known(name, lang, text)) or form.capitalize()
            issues.append(NameIssue(GARBLED, name, span, suggestion, evidence))
            continue
        found[n_id] = Rendering(name, span, tgt[span[0] : span[1]])
        free -= {k for k, t in enumerate(tokens) if span[0] <= t.start < span[1]}
        # A near miss the judge let through, where a reading English knows differs from it only in
        # letters Hangul cannot tell apart.
        # Or where the transliteration model reads the source as a name English writes all the time,
        # and the draft's spelling is a rare near miss of it ("Cartir" for Картер, Carter).
        foreign = not name.native and _named(name)
        text = tgt[span[0] : span[1]]
        better = None
        if verdict != GARBLED and foreign:
            better = _misspelt(name, lang, text)
        if better:
            evidence = {"closest_accepted": better, "reason": "known reading", "tried": _tried(name)}
            issues.append(NameIssue(GARBLED, name, span, better, evidence))
            continue
        if verdict == GARBLED:
            # A Hangul transcription has many readings: one English knows, else the one nearest the
            # garble, is the suggestion.
            suggestion = form.capitalize() if name.nearest_suggestion else name.suggestion
            known = _known_reading(name, text) if lang == "ko" and not name.native else None
            # A reading English knows is the better suggestion (Alexander for Aelxander, not Aleksandr).
            suggestion = known or (lang == "ru" and foreign and _better_known(name, lang, text)) or suggestion
            evidence: dict[str, object] = {"closest_accepted": form, "tried": _tried(name)}
            # A foreign name in Hangul loses letters (웨이드: Wayde or Wade): an English spelling
            # that reads back to the same Hangul consonants is most likely the name's own. Not
            # for a place the gazetteer names in English, or a major place read by sound
            # (캘리포니아: California): English writes it one way (Chile); nor beside a reading in
            # letters Hangul cannot tell apart that English writes (Smirnoba: Smirnova).
            weak = (
                lang == "ko"
                and not name.native
                and not known
                and not name.gloss
                and not _known_place(name)
                and not _major_place_by_sound(name)
                and _same_hangul_skeleton(name, text)
            )
            if weak:
                evidence["same_hangul_consonants"] = True
            issues.append(NameIssue(GARBLED, name, span, suggestion, evidence, weak=weak))
    # 6. Renderings by sound: a foreign name in its own spelling far from any transliteration
    # (Heather Nauert for 나워트, Xi for Си), which the transliteration model finds likely.
    for n_id, name in enumerate(names):
        if n_id in found or name.kind not in (PERSON, PLACE) or name.native or name.noun or _famous_place(name):
            continue
        hit = _by_sound(name, lang, tokens, free, near_windows, compacts)
        # A name the source glosses has one spelling: a window far from it is no rendering at all
        # (Friday for 포드(Ford)).
        if hit is not None and name.gloss and not _near_gloss(name, compacts[hit]):
            hit = None
        if hit is not None:
            i, j = hit
            span = (tokens[i].start, tokens[j - 1].end)
            found[n_id] = Rendering(name, span, tgt[span[0] : span[1]])
            free -= set(range(i, j))
            text = tgt[span[0] : span[1]]
            if name.gloss and not _mends_gloss(name, lang, compacts[(i, j)]):
                # Another spelling than the one the source gives (Mila for 밀러(Miller)).
                evidence = {"closest_accepted": compact(name.gloss), "tried": _tried(name)}
                issues.append(NameIssue(GARBLED, name, span, name.gloss, evidence))
            elif better := _better_known(name, lang, text):
                evidence = {"closest_accepted": better, "reason": "known reading", "tried": _tried(name)}
                issues.append(NameIssue(GARBLED, name, span, better, evidence))
            elif (
                lang == "ru"
                and j - i == 1
                and english_frequency(text) < _KNOWN
                and (repaired := _transposed(name, lang, compacts[(i, j)]))
            ):
                evidence = {"closest_accepted": repaired, "reason": "letters swapped", "tried": _tried(name)}
                issues.append(NameIssue(GARBLED, name, span, repaired.capitalize(), evidence))
    # 6b. A name English mentions again where the source has it once, misspelt the second time
    # ("Fairbanks, Aleska" beside "Trans-Alaska"; "Running Tours Pargue based in Prague").
    issues += _misspelt_mentions(found, tokens, free, tgt, lang)
    # 6c. A name the source writes in Latin letters (Air Canada, Valderrama), one slip off in English.
    issues += _latin_slips(tokens, free, src, tgt)
    # 7. Source names with no rendering; a name met again in the same passage counts once.
    rendered_keys = {names[n].key for n in found}
    # The source with the countries Korean clips to a syllable (대북) named in full, for the names
    # it explains (here and in 8).
    named_src = _with_clipped_countries(src, lang)
    others = _unexplained(tokens, free, src, named_src, lang, list(found.values()), tgt)
    # English tokens that render a source person's given name: one word ("Camp David" of
    # Кэмп-Дэвидских is no given name beside "Accords").
    given = frozenset(
        k
        for r in found.values()
        if r.source.kind == PERSON and " " not in r.text
        for k, t in enumerate(tokens)
        if r.target[0] <= t.start < r.target[1]
    )
    # The source writes a name right after another one that English renders ("조 앨레바", "Joe
    # Coker"): the word in its place stands for it, whichever kind the words look like, and the
    # name is surely one (a given name and a surname, a city and its district).
    partners = {
        n_id: k
        for n_id, name in enumerate(names)
        if n_id not in found
        and name.required
        and name.kind in (PERSON, PLACE)
        and (k := _after_partner(n_id, names, found, tokens, others, src, tgt)) is not None
        # A word the extractor is unsure of is a name here if it reads as a transcription: a native
        # word (민주당 before "Democrat") may be translated, not named; unless English writes a
        # word seldom seen in its place (짐 퓨릭, Kiwi's Korean words both: "Jim Mickelson").
        and (name.reliable or not name.native or english_frequency(tokens[k].text) < _RARE_SURNAME)
    }
    missing = [
        n_id
        for n_id, name in enumerate(names)
        # Only a name the extractor is sure of is missed: a guess (a loanword Kiwi takes for a name,
        # an everyday word with a capital) left without a rendering is no news.
        if n_id not in found
        and name.required
        and (name.reliable or n_id in partners)
        and name.key not in rendered_keys
        and not _capital_in(name, [tokens[k] for k in free])
    ]
    repeats = _unrendered_repeats(names, found)
    for n_id in missing:
        name = names[n_id]
        if name.key in rendered_keys:
            continue
        evidence: dict[str, object] = {"tried": _tried(name)}
        if others:
            evidence["unexplained_english"] = [tokens[k].text for k in others]
        # A swap: the sentence names another place (person) where the source has this one, one
        # for one; several unexplained names or several missing ones are a paraphrase or a slip
        # of the alignment more often than a swap.
        # The one word nothing explains, where one person is missing, may be a surname English
        # writes often (Hart, Patton, Novak), which beside other candidates is too often a thing.
        alike = {names[m].key: names[m].start for m in missing if names[m].kind == name.kind}
        sole = len(others) == 1 and len(alike) == 1
        swapped = [
            k
            for k in others
            if _swap_candidate(name, lang, tokens, k, tgt, given, sole) and not _inside(tokens, k, free, others, tgt)
        ]
        runs = {_capital_run(tokens, k, tgt) for k in swapped}
        target = None
        # The swapped words are a name's own, not its title nor a name the source explains:
        # "German Chancellor Angela Pepperdine" for Ангела Меркель is Pepperdine.
        named = [k for k in swapped if _own_word(tokens[k], k in free)]
        # Of several places missing, the one at about the same place in its sentence ("Sinsheim,
        # Pakistan" at the end, where Манчестер starts the source and Германия ends it), unless the
        # word stands for another of them (Washington's for 미국의). Several people missing are
        # more often one person named two ways (Хеопс, Khufu) than a swap.
        rivals = {names[m].key: names[m].start for m in missing if name.kind == PLACE and names_a_place(names[m])}
        where = tokens[named[-1]].start / len(tgt) if named else 0.0
        nearest = min(rivals, key=lambda key: abs(rivals[key] / len(src) - where)) if named and rivals else None
        if name.kind != PLACE:
            # People too, unless two of them are one person named two ways (Хеопса, Хеопаса: Khufu).
            nearest = name.key if len(alike) == 1 else None
            if named and len(alike) > 1 and not _variants(alike):
                nearest = min(alike, key=lambda key: abs(alike[key] / len(src) - where))
        if named and any(
            _stands_for(names[m], lang, tokens[named[-1]].text) for m in missing if names[m].key != name.key
        ):
            nearest = None
        if n_id in partners:
            target = (tokens[partners[n_id]].start, tokens[partners[n_id]].end)
        elif named and len(runs) == 1 and nearest == name.key and _letters(name.text) >= 3:
            k = named[-1]
            run_lo, run_hi = next(iter(runs))
            lo = hi = k
            while lo > run_lo and _own_word(tokens[lo - 1], lo - 1 in free):
                lo -= 1
            while hi < run_hi and _own_word(tokens[hi + 1], hi + 1 in free):
                hi += 1
            target = (tokens[lo].start, tokens[hi].end)
        if target is not None:
            evidence["swapped_with"] = tgt[target[0] : target[1]]
        issues.append(NameIssue(MISSING, name, target, name.suggestion, evidence, weak=target is None))
        rendered_keys.add(name.key)
    # Words that render a place: before a person's name they say where the person is from
    # ("American Phil Mickelson"), they are no part of the name.
    places = frozenset(
        k
        for r in (found.values() if repeats else ())
        if r.source.kind == PLACE
        for k, t in enumerate(tokens)
        if r.target[0] <= t.start < r.target[1]
    )
    # 7b. A name the source repeats, rendered fewer times, beside the one English name of its kind
    # that nothing in the source explains: a mention was swapped ("Wasilla, Alabama ... Alaska
    # State Troopers" for Василлы, Аляска ... штата Аляска; "Juan Carlos Varela of Slovenia ... a
    # hotel in Panama").
    claimed = {k for i in issues if i.target for k in others if i.target[0] <= tokens[k].start < i.target[1]}
    # A swap replaces one mention: a word English repeats names something of its own ("Game of
    # Thrones" in the title and the text).
    counts = Counter(t.text for t in tokens) if repeats else Counter()
    for ids in repeats:
        if partnered := [n for n in ids if n in partners and partners[n] not in claimed]:
            k = partners[partnered[0]]
            name = names[partnered[0]]
            evidence = {"tried": _tried(name), "swapped_with": tokens[k].text, "repeated": True}
            issues.append(NameIssue(MISSING, name, (tokens[k].start, tokens[k].end), name.suggestion, evidence))
            claimed.add(k)
            continue
        name = names[ids[0]]
        swapped = [
            k
            for k in others
            if k not in claimed and counts[tokens[k].text] == 1 and _same_kind(name.kind, tokens, k, tgt, given)
        ]
        named = [k for k in swapped if _own_word(tokens[k], k in free)]
        runs = {
            _person_run(tokens, k, tgt, places) if name.kind == PERSON else _capital_run(tokens, k, tgt) for k in named
        }
        # Not a word of a name rendered ("Central" of Central Sulawesi).
        if (
            len(runs) != 1
            or any(k not in free and k not in given for lo, hi in runs for k in range(lo, hi + 1))
            or any(
                _stands_for(n, lang, tokens[k].text) or renders(n, lang, tokens[k].text, closely=True)
                for n in names
                for k in named
            )
        ):
            continue
        lo, hi = named[0], named[-1]
        target = (tokens[lo].start, tokens[hi].end)
        # The mention at about the same place in its sentence is the swapped one, whichever the
        # matcher took for the rendering.
        name = names[min(ids, key=lambda n: abs(names[n].start / len(src) - target[0] / len(tgt)))]
        evidence = {"tried": _tried(name), "swapped_with": tgt[target[0] : target[1]], "repeated": True}
        issues.append(NameIssue(MISSING, name, target, name.suggestion, evidence))
        claimed |= set(named)
    # 8. English place names that no source word stands for.
    for k in sorted(free):
        tok = tokens[k]
        if tok.capital and not tok.initial and (issue := _unexpected(tok, named_src)):
            issues.append(issue)
    return sorted(found.values(), key=lambda r: r.target), issues


def _person_run(tokens: list[Token], k: int, tgt: str, places: frozenset[int]) -> tuple[int, int]:
    """The capitalised run of the word at ``k``, less the words that render a place before it."""
    lo, hi = _capital_run(tokens, k, tgt)
    while lo < k and lo in places:
        lo += 1
    return lo, hi


def _inside(tokens: list[Token], k: int, free: set[int], others: list[int], tgt: str) -> bool:
    """Whether the word at ``k`` sits inside a capitalised run between two words of a name that
    renders or sounds like source words: it is part of that name ("San" of Stadio San Paolo), not
    a name in its own right (unlike Belgorod in "The Belgorod Region")."""
    lo, hi = _capital_run(tokens, k, tgt)

    def of_a_name(j: int) -> bool:
        return j not in free or (j not in others and not tokens[j].initial and _name_or_place(tokens[j].text))

    return lo < k < hi and of_a_name(k - 1) and of_a_name(k + 1)


def _after_partner(
    n_id: int,
    names: list[SourceName],
    found: dict[int, Rendering],
    tokens: list[Token],
    others: list[int],
    src: str,
    tgt: str,
) -> int | None:
    """The English word right after the rendering of the source name written just before this
    one, one space apart (a given name and a surname, a city and its district), when nothing in
    the source explains that word."""
    if n_id == 0 or n_id - 1 not in found:
        return None
    name, before = names[n_id], names[n_id - 1]
    if before.end > name.start or src[before.end : name.start] != " " or _letters(name.text) < 3:
        return None
    end = found[n_id - 1].target[1]
    k = next((k for k in others if tokens[k].start > end), None)
    if k is None or tgt[end : tokens[k].start] != " " or not _own_word(tokens[k], True):
        return None
    # A word that starts as the name's readings do may be a spelling the model did not foresee
    # (Bjorn for 비욘) or one the extractor cut short (O'Hagan for 오헤이건); not one two letters
    # shorter than every reading, which leaves sounds of the name out (Sane for 심프슨).
    spelling = compact(tokens[k].text)
    if any(a[:1] == spelling[:1] and len(spelling) > len(a) - 2 for a in name.accepted):
        return None
    return k


def _variants(keys: Iterable[str]) -> bool:
    """Whether two of these names are spellings of one (Хеопс, Хеопас)."""
    from rapidfuzz import fuzz

    return any(fuzz.ratio(a, b) >= _NEAR for a, b in itertools.combinations(keys, 2))


def _unrendered_repeats(names: list[SourceName], found: dict[int, Rendering]) -> list[list[int]]:
    """The mentions of each name that the source makes more often than English renders it (at
    least once). A mention the extractor is unsure of counts where another mention of the same word
    is sure (키트 헤링턴(Kit Harington) in the title, 헤링턴 alone in the text)."""
    sure = {name.key for name in names if name.reliable}
    mentions: dict[str, list[int]] = {}
    for n_id, name in enumerate(names):
        if name.required and name.key in sure and name.kind in (PERSON, PLACE):
            mentions.setdefault(name.key, []).append(n_id)
    return [ids for ids in mentions.values() if 0 < sum(n in found for n in ids) < len(ids)]


def _misspelt_mentions(
    found: dict[int, Rendering], tokens: list[Token], free: set[int], tgt: str, lang: str
) -> list[NameIssue]:
    """Words no source name explains, each one slip from a word of a person's or place's
    rendering, in a spelling English never writes: one slip from a name English writes all the
    time (Wasington), or from a rarer one that the transliteration model reads the source as
    clearly better (Kanar beside Kanjar for Канджар). A rare name beside another rare one that the
    source reads no worse may be a second person. The words flagged are taken out of ``free``:
    they are accounted for."""
    words: dict[str, Rendering] = {}
    for r in sorted(found.values(), key=lambda r: r.target):
        if r.source.kind in (PERSON, PLACE) and not r.source.native:
            for c in (compact(t.text) for t in tokens if r.target[0] <= t.start < r.target[1]):
                if len(c) >= 5:
                    words.setdefault(c, r)
    issues = []
    for k in sorted(free):
        tok = tokens[k]
        c = compact(tok.text)
        if not tok.capital or len(c) < 5 or english_frequency(c) > 0 or _gazetteer_place(tok.text):
            continue
        hit = next((w for w in words if _one_slip(c, w) and _slip_of_mention(words[w], lang, w, c)), None)
        if hit is None:
            continue
        r = words[hit]
        span = (tok.start, tok.end)
        evidence = {"reason": "another mention", "rendering": tok.text, "accepted": r.text}
        issues.append(NameIssue(GARBLED, r.source, span, hit.capitalize(), evidence))
        free.discard(k)
    return issues


def _slip_of_mention(r: Rendering, lang: str, word: str, spelling: str) -> bool:
    """Whether ``spelling`` misspells ``word`` of a rendering: English writes the word all the
    time, or the source reads as the word clearly better than as the spelling."""
    if english_frequency(word) >= _WELL_KNOWN:
        return True
    if " " in r.text or "-" in r.text:
        return False  # the model reads the whole name, not one of its words
    from mtcheck.translit.judge import pair_model

    model, forms = pair_model(lang), _source_forms(r.source, lang)
    return _fit(model, forms, word) - _fit(model, forms, spelling) >= _CLEARLY_BETTER_FIT


def _latin_slips(tokens: list[Token], free: set[int], src: str, tgt: str) -> list[NameIssue]:
    """Names one slip from a name the source writes in Latin letters, which English copies as it
    is ("Air Canady" for Air Canada): the source's own spelling is the suggestion. A slip at the
    end that adds or drops an s is English grammar (Teslas), and a word the source has in either
    spelling is no slip. The words flagged are taken out of ``free``."""
    latin = {compact(m.group()): m for m in _SOURCE_LATIN.finditer(src)}
    latin = {c: m for c, m in latin.items() if len(c) >= 4 and m.group() not in tgt}
    if not latin:
        return []
    low = src.lower()
    issues = []
    for k in sorted(free):
        if k not in free or not tokens[k].capital:
            continue
        lo, hi = _capital_run(tokens, k, tgt)
        run = range(lo, hi + 1)
        c = "".join(compact(tokens[i].text) for i in run)
        if not all(i in free for i in run) or tgt[tokens[lo].start : tokens[hi].end].lower() in low:
            continue
        hit = next((w for w in latin if _one_slip(c, w) and c[0] == w[0] and not _plural_slip(c, w)), None)
        if hit is None:
            continue
        m = latin[hit]
        span = (tokens[lo].start, tokens[hi].end)
        # The source may hold the slip (Bright Angtl Campground): the spelling English writes more
        # is the right one.
        if not _rarer(set(tgt[span[0] : span[1]].split()), set(m.group().split())):
            continue
        source = SourceName(m.start(), m.end(), m.group(), ORG, hit, frozenset({hit}), m.group(), required=False)
        evidence = {"reason": "the source's own spelling", "rendering": tgt[span[0] : span[1]], "accepted": m.group()}
        issues.append(NameIssue(GARBLED, source, span, m.group(), evidence))
        free -= set(run)
    return issues


# Capitalised words in Latin letters inside a Russian or Korean sentence: a name kept as written.
_SOURCE_LATIN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+)*(?![A-Za-z])")


def _plural_slip(a: str, b: str) -> bool:
    return a.rstrip("s") == b.rstrip("s")


def _rarer(ours: set[str], theirs: set[str]) -> bool:
    """Whether English writes the words only ``ours`` has less than those only ``theirs`` has."""
    mine = max(map(english_frequency, ours - theirs), default=0.0)
    return mine < max(map(english_frequency, theirs - ours), default=0.0)


def _stands_for(name: SourceName, lang: str, english: str) -> bool:
    """An English word renders the name closely or is its country's capital. Korean clips a country
    to its first syllable before another noun (미 정부: the US government, as "Washington")."""
    from mtcheck import gazetteer

    countries = gazetteer.country_of_capital(english)
    clipped = lang == "ko" and len(name.key) == 1 and any(c.startswith(name.key) for c in countries)
    return name.key in countries or clipped or renders(name, lang, english, closely=True)


def _capital_in(name: SourceName, tokens: list[Token]) -> bool:
    """Whether the English names the country ``name`` is by its capital ("Washington is wary" for
    미국은 경계하고, Pyongyang for 북한): a rendering, as news English writes it. ``tokens`` are the
    words no source name claims: Ottawa rendering Оттава says nothing of Канады beside it."""
    from mtcheck import gazetteer

    return name.kind == PLACE and any(t.capital and name.key in gazetteer.country_of_capital(t.text) for t in tokens)


def _own_word(token: Token, free: bool) -> bool:
    """A word that may be part of a swapped name: no source name explains it, it is no title
    (Professor, Senator), and it is no sentence's first word unless a name ("The Belgorod Region")."""
    title = token.text.lower().rstrip(".") in _TITLES
    return free and not title and not (token.initial and not (name_like(token.text) or _gazetteer_place(token.text)))


def _letters(text: str) -> int:
    """Letters of a name, a Hangul syllable counting as two (런던 is as long as Lund)."""
    return sum(2 if "가" <= c <= "힣" else 1 for c in text if c.isalpha())


_WORD_ONLY = re.compile(r"\w+")


def _unexplained(
    tokens: list[Token],
    free: set[int],
    src: str,
    named_src: str,
    lang: str,
    found: Sequence[Rendering] = (),
    tgt: str = "",
) -> list[int]:
    """English name-like words that render no source name: capitalised inside a sentence, not
    everyday words, and not a transliteration of any source word. A source word rendered already
    explains only a spelling close to it, a second mention (Литгоу, rendered as Lithgow, is not
    "Clinton", which shares letters with it), or the rendering's own word again (China twice for
    one 중국). ``named_src``: the source with the countries it clips to a syllable named in full
    (_with_clipped_countries), for the gazetteer's tests."""
    from rapidfuzz import fuzz

    from mtcheck.lang import ru
    from mtcheck.translit.korean import rr

    def spare_and_taken(pattern: str) -> tuple[list[str], list[str]]:
        """The words no rendering covers, and those one does."""
        spare: list[str] = []
        taken: list[str] = []
        for m in re.finditer(pattern, src):
            (taken if any(a <= m.start() < b for a, b in rendered) else spare).append(m.group())
        return spare, taken

    rendered = [(r.source.start, r.source.end) for r in found]
    mentioned = {compact(w) for r in found for w in re.findall(r"[^\W\d_]+", r.text)}

    # The text's words, for the lower-case test below: one regex per candidate word was 4% of a
    # Korean check's time.
    lower_words = functools.cache(lambda: frozenset(_WORD_ONLY.findall(tgt)))

    def named(tok: Token) -> bool:
        # Everyday words are no names; famous names are frequent too (Biden), but they travel, and
        # places are places (Russia). A sentence's first word is capitalised anyway: only a name or
        # a place the gazetteer knows counts there.
        if not tok.capital or len(tok.text) < 2:
            return False
        # A word the text also writes in lower case is that word, capitalised at the start of a
        # sentence or after a headline with no full stop ("Volcano spews ash on Mexico City Ash
        # spewing from the volcano").
        low = tok.text.lower()
        if _WORD_ONLY.fullmatch(low):
            written_low = low in lower_words()
        else:
            written_low = bool(re.search(rf"\b{re.escape(low)}\b", tgt))
        if written_low:
            return False
        if not tok.initial and english_frequency(tok.text) < 4.5:
            return True
        return _gazetteer_place(tok.text) or name_like(tok.text)

    candidates = [k for k in sorted(free) if named(tokens[k])]
    if not candidates:
        return []
    cyrillic, cyrillic_taken = spare_and_taken(r"[А-ЯЁа-яё]{3,}") if lang == "ru" else ([], [])
    # Two letters are enough for a word the source writes in Latin letters itself ("Il faut bien le
    # faire." in both texts).
    latin = spare_and_taken(r"[A-Za-z]{2,}")[0]
    words = [compact(w) for w in [ru.transliterate(w) for w in cyrillic] + latin]
    # A consonant code matches too loosely to let everyday words explain a name (огромным, ogromnym,
    # is no Germany): only words written with a capital, as names are, explain by sound, or by a
    # loose likeness of letters ("пути", puti, is no spelling of "Percut").
    capitalised = [w for w, raw in zip(words, [*cyrillic, *latin], strict=True) if raw[:1].isupper()]
    taken = [compact(ru.transliterate(w)) for w in cyrillic_taken]
    # Romanised only for a candidate that gets that far: most sentences have none.
    hangul = functools.cache(lambda: [rr(w) for w in re.findall(r"[가-힣]{2,}", src)] if lang == "ko" else [])
    out = []
    for k in candidates:
        tok = tokens[k]
        c = compact(tok.text)
        if c in mentioned:
            continue
        # A place of several words whose name in the source language the source has (Des Moines,
        # 디모인) is explained, however the extractor cut the source word.
        lo, hi = _capital_run(tokens, k, tgt) if tgt else (k, k)
        if hi > lo and _source_has(tgt[tokens[lo].start : tokens[hi].end], named_src):
            continue
        # A place the source names by a word made from it, which no extractor takes for a name
        # (болгарской Софии: "Sofia in Bulgaria").
        if lang == "ru" and _derived_word_in(tok.text, src):
            continue
        # A place the source names by its gazetteer name, inside a word of its own (터키인: Turkish
        # people, beside "Turkey").
        if lang == "ko" and _source_has(tok.text, named_src):
            continue
        if _capital_of_source_country(tok.text, named_src):
            continue
        # A place English writes often that the gazetteer names otherwise in the source language,
        # by no name the source has, is explained only by a close spelling, not by a source name
        # sharing letters with it (Maine, Мэн, beside Аризоне). A rarer one may be a short form of
        # the name as well as a place somewhere (Seve, Северьяно).
        known = english_frequency(tok.text) >= _WELL_KNOWN and _source_lacks(tok.text, src)
        loose = _NEAR if known else 60
        if (
            any(fuzz.ratio(c, w) >= _NEAR for w in words)
            or any(fuzz.ratio(c, w) >= loose for w in capitalised)
            or any(same_sound(c, w) for w in capitalised)
        ):
            continue
        if any(fuzz.ratio(c, w) >= _NEAR or same_sound(c, w) for w in taken):
            continue
        # Part of a Korean word romanised, its particle and the rest aside (Jeolla in 전라남도에서),
        # or a short one whole (Roa for 로아).
        if len(c) >= 4 and any(fuzz.partial_ratio(c, w) >= 90 for w in hangul()):
            continue
        if lang == "ko" and c in hangul():
            continue
        out.append(k)
    return out


# English words that make the capitalised word before or after them a place or a person.
_PLACE_WORDS = frozenset(
    "district region province oblast krai raion county city town village street avenue square river lake "
    "island mountains mount sea bay peninsula airport station park".split()
)
# A surname alone is taken for a person below this zipf frequency (Novak 2.9, Coker 2.4); frequent
# single words (Hurricane, Rosa, Bone) are too often something else.
_RARE_SURNAME = 3.0
_SOLE_SURNAME = 4.5
_SPEECH = frozenset("said says told added explained noted wrote asked replied recalled".split())
_TITLES = frozenset(
    "mr mrs ms dr sir president minister governor mayor senator general prince king queen chairman chancellor "
    "premier leader secretary ambassador spokesman spokeswoman judge pope sen rep gov gen prof rev "
    # Sport, church, police and army ranks and titles of nobility name a person as well ("Captain
    # Halkett", "Lord Byron", "Father Johnson").
    "captain coach manager lord lady father bishop archbishop cardinal detective sergeant lieutenant colonel "
    "inspector pastor rabbi duke duchess princess emperor "
    # A saint is a person too, whatever the church or the day named after one ("St. Martin's").
    "st saint".split()
)


def _swap_candidate(
    name: SourceName, lang: str, tokens: list[Token], k: int, text: str, given: frozenset[int], sole: bool
) -> bool:
    """Whether the English word at ``k`` may stand in a swap for ``name``: a word of its kind, or,
    the one name nothing explains beside the one Hangul transcription missing, a word of the other
    kind standing alone: a transcription names a person or a place alike (스털링 is Stirling and
    Sterling; 팔루 a city Kiwi takes for a person), where Russian grammar and NER tell them apart.
    Not for a country or a place English writes all the time (Indonesia, Europe), which names no
    person."""
    from mtcheck import gazetteer

    if _same_kind(name.kind, tokens, k, text, given, sole):
        return True
    if lang != "ko" or not sole or name.native or name.kind not in _OTHER_KIND:
        return False
    names = gazetteer.english_names(name.key)
    if name.kind == PLACE and any(gazetteer.is_country(e) or english_frequency(e) >= _EVERYDAY for e in names):
        return False
    # A country names no person, nor does a person's name stand for one ("Syria" where 무알렘 is).
    if gazetteer.is_country(tokens[k].text):
        return False
    lo, hi = _capital_run(tokens, k, text)
    return lo == hi and _same_kind(_OTHER_KIND[name.kind], tokens, k, text, given, sole)


_OTHER_KIND = {PERSON: PLACE, PLACE: PERSON}


def _same_kind(
    kind: str, tokens: list[Token], k: int, text: str, given: frozenset[int] = frozenset(), sole: bool = False
) -> bool:
    """Whether the English word at ``k`` names a thing of this kind: a place the gazetteer knows or
    one followed by a place noun ("Kirovsky district"), a person after a title or in a run of
    capitalised words that is no place."""
    from mtcheck import gazetteer

    tok = tokens[k]
    nxt = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
    prev = tokens[k - 1].text.lower() if k > 0 else ""
    placed = nxt in _PLACE_WORDS or prev == "mount"
    lo, hi = _capital_run(tokens, k, text)
    if kind == PLACE:
        return placed or gazetteer.is_place(tok.text) or gazetteer.is_place(text[tokens[lo].start : tokens[hi].end])
    # A word before a title qualifies the title ("Arizona Sen. Jeff Flake"), it names nobody.
    if kind != PERSON or placed or tok.text.isupper() or nxt.rstrip(".") in _TITLES:
        return False
    if prev in _TITLES:
        return True
    # A word that says or tells is a person, unless a place English writes often stands for its
    # government ("Tehran said"); a rare town's name is more often a surname (Ivanov said), and a
    # common name that is no place at all is one too (Miller said).
    if (
        nxt in _SPEECH
        and (not tok.initial or name_like(tok.text))
        and (english_frequency(tok.text) < _WELL_KNOWN or (name_like(tok.text) and not gazetteer.is_place(tok.text)))
    ):
        return True
    # Beside a given name the source's person has in the English ("Chris Goldsmith" for 크리스 쿤스),
    # a word stands in the surname's place, whatever word it is.
    if given and any(i in given for i in range(lo, hi + 1) if i != k) and not gazetteer.is_place(tok.text):
        return True
    # A person is named by a given name and a surname, neither of them an everyday word ("The
    # Treasury" and "Judiciary Committee" are not people; a sentence's first word says nothing),
    # or by a surname alone that is no place (a gazetteer place in a run of names may still be one:
    # many surnames are towns somewhere too, Gary, Anderson).
    names = sum(name_like(t.text) for t in tokens[lo : hi + 1] if not t.initial)
    rare = _SOLE_SURNAME if sole else _RARE_SURNAME
    alone = lo == hi and english_frequency(tok.text) < rare and not gazetteer.is_place(tok.text)
    return name_like(tok.text) and (names >= 2 or alone)


@functools.lru_cache(maxsize=65536)
def name_like(word: str) -> bool:
    """Whether a capitalised English word is a name rather than an everyday word. Names travel:
    text in other languages writes John, Gary and Anderson about as often as English does, while
    committee, treasury or reverend are English words only (wordfreq, eight European languages;
    the third most frequent of them against English). Rare words are names too. The test's
    answers are shipped (mtcheck.lang.name_travel)."""
    if word.isupper() or len(word) < 2:
        return False
    w = word.lower()
    en = english_frequency(w)
    if en < _RARE:
        return True
    if en >= _FUNCTION_WORD:
        return False  # "In", "De", "A": words of many languages, no names
    return travels(w, en)


def _tried(name: SourceName) -> list[str]:
    # Ties broken by the text: set order changes from process to process (hash seeds).
    return sorted(name.accepted, key=lambda s: (len(s), s))[:8]


def _unexpected(tok: Token, src: str) -> NameIssue | None:
    if english_frequency(tok.text) >= 5.0 or len(tok.text) < 3 or not _source_lacks(tok.text, src):
        return None
    if re.search(rf"(?<![^\W\d_]){re.escape(tok.text)}(?![^\W\d_])", src, re.IGNORECASE):
        return None  # the source writes it in Latin letters too (Google, Toyota)
    if _capital_of_source_country(tok.text, src):
        return None
    return NameIssue(UNEXPECTED, None, (tok.start, tok.end), None, {"place": tok.text})


def _capital_of_source_country(english: str, src: str) -> bool:
    """Whether ``english`` is the capital of a country the source names: a capital stands for its
    country ("Moscow" for Russia, Beijing for 중국, Washington for 미국)."""
    from mtcheck import gazetteer

    return _stem_in(gazetteer.country_of_capital(english), src)


def foreign_place(english: str, src: str) -> bool:
    """Whether ``english`` is a country or a city of 100,000 people or more that the source names
    by none of its source-language names."""
    from mtcheck import gazetteer

    return gazetteer.is_major_place(english) and _source_lacks(english, src)


def _source_lacks(english: str, src: str) -> bool:
    """Whether ``english`` is a place the gazetteer knows by source names none of which the source
    has (the stem of any of them, in whatever case form)."""
    return _source_has(english, src) is False


def _with_clipped_countries(src: str, lang: str) -> str:
    """The source, with the full names of the countries Korean names by a syllable inside a word
    (대북 제재: 북한, North Korea) added: they explain English names as the full names would."""
    return src if lang != "ko" else " ".join((src, *sorted(clipped_countries(src))))


def _source_has(english: str, src: str) -> bool | None:
    """Whether the source has a name the gazetteer gives the place ``english`` in the source
    language (the stem of any of them, in whatever case form); None for no place it knows."""
    from mtcheck import gazetteer

    local = gazetteer.source_names(english)
    return _stem_in(local, src) if local else None


def _derived_word_in(english: str, src: str) -> bool:
    """Whether a lower-case word of the Russian source starts as a Russian name of the place
    ``english`` does (its first five letters: болгарской for Болгария, боливийцы for Боливия)."""
    from mtcheck import gazetteer

    local = gazetteer.source_names(english)
    if not local:
        return False
    words = re.findall(r"(?<![А-ЯЁа-яё])[а-яё]{5,}", src)
    # Of one word only: an official name's first word is an everyday one (республика азербайджан,
    # многонациональное государство боливия), which says nothing of the place.
    stems = {n.lower()[:5] for n in local if len(n) >= 6 and " " not in n}
    return any(w[:5] in stems for w in words)


def _stem_in(names: Iterable[str], src: str) -> bool:
    """Whether the source has the stem of any of these source-language names, in whatever case
    form (its first letters, up to four)."""
    low = src.lower()
    return any(n[: max(2, min(4, len(n) - 1))] in low for n in names)


__all__ = ["PERSON", "PLACE", "NameIssue", "Rendering", "english_tokens", "match"]
