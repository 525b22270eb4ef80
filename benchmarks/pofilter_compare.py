"""mtcheck's formal checks beside Translate Toolkit's pofilter, on one large PO file.

The PO file is built from the public data: FLORES-200 dev+devtest ru→en and NTREX-128
ru→en (professional translations, taken as clean) plus DEMETR ru→en items: the clean MT of
each source and its `number` and `untranslated_codemix` perturbations (known errors). Both
tools read the same file; the script prints their wall time and, for number findings, which
entries each flags, with examples where they disagree. For DEMETR entries the truth is
known; for FLORES/NTREX a flag is most likely a false alarm (but read the examples).

    .venv/bin/python benchmarks/pofilter_compare.py      # needs translate-toolkit (pofilter)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
NUMBER_RULES = {"MT301", "MT302", "MT303"}


@dataclass(frozen=True)
class Entry:
    key: str
    source: str
    target: str
    truth: str  # "clean", "number", "codemix"


def entries() -> list[Entry]:
    out: list[Entry] = []
    pairs = [
        ("flores200_ru_en/flores200.dev.rus_Cyrl", "flores200_ru_en/flores200.dev.eng_Latn", "flores-dev"),
        ("flores200_ru_en/flores200.devtest.rus_Cyrl", "flores200_ru_en/flores200.devtest.eng_Latn", "flores-test"),
        ("ntrex128_eng_rus_kor/newstest2019-ref.rus.txt", "ntrex128_eng_rus_kor/newstest2019-src.eng.txt", "ntrex"),
    ]
    for src, tgt, name in pairs:
        s_lines = (EVAL / src).read_text(encoding="utf-8").splitlines()
        t_lines = (EVAL / tgt).read_text(encoding="utf-8").splitlines()
        out += [Entry(f"{name}-{i}", s, t, "clean") for i, (s, t) in enumerate(zip(s_lines, t_lines, strict=True))]
    seen: set[str] = set()
    for line in (EVAL / "demetr_ru_en" / "demetr_ru_en.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] not in seen:
            seen.add(item["id"])
            out.append(Entry(f"demetr-{item['id']}-clean", item["src_sent"], item["mt_sent"], "clean"))
        kind = {"number": "number", "codemix": "codemix"}.get(_category(item["pert_name"]))
        if kind and item.get("pert_check"):
            out.append(Entry(f"demetr-{item['id']}-{kind}", item["src_sent"], item["pert_sent"], kind))
    return out


def _category(pert_name: str) -> str:
    if "codemix" in pert_name:
        return "codemix"
    return "number" if "number" in pert_name or "_num" in pert_name else ""


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def write_po(items: list[Entry], path: Path) -> list[tuple[int, int, str]]:
    """Write the PO file; return (start, end, key) of each msgstr line in the file's text."""
    parts = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n']
    spans: list[tuple[int, int, str]] = []
    pos = len(parts[0])
    for e in items:
        head = f"#. {e.key}\nmsgctxt {_po_string(e.key)}\nmsgid {_po_string(e.source)}\nmsgstr "
        body = _po_string(e.target) + "\n\n"
        spans.append((pos + len(head), pos + len(head) + len(body), e.key))
        parts += [head, body]
        pos += len(head) + len(body)
    path.write_text("".join(parts), encoding="utf-8")
    return spans


def run_pofilter(po: Path, out: Path) -> tuple[float, dict[str, set[str]]]:
    t0 = time.perf_counter()
    subprocess.run(["pofilter", "--progress=none", "-i", str(po), "-o", str(out)], check=True, capture_output=True)
    wall = time.perf_counter() - t0
    flagged: dict[str, set[str]] = {}
    for block in out.read_text(encoding="utf-8").split("\n\n"):
        key = re.search(r'^msgctxt "(.*)"$', block, re.M)
        if key:
            for test in re.findall(r"^# \(pofilter\) (\w+):", block, re.M):
                flagged.setdefault(test, set()).add(key.group(1))
    return wall, flagged


def run_mtcheck(po: Path, spans: list[tuple[int, int, str]]) -> tuple[float, dict[str, set[str]]] | None:
    report = po.with_suffix(".json")
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", str(po), "--format", "json", "-o", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        print(f"mtcheck could not read the PO file: {proc.stderr.strip()}")
        return None
    starts = [s for s, _, _ in spans]
    flagged: dict[str, set[str]] = {}
    import bisect

    for f in json.loads(report.read_text(encoding="utf-8"))["findings"]:
        if not f["target"]:
            continue
        i = bisect.bisect_right(starts, f["target"]["start"]) - 1
        if i >= 0 and f["target"]["start"] < spans[i][1]:
            flagged.setdefault(f["rule"], set()).add(spans[i][2])
    return wall, flagged


def main() -> int:
    if not EVAL.exists():
        print(f"eval data not found at {EVAL}; nothing to measure")
        return 0
    if shutil.which("pofilter") is None:
        print("pofilter not found: pip install translate-toolkit")
        return 0
    items = entries()
    truth = {e.key: e.truth for e in items}
    by_key = {e.key: e for e in items}
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp, "corpus.po")
        spans = write_po(items, po)
        print(f"PO file: {len(items)} entries ({sum(t != 'clean' for t in truth.values())} with a known error)")
        pf_wall, pf = run_pofilter(po, Path(tmp, "pofilter.po"))
        mt = run_mtcheck(po, spans)
    if mt is None:
        return 0
    mt_wall, mt_flags = mt
    print(f"{'tool':<10} {'wall s':>7} {'entries flagged (any check)':>28}")
    print(f"{'pofilter':<10} {pf_wall:>7.1f} {len(set().union(*pf.values())):>28}")
    print(f"{'mtcheck':<10} {mt_wall:>7.1f} {len(set().union(*mt_flags.values())) if mt_flags else 0:>28}")
    pf_num = pf.get("numbers", set())
    mt_num = set().union(*(mt_flags.get(r, set()) for r in NUMBER_RULES))
    print("\nnumber findings (pofilter numbers vs mtcheck MT301 number, MT302 date, MT303 amount):")
    print(f"{'':<28} {'pofilter':>9} {'mtcheck':>8}")
    errors = {k for k, t in truth.items() if t == "number"}
    clean = {k for k, t in truth.items() if t == "clean"}
    print(
        f"{'DEMETR number errors caught':<28} {len(pf_num & errors):>6}/{len(errors)} "
        f"{len(mt_num & errors):>5}/{len(errors)}"
    )
    print(f"{'clean entries flagged':<28} {len(pf_num & clean):>9} {len(mt_num & clean):>8}")
    print(f"{'flagged by both':<28} {len(pf_num & mt_num):>9}")
    for title, keys in (("only pofilter", pf_num - mt_num), ("only mtcheck", mt_num - pf_num)):
        print(f"\n{title}: {len(keys)} entries; examples:")
        for key in sorted(keys)[:4]:
            e = by_key[key]
            print(f"  [{truth[key]}] {key}\n    ru: {e.source[:150]}\n    en: {e.target[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
