"""Shared reporter helpers: positions from offsets, format dispatch, atomic writes."""

from __future__ import annotations

import bisect
import os
import stat
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


def write_atomic(path: str | Path, content: str | bytes, mode: int | None = None) -> None:
    """Write through a temporary file in the same folder and rename it into place, so a
    crash, a full disk or a lost permission never leaves a half-written report: the old file
    stays whole until the new one is complete. The file and then its folder are synced, so
    once this returns the new content survives a kill or a power cut.

    ``mode`` sets the permissions; by default the file gets those ``>`` in a shell would give
    it: an existing file keeps its own, a new one gets 0666 less the umask (mkstemp's 0600
    would otherwise leak into every report). A symbolic link is written through, not
    replaced by a file.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent or Path(".")
    if mode is None:
        mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it (os.umask can only
    read it by setting it, for a moment, for every thread of the process)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
