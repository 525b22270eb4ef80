"""Accepted findings: a baseline file of fingerprints, and suppressions with a reason in config.

``mtcheck baseline create`` writes the fingerprints of today's findings; later runs given that
baseline (``--baseline`` or ``baseline = "…"`` in the config) report only findings not in it.
A ``[[suppress]]`` entry in the config drops findings it matches and must say why::

    [[suppress]]
    rule = "MT401"                 # code or name; any of rule / text / path / fingerprint
    text = "Kim Jong Un"           # the flagged span's text, whitespace-normalised
    path = "docs/**/*.md"          # a glob on the reported file's path
    reason = "the name is kept in the original on purpose"
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mtcheck.config import Config
from mtcheck.errors import InputError
from mtcheck.fingerprint import display_path, fingerprints, location, normalise
from mtcheck.types import Report

SCHEMA = "mtcheck.baseline/1"
_SUPPRESS_KEYS = {"rule", "text", "path", "fingerprint", "reason"}


@dataclass(frozen=True)
class Suppression:
    reason: str
    rule: str | None = None
    text: str | None = None
    path: str | None = None
    fingerprint: str | None = None

    def matches(self, rule: str, text: str, path: str, fingerprint: str) -> bool:
        return (
            (self.rule is None or self.rule == rule)
            and (self.text is None or normalise(self.text) == text)
            and (self.path is None or fnmatch.fnmatch(path, self.path))
            and (self.fingerprint is None or self.fingerprint == fingerprint)
        )


def parse_suppressions(config: Config) -> tuple[Suppression, ...]:
    raw = config.extra.get("suppress", [])
    where = str(config.path or "config")
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise InputError(f"{where}: suppress must be an array of tables ([[suppress]])")
    out = []
    for n, item in enumerate(raw, start=1):
        unknown = set(item) - _SUPPRESS_KEYS
        if unknown:
            raise InputError(f"{where}: suppress #{n}: unknown key(s) {', '.join(sorted(unknown))}")
        if not str(item.get("reason", "")).strip():
            raise InputError(f"{where}: suppress #{n} needs a reason")
        if not set(item) & {"rule", "text", "path", "fingerprint"}:
            raise InputError(f"{where}: suppress #{n} matches everything; give a rule, text, path or fingerprint")
        rule = item.get("rule")
        if rule is not None:
            from mtcheck.checks.registry import get_rule

            try:
                rule = get_rule(str(rule)).code
            except KeyError as exc:
                raise InputError(f"{where}: suppress #{n}: {exc.args[0]}") from None
        out.append(Suppression(str(item["reason"]), rule, item.get("text"), item.get("path"), item.get("fingerprint")))
    return tuple(out)


def _keys(report: Report) -> list[tuple[str, str, str]]:
    """(path, fingerprint, normalised span text) of each finding."""
    out = []
    for f, fp in zip(report.findings, fingerprints(report), strict=True):
        _side, doc, span = location(f, report)
        out.append((display_path(doc.path), fp, normalise(span.text(doc.text)) if span else ""))
    return out


def baseline_dict(reports: Sequence[Report]) -> dict[str, Any]:
    entries = []
    for report in reports:
        for f, (path, fp, text) in zip(report.findings, _keys(report), strict=True):
            entries.append({"path": path, "fingerprint": fp, "rule": f.rule, "text": text})
    return {"schema": SCHEMA, "findings": entries}


def render_baseline(reports: Sequence[Report]) -> str:
    return json.dumps(baseline_dict(reports), ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> frozenset[tuple[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise InputError(f"baseline {path} is not valid JSON") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise InputError(f"{path} is not an mtcheck baseline (schema {SCHEMA})")
    try:
        return frozenset((str(e["path"]), str(e["fingerprint"])) for e in data["findings"])
    except (KeyError, TypeError):
        raise InputError(f"baseline {path}: every finding needs a path and a fingerprint") from None


def filter_known(
    report: Report, suppressions: Sequence[Suppression] = (), baseline: frozenset[tuple[str, str]] = frozenset()
) -> Report:
    """The report without suppressed findings and those already in the baseline."""
    kept = []
    suppressed = known = 0
    for f, (path, fp, text) in zip(report.findings, _keys(report), strict=True):
        if any(s.matches(f.rule, text, path, fp) for s in suppressions):
            suppressed += 1
        elif (path, fp) in baseline:
            known += 1
        else:
            kept.append(f)
    notices = list(report.notices)
    if suppressed:
        notices.append(f"{suppressed} finding(s) suppressed by the config")
    if known:
        notices.append(f"{known} finding(s) already in the baseline were not reported")
    return replace(report, findings=tuple(kept), notices=tuple(notices))


def baseline_path(config: Config, given: Path | None) -> Path | None:
    if given is not None:
        return given
    raw = config.extra.get("baseline")
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise InputError(f"{config.path or 'config'}: baseline must be a path to a baseline file")
    base = config.path.parent if config.path else Path.cwd()
    return base / raw
