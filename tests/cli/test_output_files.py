"""Report files as users expect them: the permissions `>` would give, written through
symbolic links, and a report that cannot be written leaves the old file whole and says so."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import corpus, one_line_error, run_cli

SOURCE, DRAFT = corpus("kursk-ru")


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the reports (tmp_path also holds the test's translation cache)."""
    path = tmp_path / "reports"
    path.mkdir()
    return path


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_report_gets_the_permissions_of_the_umask(folder: Path, mask: int, expected: int) -> None:
    out = folder / "report.sarif"
    with umask(mask):
        code, _, _ = run_cli("check", SOURCE, DRAFT, "--format", "sarif", "--output", out)
    assert code == 1
    assert mode(out) == expected
    assert list(folder.iterdir()) == [out]  # no temporary file left beside it


def test_an_existing_report_keeps_its_permissions_and_a_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "report.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "report.json"
    link.symlink_to(real)
    with umask(0o077):
        assert run_cli("check", SOURCE, DRAFT, "--format", "json", "--output", link)[0] == 1
    assert link.is_symlink()
    assert '"schema": "mtcheck.report/1"' in real.read_text(encoding="utf-8")
    assert mode(real) == 0o640


@pytest.mark.parametrize(
    ("failing", "error"),
    [("fsync", errno.ENOSPC), ("replace", errno.EIO), ("mkstemp", errno.EROFS)],
)
def test_a_report_that_cannot_be_written_leaves_the_old_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch, failing: str, error: int
) -> None:
    out = folder / "report.html"
    out.write_text("yesterday's report", encoding="utf-8")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(("tempfile." if failing == "mkstemp" else "os.") + failing, fail)
    code, _, err = run_cli("check", SOURCE, DRAFT, "--format", "html", "--output", out)
    assert code == 2
    line = one_line_error(err)
    assert line == f"mtcheck: error: cannot write {out}: {os.strerror(error)}; {out} was left as it was"
    assert out.read_text(encoding="utf-8") == "yesterday's report"
    assert list(folder.iterdir()) == [out]


def test_a_new_report_that_cannot_be_written_says_nothing_was_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("os.fsync", full)
    out = folder / "baseline.json"
    code, _, err = run_cli("baseline", "create", SOURCE, DRAFT, "--output", out)
    assert code == 2
    assert one_line_error(err).endswith("No space left on device; nothing was written")
    assert list(folder.iterdir()) == []


@contextlib.contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A real small filesystem, where the machine lets this process mount one (root in CI)."""
    folder.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_and_a_read_only_folder_leave_the_old_report(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "tiny", "size=8k") as tiny:
        out = tiny / "report.html"
        out.write_text("yesterday's report", encoding="utf-8")
        code, _, err = run_cli("check", SOURCE, DRAFT, "--format", "html", "--output", out)
        assert code == 2
        assert one_line_error(err).endswith(f"No space left on device; {out} was left as it was")
        assert out.read_text(encoding="utf-8") == "yesterday's report"
        assert [p.name for p in tiny.iterdir()] == ["report.html"]
        subprocess.run(["mount", "-o", "remount,ro", str(tiny)], check=True)
        code, _, err = run_cli("check", SOURCE, DRAFT, "--format", "json", "--output", out)
        assert code == 2
        assert one_line_error(err).endswith(f"Read-only file system; {out} was left as it was")
        assert out.read_text(encoding="utf-8") == "yesterday's report"


def test_a_terminal_without_cyrillic_gets_question_marks_not_a_traceback() -> None:
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", SOURCE, DRAFT], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "source: ???" in result.stdout
