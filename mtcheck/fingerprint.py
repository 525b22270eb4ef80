"""Stable fingerprints of findings: the same problem gets the same fingerprint on every run.

Built from what identifies a problem to a reader, not from where it sits: the rule, the side,
the flagged text and the sentence around it (both with whitespace normalised), and an ordinal
for the rare identical twins. Offsets are left out, so an edit elsewhere in the file keeps
them; changing the flagged text changes them.
"""

from __future__ import annotations

import hashlib
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


def _context(doc: Document, span: Span) -> str:
    """The sentences the span touches, with the span itself cut out."""
    parts = [s for s in doc.segments if s.span.start < span.end and span.start < s.span.end]
    if not parts:
        return ""
    lo, hi = min(parts[0].span.start, span.start), max(parts[-1].span.end, span.end)
    return normalise(doc.text[lo : span.start]) + " \u2026 " + normalise(doc.text[span.end : hi])


def fingerprints(report: Report) -> list[str]:
    """One fingerprint per finding, in ``report.findings`` order."""
    seen: dict[str, int] = {}
    out = []
    for f in report.findings:
        side, doc, span = location(f, report)
        text = normalise(span.text(doc.text)) if span else ""
        context = _context(doc, span) if span else ""
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
