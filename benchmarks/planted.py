"""Recall on the generated set of issue 12 (benchmarks/plant_errors.py) and false
omissions/additions on the same documents left clean.

For each language pair (ru→en, ko→en) and each kind of planted error (a dropped sentence, an
added sentence, a unit or period swapped without converting the figure), every case is one
document pair checked through the pipeline `mtcheck check` runs. A case is caught when a
finding at warning or above overlaps the planted span (in the source for an omission, in the
translation otherwise), and caught "by its rule" when that finding is MT101, MT102 or MT303
respectively. Korean documents are checked with a lexicon learned without them
(benchmarks/lexicons.py). False omissions/additions: MT101 and MT102 findings at warning or above per 100
source lines, on the clean documents (the 123 NTREX-128 documents in the same paragraphs).

Reads ../shared/eval-data (or $MTCHECK_EVAL_DATA); exits 0 with a message when it is absent.
Usage: PYTHONPATH=. python benchmarks/planted.py [--per-kind N] [--pairs ru,ko] [--misses KIND]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.lexicons import held_out
from benchmarks.plant_errors import PER_KIND, SEED, Case, clean_documents, generate
from mtcheck.documents.text import build_document
from mtcheck.pipeline import check_documents
from mtcheck.types import Finding, Severity

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
RULE_OF = {"omission": "MT101", "addition": "MT102", "unit": "MT303"}
INDELS = ("MT101", "MT102")


def findings(lang: str, source: str, target: str, doc_id: str) -> list[Finding]:
    report = check_documents(
        build_document("source", lang, source),
        build_document("target", "en", target),
        lexicon=held_out(lang, doc_id, DATA),
    )
    return [f for f in report.findings if f.severity >= Severity.WARNING]


def _overlaps(f: Finding, case: Case) -> bool:
    span = f.source_span if case.side == "source" else f.target_span
    return span is not None and span.start < case.end and case.start < span.end


def evaluate(cases: list[Case], lang: str, misses: str | None) -> list[str]:
    caught: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for case in cases:
        found = findings(lang, case.source, case.target, case.document)
        hits = [f for f in found if _overlaps(f, case)]
        total[case.kind] += 1
        caught[case.kind] += bool(hits)
        by_rule[case.kind] += any(f.rule == RULE_OF[case.kind] for f in hits)
        if misses == case.kind and not any(f.rule == RULE_OF[case.kind] for f in hits):
            side = case.source if case.side == "source" else case.target
            print(f"missed {case.id}: {side[case.start : case.end]!r} ({case.note})", file=sys.stderr)
    out = []
    for kind in ("omission", "addition", "unit"):
        n = total[kind]
        if n:
            out.append(
                f"  {lang}→en {kind:<9}{n:>6}{caught[kind] / n:>9.3f}{by_rule[kind] / n:>10.3f}   ({RULE_OF[kind]})"
            )
    return out


def clean(lang: str) -> tuple[int, Counter[str]]:
    lines, counts = 0, Counter[str]()
    for doc_id, source, target, n in clean_documents(DATA, lang):
        lines += n
        counts.update(f.rule for f in findings(lang, source, target, doc_id) if f.rule in INDELS)
    return lines, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=PER_KIND)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--pairs", default="ru,ko")
    parser.add_argument("--kinds", default="omission,addition,unit")
    parser.add_argument("--misses", help="print the cases of this kind that its rule missed (to stderr)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing measured")
        return 0
    out = [
        f"Generated set (seed {args.seed}, from NTREX-128 documents): recall at warning or above",
        f"  {'pair':<6}{'kind':<10}{'cases':>6}{'any rule':>9}{'its rule':>10}",
    ]
    clean_rows = []
    for lang in args.pairs.split(","):
        started = time.perf_counter()
        cases = [c for c in generate(DATA, lang, args.seed, args.per_kind) if c.kind in args.kinds.split(",")]
        out += evaluate(cases, lang, args.misses)
        lines, counts = clean(lang)
        rate = ", ".join(f"{r} {counts[r] * 100 / lines:.2f}" for r in INDELS)
        clean_rows.append(
            f"  {lang}→en: {lines} lines, {sum(counts.values()) * 100 / lines:.2f} per 100 ({rate})"
            f"   [{time.perf_counter() - started:.0f} s]"
        )
    out += ["", "False omissions/additions on the clean documents (MT101 + MT102 at warning or above per 100 lines)"]
    out += clean_rows
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
