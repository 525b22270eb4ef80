"""Keyed strings located in a file, and Documents built from them.

Readers of localisation formats (JSON, CSV, PO, XLIFF, TMX) find each translatable string and
the file offset every one of its characters came from. The Document built from them keeps the
file's text but blanks everything that is not a string of its side (markup, keys, the other
language) with spaces, newlines kept: offsets, lines and columns stay those of the file, and
checks that scan the whole text see only translatable text. A string holding escapes
(``&amp;``, ``\\u0410``, PO continuation lines) is written decoded at the place of its first
character on each file line, so its words stay whole; offsets inside such a string point to the
right line, a few columns early at most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mtcheck.types import Bead, Document, Paragraph, Segment, Span


@dataclass(frozen=True, slots=True)
class Entry:
    """One translatable string: its key, its decoded value, and where each character came from."""

    key: str
    value: str
    origins: tuple[int, ...]
    # Indices of characters decoded from an escape (``&amp;``, ``\"``, ``""``): their origin is
    # where the escape starts, and the file does not hold them literally.
    escapes: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if len(self.origins) != len(self.value):
            raise ValueError("one origin per character")


@dataclass(frozen=True)
class Extracted:
    """What a localisation reader found in one file."""

    path: str
    text: str
    encoding: str
    source: tuple[Entry, ...]
    # None for monolingual keyed files (JSON i18n): the target comes from a second file.
    target: tuple[Entry, ...] | None = None
    source_lang: str | None = None
    target_lang: str | None = None


@dataclass(frozen=True)
class Paired:
    source: Document
    target: Document
    alignment: tuple[Bead, ...]


def literal_origins(start: int, value: str) -> tuple[int, ...]:
    return tuple(range(start, start + len(value)))


def masked_text(text: str, entries: Sequence[Entry]) -> tuple[str, list[Span | None]]:
    """The file text with only ``entries`` left visible, and each entry's span in it."""
    out = [" " if ch not in "\r\n" else ch for ch in text]
    spans: list[Span | None] = []
    for entry in entries:
        lo = hi = -1
        # Place each run of characters that came from one file line contiguously, starting at
        # the origin of its first character: escapes shrink, words stay whole.
        pos = line_end = -1
        exact = True
        for i, (ch, origin) in enumerate(zip(entry.value, entry.origins, strict=True)):
            literal = i not in entry.escapes and text.startswith(ch, origin)
            if pos < 0 or origin >= line_end:
                pos, exact = origin, literal
                nl = text.find("\n", origin)
                line_end = len(text) if nl < 0 else nl
            elif exact and literal and origin >= pos:
                pos = origin  # still exact: keep the file's own offsets
            else:
                exact = False  # after an escape, characters follow on contiguously
            if pos >= line_end:
                continue  # no room left on this line (cannot happen for real escapes)
            out[pos] = " " if ch in "\r\n\t\v\f" else ch
            lo = pos if lo < 0 else lo
            hi = pos + 1
            pos += 1
        while hi > lo >= 0 and out[hi - 1].isspace():
            hi -= 1
        while 0 <= lo < hi and out[lo].isspace():
            lo += 1
        spans.append(Span(lo, hi) if 0 <= lo < hi else None)
    return "".join(out), spans


def keyed_document(
    path: str, lang: str, text: str, entries: Sequence[Entry], encoding: str
) -> tuple[Document, dict[str, tuple[int, ...]]]:
    """A Document with one paragraph per non-empty entry, and segment ids by key."""
    from mtcheck.limits import current
    from mtcheck.segment import split_sentences_many

    current().check_sentences(path, len(entries))
    masked, spans = masked_text(text, entries)
    present = [span for span in spans if span is not None]
    found = iter(split_sentences_many(masked, lang, present, path))
    paragraphs: list[Paragraph] = []
    segments: list[Segment] = []
    by_key: dict[str, tuple[int, ...]] = {}
    for entry, span in zip(entries, spans, strict=True):
        if span is None:
            by_key.setdefault(entry.key, ())
            continue
        ids = []
        for s_span in next(found):
            ids.append(len(segments))
            segments.append(Segment(len(segments), s_span, len(paragraphs), s_span.text(masked)))
        if not ids:  # a string the splitter finds nothing in is still one segment
            ids.append(len(segments))
            segments.append(Segment(len(segments), span, len(paragraphs), span.text(masked)))
        paragraphs.append(Paragraph(len(paragraphs), span, tuple(ids)))
        by_key[entry.key] = by_key.get(entry.key, ()) + tuple(ids)
    return Document(path, lang, masked, tuple(paragraphs), tuple(segments), encoding), by_key


def pair_by_key(
    source: tuple[Document, dict[str, tuple[int, ...]]],
    target: tuple[Document, dict[str, tuple[int, ...]]],
) -> Paired:
    """Beads from shared keys: a key missing or empty in the target is an omission, a key only
    the target has is an addition."""
    s_doc, s_keys = source
    t_doc, t_keys = target
    beads: list[Bead] = []
    for key, s_ids in s_keys.items():
        t_ids = t_keys.get(key, ())
        if s_ids or t_ids:
            beads.append(Bead(s_ids, t_ids, 1.0 if s_ids and t_ids else 0.0))
    for key, t_ids in t_keys.items():
        if key not in s_keys and t_ids:
            beads.append(Bead((), t_ids, 0.0))
    return Paired(s_doc, t_doc, tuple(beads))
