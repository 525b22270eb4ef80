"""Stable fingerprints of findings: the same problem gets the same fingerprint on every run.

Built from what identifies a problem to a reader, not from where it sits: the rule, the side,
the flagged text and the sentence around it (both with whitespace normalised), and an ordinal
for the rare identical twins. Offsets are left out, so an edit elsewhere in the file keeps
them; changing the flagged text changes them.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import os
import unicodedata
from pathlib import Path

from mtcheck.types import Document, Finding, Report, Span


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def location(f: Finding, report: Report) -> tuple[str, Document, Span | None]:
    """The side a finding is reported on: the target when it has a span there."""
    if f.target_span is not None:
        return "target", report.target, f.target_span
    if f.source_span is not None:
        return "source", report.source, f.source_span
    return "target", report.target, None


def _context(doc: Document, span: Span, starts: list[int] | None) -> str:
    """The sentences the span touches, with the span itself cut out. ``starts`` (the sentence
    starts, when sorted) finds them by bisection instead of a scan of the document."""
    if starts is None:
        parts = [s for s in doc.segments if s.span.start < span.end and span.start < s.span.end]
    else:
        parts = []
        for k in range(max(bisect.bisect_right(starts, span.start) - 1, 0), len(doc.segments)):
            s = doc.segments[k]
            if s.span.start >= span.end:
                break
            if span.start < s.span.end:
                parts.append(s)
    if not parts:
        return ""
    lo, hi = min(parts[0].span.start, span.start), max(parts[-1].span.end, span.end)
    return normalise(doc.text[lo : span.start]) + " \u2026 " + normalise(doc.text[span.end : hi])


def _sorted_starts(doc: Document) -> list[int] | None:
    starts = [s.span.start for s in doc.segments]
    ends_before_next = all(a.span.end <= b.span.start for a, b in itertools.pairwise(doc.segments))
    return starts if ends_before_next else None


def fingerprints(report: Report) -> list[str]:
    """One fingerprint per finding, in ``report.findings`` order."""
    seen: dict[str, int] = {}
    out = []
    starts = {"source": _sorted_starts(report.source), "target": _sorted_starts(report.target)}
    for f in report.findings:
        side, doc, span = location(f, report)
        text = normalise(span.text(doc.text)) if span else ""
        context = _context(doc, span, starts[side]) if span else ""
        key = "\x1f".join((f.rule, side, text, context))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha256(f"{key}\x1f{n}".encode()).hexdigest()[:32])
    return out


def display_path(path: str) -> str:
    """A path relative to the current folder when it lies under it, with forward slashes:
    the form baselines store and SARIF needs for code scanning."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(Path.cwd().resolve()) if p.is_absolute() else Path(os.path.normpath(p))
    except ValueError:
        return p.as_posix()
    return rel.as_posix()
