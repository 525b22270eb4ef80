"""The long fuzzing campaign, outside CI: coverage-guided (atheris, libFuzzer) runs of every
fuzz target, one process at a time.

    pip install -e '.[dev,fuzz]'
    python tests/fuzz/campaign.py --runs 100000 --out /tmp/fuzz-campaign
    python tests/fuzz/campaign.py --targets po,xliff --runs 20000

Each target starts from its seed files and the kept corpus (tests/data/fuzz/<target>/), and
libFuzzer mutates them, keeping what reaches new code. An input that raises anything but
MtcheckError, breaks an invariant (tests/fuzz/targets.py), runs longer than --timeout
seconds or needs more than --rss-mb of memory is a crash: libFuzzer writes it to
OUT/<target>/crash-* (or timeout-*, oom-*), and the worker restarts, up to --max-crashes per
target. Copy what is worth keeping into tests/data/fuzz/<target>/ once fixed: CI replays it.
The last line per target gives the cases run, the crashes and the time.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PIPELINE = "pipeline"


def _instrumented_imports() -> None:
    import atheris

    with atheris.instrument_imports(include=["mtcheck"]):
        import mtcheck.baseline
        import mtcheck.config
        import mtcheck.documents.docx
        import mtcheck.documents.inputs
        import mtcheck.documents.jsoni18n
        import mtcheck.documents.markdown
        import mtcheck.documents.paired
        import mtcheck.documents.po
        import mtcheck.documents.table
        import mtcheck.documents.text
        import mtcheck.documents.xliff
        import mtcheck.documents.xmlsafe
        import mtcheck.glossary
        import mtcheck.lang.detect
        import mtcheck.limits
        import mtcheck.review.store
        import mtcheck.segment  # noqa: F401


def worker(name: str, libfuzzer_args: list[str]) -> None:
    import atheris

    _instrumented_imports()
    if name == PIPELINE:
        with atheris.instrument_imports(include=["mtcheck"]):
            import mtcheck.pipeline  # noqa: F401
    from tests.fuzz.targets import TARGETS, pipeline

    shm = "/dev/shm" if Path("/dev/shm").is_dir() else None  # inputs written to memory, not disk
    folder = Path(tempfile.mkdtemp(prefix=f"mtcheck-fuzz-{name}-", dir=shm))

    def one(data: bytes) -> None:
        if name == PIPELINE:
            if data:
                pipeline(data[0], data[1:], folder)
        else:
            TARGETS[name](data, folder)

    atheris.Setup([sys.argv[0], *libfuzzer_args], one)
    atheris.Fuzz()


def _corpus(name: str, into: Path) -> None:
    from tests.fuzz.targets import CORPUS, PIPELINE_SEEDS, TARGETS

    into.mkdir(parents=True, exist_ok=True)
    if name == PIPELINE:
        for kind, seeds in PIPELINE_SEEDS.items():
            for seed in seeds:
                (into / f"{kind}-{seed.name}").write_bytes(bytes([kind]) + seed.read_bytes())
    else:
        for seed in TARGETS[name].seeds:
            shutil.copy(seed, into / seed.name)
    kept = CORPUS / name
    if kept.is_dir():
        for f in kept.iterdir():
            if f.is_file():
                shutil.copy(f, into / f"kept-{f.name}")


def campaign(names: list[str], runs: int, out: Path, timeout: int, rss_mb: int, max_crashes: int) -> list[dict]:
    results = []
    for name in names:
        target_out = out / name
        corpus = target_out / "corpus"
        _corpus(name, corpus)
        done = crashes = 0
        started = time.monotonic()
        log = target_out / "log.txt"
        while done < runs and crashes <= max_crashes:
            args = [
                f"-runs={runs - done}",
                f"-timeout={timeout}",
                f"-rss_limit_mb={rss_mb}",
                "-max_len=16384",
                f"-artifact_prefix={target_out}/",
                "-print_final_stats=1",
                str(corpus),
            ]
            with log.open("a") as fh:
                proc = subprocess.run(
                    [sys.executable, __file__, "--worker", name, "--", *args],
                    stdout=fh,
                    stderr=subprocess.STDOUT,
                    cwd=ROOT,
                    check=False,
                )
            text = log.read_text(errors="replace")
            runs_seen = [int(n) for n in re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)]
            done = sum(runs_seen)
            if proc.returncode == 0:
                break
            crashes += 1
            if not runs_seen:  # died before its statistics: count the run it died on
                done += 1
        elapsed = time.monotonic() - started
        artifacts = sorted(p.name for p in target_out.iterdir() if re.match(r"(crash|timeout|oom|leak)-", p.name))
        result = {"target": name, "cases": done, "crashes": len(artifacts), "seconds": round(elapsed, 1)}
        results.append(result)
        print(json.dumps(result), flush=True)
    return results


def main() -> None:
    if "--worker" in sys.argv:
        at = sys.argv.index("--worker")
        rest = sys.argv[at + 2 :]
        worker(sys.argv[at + 1], rest[1:] if rest[:1] == ["--"] else rest)
        return
    from tests.fuzz.targets import TARGETS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--targets", default=",".join([*TARGETS, PIPELINE]))
    parser.add_argument("--runs", type=int, default=100_000, help="cases per target")
    parser.add_argument("--pipeline-runs", type=int, default=5_000, help="cases for the whole check")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "mtcheck-fuzz-campaign")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one case may take")
    parser.add_argument("--rss-mb", type=int, default=4096)
    parser.add_argument("--max-crashes", type=int, default=5, help="per target, before moving on")
    args = parser.parse_args()
    results = []
    for name in args.targets.split(","):
        runs = args.pipeline_runs if name == PIPELINE else args.runs
        results += campaign([name], runs, args.out, args.timeout, args.rss_mb, args.max_crashes)
    cases, crashes = sum(r["cases"] for r in results), sum(r["crashes"] for r in results)
    print(f"total: {cases:,} cases, {crashes} crashes, {sum(r['seconds'] for r in results):,.0f} s")


if __name__ == "__main__":
    main()
