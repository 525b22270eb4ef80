"""Shared reporter helpers: positions from offsets, format dispatch, atomic writes."""

from __future__ import annotations

import bisect
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from mtcheck.types import PairFailure, Report


class LineIndex:
    """Maps code-point offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_bounds(self, line: int, text: str) -> tuple[int, int]:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(text)
        if end > start and text[end - 1] == "\r":
            end -= 1
        return start, end


Failures = Sequence[PairFailure]


def _json(reports: Sequence[Report], color: bool, failures: Failures) -> str:
    from mtcheck.report.json import render_json, render_json_many

    if len(reports) == 1 and not failures:
        return render_json(reports[0])
    return render_json_many(reports, failures)


def _text(reports: Sequence[Report], color: bool, failures: Failures) -> str:
    from mtcheck.report.text import render_text

    return "".join(render_text(r, color=color) for r in reports) + "".join(f"error: {f.line}\n" for f in failures)


def _sarif(reports: Sequence[Report], color: bool, failures: Failures) -> str:
    from mtcheck.report.sarif import render_sarif

    return render_sarif(reports, failures)


def _junit(reports: Sequence[Report], color: bool, failures: Failures) -> str:
    from mtcheck.report.junit import render_junit

    return render_junit(reports, failures)


def _html(reports: Sequence[Report], color: bool, failures: Failures) -> str:
    from mtcheck.report.html import render_html

    return render_html(reports, failures)


# Every renderer takes a sequence of reports (`mtcheck check` passes one, `mtcheck scan` many)
# and the pairs a scan could not check.
FORMATS: dict[str, Callable[[Sequence[Report], bool, Failures], str]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "junit": _junit,
    "html": _html,
}


def render(report: Report | Sequence[Report], fmt: str, color: bool = False, failures: Failures = ()) -> str:
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})") from None
    return renderer([report] if isinstance(report, Report) else list(report), color, list(failures))


def write_atomic(path: str | Path, content: str) -> None:
    """Write through a temporary file in the same folder and rename it into place, so a
    crash never leaves a half-written report."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
