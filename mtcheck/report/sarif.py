"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run for all checked files; every rule mtcheck knows is listed with its help text, so a
viewer can explain a result; each result carries ``partialFingerprints`` (see
:mod:`mtcheck.fingerprint`) so code scanning recognises the same finding across runs. Columns
count code points (``columnKind``), as mtcheck's offsets do.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck import __version__
from mtcheck.fingerprint import display_path, fingerprints, location
from mtcheck.report.base import LineIndex
from mtcheck.types import Document, PairFailure, Report, Severity, Span

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "mtcheck/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[dict[str, Any]]:
    from mtcheck.checks.registry import all_rules

    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.explanation},
            "help": {"text": f"{rule.title}. {rule.explanation} Run `mtcheck rules {rule.code}` for details."},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {"tags": ["translation", rule.family]},
        }
        for rule in all_rules()
    ]


def _uri(path: str) -> str:
    """Relative paths stay relative (code scanning resolves them against the repository);
    a file outside the working folder gets a file:// URI."""
    shown = display_path(path)
    return Path(shown).as_uri() if Path(shown).is_absolute() else shown


def _location(doc: Document, index: LineIndex, span: Span) -> dict[str, Any]:
    start_line, start_col = index.position(span.start)
    end_line, end_col = index.position(span.end)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(doc.path)},
            "region": {
                "startLine": start_line,
                "startColumn": start_col,
                "endLine": end_line,
                "endColumn": end_col,
                "snippet": {"text": span.text(doc.text)},
            },
        }
    }


def _invocation(failures: Sequence[PairFailure]) -> dict[str, Any]:
    """Pairs that could not be checked, as SARIF's tool execution notifications: code scanning
    shows them as the tool's errors, not as findings in the code."""
    return {
        "executionSuccessful": False,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": f.line},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.source)}}}],
            }
            for f in failures
        ],
    }


def sarif_dict(reports: Sequence[Report], failures: Sequence[PairFailure] = ()) -> dict[str, Any]:
    rules = _rules()
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    artifacts: dict[str, None] = {}
    for report in reports:
        indexes = {id(report.source): LineIndex(report.source.text), id(report.target): LineIndex(report.target.text)}
        artifacts.update({_uri(report.source.path): None, _uri(report.target.path): None})
        for f, fp in zip(report.findings, fingerprints(report), strict=True):
            _side, doc, span = location(f, report)
            text = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": text},
                "partialFingerprints": {FINGERPRINT_KEY: fp},
                "properties": {"name": f.name, "confidence": f.confidence},
            }
            if span is not None:
                result["locations"] = [_location(doc, indexes[id(doc)], span)]
            else:
                result["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(doc.path)}}}]
            if f.target_span is not None and f.source_span is not None:
                related = _location(report.source, indexes[id(report.source)], f.source_span)
                related.update({"id": 1, "message": {"text": "source text"}})
                result["relatedLocations"] = [related]
            if f.suggestion:
                result["properties"]["suggestion"] = f.suggestion
            if "back_translation" in f.evidence:
                result["properties"]["backTranslation"] = f.evidence["back_translation"]
            results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mtcheck",
                "version": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
        "results": results,
    }
    if failures:
        run["invocations"] = [_invocation(failures)]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(reports: Sequence[Report], failures: Sequence[PairFailure] = ()) -> str:
    return json.dumps(sarif_dict(reports, failures), ensure_ascii=False, indent=2) + "\n"
