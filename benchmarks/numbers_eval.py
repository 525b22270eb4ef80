"""False-alarm and catch rates of the MT301/MT302 comparison on public parallel data.

Each line pair is one bead. Reads ../shared/eval-data (relative to the repository root, or
$MTCHECK_EVAL_DATA); prints what it measured and exits 0 when the data is absent.
Usage: PYTHONPATH=. python benchmarks/numbers_eval.py [--show N]
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

from mtcheck.checks.numbers import compare

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _false_alarms(name: str, src: Path, lang: str, eng: Path, show: int) -> None:
    pairs = list(zip(_lines(src), _lines(eng), strict=True))
    flagged = 0
    for s, e in pairs:
        found = compare(s, lang, e)
        if found:
            flagged += 1
            if show > 0:
                show -= 1
                for m in found:
                    st = s[m.source.start : m.source.end] if m.source else "-"
                    tt = e[m.target.start : m.target.end] if m.target else "-"
                    print(f"    {m.rule.code} {st!r} -> {tt!r}")
                print(f"      {s}\n      {e}")
    print(f"{name}: {flagged}/{len(pairs)} lines flagged ({100 * flagged / len(pairs):.2f} per 100)")


def _demetr(path: Path) -> None:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    numbers = [r for r in rows if r["category"] == "number"]
    caught = at_span = 0
    for r in numbers:
        found = compare(r["src_ru"], "ru", r["mt_en_perturbed"])
        caught += bool(found)
        lo, hi = int(r["diff_pert_start"]), int(r["diff_pert_end"])
        at_span += any(m.target and m.target.start < hi and m.target.end > lo for m in found)
    clean = {r["id"]: r for r in rows}
    flagged = sum(bool(compare(r["src_ru"], "ru", r["mt_en_clean"])) for r in clean.values())
    print(f"demetr ru-en: number perturbations caught {caught}/{len(numbers)} ({at_span} at the changed span)")
    print(f"demetr ru-en: clean mt_sent flagged {flagged}/{len(clean)}")


def main() -> int:
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing measured")
        return 0
    flores = DATA / "flores200_ru_en"
    ntrex = DATA / "ntrex128_eng_rus_kor"
    _false_alarms(
        "flores200 dev ru-en", flores / "flores200.dev.rus_Cyrl", "ru", flores / "flores200.dev.eng_Latn", show
    )
    eng = ntrex / "newstest2019-src.eng.txt"
    _false_alarms("ntrex128 ko-en", ntrex / "newstest2019-ref.kor.txt", "ko", eng, show)
    _false_alarms("ntrex128 ru-en", ntrex / "newstest2019-ref.rus.txt", "ru", eng, show)
    _demetr(DATA / "demetr_ru_en" / "demetr_ru_en_accuracy.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
