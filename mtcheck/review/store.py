"""The review file: an editor's decisions on findings, beside the draft, keyed by fingerprint.

``draft.en.txt`` gets ``draft.en.txt.review.json`` (a bilingual file ``kursk.xlf`` gets
``kursk.xlf.review.json``)::

    {
      "decisions": {
        "3f2a…": {"at": "2025-01-05T10:12:44+00:00", "decision": "dismissed",
                  "reason": "the name is spelt so in the agency's style guide",
                  "rule": "MT201", "text": "Khinstin"}
      },
      "schema": "mtcheck.review/1",
      "source": "source.ru.txt",
      "target": "draft.en.txt"
    }

Keys are sorted and paths are relative to the file's folder, so it diffs well and can live in
git with the translation. Fingerprints (:mod:`mtcheck.fingerprint`) leave offsets out, so a
decision survives re-runs and edits elsewhere in the document. Decisions: ``accepted`` (the
suggestion went into the draft), ``edited`` (the sentence was rewritten), ``dismissed`` (a
false alarm: later ``check``, ``scan`` and ``review`` runs of the pair hide it) and
``deferred`` (skipped for now). Accepted and edited decisions also keep the ``replacement``.

While edits made in ``mtcheck review`` are not yet saved into the draft they sit under
``unsaved`` (with the SHA-256 of the draft they apply to), so a killed server loses nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError
from mtcheck.fingerprint import fingerprints
from mtcheck.report import write_atomic
from mtcheck.review.working import Edit
from mtcheck.types import Report

SCHEMA = "mtcheck.review/1"
DECISIONS = ("accepted", "edited", "dismissed", "deferred")
SUFFIX = ".review.json"


@dataclass(frozen=True)
class Decision:
    decision: str
    rule: str
    text: str
    reason: str = ""
    at: str = ""
    replacement: str | None = None

    def as_dict(self) -> dict[str, str]:
        out = {"at": self.at, "decision": self.decision, "reason": self.reason, "rule": self.rule, "text": self.text}
        if self.replacement is not None:
            out["replacement"] = self.replacement
        return out


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Unsaved:
    """Edits made in the review and not yet saved into the draft whose SHA-256 is given."""

    draft_sha256: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class ReviewFile:
    path: Path
    source: Path
    target: Path
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    unsaved: Unsaved | None = None

    def with_decisions(self, decisions: Mapping[str, Decision]) -> ReviewFile:
        return replace(self, decisions=dict(decisions))

    def dismissed(self) -> frozenset[str]:
        return frozenset(fp for fp, d in self.decisions.items() if d.decision == "dismissed")


def review_path(target: str | Path) -> Path:
    target = Path(target)
    return target.with_name(target.name + SUFFIX)


class OtherPair(InputError):
    """The review file beside the draft records decisions for another source."""


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


def load_review(source: str | Path, target: str | Path) -> ReviewFile:
    """The review file of a pair (empty when there is none yet). A bilingual file is its own
    source and target. Raises :class:`OtherPair` when the file beside the draft names
    another source, and :class:`InputError` when it cannot be read."""
    source, target = Path(source), Path(target)
    path = review_path(target)
    empty = ReviewFile(path, source, target)
    if not path.exists():
        return empty
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        # "\ud800" is valid JSON but half a character: nothing holding it could be written
        # back or exported (found by fuzzing).
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read review file {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, UnicodeEncodeError, RecursionError):
        raise InputError(f"review file {path} is not valid JSON") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("decisions"), dict):
        raise InputError(f"{path} is not an mtcheck review file (schema {SCHEMA})")
    recorded = data.get("source")
    try:
        other = isinstance(recorded, str) and (path.parent / recorded).resolve() != source.resolve()
    except (ValueError, OSError):  # a NUL in the path, a loop of links
        raise InputError(f"review file {path}: its source {recorded!r} is no path") from None
    if other:
        raise OtherPair(f"{path} records decisions for the source {recorded}, not {source}")
    try:
        decisions = {str(fp): _decision(entry) for fp, entry in data["decisions"].items()}
        unsaved = _unsaved(data.get("unsaved"))
    except KeyError as exc:
        raise InputError(f"review file {path}: field {exc.args[0]} is missing") from None
    except (TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise InputError(f"review file {path}: {exc}") from None
    return ReviewFile(path, source, target, decisions, unsaved)


def _decision(entry: Any) -> Decision:
    if not isinstance(entry, dict) or entry.get("decision") not in DECISIONS:
        raise ValueError(f"every decision needs a decision field, one of {', '.join(DECISIONS)}")
    replacement = entry.get("replacement")
    return Decision(
        str(entry["decision"]),
        str(entry.get("rule", "")),
        str(entry.get("text", "")),
        str(entry.get("reason", "")),
        str(entry.get("at", "")),
        None if replacement is None else str(replacement),
    )


def _unsaved(raw: Any) -> Unsaved | None:
    if raw is None:
        return None
    edits = tuple(
        Edit(int(e["start"]), int(e["end"]), str(e["text"]), str(e["original"])) for e in raw.get("edits", [])
    )
    return Unsaved(str(raw["draft_sha256"]), edits)


def render_review(review: ReviewFile) -> str:
    folder = review.path.parent
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "source": _relative(review.source, folder),
        "target": _relative(review.target, folder),
        "decisions": {fp: d.as_dict() for fp, d in review.decisions.items()},
    }
    if review.unsaved is not None and review.unsaved.edits:
        data["unsaved"] = {
            "draft_sha256": review.unsaved.draft_sha256,
            "edits": [
                {"end": e.end, "original": e.original, "start": e.start, "text": e.text} for e in review.unsaved.edits
            ],
        }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def save_review(review: ReviewFile) -> None:
    """Written whole to a temporary file, synced and renamed into place: once this returns, the
    decisions are on disk, and a crash at any point leaves the previous file intact."""
    write_atomic(review.path, render_review(review))


def hide_dismissed(report: Report) -> Report:
    """The report without the findings dismissed in the pair's review file, with a notice
    saying how many it hid. A review file made for another source is left out, with a notice."""
    source = Path(report.source.path)
    target = Path(report.target.path)
    if not review_path(target).exists():
        return report
    try:
        dismissed = load_review(source, target).dismissed()
    except OtherPair as exc:
        return replace(report, notices=(*report.notices, f"{exc}; not applied"))
    if not dismissed:
        return report
    kept = [f for f, fp in zip(report.findings, fingerprints(report), strict=True) if fp not in dismissed]
    hidden = len(report.findings) - len(kept)
    if not hidden:
        return report
    notice = f"{hidden} finding(s) dismissed in the review file {review_path(target)} were not reported"
    return replace(report, findings=tuple(kept), notices=(*report.notices, notice))


EXPORT_COLUMNS = ("target", "fingerprint", "rule", "decision", "text", "replacement", "reason", "at")


def export_csv(review: ReviewFile) -> str:
    """The decisions as CSV, oldest first, one row per fingerprint."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    target = review.target.as_posix()
    for fp, d in sorted(review.decisions.items(), key=lambda item: (item[1].at, item[0])):
        writer.writerow((target, fp, d.rule, d.decision, d.text, d.replacement or "", d.reason, d.at))
    return out.getvalue()
