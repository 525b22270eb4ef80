"""Alignment speed on long document pairs built from FLORES-200 dev (ru→en).

Prints, per size, the wall time, sentences per second and DP cells evaluated, to show that
the banded DP grows linearly. Reads ../shared/eval-data when present; says so and exits 0
when it is not.

    .venv/bin/python benchmarks/align_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mtcheck.align import Units, align_units
from mtcheck.anchors import anchor_keys
from mtcheck.documents.text import build_document

FLORES = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "flores200_ru_en"


def main() -> int:
    ru_file, en_file = FLORES / "flores200.dev.rus_Cyrl", FLORES / "flores200.dev.eng_Latn"
    if not ru_file.exists():
        print(f"FLORES-200 not found at {FLORES}; nothing to measure")
        return 0
    ru = ru_file.read_text(encoding="utf-8").splitlines()
    en = en_file.read_text(encoding="utf-8").splitlines()
    print(f"{'sentences':>9} {'segment s':>9} {'align s':>8} {'sent/s':>8} {'DP cells':>11} {'band':>5}")
    for size in (1000, 5000, 20000):
        reps = size // len(ru) + 1
        ru_text = "\n".join((ru * reps)[:size])
        en_text = "\n".join((en * reps)[:size])
        t0 = time.perf_counter()
        src = build_document("ru", "ru", ru_text)
        tgt = build_document("en", "en", en_text)
        s_units = Units.build([s.text for s in src.segments], [anchor_keys(s.text, "ru") for s in src.segments])
        t_units = Units.build([s.text for s in tgt.segments], [anchor_keys(s.text, "en") for s in tgt.segments])
        t1 = time.perf_counter()
        stats: dict[str, int] = {}
        align_units(s_units, t_units, stats=stats)
        t2 = time.perf_counter()
        print(
            f"{size:>9} {t1 - t0:>9.2f} {t2 - t1:>8.2f} {size / (t2 - t0):>8.0f} "
            f"{stats['cells']:>11,} {stats['band']:>5}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
