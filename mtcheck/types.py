"""Core immutable data types shared by readers, aligners, checks and reporters.

Offsets are Python ``str`` indices (code points) into the document text exactly as
decoded from the file (BOM stripped, newlines untouched).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

SUPPORTED_LANGS = ("ru", "ko", "en")


class Severity(enum.IntEnum):
    """Ordered so that ``>=`` means "at least as serious as"."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def cover(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence: its id is its index in the document's sentence list."""

    id: int
    span: Span
    paragraph: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: int
    span: Span
    segments: tuple[int, ...]


@dataclass(frozen=True)
class Document:
    path: str
    lang: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    segments: tuple[Segment, ...]
    encoding: str = "utf-8"

    def segment_texts(self, ids: tuple[int, ...]) -> str:
        return " ".join(self.segments[i].text for i in ids)

    def span_of(self, ids: tuple[int, ...]) -> Span | None:
        if not ids:
            return None
        return Span(self.segments[ids[0]].span.start, self.segments[ids[-1]].span.end)


@dataclass(frozen=True, slots=True)
class Bead:
    """One alignment unit: source segment ids ↔ target segment ids (either may be empty).

    ``score`` says how well the two sides fit (1.0: as well as a perfect 1-1 match);
    ``confidence`` how sure the aligner is that this bead, and not another way of pairing
    these sentences, is right: its posterior probability over every alignment of the
    paragraph (1.0 where a file pairs the segments itself). A bead can fit badly and still be
    certain (the only way to pair two sentences), or fit well and be unsure (a short sentence
    that could join either neighbour); checks that compare the two sides should trust them
    as far as ``confidence`` goes.
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float
    confidence: float = 1.0

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    confidence: float
    message: str
    suggestion: str | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """Everything one check run produced; reporters render it, nothing else computes it."""

    source: Document
    target: Document
    alignment: tuple[Bead, ...]
    findings: tuple[Finding, ...]
    notices: tuple[str, ...] = ()
    signature: str = ""

    def counts(self) -> dict[str, int]:
        out = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[f.severity.label] += 1
        return out


@dataclass(frozen=True)
class PairFailure:
    """A pair that could not be checked (unreadable input, a crashed worker): a scan reports
    it with its paths and still checks every other pair."""

    source: str
    target: str | None
    message: str

    @property
    def label(self) -> str:
        return self.source if self.target is None else f"{self.source} → {self.target}"

    @property
    def line(self) -> str:
        """One line naming the pair, once: most input errors name their file already."""
        named = self.source in self.message or (self.target is not None and self.target in self.message)
        return self.message if named else f"{self.label}: {self.message}"
