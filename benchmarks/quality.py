"""Quality of the model-free checks on public data, in one table.

* DEMETR ru→en: for every perturbation, how many perturbed translations are flagged (at
  warning or above, and counting info findings too), how many at the changed span, and how
  many of the 100 clean translations are flagged.
* FLORES-200 dev and devtest ru→en and NTREX-128 ko→en / ru→en (human translations, so
  every finding is a false alarm): findings per 100 sentences, by rule, measured two ways:
  - as whole documents, the way a translator checks an article: the set's sentences in
    order in one document pair, one sentence a paragraph and five a paragraph (NTREX
    paragraphs never straddle two of its news documents), through the same pipeline as
    `mtcheck check` (reading, splitting, alignment, every check, merging); every rule
    family counts here, alignment (MT1xx) included;
  - line by line (each sentence pair a one-sentence document), the earlier figure, which
    leaves out what alignment and the document context add; --families applies here.
  Below each document table: the top causes of each rule (the flagged words, most frequent
  first), and the name rules (MT2xx, MT601) apart from the rest.
* The bundled Kursk corpora: the findings at warning or above, which should be exactly the
  expected name findings.

--families picks the rule families of the line-by-line figures and DEMETR (default: every
model-free family with sentence-level findings: MT2, MT3, MT4, MT6). Reads ../shared/eval-data
(next to the repository, or $MTCHECK_EVAL_DATA) and exits 0 with a message when it is absent.
MT602 needs a user glossary, which none of these sets has. --results FILE also writes the
table there, headed with the date, machine and commit (benchmarks/RESULTS.md keeps the last run,
in its own section).
Usage: PYTHONPATH=. python benchmarks/quality.py [--families MT3,MT4] [--show RULE] [--limit N]
       [--only documents|lines|demetr|kursk ...] [--sets flores-dev,ntrex-ko ...] [--causes N]
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
from typing import Any

from benchmarks.lexicons import HeldOut
from mtcheck.align import align_documents
from mtcheck.checks.registry import CheckContext, all_checks
from mtcheck.documents.text import build_document
from mtcheck.merge import merge_overlapping
from mtcheck.types import Finding, Severity, Span

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


@dataclass(frozen=True)
class Corpus:
    """A line-aligned set of human translations: every finding on it is a false alarm."""

    key: str
    name: str
    source: Path
    lang: str
    target: Path
    # Document id of each line, where the set has them: paragraphs never straddle two documents.
    doc_ids: Path | None = None

    def pairs(self, limit: int | None) -> list[tuple[str, str]]:
        return list(zip(_lines(self.source), _lines(self.target), strict=True))[:limit]

    def documents(self, limit: int | None) -> list[str] | None:
        return _lines(self.doc_ids)[:limit] if self.doc_ids else None


def corpora() -> list[Corpus]:
    flores, ntrex = DATA / "flores200_ru_en", DATA / "ntrex128_eng_rus_kor"
    eng, ids = ntrex / "newstest2019-src.eng.txt", ntrex / "DOCUMENT_IDS.tsv"
    return [
        Corpus(
            "flores-dev",
            "FLORES-200 dev ru→en",
            flores / "flores200.dev.rus_Cyrl",
            "ru",
            flores / "flores200.dev.eng_Latn",
        ),
        Corpus(
            "flores-devtest",
            "FLORES-200 devtest ru→en",
            flores / "flores200.devtest.rus_Cyrl",
            "ru",
            flores / "flores200.devtest.eng_Latn",
        ),
        Corpus("ntrex-ru", "NTREX-128 ru→en", ntrex / "newstest2019-ref.rus.txt", "ru", eng, ids),
        Corpus("ntrex-ko", "NTREX-128 ko→en", ntrex / "newstest2019-ref.kor.txt", "ko", eng, ids),
    ]


def _per100(counts: Counter[str], n: int) -> str:
    return ", ".join(f"{r} {c * 100 / n:.2f}" for r, c in sorted(counts.items())) or "none"


def false_alarms(corpus: Corpus, show: str | None, limit: int | None, families: tuple[str, ...]) -> list[str]:
    pairs = corpus.pairs(limit)
    by_rule: Counter[str] = Counter()
    info: Counter[str] = Counter()
    for s, e in pairs:
        found = check_pair(s, corpus.lang, e, families)
        for f in found:
            (by_rule if f.severity >= Severity.WARNING else info)[f.rule] += 1
        _show(show, found, s, e)
    total = sum(by_rule.values()) * 100 / len(pairs)
    return [
        f"  {corpus.name:<26}{len(pairs):>6}{total:>8.2f}   {_per100(by_rule, len(pairs))}"
        f"   | info: {_per100(info, len(pairs))}"
    ]


def paragraphs(lines: list[str], per_paragraph: int, documents: list[str] | None = None) -> str:
    """The lines as one document text: ``per_paragraph`` sentences a paragraph (joined by a
    space), paragraphs separated by a blank line; a new document id starts a new paragraph."""
    groups: list[list[str]] = []
    for i, line in enumerate(lines):
        new_doc = documents is not None and i > 0 and documents[i] != documents[i - 1]
        if not groups or len(groups[-1]) >= per_paragraph or new_doc:
            groups.append([])
        groups[-1].append(" ".join(line.split()))
    return "\n\n".join(" ".join(g) for g in groups) + "\n"


@dataclass(frozen=True)
class DocumentRun:
    """What one whole-document check of a corpus found."""

    sentences: int
    findings: tuple[Finding, ...]
    source_text: str
    target_text: str
    seconds: float

    def serious(self) -> list[Finding]:
        return _serious(list(self.findings))

    def flagged_text(self, f: Finding) -> str:
        if f.target_span:
            return f.target_span.text(self.target_text)
        return f.source_span.text(self.source_text) if f.source_span else ""


def check_document(corpus: Corpus, per_paragraph: int, limit: int | None) -> DocumentRun:
    """The corpus as one document pair through the pipeline `mtcheck check` runs. NTREX-128
    Korean taught the Korean lexicon mtcheck ships: each of its sentences is aligned with the
    words of a lexicon learned without its article instead (benchmarks/lexicons.py). FLORES-200
    dev, which taught the Russian lexicon, is checked without one."""
    import time

    from mtcheck.pipeline import check_documents

    pairs = corpus.pairs(limit)
    documents = corpus.documents(limit)
    src_text = paragraphs([s for s, _ in pairs], per_paragraph, documents)
    tgt_text = paragraphs([e for _, e in pairs], per_paragraph, documents)
    lexicon: Any = "bundled"
    if corpus.key == "ntrex-ko":
        lexicon = HeldOut("ko")
    elif corpus.key == "flores-dev":
        lexicon = None
    started = time.perf_counter()
    src = build_document(f"{corpus.key}.{corpus.lang}.txt", corpus.lang, src_text)
    tgt = build_document(f"{corpus.key}.en.txt", "en", tgt_text)
    report = check_documents(src, tgt, lexicon=lexicon)
    return DocumentRun(len(pairs), report.findings, src_text, tgt_text, time.perf_counter() - started)


def is_name_rule(rule: str) -> bool:
    return rule.startswith("MT2") or rule == "MT601"


def document_table(runs: dict[tuple[str, int], tuple[Corpus, DocumentRun]]) -> list[str]:
    out = [
        f"  {'corpus':<26}{'layout':>8}{'sents':>7}{'per 100':>9}{'names':>7}{'others':>8}{'secs':>6}"
        "   by rule (names: MT2xx, MT601)   | info findings per 100"
    ]
    for (_, per), (corpus, run) in runs.items():
        serious = Counter(f.rule for f in run.serious())
        info = Counter(f.rule for f in run.findings if f.severity < Severity.WARNING)
        n = run.sentences
        names = sum(c for r, c in serious.items() if is_name_rule(r)) * 100 / n
        others = sum(c for r, c in serious.items() if not is_name_rule(r)) * 100 / n
        out.append(
            f"  {corpus.name:<26}{f'{per}/par':>8}{n:>7}{names + others:>9.2f}{names:>7.2f}{others:>8.2f}"
            f"{run.seconds:>6.0f}   {_per100(serious, n)}   | info: {_per100(info, n)}"
        )
    return out


def top_causes(runs: dict[tuple[str, int], tuple[Corpus, DocumentRun]], top: int) -> list[str]:
    """Per corpus and rule, the flagged words at warning or above, most frequent first, with
    one message to say why (the first of that text), across both paragraph layouts."""
    out: list[str] = []
    by_corpus: dict[str, list[DocumentRun]] = {}
    names: dict[str, str] = {}
    for (key, _), (corpus, run) in runs.items():
        by_corpus.setdefault(key, []).append(run)
        names[key] = corpus.name
    for key, corpus_runs in by_corpus.items():
        texts: dict[str, Counter[str]] = {}
        why: dict[tuple[str, str], str] = {}
        for run in corpus_runs:
            for f in run.serious():
                text = " ".join(run.flagged_text(f).split())[:60]
                texts.setdefault(f.rule, Counter())[text] += 1
                why.setdefault((f.rule, text), f.message)
        if not texts:
            continue
        layouts = len(corpus_runs)
        out.append(f"  {names[key]} (counts summed over {layouts} layout{'s' if layouts > 1 else ''})")
        for rule in sorted(texts):
            counted = texts[rule]
            out.append(f"    {rule} ({sum(counted.values())}):")
            for text, c in counted.most_common(top):
                out.append(f"      {c:>3}× {text!r}: {why[(rule, text)][:110]}")
            if len(counted) > top:
                out.append(f"      … {len(counted) - top} more")
    return out


def _show(rule: str | None, found: list[Finding], source: str, target: str, whole: bool = False) -> None:
    """Print the findings of ``rule``; with ``whole``, ``source`` and ``target`` are whole
    documents and the paragraphs around each finding are printed instead."""
    for f in found:
        if not (rule and f.rule == rule):
            continue
        span = f.target_span.text(target) if f.target_span else "-"
        src, tgt = source, target
        if whole:
            src = _around(source, f.source_span)
            tgt = _around(target, f.target_span)
        print(f"[{f.rule} {f.severity.label}] {span!r}: {f.message}\n    {src}\n    {tgt}", file=sys.stderr)


def _around(text: str, span: Span | None) -> str:
    """The paragraph holding ``span`` (or "-")."""
    if span is None:
        return "-"
    start = text.rfind("\n\n", 0, span.start) + 2 if "\n\n" in text[: span.start] else 0
    end = text.find("\n\n", span.end)
    return " ".join(text[start : end if end >= 0 else len(text)].split())


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


PARTS = ("documents", "lines", "demetr", "kursk")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", default=",".join(DEFAULT_FAMILIES), help="rule code prefixes, e.g. MT3,MT4")
    parser.add_argument("--show", help="print every finding of this rule (to stderr)")
    parser.add_argument("--limit", type=int, help="only the first N lines of FLORES/NTREX")
    parser.add_argument("--results", type=Path, help="also write the table to this Markdown file")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS), help="which measurements to run")
    parser.add_argument("--sets", help="comma-separated corpus keys (flores-dev, flores-devtest, ntrex-ru, ntrex-ko)")
    parser.add_argument("--layouts", default="1,5", help="sentences per paragraph of the document runs")
    parser.add_argument("--causes", type=int, default=6, help="top causes listed per rule")
    args = parser.parse_args(argv)
    families = tuple(f.strip() for f in args.families.split(",") if f.strip())
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing measured")
        return 0
    sets = [c for c in corpora() if not args.sets or c.key in args.sets.split(",")]
    out: list[str] = []
    if "documents" in args.only:
        runs: dict[tuple[str, int], tuple[Corpus, DocumentRun]] = {}
        for corpus in sets:
            for per in (int(x) for x in args.layouts.split(",")):
                run = check_document(corpus, per, args.limit)
                _show(args.show, list(run.findings), run.source_text, run.target_text, whole=True)
                runs[(corpus.key, per)] = (corpus, run)
        out += [
            "False alarms on human translations checked as whole documents (every rule; findings at warning",
            "or above per 100 sentences; `names` = MT2xx and MT601, `others` = the rest)",
        ]
        out += document_table(runs)
        out += ["", "Top causes (flagged text at warning or above, whole documents)"]
        out += top_causes(runs, args.causes)
        out.append("")
    if "lines" in args.only:
        out += [
            f"False alarms on human translations checked line by line ({', '.join(families)}; findings at warning "
            "or above per 100 sentences)",
            f"  {'corpus':<26}{'lines':>6}{'per 100':>8}   by rule   | info findings per 100",
        ]
        for corpus in sets:
            out += false_alarms(corpus, args.show, args.limit, families)
        out.append("")
    if "demetr" in args.only:
        out += [f"DEMETR: rule families {', '.join(families)}"]
        out += demetr(DATA / "demetr_ru_en", args.show, families)
    if "kursk" in args.only:
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
