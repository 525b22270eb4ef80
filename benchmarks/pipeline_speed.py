"""End-to-end speed and memory of the model-free pipeline (read, segment, align, all checks).

Documents of 1k, 5k and 20k sentences are built from the public data (consecutive
sentences, five to a paragraph): FLORES-200 dev+devtest ru→en and NTREX-128 ko→en, repeated
when a size needs more lines than the set has. Each run is a fresh `mtcheck check` process,
so the figures include start-up; peak RSS is the child's maximum resident set. Start-up is
timed separately as `mtcheck rules` (imports and registry, no NLP resources).

    .venv/bin/python benchmarks/pipeline_speed.py [--sizes 1000,5000,20000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
SETS = {
    "ru-en": (
        ["flores200_ru_en/flores200.dev.rus_Cyrl", "flores200_ru_en/flores200.devtest.rus_Cyrl"],
        ["flores200_ru_en/flores200.dev.eng_Latn", "flores200_ru_en/flores200.devtest.eng_Latn"],
    ),
    "ko-en": (["ntrex128_eng_rus_kor/newstest2019-ref.kor.txt"], ["ntrex128_eng_rus_kor/newstest2019-src.eng.txt"]),
}
MTCHECK = [sys.executable, "-m", "mtcheck"]


def lines(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        out += (EVAL / p).read_text(encoding="utf-8").splitlines()
    return out


def document(sentences: list[str], size: int) -> str:
    reps = size // len(sentences) + 1
    chosen = (sentences * reps)[:size]
    return "\n\n".join(" ".join(chosen[i : i + 5]) for i in range(0, size, 5)) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,5000,20000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    if not EVAL.exists():
        print(f"eval data not found at {EVAL}; nothing to measure")
        return 0
    startup = min(run_isolated([*MTCHECK, "rules"])[0] for _ in range(3))
    print(f"start-up (mtcheck rules, best of 3): {startup:.2f} s")
    print(f"{'pair':<6} {'sentences':>9} {'wall s':>7} {'sent/s':>7} {'peak MiB':>9} {'s per 1k':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for pair, (src_paths, tgt_paths) in SETS.items():
            src_lines, tgt_lines = lines(src_paths), lines(tgt_paths)
            for size in sizes:
                src = Path(tmp, f"{pair}.{size}.src.txt")
                tgt = Path(tmp, f"{pair}.{size}.en.txt")
                src.write_text(document(src_lines, size), encoding="utf-8")
                tgt.write_text(document(tgt_lines, size), encoding="utf-8")
                report = Path(tmp, "report.json")
                wall, peak = run_isolated(
                    [*MTCHECK, "check", str(src), str(tgt), "--format", "json", "-o", str(report)]
                )
                print(f"{pair:<6} {size:>9} {wall:>7.1f} {size / wall:>7.0f} {peak:>9} {wall / size * 1000:>8.2f}")
    return 0


def run_isolated(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one mtcheck process: a wrapper interpreter runs it
    and reports its only child's rusage, so earlier runs do not inflate the peak."""
    wrapper = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],capture_output=True);"
        "w=time.perf_counter()-t;"
        "print(p.returncode,w,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True)
    code, wall, peak = out.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"mtcheck failed with exit {code}")
    return float(wall), int(peak) // 1024


if __name__ == "__main__":
    sys.exit(main())
