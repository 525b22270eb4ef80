"""Quality of the model-free checks on public data, in one table.

* DEMETR ru→en: for every perturbation, how many perturbed translations are flagged (at
  warning or above, and counting info findings too), how many at the changed span, and how
  many of the 100 clean translations are flagged.
* FLORES-200 dev ru→en and NTREX-128 ko→en / ru→en (human translations, so every finding is
  a false alarm): findings per 100 sentences, by rule.
* The bundled Kursk corpora: the findings at warning or above, which should be exactly the
  expected name findings.

Each sentence pair is checked as a one-sentence document, the way `mtcheck check` would;
--families picks the rule families (default: every model-free family with sentence-level
findings: MT2, MT3, MT4, MT6). Reads ../shared/eval-data (next to the repository, or
$MTCHECK_EVAL_DATA) and exits 0 with a message when it is absent. MT602 needs a user
glossary, which none of these sets has. --results FILE also writes the table there, headed
with the date, machine and commit (benchmarks/RESULTS.md keeps the last run, in its own section).
Usage: PYTHONPATH=. python benchmarks/quality.py [--families MT3,MT4] [--show RULE] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mtcheck.align import align_documents
from mtcheck.checks.registry import CheckContext, all_checks
from mtcheck.documents.text import build_document
from mtcheck.merge import merge_overlapping
from mtcheck.types import Finding, Severity

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
DEFAULT_FAMILIES = ("MT2", "MT3", "MT4", "MT6")


@dataclass(frozen=True)
class Item:
    id: int
    category: str
    source: str
    clean: str
    perturbed: str
    changed: tuple[int, int] | None  # span of the perturbation in `perturbed`, when known


def check_pair(source: str, lang: str, target: str, families: tuple[str, ...] = DEFAULT_FAMILIES) -> list[Finding]:
    """The findings of these families for one sentence pair, overlaps merged as in the pipeline."""
    src = build_document("source", lang, source)
    tgt = build_document("target", "en", target)
    ctx = CheckContext(src, tgt, tuple(align_documents(src, tgt)))
    found = [f for _, check in all_checks() for f in check(ctx) if f.rule.startswith(families)]
    return merge_overlapping(found, tgt)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def demetr_items(folder: Path) -> Iterator[Item]:
    """Every applied perturbation (pert_check true); category names and changed spans come
    from the derived accuracy table where it has them, else the DEMETR perturbation name."""
    derived: dict[tuple[int, str], dict[str, str]] = {}
    with (folder / "demetr_ru_en_accuracy.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            derived[(int(row["id"]), row["pert_name"])] = row
    for line in _lines(folder / "demetr_ru_en.jsonl"):
        r = json.loads(line)
        if not r["pert_check"]:
            continue
        row = derived.get((r["id"], r["pert_name"]))
        changed = None
        if row and row["diff_pert_start"]:
            changed = (int(row["diff_pert_start"]), int(row["diff_pert_end"]))
        category = row["category"] if row else r["pert_name"].split("_", 2)[2]
        yield Item(r["id"], category, r["src_sent"], r["mt_sent"], r["pert_sent"], changed)


def _serious(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.severity >= Severity.WARNING]


def demetr(folder: Path, show: str | None, families: tuple[str, ...]) -> list[str]:
    items = list(demetr_items(folder))
    total, caught, with_info, at_span = Counter(), Counter(), Counter(), Counter()
    for it in items:
        found = check_pair(it.source, "ru", it.perturbed, families)
        total[it.category] += 1
        caught[it.category] += bool(_serious(found))
        with_info[it.category] += bool(found)
        if it.changed:
            lo, hi = it.changed
            at_span[it.category] += any(
                f.target_span and f.target_span.start < hi and f.target_span.end > lo for f in _serious(found)
            )
        _show(show, found, it.source, it.perturbed)
    clean = {it.id: it for it in items}
    clean_found = {i: check_pair(it.source, "ru", it.clean, families) for i, it in clean.items()}
    for i, found in clean_found.items():
        _show(show, found, clean[i].source, clean[i].clean)
    flagged = sum(bool(_serious(f)) for f in clean_found.values())
    flagged_info = sum(bool(f) for f in clean_found.values())
    out = [
        f"DEMETR ru→en ({len(items)} perturbed items, {len(clean)} clean translations)",
        f"  {'category':<26}{'items':>6}{'caught':>8}{'%':>6}{'at span':>9}{'incl. info':>12}",
    ]
    for cat in sorted(total, key=lambda c: (-caught[c] / total[c], c)):
        n = total[cat]
        span = str(at_span[cat]) if any(it.changed for it in items if it.category == cat) else "-"
        out.append(f"  {cat:<26}{n:>6}{caught[cat]:>8}{100 * caught[cat] / n:>6.0f}{span:>9}{with_info[cat]:>12}")
    out.append(
        f"  {'clean translations flagged':<26}{len(clean):>6}{flagged:>8}{100 * flagged / len(clean):>6.0f}"
        f"{'':>9}{flagged_info:>12}"
    )
    return out


def false_alarms(
    name: str, src: Path, lang: str, eng: Path, show: str | None, limit: int | None, families: tuple[str, ...]
) -> list[str]:
    pairs = list(zip(_lines(src), _lines(eng), strict=True))[:limit]
    by_rule: Counter[str] = Counter()
    info: Counter[str] = Counter()
    for s, e in pairs:
        found = check_pair(s, lang, e, families)
        for f in found:
            (by_rule if f.severity >= Severity.WARNING else info)[f.rule] += 1
        _show(show, found, s, e)
    per100 = 100 / len(pairs)
    rules = ", ".join(f"{r} {n * per100:.2f}" for r, n in sorted(by_rule.items())) or "none"
    infos = ", ".join(f"{r} {n * per100:.2f}" for r, n in sorted(info.items())) or "none"
    total = sum(by_rule.values()) * per100
    return [f"  {name:<22}{len(pairs):>6}{total:>8.2f}   {rules}   | info: {infos}"]


def _show(rule: str | None, found: list[Finding], source: str, target: str) -> None:
    for f in found:
        if rule and f.rule == rule:
            span = f.target_span.text(target) if f.target_span else "-"
            print(f"[{f.rule} {f.severity.label}] {span!r}: {f.message}\n    {source}\n    {target}", file=sys.stderr)


def kursk() -> list[str]:
    """Findings at warning or above on the bundled corpora, whole-document pipeline."""
    from mtcheck.pipeline import check_files

    out = ["", "Bundled Kursk corpora (whole-document pipeline, findings at warning or above)"]
    for name in ("kursk-ru", "kursk-ko"):
        folder = ROOT / "corpora" / name
        report = check_files(next(folder.glob("source.*.txt")), folder / "draft.en.txt")
        serious = _serious(list(report.findings))
        out.append(f"  {name}: {len(serious)} finding(s)")
        for f in serious:
            span = f.target_span.text(report.target.text) if f.target_span else "-"
            out.append(f"    {f.rule} {f.name:<28} {span!r} → {f.suggestion or '-'}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", default=",".join(DEFAULT_FAMILIES), help="rule code prefixes, e.g. MT3,MT4")
    parser.add_argument("--show", help="print every finding of this rule (to stderr)")
    parser.add_argument("--limit", type=int, help="only the first N lines of FLORES/NTREX")
    parser.add_argument("--results", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    families = tuple(f.strip() for f in args.families.split(",") if f.strip())
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing measured")
        return 0
    flores, ntrex = DATA / "flores200_ru_en", DATA / "ntrex128_eng_rus_kor"
    eng = ntrex / "newstest2019-src.eng.txt"
    out = [f"Rule families: {', '.join(families)}", ""]
    out += demetr(DATA / "demetr_ru_en", args.show, families)
    out += ["", "False alarms on human translations (findings at warning or above per 100 sentences)"]
    out.append(f"  {'corpus':<22}{'lines':>6}{'per 100':>8}   by rule   | info findings per 100")
    for name, src, lang, tgt in (
        ("FLORES-200 dev ru→en", flores / "flores200.dev.rus_Cyrl", "ru", flores / "flores200.dev.eng_Latn"),
        ("NTREX-128 ko→en", ntrex / "newstest2019-ref.kor.txt", "ko", eng),
        ("NTREX-128 ru→en", ntrex / "newstest2019-ref.rus.txt", "ru", eng),
    ):
        out += false_alarms(name, src, lang, tgt, args.show, args.limit, families)
    out += kursk()
    print("\n".join(out))
    if args.results:
        write_results(args.results, out)
    return 0


def write_results(path: Path, table: list[str]) -> None:
    """Replace this benchmark's section of the file; the other benchmarks' sections stay."""
    from benchmarks.results import run_header, write_section

    head = run_header("PYTHONPATH=. python benchmarks/quality.py --results benchmarks/RESULTS.md")
    write_section(path, "# Quality benchmark results", head + "\n```\n" + "\n".join(table) + "\n```\n")


if __name__ == "__main__":
    sys.exit(main())
