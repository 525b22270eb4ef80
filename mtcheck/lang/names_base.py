"""What source-side name extraction hands to the matcher: a name and its accepted renderings."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtcheck.lang.lattice import Lattice
from mtcheck.lang.name_tables import Acronym, NameNoun

if TYPE_CHECKING:
    from mtcheck.translit.model import PairModel

PERSON, PLACE, ORG, ACRONYM, NOUN = "person", "place", "org", "acronym", "noun"
CASE_FORM, LETTER_BY_LETTER, HALF_TRANSLATED = "case form", "letter by letter", "half translated"
MASCULINE_FORM = "masculine form"


@dataclass(frozen=True, slots=True)
class NounPart:
    """The common noun inside a compound place name ("сквера" in "сквера Интернационалистов")."""

    noun: NameNoun
    latin: frozenset[str]  # transliterations of the source noun; met in English, they are the error
    name_en: str  # English for the rest of the name ("Internationalists")


@dataclass(frozen=True, slots=True)
class SourceName:
    start: int  # offsets into the text handed to the extractor
    end: int
    text: str
    kind: str  # PERSON, PLACE, ORG or ACRONYM
    key: str  # one entity, whatever its case form: the lemma ("курск" for Курской, Курске)
    accepted: frozenset[str]  # compact Latin forms (see compact()) an English rendering may take
    suggestion: str
    pattern: Lattice | None = None  # spellings over compact Latin beyond ``accepted``; a full match renders it
    strict: bool = True  # whether a near miss counts as garbled (False where renderings vary too much)
    required: bool = True  # whether a name with no rendering is reported
    # A transcription with many readings (Hangul for a foreign name): the reading nearest a garble
    # is a better suggestion than any fixed one.
    nearest_suggestion: bool = False
    # The plain transliteration of the source ("dzharomir" for Джаромир): English letters it lacks
    # (j, w, q, c, ou…) show an original Latin spelling rather than a garble.
    canonical: str = ""
    # Whether the extractor is sure this is a name (a tagged surname, a gazetteer place), so that
    # its absence from the translation matters.
    reliable: bool = False
    # A Korean name or place read by Korean romanisation: English spellings beyond its readings are
    # garbles, never a foreign original.
    native: bool = False
    # Spellings that render the name only when they stand alone, not followed by another capitalised
    # word: English names a Korean by the surname alone ("Mr Ri"), but "Kim Jang Un" is no "Kim".
    alone: frozenset[str] = frozenset()
    # Spellings that are known garbles of the name, and why: the transliterated case form where
    # English wants the nominative (Kirpotina for Сергея Кирпотина: CASE_FORM), a Korean word
    # romanised syllable by syllable without its sound changes (Sinra for 신라: LETTER_BY_LETTER).
    wrong: frozenset[str] = frozenset()
    wrong_reason: str = ""
    # A woman's surname in its masculine form (Petrov for Анны Петровой): English keeps the
    # feminine one (Anna Petrova), as it keeps Maria Sharapova.
    masculine: frozenset[str] = frozenset()
    # The name's origin is a guess (a Korean word Kiwi knows that is neither a gazetteer place nor a
    # Korean person's name, and may be a foreign name: 존, 팔루): an English spelling that English
    # text uses (John, Palu) is taken for the name's own rather than a garble.
    loose: bool = False
    # A two-word place English writes transliterated whole (Великий Новгород: Veliky Novgorod): the
    # second word's spellings, which after an English word for the first ("Great Novgorod") make
    # a half-translated name; ``half_first`` holds the first word's own spellings.
    half: frozenset[str] = frozenset()
    half_first: frozenset[str] = frozenset()
    noun: NounPart | None = None
    alternatives: tuple[NounPart, ...] = ()  # other readings of an ambiguous noun (공원: сквер, парк)
    acronym: Acronym | None = None
    # Regex over compact Latin for the abbreviation spelt out letter by letter (ТГУ: tgu) or
    # syllable by syllable (산업부: saneopbu), which English does not write.
    spelled: str | None = None
    # ``spelled`` counts only as one English word: the clipped name may be a person's too (전경련,
    # 전교조 read as Mr Jeon), whom English writes in words of their own (Jeon Gyeong-ryeon).
    one_word: bool = False
    # The English spelling the source gives in brackets after the name (맥 밀러(Mac Miller)): the
    # one rendering, and near misses of it are garbles.
    gloss: str = ""


# English words in brackets right after a name: the source's own gloss of its spelling.
_GLOSS = re.compile(r"\(\s*([A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3})\s*\)")
_GLOSSED_KINDS = frozenset({"person", "place"})
_WORD = re.compile(r"[^\s\-‐]+")
_JOINERS = frozenset("-‐")


def with_glosses(text: str, names: list[SourceName], lang: str) -> list[SourceName]:
    """``names`` with the glosses ``text`` gives them: a bracketed English spelling right after a
    run of names separated by spaces, word for word (맥 밀러(Mac Miller): Mac for 맥, Miller for
    밀러); the last names of a longer run where the words fall short. Not an abbreviation (BDI),
    nor a gloss the transliteration model does not read as the name: translators copy glosses
    into the wrong place too (스티븐 롤리스(Steven Thomson))."""
    from dataclasses import replace

    from mtcheck.translit.judge import pair_model

    if "(" not in text:
        return names
    model = pair_model(lang)
    out = list(names)
    order = sorted(range(len(names)), key=lambda i: names[i].start)
    for m in _GLOSS.finditer(text):
        # Words split at spaces and hyphens alike, on both sides (한스-피터 바텔, Hans-Peter Bartels).
        words = list(_WORD.finditer(m.group(1)))
        run: list[int] = []
        at = m.start()
        for i in reversed(order):
            if names[i].end <= at and not text[names[i].end : at].strip():
                run.insert(0, i)
                at = names[i].start
            elif names[i].end <= at:
                break
        # The last names of the run whose words the gloss spells, word for word, from a word's start.
        taken: list[int] = []
        sizes: list[int] = []
        for i in reversed(run):
            if sum(sizes) >= len(words):
                break
            taken.insert(0, i)
            sizes.insert(0, len(_WORD.findall(names[i].text)))
        # A gloss longer than the run names a word before it the extractor took for no name too
        # (칼럼 스펜스(Calum Spence): 칼럼 is also "column"); its last words are the run's.
        if taken and sum(sizes) < len(words) and _word_before(text, names[taken[0]].start):
            words = words[len(words) - sum(sizes) :]
        if (
            not taken
            or sum(sizes) != len(words)
            or text[names[taken[0]].start - 1 : names[taken[0]].start] in _JOINERS
            or any(names[i].kind not in _GLOSSED_KINDS for i in taken)
            or any(w.group().isupper() for w in words)
        ):
            continue
        parts, k = [], 0
        for n in sizes:
            parts.append(m.group(1)[words[k].start() : words[k + n - 1].end()])
            k += n
        if not all(_gloss_fits(model, names[i], lang, gloss) for i, gloss in zip(taken, parts, strict=True)):
            continue
        # One gloss over several names is one person's where any of them is a person's (맥 밀러, Mac
        # Miller: Kiwi takes 밀러 for a place).
        person = len(taken) > 1 and any(names[i].kind == "person" for i in taken)
        for i, gloss, n in zip(taken, parts, sizes, strict=True):
            spelling = compact(gloss)
            out[i] = replace(
                names[i],
                kind="person" if person else names[i].kind,
                gloss=gloss,
                accepted=frozenset({spelling}),
                pattern=None,
                suggestion=gloss,
                nearest_suggestion=False,
                strict=True,
                reliable=True,
                alone=frozenset(w for w in map(compact, _WORD.findall(gloss)) if len(w) >= 3) if n > 1 else frozenset(),
                wrong=frozenset(),
            )
    return out


def _word_before(text: str, start: int) -> bool:
    """Whether a word of the source's own script stands right before ``start``, a space apart."""
    return bool(re.search(r"[\uac00-\ud7a3А-Яа-яЁё]+ $", text[max(0, start - 30) : start]))


def _gloss_fits(model: PairModel, name: SourceName, lang: str, gloss: str) -> bool:
    """Whether the transliteration model reads the source as the gloss, loosely: a misplaced
    gloss reads far worse (롤리스 as Thomson: -6.9 against a threshold of -1.3). Where the model
    cannot spell the gloss at all (the gh of Hughes for 휴즈, Jakarta for 피파), the gloss must
    share half its letters with a spelling accepted for the name (hyuz; not pipa)."""
    from rapidfuzz import fuzz, process

    from mtcheck.translit.units import source_units

    spelling = compact(gloss)
    if len(spelling) < 2:
        return False
    score = model.score(source_units(name.key, lang), spelling)
    if score == -math.inf:
        hit = process.extractOne(spelling, sorted(name.accepted), scorer=fuzz.ratio)
        return bool(hit) and hit[1] >= _GLOSS_LETTERS
    return score >= model.calibration["plausible"] - _GLOSS_SLACK


_GLOSS_SLACK = 3.0
_GLOSS_LETTERS = 50


def starts_sentence(text: str, pos: int, openers: frozenset[str]) -> bool:
    """Whether only ``openers`` (spaces, opening quotes, brackets, dashes) stand between ``pos``
    and the start of the text or the end of a sentence; scanning back beats slicing the text
    before every word of a long sentence."""
    i = pos - 1
    while i >= 0 and text[i] in openers:
        i -= 1
    if i >= 0 and text[i] == "." and text[max(0, i - 4) : i].lower().rsplit(" ", 1)[-1] in _TITLE_ABBREVIATIONS:
        return False  # "Mr. Hart": a title's full stop ends no sentence
    return i < 0 or text[i] in ".!?:;\n"


# Abbreviated titles that English writes with a full stop before a name.
_TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr st sen rep gov gen prof rev lt col sgt capt mt ft".split())


# English words come back in every sentence, and every window of them is compacted.
@functools.lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """Letters only, lower case, no diacritics: "Kim Jong-un" → "kimjongun"."""
    from mtcheck.gazetteer import fold

    return re.sub(r"[^a-z]", "", fold(text))


@functools.lru_cache(maxsize=65536)
def english_frequency(word: str) -> float:
    """Zipf frequency of an English word; conventional spellings of names are frequent, garbles
    are not ("Tchaikovsky" 2.8, "Khinstin" 0)."""
    w = word.lower()
    if _PLAIN.fullmatch(w):
        return _plain_zipf(w)
    from wordfreq import zipf_frequency

    return zipf_frequency(w, "en")


_PLAIN = re.compile(r"[a-z]+")


@functools.cache
def _english_list() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def _plain_zipf(word: str) -> float:
    """wordfreq's zipf_frequency of a word of plain lower-case letters, by a look-up in its list:
    the same figure (checked on every such word of the list), without its tokenizer, which was a
    tenth of the name check's time on a 5,000-sentence document."""
    f = _english_list().get(word)
    if f is None:
        return 0.0
    # wordfreq's own rounding: three significant digits of the frequency, then two decimals of Zipf.
    f = round(f, math.floor(-math.log(f, 10)) + 3)
    return round(math.log(f, 10) + 9, 2)


# Russian transliteration habits that English cognates undo: "internatsionalist" → "internationalist".
_COGNATE_RULES = (
    ("tsion", "tion"),
    ("tsiya", "tion"),
    ("tsi", "ti"),
    ("ks", "x"),
    ("iya", "y"),
    ("iya", "ia"),
    ("izm", "ism"),
    ("kh", "ch"),
    ("f", "ph"),
    ("y", "i"),
    ("ts", "c"),
    ("k", "c"),
    ("yu", "u"),
)


@functools.lru_cache(maxsize=8192)
def cognate(latin: str, plural: bool = False) -> str | None:
    """The English word a transliterated Russian lemma is a cognate of, if English has it."""
    forms = {latin.lower()}
    for a, b in _COGNATE_RULES:
        forms |= {f.replace(a, b) for f in forms}
    best = max(forms, key=english_frequency)
    if english_frequency(best) < 1.5:
        return None
    if plural:
        plural_form = best + ("es" if best.endswith(("s", "x", "ch", "sh")) else "s")
        return plural_form.capitalize()
    return best.capitalize()
