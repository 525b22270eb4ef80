"""Russian names in a text and the English renderings each may take.

Names come from natasha's NER and pymorphy3's tags (Name, Surn, Patr, Geox, Orgn, Abbr); lemmas
tie case forms and derived adjectives together ("Курской области", "Курск", "курский").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from dataclasses import replace as _replace
from typing import Any

from mtcheck import gazetteer
from mtcheck.lang import ru
from mtcheck.lang.lattice import Choice, Lattice, Letters
from mtcheck.lang.lemma import parses as _parses
from mtcheck.lang.name_tables import ACRONYMS, NAME_NOUNS, RU_KOREAN_SURNAMES, Acronym, NameNoun
from mtcheck.lang.names_base import (
    ACRONYM,
    CASE_FORM,
    HALF_TRANSLATED,
    ORG,
    PERSON,
    PLACE,
    NounPart,
    SourceName,
    cognate,
    compact,
    english_frequency,
    starts_sentence,
)

_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_NAME_TAGS = {"Name": PERSON, "Surn": PERSON, "Patr": PERSON, "Geox": PLACE, "Orgn": ORG}
_NER_KIND = {"PER": PERSON, "LOC": PLACE, "ORG": ORG}
# Adjectives made from place names: курский ← Курск, московский ← Москва.
_PLACE_ADJ = re.compile(r"(?:ск|цк)ий$")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    lemma: str
    tags: frozenset[str]
    known: bool
    initial: bool  # first word of a sentence: capitalised for that reason alone
    ner: str | None
    common: bool  # the likeliest reading is an everyday word (Южный, История, Долина)
    capital: bool  # asked of every token several times by extract()

    @property
    def acronym(self) -> bool:
        return len(self.text) >= 2 and self.text.isupper() and "-" not in self.text

    @property
    def kind(self) -> str | None:
        tagged = next((kind for tag, kind in _NAME_TAGS.items() if tag in self.tags), None)
        # A tag pymorphy3 only guesses (Orgn for Коунс, Новак) yields to what NER says (PER).
        if tagged and (self.known or not self.ner):
            return tagged
        if self.ner and (not self.known or not self.initial):
            return _NER_KIND[self.ner] if self.ner != "ORG" or not self.known else None
        return tagged


@functools.cache
def _ner() -> Any:
    from natasha import NewsEmbedding, NewsNERTagger
    from navec.pq import PQ

    # navec works out vector norms and centroid products for its similarity queries as it loads
    # (half a second of every process's start); the tagger only looks vectors up, so loading skips it.
    precompute = PQ.precompute
    PQ.precompute = lambda self: None  # type: ignore[method-assign]
    try:
        tagger = NewsNERTagger(NewsEmbedding())
    finally:
        PQ.precompute = precompute  # type: ignore[method-assign]
    # slovnet decodes its CRF in a Python loop over the longest text of a batch: batches of
    # many sentences of similar length (prepare() sorts them) make that loop short.
    tagger.batch_size = tagger.infer.encoder.batch_size = _NER_BATCH
    return tagger


_NER_BATCH = 64


def _ner_spans(text: str) -> list[tuple[int, int, str]]:
    if text not in _NER_CACHE:
        prepare([text])
    return list(_NER_CACHE[text])


# Sentence text → NER spans, filled by prepare() for a whole document at once.
_NER_CACHE: dict[str, tuple[tuple[int, int, str], ...]] = {}
_NER_CACHE_LIMIT = 100_000


def prepare(texts: list[str]) -> None:
    """Tag the named entities of many texts in one pass. slovnet tags the sentences of one
    document as a batch, several times faster than one call per sentence; extract() then
    finds each text's spans here."""
    todo = [t for t in dict.fromkeys(texts) if t not in _NER_CACHE]
    if not todo:
        return
    if len(_NER_CACHE) + len(todo) > _NER_CACHE_LIMIT:
        _NER_CACHE.clear()
    order = sorted(range(len(todo)), key=lambda i: len(todo[i]))
    found: list[list[tuple[int, int, str]]] = [[] for _ in todo]
    # The tagger itself, not natasha's Doc: the Doc's sentence and token segmentation, which
    # the spans do not need, took a third of the time.
    for i, markup in zip(order, _ner().map([todo[i] for i in order]), strict=True):
        found[i] = [(span.start, span.stop, span.type) for span in markup.spans]
    for t, spans in zip(todo, found, strict=True):
        _NER_CACHE[t] = tuple(spans)


def _parse(word: str, initial: bool) -> Any:
    parses = _parses(word)
    if word[:1].isupper() and not initial:
        # A capitalised word is a name when any reading says so ("Владимир", "Чен").
        for p in parses:
            if _NAME_TAGS.keys() & set(p.tag.grammemes):
                return p
    return parses[0]


@functools.lru_cache(maxsize=200_000)
def _analysis(word: str, initial: bool) -> tuple[str, frozenset[str], bool, bool]:
    """(lemma, grammemes, known, common) of a word; news repeats its words, so keep them."""
    p = _parse(word, initial)
    first = _parses(word)[0]
    common = _common(first)
    if not first.is_known and "-" in word:
        # A compound of everyday words (Свинья-убийца, a killer pig) is one too, whatever NER makes
        # of it at a sentence's start.
        parts = [w for w in word.split("-") if w]
        common = len(parts) > 1 and all(_common(_parses(w)[0]) for w in parts)
    if _guessed_plural_of_surname(word, initial, p):
        return word.lower().replace("ё", "е"), _SURNAME_NOMINATIVE, False, False
    return p.normal_form.replace("ё", "е"), frozenset(p.tag.grammemes), p.is_known, common


def _common(p: Any) -> bool:
    """A reading pymorphy3 knows of an everyday noun or adjective, no name."""
    return p.is_known and not (_NAME_TAGS.keys() & set(p.tag.grammemes)) and p.tag.POS in ("NOUN", "ADJF")


def _guessed_plural_of_surname(word: str, initial: bool, p: Any) -> bool:
    """pymorphy3 guesses an unknown capitalised -ов/-ев word as a genitive plural (Кавардарков:
    "кавардарк"); in running text it is a surname in the nominative."""
    grammemes = set(p.tag.grammemes)
    return (
        word[:1].isupper()
        and not initial
        and not p.is_known
        and {"plur", "gent"} <= grammemes
        and not grammemes & _NAME_TAGS.keys()
        and _SLAVIC_NOMINATIVE.search(word.lower()) is not None
    )


_SLAVIC_NOMINATIVE = re.compile(r"...[^аеёиоуыэюя](?:ов|ев|ёв)$")
_SURNAME_NOMINATIVE = frozenset({"NOUN", "anim", "masc", "Sgtm", "Surn", "sing", "nomn"})


_OPENERS = frozenset(" «\"„“'(—–-\u00a0")


def _tokens(text: str) -> list[_Token]:
    ner = _ner_spans(text)
    words = list(_WORD.finditer(text))
    caps = [m.group()[:1].isupper() for m in words]
    out = []
    for k, m in enumerate(words):
        initial = starts_sentence(text, m.start(), _OPENERS)
        if caps[k] or (k > 0 and caps[k - 1]) or (k + 1 < len(words) and caps[k + 1]):
            lemma, tags, known, common = _analysis(m.group(), initial)
        else:
            # Names are capitalised; a lower-case word matters only beside one ("сквер
            # Интернационалистов", "Курская область"), so the others need no analysis.
            lemma, tags, known, common = m.group().lower(), frozenset(), False, False
        label = next((t for s, e, t in ner if s <= m.start() < e), None)
        out.append(_Token(m.start(), m.end(), m.group(), lemma, tags, known, initial, label, common, caps[k]))
    for k in range(len(out) - 1):
        tok, nxt = out[k], out[k + 1]
        if tok.initial and not nxt.capital and (adjective := _adjective_of(tok, nxt, text)):
            # A sentence's first word that is an adjective of the noun after it (Духовой шкаф, an
            # oven), not the surname pymorphy3 reads first (Духовой, of Mrs Dukhova).
            out[k] = _replace(
                tok, lemma=adjective.normal_form, tags=frozenset(adjective.tag.grammemes), known=True, common=True
            )
            continue
        if tok.initial and nxt.capital and _given_name_first(tok, nxt, text):
            # A sentence's first word that can be a given name, before a surname, is one: Том Браун
            # (not "volume"), Роза Люксембург, Вера Брежнева.
            lemma, tags, known, _ = _analysis(tok.text, False)
            out[k] = _replace(tok, lemma=lemma, tags=tags, known=known, common=False)
    return out


def _adjective_of(tok: _Token, nxt: _Token, text: str) -> Any | None:
    """A known adjective reading of ``tok`` that agrees with the everyday noun right after it."""
    if not tok.capital or "NOUN" not in nxt.tags or text[tok.end : nxt.start] != " ":
        return None
    nouns = [set(p.tag.grammemes) & _AGREEMENT for p in _parses(nxt.text) if p.is_known and p.tag.POS == "NOUN"]
    for p in _parses(tok.text):
        if p.is_known and p.tag.POS == "ADJF":
            g = set(p.tag.grammemes) & _AGREEMENT
            if any(g <= n or ((g - {"masc", "femn", "neut"}) <= n and "plur" in g) for n in nouns):
                return p
    return None


def _given_name_first(tok: _Token, nxt: _Token, text: str) -> bool:
    return (
        tok.capital
        and "Name" not in tok.tags
        and text[tok.end : nxt.start] == " "
        and bool(nxt.tags & {"Surn", "Name"} or nxt.ner == "PER")
        and any("Name" in p.tag.grammemes for p in _parses(tok.text))
    )


_NOUNS_BY_LEMMA = {lemma: n for n in reversed(NAME_NOUNS) for lemma in n.ru}


def _noun(lemma: str) -> NameNoun | None:
    return _NOUNS_BY_LEMMA.get(lemma)


def _acronym_row(text: str) -> Acronym | None:
    return next((a for a in ACRONYMS if text in a.ru), None)


def _forms(*texts: str) -> frozenset[str]:
    return frozenset(c for t in texts if (c := compact(t)))


def _latin(word: str) -> frozenset[str]:
    return ru.renderings(word)


def _place_english(lemma: str) -> frozenset[str]:
    return gazetteer.english_names(lemma)


# Case endings of places and the nominative endings they may stand for (Неваде: Невада; Праге: Прага).
_PLACE_CASES = re.compile(r"(?:е|у|ы|и|ой|ою|ом|ей|ю)$")
_PLACE_NOMINATIVES = ("", "а", "я", "ь", "ия", "и")


def _place_by_ending(word: str) -> frozenset[str]:
    """English names of a place the word is a case form of, where pymorphy3 guesses a nominative the
    gazetteer does not know (Неваде: невад)."""
    stem = _PLACE_CASES.sub("", word.lower())
    if len(stem) < 3 or stem == word.lower():
        return frozenset()
    return frozenset().union(*(gazetteer.english_names(stem + end) for end in _PLACE_NOMINATIVES))


_NAME_GRAMMEMES = frozenset({"Surn", "Name", "Patr", "Geox"})
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})
# What an adjective agrees with its noun in.
_AGREEMENT = _CASES | {"masc", "femn", "neut", "sing", "plur"}
# Endings of Russian surname paradigms, whose cases pymorphy3 tells even for surnames it guesses.
_SURNAME_PARADIGM = re.compile(r"(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ым|ом|е|ой|ого|ому|им|ую|ая)$")


def name_parses(word: str) -> list[Any]:
    """pymorphy3's readings of a word as a declinable name (surname, given name, patronymic, place)."""
    return [p for p in _parses(word) if p.tag.grammemes & _NAME_GRAMMEMES and "Fixd" not in p.tag.grammemes]


def context_agreement(toks: list[_Token], k: int) -> frozenset[str] | None:
    """Gender and case that the name next to token ``k`` puts it in, when the two form one
    person's name: a known given name or patronymic beside a surname (Сергея Кирпотина:
    masculine genitive), or a surname beside a given name. None when no neighbour says."""
    for j in (k - 1, k + 1, k - 2):
        if not (0 <= j < len(toks) and toks[j].capital) or j == k:
            continue
        if j == k - 2 and not toks[k - 1].capital:
            continue  # another person's name before a verb (Джонсон проиграл Яну) says nothing
        for p in _parses(toks[j].text):
            g = p.tag.grammemes
            if p.is_known and g & {"Name", "Patr", "Surn"} and "sing" in g and "Fixd" not in g:
                return frozenset(g & ({"masc", "femn"} | _CASES))
    return None


def nominatives(tok: _Token, agreement: frozenset[str] | None) -> tuple[str, ...]:
    """The nominatives of a name that stands in another case, likeliest first, or none when it
    is nominative, indeclinable or its case is unsure. Sure are a person's name whose case a known
    given name or patronymic beside it agrees in (Сергея Кирпотина: Кирпотин; Сергея Иванова:
    Сергей Иванов), and a place or a name pymorphy3 knows in no nominative reading (Москвы:
    Москва; Эрдогана: Эрдоган). A form of two names is a case form of either (Яну: Ян in the
    dative, Яна in the accusative; "Yanu" renders neither). A surname's gender is kept (Анны
    Ивановой: Иванова). A lone foreign name may look like a Russian case form (Зинке, Канте):
    ``lone_name`` tells the caller to flag its transliteration only where English does not use
    that spelling."""
    parses = [p for p in name_parses(tok.text) if "plur" not in p.tag.grammemes]
    if not parses:
        return ()
    if all("Geox" in p.tag.grammemes for p in parses) or agreement is None:
        sure = all(p.is_known for p in parses) and not any("nomn" in p.tag.grammemes for p in parses)
    else:
        parses = [p for p in parses if agreement <= p.tag.grammemes]
        if not parses or any("nomn" in p.tag.grammemes for p in parses):
            return ()
        sure = all(p.is_known for p in parses) or bool(_SURNAME_PARADIGM.search(tok.text.lower()))
    if not sure:
        return ()
    forms = dict.fromkeys(f.word for p in parses if (f := p.inflect({"nomn"})))
    return tuple(f.capitalize() if tok.text[:1].isupper() else f for f in forms)


def _single(tok: _Token, kind: str, agreement: frozenset[str] | None = None) -> SourceName:
    lemma = tok.lemma
    # A surname or given name is no place, even where a town bears it (Иванова, Иваново).
    person = kind == PERSON and bool(tok.tags & {"Surn", "Name", "Patr"}) and "Geox" not in tok.tags
    places = frozenset() if person else _place_english(lemma) | _place_english(tok.text)
    if not places and not person and tok.text[:1].isupper() and "Geox" in tok.tags:
        places = _place_by_ending(tok.text)
    noms = nominatives(tok, agreement)
    nom = noms[0] if noms else None
    # Without a given name beside it, a person's case is pymorphy3's best guess: a spelling English
    # uses (Zinke, Kante) is then the name's own, not a case form. So it is for a form of two names
    # (Сане: Саня, or the city Сана; the footballer Sané).
    lone_name = bool(nom) and agreement is None and ("Geox" not in tok.tags or len(noms) > 1)
    # English writes a name in its nominative: the transliterated case form ("Kirpotina" for
    # Сергея Кирпотина, "Moskvy" for Москвы) is a garble, found apart from the accepted forms.
    if nom:
        # The reading in context decides the lemma too (Кирпотина after Сергея is not a woman's name).
        lemma = nom.lower().replace("ё", "е")
    accepted = (frozenset().union(*map(_latin, noms)) if noms else _latin(tok.text) | _latin(lemma)) | _forms(*places)
    oblique = _latin(tok.text) - accepted if nom else frozenset()
    if "-" in tok.text:
        # pymorphy declines only the last part: Саффира-Симпсона → Саффир-Симпсон.
        parts = [_parses(p)[0].normal_form for p in tok.text.split("-")]
        accepted |= _latin("-".join(parts))
        bare = [re.sub(r"(?:а|у|е|ом|ой|ы|и)$", "", p) if len(p) > 4 else p for p in tok.text.split("-")]
        accepted |= _latin("-".join(bare))
    if places:
        suggestion = gazetteer.usual_name(lemma) or gazetteer.usual_name(tok.text) or min(places, key=len)
        kind = PLACE if kind != PERSON or "Geox" in tok.tags else kind
    else:
        # A name in the nominative is its own citation form: the lemma of Яровая is яровой. So is
        # a surname read as a given name's plural (Силуанов, not "of the Siluans").
        own = "nomn" in tok.tags or not tok.text[:1].isupper() or {"plur", "Name"} <= tok.tags
        suggestion = ru.transliterate(nom or (tok.text if own else lemma.capitalize()))
    # English often replaces or drops given names and patronymics ("Pyotr"/"Peter"): those
    # pymorphy3 knows; a word it only guesses to be a given name is a surname as often (Гингрич).
    # Everyday words written with a capital (Южный, История) are translated, not rendered.
    # A word that is also an everyday one inside a sentence, which NER takes for a place, is
    # the place (в городе Палу, в Скопье).
    given = bool(tok.tags & {"Name", "Patr"}) and tok.known
    # A compound of everyday words (Свинья-убийца) is one, whatever NER says.
    compound = tok.common and "-" in tok.text
    everyday = compound or (tok.common and tok.ner != "PER" and not (tok.ner == "LOC" and not tok.initial))
    # An adjective of a place alone (Шотландского нагорья, Украинский договор) is translated as
    # English likes it (Scottish Highlands), seldom rendered.
    required = not given and not everyday and "ADJF" not in tok.tags
    # Sure of a name: a place the gazetteer or pymorphy3's dictionary knows, a surname, a person NER finds.
    reliable = not compound and (
        bool(places)
        or "Surn" in tok.tags
        or tok.ner == "PER"
        or ("Geox" in tok.tags and tok.known)
        or (tok.ner == "LOC" and not tok.common and "Geox" in tok.tags)
    )
    masculine = _masculine(tok, agreement) if person else frozenset()
    if masculine and "nomn" in tok.tags:
        # Her name in the nominative (Елена Смирнова): pymorphy3's lemma is his (смирнов), which
        # accepted the masculine spelling along with her own.
        accepted -= masculine
    return SourceName(
        tok.start, tok.end, tok.text, kind, lemma, accepted, suggestion, required=required,
        canonical=compact(ru.transliterate(nom or tok.text)), reliable=reliable, wrong=oblique,
        wrong_reason=CASE_FORM if oblique else "", loose=lone_name, masculine=masculine - accepted,
    )  # fmt: skip


def _masculine(tok: _Token, agreement: frozenset[str] | None) -> frozenset[str]:
    """The masculine spellings of a surname that is surely a woman's: a given name beside it
    says so (Анны Петровой, Ирина Яровая), or every reading of it as a surname is feminine
    (Петровой alone). Иванова alone may be his genitive as well as her nominative."""
    readings = [p for p in name_parses(tok.text) if "Surn" in p.tag.grammemes and "plur" not in p.tag.grammemes]
    if agreement is not None:
        readings = [p for p in readings if agreement <= p.tag.grammemes]
    if not readings or not all("femn" in p.tag.grammemes for p in readings):
        return frozenset()
    forms = {f.word for p in readings if (f := p.inflect({"masc", "nomn"}))}
    return frozenset().union(*(_latin(f) for f in forms)) if forms else frozenset()


def _acronym(tok: _Token) -> SourceName:
    row = _acronym_row(tok.text)
    spelled = acronym_latin(tok.text).pattern.lower()
    if row:
        return SourceName(
            tok.start, tok.end, tok.text, ACRONYM, tok.text.lower(), _forms(*row.en), row.en[0], acronym=row,
            spelled=spelled,
        )  # fmt: skip
    # An abbreviation no table knows: English spells it out or has an abbreviation of its own
    # (ТГУ: Tomsk State University, TSU), which mtcheck cannot know; its letters transliterated
    # (TGU) are the one rendering it can tell is wrong.
    return SourceName(
        tok.start, tok.end, tok.text, ACRONYM, tok.text.lower(), frozenset(), ru.transliterate(tok.text),
        strict=False, required=False, spelled=spelled,
    )  # fmt: skip


# A ministry's clipped name (Минобрнауки, Минздрав, Минфин): English translates it ("Ministry of
# Science and Higher Education"), never transliterates it.
_MINISTRY = re.compile(r"Мин[а-яё]{3,}")


def _clipped_ministry(tok: _Token) -> SourceName | None:
    if not _MINISTRY.fullmatch(tok.text) or (tok.known and not tok.tags & {"Abbr", "Orgn"}):
        return None
    # A place or a person that starts like one (Миннеаполисе, Миннесоте) is no ministry.
    if tok.ner in ("LOC", "PER") or _place_english(tok.lemma) or _place_english(tok.text):
        return None
    forms = sorted(ru.renderings(tok.text) | ru.renderings(tok.lemma), key=len, reverse=True)
    return SourceName(
        tok.start, tok.end, tok.text, ACRONYM, tok.lemma, frozenset(), "the ministry's English name",
        strict=False, required=False, spelled="|".join(map(re.escape, forms)),
    )  # fmt: skip


def _name_part_english(tok: _Token) -> tuple[str, frozenset[str]]:
    """English for the name inside a compound ("Интернационалистов" → "Internationalists")."""
    if _PLACE_ADJ.search(tok.lemma):
        stem = tok.lemma[:-2]
        short = tok.lemma[:-4]
        # Consonants alternate before -ский: Онега → онежский, Ладога → ладожский.
        unalternated = short[:-1] + {"ж": "г", "ч": "к", "ш": "х"}.get(short[-1:], short[-1:]) + "а"
        for base in (stem, short, short + "а", short + "ь", short[:-2] + "ва", unalternated):
            places = _place_english(base)
            if places:
                best = gazetteer.usual_name(base) or min(places, key=len)
                # English also keeps the adjective, transliterated (Yamalsky District).
                return best, _forms(*places) | _latin(base) | _latin(tok.lemma)
        latin = ru.transliterate(stem.capitalize())
        # English keeps a foreign base without the Russian suffix: Трафальгарская → Trafalgar.
        return latin, _latin(stem) | _latin(short) | _latin(unalternated)
    plural = "plur" in tok.tags
    latin = _latin(tok.text) | _latin(tok.lemma)
    # A place the gazetteer knows keeps its English name (районов Китая: China), before any
    # cognate its transliteration happens to make.
    places = _place_english(tok.lemma)
    if places:
        # A place English has a name for is not spelt in the compound's case (Pittsburga district).
        own = _latin(tok.lemma) | (_latin(tok.text) if "nomn" in tok.tags else frozenset())
        return gazetteer.usual_name(tok.lemma) or min(places, key=len), own | _forms(*places)
    word = cognate(ru.transliterate(tok.lemma), plural)
    if word:
        return word, latin | _forms(word, word.rstrip("s"))
    return ru.transliterate(tok.text), latin


# Nouns of the units named after a place (Курская область: Kursk Region); the others are named by
# the adjective itself, transliterated (Ленинский район: Leninsky District, Московский проспект).
_REGION_NOUNS = frozenset({"область", "край"})


def _compound(noun_tok: _Token, name_toks: list[_Token], noun: NameNoun) -> SourceName:
    name_en, name_latin = _name_part_english(name_toks[-1] if len(name_toks) == 1 else name_toks[0])
    if len(name_toks) == 1 and _PLACE_ADJ.search(name_toks[0].lemma) and noun_tok.lemma not in _REGION_NOUNS:
        name_en = ru.transliterate(name_toks[0].lemma.capitalize())
    if len(name_toks) > 1:
        name_en = " ".join(ru.transliterate(t.text) for t in name_toks)
        name_latin = _forms(name_en)
    noun_latin = _latin(noun_tok.text) | _latin(noun_tok.lemma)
    accepted: set[str] = set(name_latin)
    for n in {*noun.en, *noun.latin_ok}:
        cn = compact(n)
        for nl in name_latin:
            accepted |= {nl + cn, cn + nl, cn + "of" + nl, cn + "ofthe" + nl}
    for nl in noun_latin:
        accepted |= {nl + x for x in name_latin} | {x + nl for x in name_latin}
    spans = [noun_tok, *name_toks]
    start, end = min(t.start for t in spans), max(t.end for t in spans)
    suggestion = f"{noun.en[0]} {name_en}" if noun.before else f"{name_en} {noun.en[0]}"
    noun_latin = frozenset(x for x in noun_latin if compact(x) not in {compact(o) for o in noun.latin_ok})
    part = NounPart(noun, noun_latin, name_en)
    key = " ".join(t.lemma for t in name_toks)
    canonical = compact(" ".join(ru.transliterate(t.text) for t in spans))
    # A name with a noun of places (район, улица, область) is surely a place.
    return SourceName(
        start, end, "", PLACE, key, frozenset(accepted), suggestion, noun=part, canonical=canonical, reliable=True
    )


def _place_adjective(tok: _Token) -> _Token | None:
    """The token read as an adjective made from a place name (Ленинском районе: ленинский, where
    pymorphy3 would rather read a locative of Ленинск), or None."""
    from dataclasses import replace

    if "ADJF" in tok.tags and _PLACE_ADJ.search(tok.lemma):
        return tok
    for p in _parses(tok.text):
        if "ADJF" in p.tag.grammemes and _PLACE_ADJ.search(p.normal_form):
            return replace(tok, lemma=p.normal_form.replace("ё", "е"), tags=frozenset(p.tag.grammemes))
    return None


def _phrase_place(a: _Token, b: _Token) -> SourceName | None:
    """A two-word place name ("Северной Кореи", "Нижнем Новгороде") the gazetteer knows."""
    keys = [f"{a.text} {b.text}", f"{a.lemma} {b.lemma}", f"{a.text}-{b.text}"]
    # The adjective in the nominative agreeing with the noun, whichever reading pymorphy3 chose
    # for a capitalised word (Великом may read as the village Великое).
    gender = next((g for g in ("masc", "femn", "neut") if g in b.tags), None)
    parsed = next((p for p in _parses(a.text) if "ADJF" in p.tag.grammemes), None)
    agreed = parsed.inflect({gender, "sing", "nomn"}) if parsed and gender else None
    if agreed:
        keys.append(f"{agreed.word} {b.lemma}")
    for key in keys:
        places = _place_english(key)
        if places:
            usual = gazetteer.usual_name(key) or min(places, key=len)
            first = _latin(a.text) | _latin(a.lemma) | (_latin(key.split()[0]) if " " in key else frozenset())
            second = _latin(b.text) | _latin(b.lemma)
            # English keeps the name either transliterated whole (Veliky Novgorod) or translated
            # whole (North Korea); half of each ("Great Novgorod", "Severnaya Korea") is a garble.
            transliterated = any(compact(p.split()[0]) in first for p in places if " " in p)
            halves = frozenset(compact(p.split()[-1]) for p in places if " " in p) | second
            accepted = _forms(*places)
            if transliterated:
                accepted |= frozenset(x + y for x in first for y in second)
            wrong = frozenset() if transliterated else frozenset(x + y for x in first for y in halves)
            return SourceName(
                a.start, b.end, "", PLACE, key.lower(), accepted, usual, reliable=True, wrong=wrong,
                wrong_reason=HALF_TRANSLATED if wrong else "", half=second if transliterated else frozenset(),
                half_first=first,
            )  # fmt: skip
    return None


def _korean_name(toks: list[_Token]) -> SourceName:
    from mtcheck.lang.name_tables import KO_SURNAMES

    surname = KO_SURNAMES[RU_KOREAN_SURNAMES[toks[0].lemma]]
    # Cyrillic spellings of Korean given names do not map back letter by letter: accept any
    # rendering that starts with the surname.
    spellings = Lattice.of((Choice.of(compact(s) for s in surname), Letters(2, 14)))
    key = " ".join(t.text.lower() for t in toks)
    return SourceName(
        toks[0].start, toks[-1].end, "", PERSON, key, _forms(*surname), " ".join([surname[0], *(
            ru.transliterate(t.text) for t in toks[1:])]), pattern=spellings, strict=False,
    )  # fmt: skip


def _agreed_adjective(a: _Token, b: _Token) -> tuple[Any, str | None]:
    """The dictionary reading of ``a`` as an adjective, and its nominative agreeing with ``b``
    (Новых Кузьминках: новые), where ``a`` reads as one."""
    parsed = next((p for p in _parses(a.text) if "ADJF" in p.tag.grammemes and p.is_known), None)
    if parsed is None:
        return None, None
    number = "plur" if b.tags & {"plur", "Pltm"} else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in b.tags), None)
    wanted = {number, "nomn"} | ({gender} if gender and number == "sing" else set())
    agreed = parsed.inflect(wanted)
    return parsed, agreed.word if agreed else None


def _adjective_place(a: _Token, b: _Token) -> SourceName | None:
    """A capitalised adjective before a capitalised name the gazetteer does not know as a pair
    (Новые Кузьминки, Западная Вирджиния). English transliterates both words of a Russian place
    (Novye Kuzminki) and translates the adjective of a place it has a name for (West Virginia):
    an English word before the transliterated Russian name ("New Kuzminki") is half translated,
    and so is the adjective transliterated before the English name, which the common-word check
    then finds ("Zapadnaya Virginia")."""
    if _PLACE_ADJ.search(a.lemma) or b.acronym or "ADJF" in b.tags or any(t in a.tags for t in ("Surn", "Name")):
        return None
    parsed, agreed = _agreed_adjective(a, b)
    if parsed is None or _PLACE_ADJ.search(parsed.normal_form):
        return None
    from mtcheck.translit.judge import is_russian_name

    places = _place_english(b.lemma)
    first = _latin(a.text) | _latin(parsed.normal_form) | (_latin(agreed) if agreed else frozenset())
    second = _latin(b.text) | _latin(b.lemma)
    start, end, key = a.start, b.end, f"{parsed.normal_form} {b.lemma}"
    # A Russian place is one English transliterates (Kuzminki); Virginia, Zealand are English's own.
    russian = is_russian_name(b.lemma) and (not places or not _forms(*places).isdisjoint(second))
    if not russian:
        if not places:
            return None
        # The name's own English name stands alone; the adjective is the translator's to translate,
        # but the place is English's to keep (Northern California): one missing is news.
        usual = gazetteer.usual_name(b.lemma) or min(places, key=len)
        return SourceName(start, end, "", PLACE, key, _forms(*places), usual, reliable=True)
    # A name English knows by itself is no transliteration to hold the adjective to (Old Arbat).
    unknown = frozenset(x for x in second if english_frequency(x) < _KNOWN_NAME)
    if not unknown:
        return None
    adjective = ru.transliterate((agreed or parsed.normal_form).capitalize())
    suggestion = f"{adjective} {ru.transliterate(b.lemma.capitalize())}"
    accepted = frozenset(x + y for x in first for y in second) | second | _forms(*places)
    return SourceName(start, end, "", PLACE, key, accepted, suggestion, required=False, half=unknown, half_first=first)


def _binds_forward(toks: list[_Token], k: int, text: str) -> bool:
    """Whether the token at ``k`` is an adjective of the capitalised word right after it, to which
    it binds (городах Новой Зеландии) rather than to the common noun before it."""
    after = toks[k + 1] if k + 1 < len(toks) else None
    return (
        after is not None
        and after.capital
        and text[toks[k].end : after.start].strip() == ""
        and _agreed_adjective(toks[k], after)[0] is not None
    )


# Zipf frequency from which English knows a transliterated name by itself (Arbat, Duma).
_KNOWN_NAME = 2.0


def extract(text: str) -> list[SourceName]:
    """Names of a Russian text, in order, with their accepted English renderings."""
    toks = _tokens(text)
    out: list[SourceName] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        adjacent = nxt is not None and text[tok.end : nxt.start].strip() == ""
        if tok.capital and tok.lemma in RU_KOREAN_SURNAMES and adjacent and nxt and nxt.capital and len(nxt.text) <= 4:
            j = i + 1
            while j + 1 < len(toks) and toks[j + 1].capital and len(toks[j + 1].text) <= 4 and j - i < 2:
                j += 1
            out.append(_with_text(_korean_name(toks[i : j + 1]), text))
            i = j + 1
            continue
        if tok.capital and adjacent and nxt and nxt.capital and (place := _phrase_place(tok, nxt)):
            out.append(_with_text(place, text))
            i += 2
            continue
        if tok.capital and adjacent and nxt and nxt.capital and (place := _adjective_place(tok, nxt)):
            out.append(_with_text(place, text))
            i += 2
            continue
        noun = _noun(tok.lemma)
        if (
            noun
            and not tok.capital
            and adjacent
            and nxt
            and nxt.capital
            and not nxt.acronym
            and not _binds_forward(toks, i + 1, text)
        ):
            out.append(_with_text(_compound(tok, [nxt], noun), text))
            i += 2
            continue
        nnoun = _noun(nxt.lemma) if nxt and adjacent else None
        adjective = _place_adjective(tok) if tok.capital and nnoun and nxt and not nxt.capital else None
        if adjective and nnoun and nxt:
            out.append(_with_text(_compound(nxt, [adjective], nnoun), text))
            i += 2
            continue
        if tok.acronym:
            out.append(_acronym(tok))
        elif tok.capital and (ministry := _clipped_ministry(tok)):
            out.append(ministry)
        elif tok.capital and (kind := tok.kind):
            name = _single(tok, kind, context_agreement(toks, i))
            prev = toks[i - 1] if i > 0 else None
            if not name.required and prev and prev.capital and "Name" in prev.tags and "Name" in tok.tags:
                # Two given names in a row: the second is the surname (Джон Ховард), which English keeps.
                name = _replace(name, required=True, reliable=True)
            elif (
                not name.required
                and "Name" in tok.tags
                and name.kind == PERSON
                and not (prev and prev.capital and prev.kind and text[prev.end : tok.start].strip() == "")
                and not (adjacent and nxt and nxt.capital and nxt.kind)
            ):
                # A given name alone is how the text names the person (Саймон for Sam Simon, Хиллари):
                # English keeps it; only beside another name may it drop or change it.
                name = _replace(name, required=True)
            out.append(name)
        i += 1
    return out


def _with_text(name: SourceName, text: str) -> SourceName:
    from dataclasses import replace

    return replace(name, text=text[name.start : name.end])


def acronym_latin(acronym: str) -> re.Pattern[str]:
    """Letter-by-letter Latin spellings of a Cyrillic acronym: СВО → SVO, SWO."""
    options = {
        "А": "A", "Б": "B", "В": "[VW]", "Г": "[GH]", "Д": "D", "Е": "Y?E", "Ё": "[YJ]?[OE]", "Ж": "(?:ZH|[JZ])",
        "З": "Z", "И": "I", "Й": "[YIJ]", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R",
        "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "(?:KH|[HX])", "Ц": "(?:TS|[CZ])", "Ч": "(?:CH|[CT])",
        "Ш": "(?:SH|S)", "Щ": "(?:SHCH|SCH|S)", "Ы": "Y", "Э": "E", "Ю": "(?:YU|[UJ])", "Я": "(?:YA|[AJ])",
    }  # fmt: skip
    return re.compile("".join(options.get(c, re.escape(c)) for c in acronym.upper()))
