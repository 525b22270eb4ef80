"""Names in a source sentence and their renderings in the aligned English sentence, found by the
generator's own rules: natasha NER and pymorphy3 tags (Russian) or Kiwi NNP (Korean) for the
source names, and a sound match of each name against the English capitalised words. A pair is
kept only when one English word clearly fits best; what is unsure is left alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from benchmarks.garblegen.spelling import cyr_accepts, cyr_similarity, jamo_skeleton, ko_accepts, ko_similarity

MIN_SCORE = 80.0
MARGIN = 12.0
_NAME_TAGS = {"Name": "person", "Surn": "person", "Patr": "person", "Geox": "place"}
_NER_KIND = {"PER": "person", "LOC": "place", "ORG": "org"}
# A capitalised word (O'Brien, Jae-in), without a possessive 's; or an all-capitals word.
_EN_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?:['’][A-Z][a-z]+)?|[A-Z]{2,}")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceToken:
    text: str
    start: int
    end: int
    kind: str | None  # person, place, org, or None for a common word
    lemma: str  # the nominative (gender kept for Russian surnames); the token itself for Korean
    case: str | None  # Russian grammatical case (pymorphy3), None for Korean
    pos: str | None  # part of speech: pymorphy3 POS or Kiwi tag
    parse: Any = None  # the pymorphy3 parse behind it, for inflecting


@dataclass(frozen=True)
class NamePair:
    source: SourceToken
    eng: Word
    kind: str  # person or place (org pairs serve as slots only)
    score: float
    native: bool  # the English is a plain rendering of the source (not a foreign name's own spelling)


def english_words(eng: str) -> list[Word]:
    return [Word(m.group(0), m.start(), m.end()) for m in _EN_WORD.finditer(eng)]


@functools.cache
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.cache
def _ner() -> Any:
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


@functools.cache
def kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def ner_spans(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """natasha NER spans of many sentences, tagged in one batch."""
    return [[(s.start, s.stop, s.type) for s in m.spans] for m in _ner().map(texts)]


def _best_parse(word: str) -> Any:
    parses = morph().parse(word)
    if word[:1].isupper():
        for p in parses:
            if _NAME_TAGS.keys() & set(p.tag.grammemes):
                return p
    return parses[0]


def nominative(parse: Any, word: str) -> str:
    """The nominative of the word's reading, number and gender kept (Смирновой → Смирнова)."""
    form = parse.inflect({"nomn"})
    text = form.word if form is not None else parse.normal_form
    if word[:1].isupper():
        text = "-".join(part[:1].upper() + part[1:] for part in text.split("-"))
    return text


def ru_tokens(src: str, spans: list[tuple[int, int, str]]) -> list[SourceToken]:
    from razdel import tokenize

    out = []
    for t in tokenize(src):
        if not re.fullmatch(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*", t.text):
            continue
        ner = next((k for a, b, k in spans if a <= t.start and t.stop <= b), None)
        p = _best_parse(t.text)
        tag_kind = next((_NAME_TAGS[g] for g in _NAME_TAGS if g in p.tag.grammemes), None)
        kind = _NER_KIND.get(ner or "") or (tag_kind if t.text[:1].isupper() else None)
        out.append(SourceToken(t.text, t.start, t.stop, kind, nominative(p, t.text), p.tag.case, p.tag.POS, p))
    return out


def ko_tokens(src: str) -> list[SourceToken]:
    return [
        SourceToken(t.form, t.start, t.start + t.len, "name" if t.tag == "NNP" else None, t.form, None, str(t.tag))
        for t in kiwi().tokenize(src)
        if src[t.start : t.start + t.len] == t.form
    ]


def _pairs(
    tokens: list[SourceToken], words: list[Word], score: Any, min_len: Any
) -> list[tuple[SourceToken, Word, float]]:
    """Each name token with the English word it clearly fits best; an English word claimed by
    two different source names goes to neither, and an adjective of the name (Индия → Indian,
    Канада → Canadian) is no rendering of it."""
    found: list[tuple[SourceToken, Word, float]] = []
    for tok in tokens:
        if not tok.kind or not min_len(tok):
            continue
        scored = sorted(((score(tok, w), w) for w in words), key=lambda x: -x[0])
        if not scored or scored[0][0] < MIN_SCORE:
            continue
        best, w = scored[0]
        if w.text.endswith("n") and score(tok, Word(w.text[:-1], w.start, w.end - 1)) >= best:
            continue
        rival = next((s for s, o in scored[1:] if o.text != w.text), 0.0)
        if best - rival < MARGIN:
            continue
        found.append((tok, w, best))
    claimed: dict[tuple[int, int], set[str]] = {}
    for tok, w, _ in found:
        claimed.setdefault((w.start, w.end), set()).add(tok.lemma.lower())
    return [(t, w, s) for t, w, s in found if len(claimed[(w.start, w.end)]) == 1]


def ru_pairs(src: str, eng: str, spans: list[tuple[int, int, str]]) -> tuple[list[NamePair], list[SourceToken]]:
    tokens = ru_tokens(src, spans)
    words = [w for w in english_words(eng) if len(w.text) >= 3]

    def score(tok: SourceToken, w: Word) -> float:
        return max(cyr_similarity(tok.lemma, w.text), cyr_similarity(tok.text, w.text))

    found = _pairs(tokens, words, score, lambda t: len(t.text) >= 3 and t.text[:1].isupper())
    pairs = [
        NamePair(t, w, t.kind or "", s, cyr_accepts(t.lemma, w.text) or cyr_accepts(t.text, w.text))
        for t, w, s in found
    ]
    return pairs, tokens


def ko_pairs(src: str, eng: str) -> tuple[list[NamePair], list[SourceToken]]:
    tokens = ko_tokens(src)
    words = [w for w in english_words(eng) if len(w.text) >= 3 and not w.text.isupper()]

    def score(tok: SourceToken, w: Word) -> float:
        return 100.0 if ko_accepts(tok.text, w.text) else ko_similarity(tok.text, w.text)

    found = _pairs(tokens, words, score, lambda t: len(jamo_skeleton(t.text)) >= 2)
    return [NamePair(t, w, "name", s, ko_accepts(t.text, w.text)) for t, w, s in found], tokens
