"""benchmarks/RESULTS.md holds one section per benchmark; each run replaces its own section and
keeps the others."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_header(command: str) -> str:
    """The date, commit, machine and command of this run, as one paragraph."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return (
        f"Last run: {datetime.date.today().isoformat()}, commit {commit or 'unknown'}, "
        f"{platform.machine()} with {os.cpu_count()} cores, Python {platform.python_version()}.\n"
        f"Command: `{command}`\n"
    )


def _blocks(text: str) -> list[list[str]]:
    """The file cut before every heading line (# or ##) outside a code fence."""
    blocks: list[list[str]] = [[]]
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith(("# ", "## ")) and blocks[-1]:
            blocks.append([])
        blocks[-1].append(line)
    return [b for b in blocks if b]


def write_section(path: Path, heading: str, body: str) -> None:
    """Replace the section under ``heading`` (a whole heading line) with ``body``, or append it."""
    section = [heading, "", *body.rstrip("\n").splitlines(), ""]
    blocks = _blocks(path.read_text(encoding="utf-8")) if path.exists() else []
    for i, block in enumerate(blocks):
        if block[0] == heading:
            blocks[i] = section
            break
    else:
        if blocks and blocks[-1][-1] != "":
            blocks[-1].append("")
        blocks.append(section)
    path.write_text("\n".join(line for block in blocks for line in block).rstrip("\n") + "\n", encoding="utf-8")
