"""Oversized and hostile inputs of issue 15, each through a fresh `mtcheck check` process:
exit status, wall time, peak resident memory (the child's own, from wait4), and the line it
printed. Every input is generated here in a temporary folder; nothing is committed.

    .venv/bin/python benchmarks/resource_limits.py [--cases text100m,docx-bomb,...] [--full]

``--full`` adds the slow runs that show the bound of a check that is accepted: the whole
check of a ten-million-character line and of a document at the 100,000-sentence limit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "corpora/kursk-ru/source.ru.txt"
DRAFT = ROOT / "corpora/kursk-ru/draft.en.txt"
DOCX = ROOT / "tests/data/formats/article.en.docx"
MIB = 1024 * 1024
SENTENCE_EN = "The regional council met on Monday to discuss the budget for the next year."
SENTENCE_RU = "Региональный совет собрался в понедельник, чтобы обсудить бюджет на следующий год."


def text_100m(folder: Path) -> list[str]:
    path = folder / "big.en.txt"
    paragraph = (" ".join([SENTENCE_EN] * 5) + "\n\n").encode()
    with path.open("wb") as fh:
        for _ in range(100 * MIB // len(paragraph) + 1):
            fh.write(paragraph)
    return [str(SOURCE), str(path)]


def docx_bomb(folder: Path) -> list[str]:
    path = folder / "bomb.en.docx"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
            z.writestr(name, src.read(name))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(64):
                fh.write(b" " * (16 * MIB))
    return [str(SOURCE), str(path)]


def _one_line(folder: Path, chars: int, name: str) -> Path:
    path = folder / name
    unit = SENTENCE_EN + " "
    path.write_text((unit * (chars // len(unit) + 1))[:chars], encoding="utf-8")
    return path


def line_10m(folder: Path) -> list[str]:
    # 130,000 sentences on one line: past the default limit, so the limit is raised for it.
    return [str(SOURCE), str(_one_line(folder, 10_000_000, "line.en.txt")), "--max-sentences", "200000"]


def line_1m(folder: Path) -> list[str]:
    return [str(SOURCE), str(_one_line(folder, 1_000_000, "line.en.txt"))]


def _sentences(folder: Path, n: int, name: str, sentence: str) -> Path:
    path = folder / name
    paragraph = " ".join([sentence] * 5)
    path.write_text("\n\n".join([paragraph] * (n // 5)) + "\n", encoding="utf-8")
    return path


def sentences_500k(folder: Path) -> list[str]:
    return [str(SOURCE), str(_sentences(folder, 500_000, "long.en.txt", SENTENCE_EN))]


def sentences_100k(folder: Path) -> list[str]:
    src = _sentences(folder, 100_000, "limit.ru.txt", SENTENCE_RU)
    return [str(src), str(_sentences(folder, 100_000, "limit.en.txt", SENTENCE_EN))]


def json_deep(folder: Path) -> list[str]:
    src, tgt = folder / "deep.ru.json", folder / "app.en.json"
    depth = 1_000_000
    src.write_text('{"a": ' * depth + '"Привет"' + "}" * depth, encoding="utf-8")
    tgt.write_text('{"a": "Hello"}', encoding="utf-8")
    return [str(src), str(tgt)]


def po_million(folder: Path) -> list[str]:
    path = folder / "huge.po"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(1_000_000):
            fh.write(f'msgid "Совет {n}"\nmsgstr "Council {n}"\n\n')
    return [str(path)]


CASES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "text100m": ("a 100 MB text", text_100m),
    "docx-bomb": ("a 1 GiB DOCX (zip bomb, 4.5 MB on disk)", docx_bomb),
    "json-deep": ("JSON nested 1,000,000 levels", json_deep),
    "po-million": ("a PO file of 1,000,000 entries (42 MB)", po_million),
    "sentences-500k": ("500,000 sentences (38 MB)", sentences_500k),
    "line-1m": ("one line of 1,000,000 characters (13k sentences), checked", line_1m),
}
SLOW: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "line-10m": ("one line of 10,000,000 characters (130k sentences), checked", line_10m),
    "sentences-100k": ("100,000 sentences a side (the limit), checked", sentences_100k),
}


def run(args: list[str]) -> tuple[int, float, int, str]:
    """Exit status, wall seconds, peak RSS in MiB and the last stderr line of one process."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mtcheck", "check", *args, "--format", "json", "--output", os.devnull],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        err.seek(0)
        lines = [line for line in err.read().decode(errors="replace").splitlines() if line.strip()]
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss // 1024, lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--full", action="store_true", help="also the slow checks of accepted inputs")
    args = parser.parse_args()
    chosen = {**CASES, **SLOW} if args.full else CASES
    names = [n for n in args.cases.split(",") if n in chosen] + (list(SLOW) if args.full else [])
    print(f"{'case':<62} {'exit':>4} {'wall s':>7} {'peak MiB':>8}  last line")
    with tempfile.TemporaryDirectory(prefix="mtcheck-limits-") as tmp:
        for name in dict.fromkeys(names):
            title, make = chosen[name]
            folder = Path(tmp) / name
            folder.mkdir()
            code, wall, peak, line = run(make(folder))
            shown = line.replace(str(folder) + "/", "")
            print(f"{title:<62} {code:>4} {wall:>7.1f} {peak:>8}  {shown[:150]}", flush=True)
            for f in folder.iterdir():
                f.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
