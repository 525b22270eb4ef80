"""Sentence splitting per language, keeping offsets into the document text.

Russian uses razdel, Korean kiwipiepy; English uses a small rule splitter tuned for news
text (abbreviations, initials, dotted acronyms, decimals, quotes), which is what razdel and
kiwipiepy do for their languages and is far faster than a general-purpose model.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from mtcheck.types import Span

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

Splitter = Callable[[list[str]], list[list[tuple[int, int]]]]

# Titles and abbreviations that are practically never the last word of a sentence.
_EN_NEVER_FINAL = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres
    mt ft no nos vol vols vs v cf fig figs approx dept est ca al op pp
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Words that start a new sentence after an ambiguous ending such as "U.S." or "etc.".
_EN_STARTERS = frozenset(
    """the a an this that these those he she it they we i you his her its their our my
    but and or so yet however meanwhile in on at for if when while after before as
    there here what who why how some many most all no one two three""".split()
)
_EN_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–—]|\d+[.)])\s")
_NEXT_WORD = re.compile(r"[\w']+")
_OPENERS = "\"'“‘«([—–-"
# Real sentences stay far below this (at most ~400 characters in FLORES-200 and NTREX-128);
# text without sentence punctuation would otherwise become one sentence of any length, and the
# checks that compare words pairwise take quadratic time on it. Longer ones are cut at a space.
MAX_SENTENCE = 1_000
# The splitters get lines of at most this many characters (cut after a sentence end where there
# is one): razdel and Kiwi get bounded work whatever the file, e.g. a line of ten million characters.
MAX_LINE = 100_000
_SENTENCE_ENDS = (". ", "! ", "? ", "… ", "。", ".\n")
# Lines (and characters) handed to a splitter at once: Kiwi wants batches, and the sentence
# limit is checked between them, so an oversized document is refused before it is all split.
_BATCH_LINES = 2_000
_BATCH_CHARS = 200_000


def _en_split(text: str) -> list[tuple[int, int]]:
    cuts: list[int] = []
    for match in _EN_BOUNDARY.finditer(text):
        end = match.end()
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt >= len(text):
            continue
        if _en_is_boundary(text, match.start(), match.group(), nxt):
            cuts.append(end)
    return _pieces(text, cuts)


def _en_is_boundary(text: str, punct_start: int, punct: str, nxt: int) -> bool:
    first = nxt
    while first < len(text) and text[first] in _OPENERS:
        first += 1
    if first >= len(text):
        return False
    head = text[first]
    if not (head.isupper() or head.isdigit()):
        return False
    if not punct.startswith("."):
        return True
    word_start = punct_start
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:punct_start]
    next_word = _NEXT_WORD.match(text, first)
    next_lower = next_word.group().lower() if next_word else ""
    if word.lower() in _EN_NEVER_FINAL:
        # "Jan. 5", "No. 3", "Dr. Smith": the next token belongs to this sentence.
        return False
    if len(word) == 1 and word.isupper():
        # An initial: "A. S. Pushkin", "George W. Bush".
        return False
    if "." in word or word.lower() in ("etc", "inc", "ltd", "co", "corp", "am", "pm"):
        # "U.S.", "a.m.", "etc.": ambiguous; a new sentence only before a typical opener.
        return next_lower in _EN_STARTERS or head.isdigit()
    return True


def _pieces(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = cut
    return out


# A metric unit after a figure, then a full stop and a capital: razdel reads "см." and "мм/с."
# as abbreviations (смотри, секунда) and runs on, but Russian writes units without a dot, so
# "печатает со скоростью 180 мм/с. Модель" ends a sentence. "г." after a year ("в 2021 г.
# Путин") is "года" inside a sentence; after any other figure it is grams.
_RU_UNIT_END = re.compile(r"\d(\s?(?:[кмс]?м|[км]?г|м?л|т|[кмс]?м/[сч]|°[CС]))\.(?=\s+[«\"(]?[A-ZА-ЯЁ])")


def _ru_split(text: str) -> list[tuple[int, int]]:
    import razdel

    from mtcheck.lang.units import gram_end

    ends: list[int] = []
    glue = False
    for s in razdel.sentenize(text):
        if glue and ends:
            # razdel ends a sentence at ";", but a clause after a semicolon is no new sentence.
            ends[-1] = s.stop
        else:
            ends.append(s.stop)
        glue = s.text.endswith(";")
    units = [
        m.end()
        for m in _RU_UNIT_END.finditer(text)
        if m.group(1).strip() != "г" or gram_end(text, m.start(1)) is not None
    ]
    return _pieces(text, sorted({*ends[:-1], *units}))


@functools.cache
def kiwi() -> Kiwi:
    """The shared Kiwi analyser; loading its model takes seconds, so do it once."""
    from kiwipiepy import Kiwi

    # The typo dictionary changes no analysis of edited text (none on all of NTREX-128 Korean)
    # and costs most of a second at the first analysis.
    return Kiwi(load_typo_dict=False)


def _ko_split_many(lines: list[str]) -> list[list[tuple[int, int]]]:
    """Korean sentences of many lines in one Kiwi batch; the morphemes Kiwi finds on the way
    are handed to mtcheck.lang.ko so that name anchors and the names check need no second
    analysis."""
    from mtcheck.lang import ko

    out: list[list[tuple[int, int]]] = []
    # tokenize(split_sents=True) gives the same sentences as split_into_sents (checked on all of
    # NTREX-128 Korean), as plain morpheme lists that the names check reads later.
    for line, sentences in zip(lines, kiwi().tokenize(lines, split_sents=True), strict=True):
        pieces: list[tuple[int, int]] = []
        tokens: list[list[Any]] = []
        for sent in sentences:
            if not sent:
                continue
            start, end = sent[0].start, max(t.start + t.len for t in sent)
            # A quotative ending ("…"라고 말했다) continues the sentence the quote belongs to.
            if pieces and _KO_QUOTATIVE.match(line, start):
                pieces[-1] = (pieces[-1][0], end)
                tokens[-1] += sent
            else:
                pieces.append((start, end))
                tokens.append(list(sent))
        pieces, tokens = _attach_marks(line, *_ko_resplit(line, pieces, tokens))
        for (start, end), found in zip(pieces, tokens, strict=True):
            s, e = _trim(line, start, end)
            ko.remember_tokens(line[s:e], found, s)
        out.append(pieces)
    return out


_KO_QUOTATIVE = re.compile(r"(?:라고|이라고|고|며|라며|이라며)(?:\s|$)")
# A full stop after a Hangul ending, then a space: Kiwi keeps what follows in the sentence when
# a quote mark around it looks unbalanced to it (a quote that opened on the line before, or
# "…생각했다. “…”고 말했다"), and sentences the translation keeps apart become one.
_KO_END = re.compile(r"(?<=[가-힣][.?!])[\"”’']?(?=\s+\S)")


_Pieces = list[tuple[int, int]]


def _ko_resplit(line: str, pieces: _Pieces, tokens: list[list[Any]]) -> tuple[_Pieces, list[list[Any]]]:
    """Cut Kiwi's sentences again after each sentence ending Kiwi passed over."""
    out: _Pieces = []
    out_tokens: list[list[Any]] = []
    for (start, end), found in zip(pieces, tokens, strict=True):
        s = start
        for m in _KO_END.finditer(line, start, end):
            rest = len(line) - len(line[m.end() :].lstrip())
            if rest < end and not _KO_QUOTATIVE.match(line, rest):
                out.append((s, m.end()))
                out_tokens.append([t for t in found if s <= t.start < m.end()])
                s = rest
        out.append((s, end))
        out_tokens.append([t for t in found if s <= t.start < end])
    return out, out_tokens


def _attach_marks(line: str, pieces: _Pieces, tokens: list[list[Any]]) -> tuple[_Pieces, list[list[Any]]]:
    """A piece of punctuation alone (a quote mark Kiwi ends the sentence before with, as in
    '…내렸다. "대피와…', or a stray full stop that opens a line) is no sentence: it joins the
    next piece when it touches it or opens the line, else the one before."""
    out: _Pieces = []
    out_tokens: list[list[Any]] = []
    opening: tuple[int, list[Any]] | None = None  # a mark that opens the next piece
    for k, ((start, end), found) in enumerate(zip(pieces, tokens, strict=True)):
        if opening is not None:
            start, found = opening[0], opening[1] + found
            opening = None
        if any(c.isalnum() for c in line[start:end]) or len(pieces) == 1:
            out.append((start, end))
            out_tokens.append(found)
        elif k + 1 < len(pieces) and (pieces[k + 1][0] == end or not out):
            opening = (start, found)
        elif out:
            out[-1] = (out[-1][0], end)
            out_tokens[-1] = out_tokens[-1] + found
        else:
            out.append((start, end))
            out_tokens.append(found)
    return out, out_tokens


def _each(split: Callable[[str], list[tuple[int, int]]]) -> Splitter:
    def pieces(line: str) -> list[tuple[int, int]]:
        found = split(line)
        return _attach_marks(line, found, [[] for _ in found])[0]

    return lambda lines: [pieces(line) for line in lines]


_SPLITTERS: dict[str, Splitter] = {"en": _each(_en_split), "ru": _each(_ru_split), "ko": _ko_split_many}


def split_sentences(text: str, lang: str, within: Span | None = None, what: str = "the document") -> list[Span]:
    """Sentence spans of ``text`` (or of its part ``within``), in document offsets."""
    return split_sentences_many(text, lang, [within or Span(0, len(text))], what)[0]


def split_sentences_many(text: str, lang: str, windows: list[Span], what: str = "the document") -> list[list[Span]]:
    """Sentence spans of each window of ``text`` (paragraphs), in document offsets; the
    splitter sees many lines at once, which Korean analysis needs to be fast. More sentences
    than the limit in force (:mod:`mtcheck.limits`) is an InputError naming ``what``."""
    from mtcheck.limits import current

    limits = current()
    lines: list[tuple[int, int, int]] = []  # (window index, start, end) in document offsets
    for w, window in enumerate(windows):
        chunk = text[window.start : window.end]
        for line_start, line_end in _lines(chunk):
            for a, b in _cut(chunk, line_start, line_end, MAX_LINE):
                lines.append((w, window.start + a, window.start + b))
    out: list[list[Span]] = [[] for _ in windows]
    count = 0
    for batch in _batches(lines):
        pieces = _SPLITTERS[lang]([text[a:b] for _, a, b in batch])
        for (w, line_start, line_end), found in zip(batch, pieces, strict=True):
            line = text[line_start:line_end]
            for s, e in found:
                s, e = _trim(line, s, e)
                for a, b in _cut(line, s, e, MAX_SENTENCE):
                    out[w].append(Span(line_start + a, line_start + b))
                    count += 1
        limits.check_sentences(what, count)
    return out


def _batches(lines: list[tuple[int, int, int]]) -> Iterator[list[tuple[int, int, int]]]:
    batch: list[tuple[int, int, int]] = []
    chars = 0
    for line in lines:
        batch.append(line)
        chars += line[2] - line[1]
        if len(batch) >= _BATCH_LINES or chars >= _BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _cut(text: str, start: int, end: int, most: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in trimmed pieces of at most ``most`` characters, each cut in its
    second half after the last sentence end, else at the last space (hard in text without)."""
    out: list[tuple[int, int]] = []
    while end - start > most:
        half, limit = start + most // 2, start + most
        cut = max(text.rfind(p, half, limit) + 1 for p in _SENTENCE_ENDS)
        if cut <= half:
            cut = max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        cut = cut if cut > start else limit
        s, e = _trim(text, start, cut)
        if e > s:
            out.append((s, e))
        start = cut
    s, e = _trim(text, start, end)
    if e > s:
        out.append((s, e))
    return out


def _lines(chunk: str) -> list[tuple[int, int]]:
    """Hard line breaks split a paragraph after a line that ends a sentence or before a
    list item; soft-wrapped lines stay together."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\r?\n", chunk):
        prev = chunk[start : match.start()].rstrip()
        if prev and (prev[-1] in ".!?…:\"'”’»)" or _LIST_ITEM.match(chunk, match.end())):
            out.append((start, match.start()))
            start = match.end()
    out.append((start, len(chunk)))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
