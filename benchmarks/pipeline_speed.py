"""End-to-end speed and memory of the model-free pipeline (read, segment, align, all checks).

Documents of 1k, 5k and 20k sentences are built from the public data (consecutive
sentences, five to a paragraph): FLORES-200 dev+devtest ru→en and NTREX-128 ko→en, repeated
when a size needs more lines than the set has (each set has about 2,000 sentences, so the
20k documents say each sentence ten times; caches keyed by sentence make repeats cheaper).
Each run is a fresh `mtcheck check` process, so the figures include start-up; peak RSS is
the child's maximum resident set. "marginal" is the rate between the two largest sizes,
start-up excluded. The three slowest stages come from MTCHECK_TIMINGS=1.

Start-up is timed as `mtcheck rules` (imports and registry, no NLP resources) and as a full
check of the bundled Kursk article (19 sentences), which loads every resource a check needs.

    .venv/bin/python benchmarks/pipeline_speed.py [--sizes 1000,5000,20000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
KURSK = Path(__file__).resolve().parents[1] / "corpora"
SETS = {
    "ru-en": (
        ["flores200_ru_en/flores200.dev.rus_Cyrl", "flores200_ru_en/flores200.devtest.rus_Cyrl"],
        ["flores200_ru_en/flores200.dev.eng_Latn", "flores200_ru_en/flores200.devtest.eng_Latn"],
    ),
    "ko-en": (["ntrex128_eng_rus_kor/newstest2019-ref.kor.txt"], ["ntrex128_eng_rus_kor/newstest2019-src.eng.txt"]),
}
MTCHECK = [sys.executable, "-m", "mtcheck"]
ENV_TIMINGS = "MTCHECK_TIMINGS"


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
    with tempfile.TemporaryDirectory() as tmp:
        report = str(Path(tmp, "report.json"))
        startup = min(run_isolated([*MTCHECK, "rules"])[0] for _ in range(3))
        print(f"start-up, mtcheck rules (best of 3): {startup:.2f} s")
        for lang in ("ru", "ko"):
            kursk = [str(KURSK / f"kursk-{lang}" / f"source.{lang}.txt"), str(KURSK / f"kursk-{lang}" / "draft.en.txt")]
            wall = min(run_isolated([*MTCHECK, "check", *kursk, "--format", "json", "-o", report])[0] for _ in range(3))
            print(f"start-up, check of the Kursk article {lang}-en, 19 sentences (best of 3): {wall:.2f} s")
        if not EVAL.exists():
            print(f"eval data not found at {EVAL}; no documents to measure")
            return 0
        print(
            f"{'pair':<6} {'sentences':>9} {'wall s':>7} {'sent/s':>7} {'marginal':>8} {'peak MiB':>9}"
            "  slowest stages (s)"
        )
        for pair, (src_paths, tgt_paths) in SETS.items():
            src_lines, tgt_lines = lines(src_paths), lines(tgt_paths)
            previous: tuple[int, float] | None = None
            for size in sizes:
                src = Path(tmp, f"{pair}.{size}.src.txt")
                tgt = Path(tmp, f"{pair}.{size}.en.txt")
                src.write_text(document(src_lines, size), encoding="utf-8")
                tgt.write_text(document(tgt_lines, size), encoding="utf-8")
                wall, peak, stages = run_isolated(
                    [*MTCHECK, "check", str(src), str(tgt), "--format", "json", "-o", report]
                )
                marginal = f"{(size - previous[0]) / (wall - previous[1]):>8.0f}" if previous else f"{'':>8}"
                slowest = ", ".join(f"{name} {secs:.1f}" for name, secs in stages[:3])
                print(f"{pair:<6} {size:>9} {wall:>7.1f} {size / wall:>7.0f} {marginal} {peak:>9}  {slowest}")
                previous = (size, wall)
    return 0


def run_isolated(args: list[str]) -> tuple[float, int, list[tuple[str, float]]]:
    """Wall seconds, peak RSS (MiB) and the stages by time of one mtcheck process: a wrapper
    interpreter runs it and reports its only child's rusage, so earlier runs do not inflate
    the peak."""
    wrapper = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE,text=True);"
        "w=time.perf_counter()-t;"
        "print(p.returncode,w,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);print(p.stderr)"
    )
    env = {**os.environ, ENV_TIMINGS: "1"}
    out = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True, env=env)
    first, _, stderr = out.stdout.partition("\n")
    code, wall, peak = first.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"mtcheck failed with exit {code}: {stderr.strip()[-500:]}")
    stages = [(m.group(2), float(m.group(1))) for m in _STAGE.finditer(stderr)]
    return float(wall), int(peak) // 1024, stages


# "mtcheck: time     7.18 s  69.2%  checking: names", printed slowest first.
_STAGE = re.compile(r"^mtcheck: time\s+([\d.]+) s\s+[\d.]+%\s+(?:checking: )?(.+)$", re.MULTILINE)


if __name__ == "__main__":
    sys.exit(main())
