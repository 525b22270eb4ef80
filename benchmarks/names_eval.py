"""False-alarm and catch rates of the MT2xx name checks on public parallel data.

Each line pair is one bead. Reads ../shared/eval-data (relative to the repository root, or
$MTCHECK_EVAL_DATA); prints what it measured and exits 0 when the data is absent.
Usage: PYTHONPATH=. python benchmarks/names_eval.py [--show N] [--limit N]
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from pathlib import Path

from mtcheck.checks.names import _extract, _rule
from mtcheck.namematch import NameIssue, match
from mtcheck.types import Severity

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
JOBS = int(os.environ.get("MTCHECK_JOBS", "2"))


def _lines(path: Path, limit: int) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[:limit]


def issues(src: str, lang: str, eng: str) -> list[NameIssue]:
    return match(_extract(src, lang), src, lang, eng)[1]


def _issues(args: tuple[str, str, str]) -> list[NameIssue]:
    return issues(*args)


def _all_issues(triples: list[tuple[str, str, str]]) -> list[list[NameIssue]]:
    """Both cores: NER and matching take a fraction of a second per sentence."""
    with multiprocessing.get_context("fork").Pool(JOBS) as pool:
        return pool.map(_issues, triples, chunksize=16)


def serious(found: list[NameIssue]) -> list[NameIssue]:
    return [i for i in found if not i.weak and _rule(i).severity >= Severity.WARNING]


def _describe(i: NameIssue, eng: str) -> str:
    s = i.source.text if i.source else "-"
    t = eng[i.target[0] : i.target[1]] if i.target else "-"
    return f"{_rule(i).code} {i.kind} {s!r} -> {t!r} (suggest {i.suggestion!r})"


def _false_alarms(name: str, src: Path, lang: str, eng: Path, show: int, limit: int) -> None:
    pairs = list(zip(_lines(src, limit), _lines(eng, limit), strict=True))
    t0 = time.perf_counter()
    n_findings = lines = 0
    by_kind: Counter[str] = Counter()
    for (s, e), all_found in zip(pairs, _all_issues([(s, lang, e) for s, e in pairs]), strict=True):
        found = serious(all_found)
        n_findings += len(found)
        lines += bool(found)
        by_kind.update(f"{_rule(i).code} {i.kind}" for i in found)
        if found and show > 0:
            show -= 1
            for i in found:
                print(f"    {_describe(i, e)}")
            print(f"      {s}\n      {e}")
    n = len(pairs)
    print(
        f"{name}: {n_findings} name findings at warning or above in {n} sentence pairs "
        f"({100 * n_findings / n:.2f} per 100; {lines} lines flagged) in {time.perf_counter() - t0:.0f}s; "
        f"by rule: {dict(by_kind.most_common())}"
    )


def _demetr(folder: Path, show: int) -> None:
    with (folder / "demetr_ru_en_accuracy.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for category in ("named_entity_replaced", "named_entity_removed"):
        items = [r for r in rows if r["category"] == category]
        caught = at_span = 0
        results = _all_issues([(r["src_ru"], "ru", r["mt_en_perturbed"]) for r in items])
        for r, all_found in zip(items, results, strict=True):
            found = serious(all_found)
            caught += bool(found)
            lo, hi = int(r["diff_pert_start"] or 0), int(r["diff_pert_end"] or 0)
            at_span += any(i.target and i.target[0] < hi and i.target[1] > lo for i in found)
            if not found and show > 0:
                show -= 1
                print(f"    missed {category}: {r['src_ru']}\n      {r['mt_en_perturbed']}")
        print(f"demetr ru-en {category}: caught {caught}/{len(items)} ({at_span} with a finding at the changed span)")
    clean: dict[str, str] = {}
    src: dict[str, str] = {}
    with (folder / "demetr_ru_en.jsonl").open(encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            clean[item["id"]] = item["mt_sent"]
            src[item["id"]] = item["src_sent"]
    any_finding = warned = 0
    for found in _all_issues([(src[k], "ru", mt) for k, mt in clean.items()]):
        any_finding += bool(found)
        warned += bool(serious(found))
    print(f"demetr ru-en clean mt_sent: {any_finding}/{len(clean)} get a name finding ({warned} at warning or above)")


def main() -> int:
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**9
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing measured")
        return 0
    flores = DATA / "flores200_ru_en"
    ntrex = DATA / "ntrex128_eng_rus_kor"
    eng = ntrex / "newstest2019-src.eng.txt"
    _false_alarms(
        "flores200 dev ru-en", flores / "flores200.dev.rus_Cyrl", "ru", flores / "flores200.dev.eng_Latn", show, limit
    )
    _false_alarms("ntrex128 ko-en", ntrex / "newstest2019-ref.kor.txt", "ko", eng, show, limit)
    _false_alarms("ntrex128 ru-en", ntrex / "newstest2019-ref.rus.txt", "ru", eng, show, limit)
    _demetr(DATA / "demetr_ru_en", show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
