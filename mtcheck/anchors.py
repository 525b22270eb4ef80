"""Anchors: tokens that survive translation, used to tie sentences together in alignment.

Numbers are normalised ("1 000" → 1000, "3,5" → 3.5); names are reduced to a phonetic
skeleton of their Latin form so that "Путин", "푸틴" and "Putin" meet; places also meet by the
English names the gazetteer gives them in Korean ("중국", "China"); names a Russian or Korean
text leaves in Latin letters are keys of their own, as the translation nearly always keeps
them; quotes and question marks count as one anchor each.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from mtcheck import gazetteer
from mtcheck.lang import en, ko, ru

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


def _name_keys(latin_names: list[str], tag: str = "N") -> set[str]:
    """Names by their skeleton; ``tag`` "L" for names a Russian or Korean text writes in Latin
    letters, which weigh more (see mtcheck.align)."""
    return _skeleton_keys(latin_names, tag, 3)


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


def _as_english(latin: str) -> str:
    """A transliterated Russian name closer to the English spelling of a foreign one: Дж is J
    (Джексон, Jackson; Джакарта, Jakarta), which the skeleton would read as "ts"."""
    return latin.replace("Dzh", "J").replace("dzh", "j")


def number_keys(text: str, lang: str = "en") -> set[str]:
    """Figures as the number check reads them, words and scales included ("шесть миллионов",
    "1억", "six million" → D:6000000), and dates and clock times ("4 декабря" → D:date12-4)."""
    from mtcheck.lang.numbers import extract

    keys = set()
    for q in extract(text, lang):
        if q.weak or q.kind in ("month", "weekday"):
            continue  # "one of", "first", "half": too often no figure at all; calendar_keys has months
        values = q.keys[:1] if q.kind == "percent" else q.keys  # 15% is not also 0.15 here
        for v in values:
            keys.add(f"D:{v:.10g}" if isinstance(v, float) else f"D:{v[0]}{v[1]}-{v[2]}")
    return keys


# Months and weekdays survive translation as reliably as figures ("в июне" / "in June" /
# "6월"): keyed like numbers, so they count as strong anchors.
_MONTH_STEMS = {
    "ru": "январ феврал март апрел ма[йяею] июн июл август сентябр октябр ноябр декабр".split(),
    "en": "january february march april may june july august september october november december".split(),
}
_WEEKDAY_STEMS = {
    # "среда" is as often "environment"; "в среду" is Wednesday.
    "ru": "понедельник вторник сред(?=у|ам) четверг пятниц суббот воскресень".split(),
    "en": "monday tuesday wednesday thursday friday saturday sunday".split(),
}
_CALENDAR = {
    lang: re.compile(
        r"(?<!\w)(?:"
        + "|".join(f"(?P<m{i}>{stem})" for i, stem in enumerate(_MONTH_STEMS[lang]))
        + "|"
        + "|".join(f"(?P<d{i}>{stem})" for i, stem in enumerate(_WEEKDAY_STEMS[lang]))
        + (r")\w*" if lang == "ru" else r")s?\b"),
        re.IGNORECASE if lang == "ru" else 0,
    )
    for lang in ("ru", "en")
}
_EN_CALENDAR_CASED = re.compile(_CALENDAR["en"].pattern, re.IGNORECASE)
_MAY = re.compile(r"(?:\b(?:in|of|by|until|since|early|late|mid-)\s|\d\s)May\b|\bMay\s\d")
_KO_CALENDAR = re.compile(r"(?<!\d)(1[0-2]|[1-9])월|([월화수목금토일])요일")


# A quote mark before a sentence's first word, or after its last (an apostrophe only after
# punctuation: "the boys'" ends with no quote).
_OPENS_QUOTE = re.compile(r"[\s—–-]*[«“\"„‘']")
_CLOSES_QUOTE = re.compile(r"(?:[»”\"]|(?<=[.!?,…])[’'])[.!?…]?\s*$")


# Latin acronyms are written alike on both sides ("BBC", "AI", "NATO" in a Korean text).
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])")
# A question stays a question in translation.
_QUESTION = re.compile(r"[?？]")


@functools.lru_cache(maxsize=65536)
def _place_key(name: str) -> frozenset[str]:
    """A Korean place by the English names the gazetteer gives it: "중국" and "China" meet, which
    no consonant skeleton joins. Not Russian: its skeleton meets most English place names, and
    its lemmas reach places that are adjectives and prepositions too ("Центральное", "По")."""
    return frozenset(f"G:{gazetteer.fold(e)}" for e in gazetteer.english_names(name))


@functools.lru_cache(maxsize=65536)
def _english_place_key(run: str) -> frozenset[str]:
    return frozenset({f"G:{gazetteer.fold(run)}"}) if gazetteer.is_place(run) else frozenset()


def _place_keys(names: list[str], key: Callable[[str], frozenset[str]]) -> set[str]:
    return set().union(*(key(name) for name in names))


def calendar_keys(text: str, lang: str) -> set[str]:
    """Months and weekdays: "D:m6" for June, "D:w0" for Monday."""
    keys = set()
    if lang == "ko":
        for m in _KO_CALENDAR.finditer(text):
            keys.add(f"D:m{int(m.group(1)) - 1}" if m.group(1) else f"D:d{'월화수목금토일'.index(m.group(2))}")
        return keys
    # English month names only capitalised: "may", "march" and "sunday" are words too.
    pattern = _CALENDAR[lang] if lang == "ru" else _EN_CALENDAR_CASED
    for m in pattern.finditer(text):
        if lang == "en" and not m.group()[0].isupper():
            continue
        # "May" is as often Theresa May: a month only next to a day or after "in"/"of"...
        if lang == "en" and m.lastgroup == "m4" and not _MAY.search(text, max(0, m.start() - 8), m.end() + 4):
            continue
        keys.add(f"D:{m.lastgroup}")
    return keys


# A capitalised word that opens a sentence is a name only if it is one: "Однако", "Почему",
# "Instead", "The" are not, and as anchors they are keys no translation shares.
_OPENING = re.compile(r"(?:^|[.!?…]\s+)[\s«»\"“”„'‘’(\[—–-]*$")
_ENGLISH_OPENERS = frozenset(
    "a an the this that these those it its he she we they i you his her their our my your there here "
    "and but or so yet nor for if when while after before although though because since as once unless "
    "until whether what why how who whom whose which where however meanwhile instead also still now then "
    "thus hence indeed moreover furthermore nevertheless otherwise besides later earlier today yesterday "
    "tomorrow many most some several all both each every no not only even just in on at by with from to "
    "of about over under into during against between among through without within around".split()
)
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _english_opener(word: str) -> bool:
    return word.lower() in _ENGLISH_OPENERS


@functools.lru_cache(maxsize=65536)
def _russian_opener(word: str) -> bool:
    """A word pymorphy3 knows with no reading as a name or a place."""
    from mtcheck.lang.lemma import parses

    readings = parses(word.lower())
    return bool(readings) and all(p.is_known and not (_NAME_TAGS & p.tag.grammemes) for p in readings)


def _runs(text: str, spans: list[tuple[int, int]], opener: Callable[[str], bool]) -> list[str]:
    """The runs' texts, less a first word that only opens its sentence."""
    out = []
    for start, end in spans:
        run = text[start:end]
        if _OPENING.search(text[:start]):
            first, _, rest = run.partition(" ")
            if opener(first):
                run = rest.lstrip()
        if run:
            out.append(run)
    return out


def anchor_keys_many(texts: list[str], lang: str) -> list[frozenset[str]]:
    """Anchor keys of many texts at once (Korean name tagging runs as one batch)."""
    if lang != "ko" or len(texts) < 2:
        return [anchor_keys(t, lang) for t in texts]
    spans = ko.name_words_many(texts)
    return [_anchor_keys(t, lang, names) for t, names in zip(texts, spans, strict=True)]


def anchor_keys(text: str, lang: str) -> frozenset[str]:
    return _anchor_keys(text, lang, None)


def _anchor_keys(text: str, lang: str, ko_names: list[tuple[int, int]] | None) -> frozenset[str]:
    keys = number_keys(text, lang) | calendar_keys(text, lang)
    if _QUOTES.search(text):
        keys.add("Q")
        # Where a quote opens or closes a sentence says more than that it holds one: «» also
        # mark names and titles, but a sentence that opens or ends with a quote does so in
        # translation too, and its neighbour's translation seldom does.
        if _OPENS_QUOTE.match(text):
            keys.add("O")
        if _CLOSES_QUOTE.search(text):
            keys.add("C")
    if _QUESTION.search(text):
        keys.add("I")
    if lang == "en":
        runs = _with_words(_runs(text, en.name_runs(text), _english_opener))
        # Each name may also be one a Russian or Korean text leaves in Latin letters (its "L" twin).
        keys |= _name_keys(runs) | _name_keys(runs, "L") | _place_keys(runs, _english_place_key)
        keys |= _cognate_keys(_LONG_LATIN.findall(text))
    elif lang == "ru":
        runs = _runs(text, ru.name_runs(text), _russian_opener)
        keys |= _name_keys([_as_english(ru.transliterate(w)) for w in _with_words(runs)])
        keys |= _cognate_keys([ru.transliterate(w) for w in _LONG_CYRILLIC.findall(text)])
    elif lang == "ko":
        spans = ko.name_words(text) if ko_names is None else ko_names
        names = [text[s:e] for s, e in spans]
        keys |= _name_keys([ko.romanize(name) for name in names]) | _place_keys(names, _place_key)
    keys |= {f"A:{a}" for a in _ACRONYM.findall(text)}
    if lang != "en":
        # Names left in Latin letters in a Russian or Korean text ("(Carnegie Mellon)", "BBC",
        # "Adriftmorn Limited") are written as the English has them, nine times in ten (FLORES-200
        # dev ru→en), where a transliterated name's skeleton meets the English one's two in three.
        keys |= _name_keys(_with_words([text[s:e] for s, e in en.name_runs(text)]), "L")
    return frozenset(keys)
