"""Terminal report: ``path:line:col RULE name message``, the span highlighted, a summary."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.text import Text

from mtcheck.report.base import LineIndex
from mtcheck.types import Document, Finding, Report, Severity, Span

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_CONTEXT = 60
_BLANKS = re.compile(r"[ \t]{3,}")


def _excerpt(doc: Document, index: LineIndex, span: Span, style: str) -> Text:
    """The line holding the span, cut to some context around it, with the span highlighted."""
    line, _col = index.position(span.start)
    line_start, line_end = index.line_bounds(line, doc.text)
    end = min(span.end, line_end)
    left = max(line_start, span.start - _CONTEXT)
    right = min(line_end, end + _CONTEXT)
    out = Text("    ")
    if left > line_start:
        out.append("…")
    # Runs of blanks are squeezed: in localisation files markup is blanked out to spaces.
    out.append(_squeeze(doc.text[left : span.start]).lstrip())
    out.append(doc.text[span.start : end], style=f"{style} underline")
    out.append(_squeeze(doc.text[end:right]).rstrip())
    if right < line_end or end < span.end:
        out.append("…")
    return out


def _squeeze(text: str) -> str:
    return _BLANKS.sub("  ", text)


def _location(f: Finding, report: Report) -> tuple[Document, Span | None]:
    if f.target_span is not None:
        return report.target, f.target_span
    if f.source_span is not None:
        return report.source, f.source_span
    return report.target, None


def render_text(report: Report, color: bool = False, width: int = 120) -> str:
    buf = io.StringIO()
    # soft_wrap: one finding is one line, so that grep and editors' "jump to" work on it.
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True)
    indexes = {"source": LineIndex(report.source.text), "target": LineIndex(report.target.text)}
    for f in report.findings:
        doc, span = _location(f, report)
        index = indexes["target" if doc is report.target else "source"]
        style = _STYLE[f.severity]
        head = Text()
        if span is not None:
            line, col = index.position(span.start)
            head.append(f"{doc.path}:{line}:{col} ", style="bold")
        else:
            head.append(f"{doc.path} ", style="bold")
        head.append(f"{f.rule} ", style=style)
        head.append(f"{f.name} ", style=style)
        head.append(f"{f.message} [{f.severity.label}, confidence {f.confidence:.2f}]")
        console.print(head)
        if span is not None:
            console.print(_excerpt(doc, index, span, style))
        other = f.source_span if doc is report.target else None
        if other is not None:
            console.print(Text("    source: ") + _excerpt(report.source, indexes["source"], other, style)[4:])
        if f.suggestion:
            console.print(Text(f"    suggestion: {f.suggestion}", style="green"))
        if f.evidence.get("also"):
            # Other rules that flagged the same words, folded into this finding by the pipeline.
            console.print(Text(f"    also: {', '.join(f.evidence['also'])}", style="dim"))
    for notice in report.notices:
        console.print(Text(f"note: {notice}", style="dim"))
    counts = report.counts()
    pairs = sum(1 for b in report.alignment if b.source and b.target)
    console.print(
        Text(
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info in "
            f"{len(report.source.segments)} source / {len(report.target.segments)} target sentences "
            f"({pairs} aligned pairs)",
            style="bold",
        )
    )
    return buf.getvalue()
