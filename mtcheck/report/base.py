"""Shared reporter helpers: positions from offsets, format dispatch, atomic writes."""

from __future__ import annotations

import bisect
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from mtcheck.types import Report


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


def _json(reports: Sequence[Report], color: bool) -> str:
    from mtcheck.report.json import render_json, render_json_many

    return render_json(reports[0]) if len(reports) == 1 else render_json_many(reports)


def _text(reports: Sequence[Report], color: bool) -> str:
    from mtcheck.report.text import render_text

    return "".join(render_text(r, color=color) for r in reports)


def _sarif(reports: Sequence[Report], color: bool) -> str:
    from mtcheck.report.sarif import render_sarif

    return render_sarif(reports)


def _junit(reports: Sequence[Report], color: bool) -> str:
    from mtcheck.report.junit import render_junit

    return render_junit(reports)


def _html(reports: Sequence[Report], color: bool) -> str:
    from mtcheck.report.html import render_html

    return render_html(reports)


# Every renderer takes a sequence of reports: `mtcheck check` passes one, `mtcheck scan` many.
FORMATS: dict[str, Callable[[Sequence[Report], bool], str]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "junit": _junit,
    "html": _html,
}


def render(report: Report | Sequence[Report], fmt: str, color: bool = False) -> str:
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})") from None
    return renderer([report] if isinstance(report, Report) else list(report), color)


def write_atomic(path: str | Path, content: str | bytes, mode: int | None = None) -> None:
    """Write through a temporary file in the same folder and rename it into place, so a
    crash never leaves a half-written report. The file and then its folder are synced, so
    once this returns the new content survives a kill or a power cut. ``mode`` sets the
    permissions (the temporary file is private until then)."""
    target = Path(path)
    folder = target.parent or Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    # The rename lives in the folder's entry table; without this a power cut may undo it.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows, where folders cannot be opened; the rename is durable enough there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
