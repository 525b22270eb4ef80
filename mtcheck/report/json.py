"""JSON report, contract ``mtcheck.report/1`` (see DESIGN.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mtcheck.types import Document, Finding, PairFailure, Report, Span

SCHEMA = "mtcheck.report/1"


def _span(span: Span | None, doc: Document) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text(doc.text)}


def finding_dict(f: Finding, report: Report) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity.label,
        "confidence": f.confidence,
        "message": f.message,
        "suggestion": f.suggestion,
        "target": _span(f.target_span, report.target),
        "source": _span(f.source_span, report.source),
        "evidence": f.evidence,
    }


def report_dict(report: Report) -> dict[str, Any]:
    def segments(doc: Document) -> list[dict[str, int]]:
        return [{"id": s.id, "start": s.span.start, "end": s.span.end} for s in doc.segments]

    return {
        "schema": SCHEMA,
        "source": {"path": report.source.path, "lang": report.source.lang},
        "target": {"path": report.target.path, "lang": report.target.lang},
        "segments": {"source": segments(report.source), "target": segments(report.target)},
        "alignment": [
            {"source": list(b.source), "target": list(b.target), "score": b.score, "confidence": b.confidence}
            for b in report.alignment
        ],
        "findings": [finding_dict(f, report) for f in report.findings],
        "summary": report.counts(),
        "notices": list(report.notices),
        "signature": report.signature,
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def failure_dict(failure: PairFailure) -> dict[str, Any]:
    return {
        "source": {"path": failure.source},
        "target": {"path": failure.target} if failure.target is not None else None,
        "error": failure.message,
    }


def render_json_many(reports: Sequence[Report], failures: Sequence[PairFailure] = ()) -> str:
    """Several reports (from ``mtcheck scan``): each one a ``mtcheck.report/1`` object; the
    pairs that could not be checked under ``failures``."""
    data = {
        "schema": "mtcheck.scan/1",
        "reports": [report_dict(r) for r in reports],
        "failures": [failure_dict(f) for f in failures],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
