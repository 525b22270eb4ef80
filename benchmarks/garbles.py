"""Garbled renderings in text mtcheck has never seen: recall per error kind, and false alarms.

1. Generates a test set from FLORES-200 dev+devtest (ru→en) and NTREX-128 (ru→en, ko→en): by the
   generator's own rules (benchmarks/garblegen, which imports nothing from mtcheck) it plants
   --per-kind errors of each kind into the English side, with their spans and correct forms:
   person, place (garbled spellings), inflected (ru: an oblique case spelled out), half-translated
   (ru: Великий Новгород → "Great Novgorod"), letter-by-letter (ko: 신라 → "Sinra"), acronym
   (ДТП → "DTP", 한전 → "Hanjeon"), common-noun (вокзал → "Vokzal", 시청 → "Sicheong"), entity-swap
   (a name rendered as another of its kind). At most one error a sentence and one in four
   sentences a document; where a corpus document would hold more, copies of it (variants) take
   the rest. Where the corpora hold too few of a kind, pairs from the generator's own lists are
   substituted into both sides; the table says how many. Established abbreviations (FSB, UN) go in
   the same way as clean controls.
2. Checks every generated document as a whole, the way `mtcheck check` does (model-free, default
   configuration). An error is caught when a finding at warning or above of the names family
   (MT2xx, MT601) overlaps its English span; an entity swap is also caught by MT205 (missing name)
   at its source span. Info-only: only an info finding of MT2xx, MT601 or MT403 overlaps it.
3. Checks the clean FLORES-200 devtest ru→en (one document, sentences in order, one a paragraph),
   NTREX-128 ru→en and ko→en (a document per document id): name findings (MT201-MT207, MT601) at
   warning or above per 100 sentences.

Reads ../shared/eval-data (or $MTCHECK_EVAL_DATA) and exits 0 with a message when it is absent.
Usage: PYTHONPATH=. python benchmarks/garbles.py [--lang ru|ko] [--kinds person,acronym]
       [--limit N] [--per-kind N] [--seed N] [--out DIR] [--results FILE] [--verbose] [--check-gold]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
DEFAULT_SEED = 11
NAME_RULES = ("MT201", "MT202", "MT203", "MT204", "MT205", "MT206", "MT207", "MT601")
RESULTS_HEADING = "## Garbled renderings in unseen text (benchmarks/garbles.py)"


def _family(rule: str) -> bool:
    return rule.startswith("MT2") or rule == "MT601"


@dataclass(frozen=True)
class Found:
    """A finding reduced to what the scoring reads."""

    rule: str
    serious: bool  # warning or above
    target: tuple[int, int] | None
    source: tuple[int, int] | None
    text: str
    message: str


def _overlaps(span: tuple[int, int] | None, start: int, text: str) -> bool:
    return span is not None and span[0] < start + len(text) and start < span[1]


def check_pair_files(source: Path, draft: Path) -> list[Found]:
    """mtcheck on two files as `mtcheck check` runs them without a model and with the default configuration."""
    from mtcheck.config import Config
    from mtcheck.pipeline import check_files
    from mtcheck.types import Severity

    report = check_files(source, draft, config=Config())
    out = []
    for f in report.findings:
        t = (f.target_span.start, f.target_span.end) if f.target_span else None
        s = (f.source_span.start, f.source_span.end) if f.source_span else None
        text = (
            f.target_span.text(report.target.text)
            if f.target_span
            else (f.source_span.text(report.source.text) if f.source_span else "")
        )
        out.append(Found(f.rule, f.severity >= Severity.WARNING, t, s, text, f.message))
    return out


def caught_by(e: dict, f: Found) -> bool:
    if not f.serious or not _family(f.rule):
        return False
    if _overlaps(f.target, e["target_start"], e["target_text"]):
        return True
    return e["kind"] == "entity-swap" and f.rule == "MT205" and _overlaps(f.source, e["source_start"], e["source_text"])


def _touches(e: dict, f: Found) -> bool:
    """The finding is about this planted span (any rule, any severity)."""
    return _overlaps(f.target, e["target_start"], e["target_text"]) or (
        f.target is None and _overlaps(f.source, e["source_start"], e["source_text"])
    )


@dataclass
class Tally:
    total: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    info_only: Counter[str] = field(default_factory=Counter)
    substituted: Counter[str] = field(default_factory=Counter)
    by_rule: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    sentences: int = 0
    stray: Counter[str] = field(default_factory=Counter)  # warning+ findings on no planted span
    controls: int = 0
    controls_flagged: int = 0
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    strays: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def score_case(gold: dict, found: list[Found], sentences: int, tally: Tally, context: tuple[str, str]) -> None:
    tally.sentences += sentences
    used: set[int] = set()
    for e in gold["errors"]:
        kind = e["kind"]
        tally.total[kind] += 1
        tally.substituted[kind] += e["substituted"]
        hits = [i for i, f in enumerate(found) if caught_by(e, f)]
        used.update(i for i, f in enumerate(found) if _touches(e, f))
        if hits:
            tally.caught[kind] += 1
            tally.by_rule[kind].update({found[hits[0]].rule})
            continue
        info = [f for f in found if _touches(e, f) and (_family(f.rule) or f.rule == "MT403")]
        tally.info_only[kind] += bool(info)
        if len(tally.misses[kind]) < 400:
            got = "; ".join(f"{f.rule}{'' if f.serious else ' info'} {f.text!r}" for f in found if _touches(e, f))
            tally.misses[kind].append(
                f"{e['source_text']!r} → {e['target_text']!r} (correct {e['correct']!r}; {e['note']})"
                + (f" — only: {got}" if got else "")
                + f"\n        {_line(context[1], e['target_start'])}"
            )
    for e in gold.get("controls", []):
        tally.controls += 1
        hit = [f for f in found if f.serious and _touches(e, f)]
        used.update(i for i, f in enumerate(found) if _touches(e, f))
        tally.controls_flagged += bool(hit)
        if hit:
            tally.misses["control flagged"].append(f"{hit[0].rule} on {e['target_text']!r} ({e['source_text']!r})")
    planted = [re.compile(rf"(?<![A-Za-z]){re.escape(e['target_text'])}(?![A-Za-z])") for e in gold["errors"]]
    for i, f in enumerate(found):
        # MT601 on the correct spelling names the planted one it disagrees with: about the error, not a false alarm.
        if f.rule == "MT601" and any(p.search(f.message) for p in planted):
            used.add(i)
    for i, f in enumerate(found):
        if f.serious and i not in used:
            tally.stray[f.rule] += 1
            if len(tally.strays[f.rule]) < 400:
                at = f.target[0] if f.target else None
                where = _line(context[1], at) if at is not None else _line(context[0], f.source[0]) if f.source else ""
                tally.strays[f.rule].append(f"{f.text!r}: {f.message}\n        {where}")


def _line(text: str, pos: int) -> str:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return text[lo : hi if hi >= 0 else len(text)]


def _paths(folder: Path, lang: str) -> tuple[Path, Path]:
    return folder / f"source.{lang}.txt", folder / "draft.en.txt"


def _progress(items: list, label: str) -> Iterator:
    from rich.console import Console
    from rich.progress import track

    return track(items, description=label, console=Console(stderr=True), transient=True)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_generated(lang: str, cases: list, folder: Path) -> Tally:
    from benchmarks.garblegen.generate import write_cases

    write_cases(cases, folder)
    tally = Tally()
    for case in _progress(cases, f"checking {len(cases)} generated {lang} documents"):
        src, draft = _paths(folder / case.id, lang)
        gold = json.loads((folder / case.id / "gold.json").read_text(encoding="utf-8"))
        score_case(gold, check_pair_files(src, draft), case.sentences, tally, (case.source, case.draft))
    return tally


@dataclass
class Clean:
    name: str
    sentences: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    info: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def run_clean(name: str, lang: str, docs: list, folder: Path) -> Clean:
    from benchmarks.garblegen.corpora import document_text

    out = Clean(name)
    for d in _progress(docs, f"checking {name}"):
        src_text, _ = document_text([s.src for s in d.sentences])
        eng_text, _ = document_text([s.eng for s in d.sentences])
        case = folder / d.id
        case.mkdir(parents=True, exist_ok=True)
        src, draft = _paths(case, lang)
        src.write_text(src_text, encoding="utf-8")
        draft.write_text(eng_text, encoding="utf-8")
        out.sentences += len(d.sentences)
        for f in check_pair_files(src, draft):
            if f.rule not in NAME_RULES:
                continue
            (out.by_rule if f.serious else out.info)[f.rule] += 1
            if f.serious and len(out.examples) < 400:
                at = f.target[0] if f.target else f.source[0] if f.source else 0
                out.examples.append(
                    f"{f.rule} {f.text!r}: {f.message}\n        {_line(eng_text if f.target else src_text, at)}"
                )
    return out


def _rate(n: int, sentences: int) -> str:
    return f"{100 * n / max(1, sentences):.2f}"


def table(lang: str, kinds: tuple[str, ...], tally: Tally, per_kind: int) -> list[str]:
    out = [
        f"{lang}→en: {sum(tally.total.values())} planted errors in {tally.sentences:,} sentences",
        f"  {'kind':<18}{'planted':>8}{'subst.':>8}{'caught':>8}{'recall':>8}{'info only':>11}   caught by",
    ]
    for kind in kinds:
        n = tally.total[kind]
        rules = ", ".join(f"{r} {c}" for r, c in tally.by_rule[kind].most_common()) or "-"
        recall = f"{tally.caught[kind] / n:.2f}" if n else "-"
        cells = f"{n:>8}{tally.substituted[kind]:>8}{tally.caught[kind]:>8}{recall:>8}{tally.info_only[kind]:>11}"
        out.append(f"  {kind:<18}{cells}   {rules}")
    total, caught = sum(tally.total.values()), sum(tally.caught.values())
    out.append(f"  {'all':<18}{total:>8}{sum(tally.substituted.values()):>8}{caught:>8}{caught / max(1, total):>8.2f}")
    stray = sum(tally.stray.values())
    rules = ", ".join(f"{r} {_rate(c, tally.sentences)}" for r, c in sorted(tally.stray.items())) or "none"
    out.append(
        f"  findings at warning+ on no planted error: {_rate(stray, tally.sentences)} per 100 sentences ({rules})"
    )
    out.append(f"  clean controls (established abbreviations) flagged: {tally.controls_flagged}/{tally.controls}")
    short = [k for k in kinds if tally.total[k] < per_kind]
    if short:
        out.append(f"  (the corpora and lists hold fewer than {per_kind} of: {', '.join(short)})")
    return out


def clean_table(results: list[Clean]) -> list[str]:
    out = [
        "Clean human translations, checked as whole documents: name findings (MT201-MT207, MT601) per 100 sentences",
        f"  {'corpus':<34}{'lines':>6}{'warning+':>10}   by rule   | info",
    ]
    for c in results:
        rules = ", ".join(f"{r} {_rate(n, c.sentences)}" for r, n in sorted(c.by_rule.items())) or "none"
        info = ", ".join(f"{r} {_rate(n, c.sentences)}" for r, n in sorted(c.info.items())) or "none"
        out.append(
            f"  {c.name:<34}{c.sentences:>6}{_rate(sum(c.by_rule.values()), c.sentences):>10}   {rules}   | {info}"
        )
    return out


def _examples(title: str, items: list[str], n: int, seed: int) -> list[str]:
    """A few of the items at random; the variants repeat documents, so duplicates go first."""
    import random

    items = sorted(set(items))
    if not items:
        return []
    pick = random.Random(seed).sample(items, min(n, len(items)))
    return [f"  {title}:", *(f"    {x}" for x in pick)]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--seed", type=int, default=DEFAULT_SEED, help=f"generator seed (default {DEFAULT_SEED})")
    add("--lang", choices=("ru", "ko"), help="one source language only (default both)")
    add("--kinds", help="comma-separated error kinds (default all of the language's)")
    add("--per-kind", type=int, default=300, help="errors planted per kind and language (default 300)")
    add("--limit", type=int, help="quick run: about N sentences of each corpus, N lines of each clean set")
    add("--out", type=Path, help="write the generated documents and gold.json here (dev-articles layout)")
    add("--results", type=Path, help="replace this benchmark's section of a Markdown file (RESULTS.md)")
    add("--verbose", action="store_true", help="print examples of misses and false alarms")
    add("--check-gold", action="store_true", help="generate, verify the gold spans, and stop")
    add("--no-clean", action="store_true", help="skip the clean-document false-alarm sets")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing measured")
        return 0
    import importlib.util

    from benchmarks.garblegen import corpora
    from benchmarks.garblegen.generate import check_gold, generate, write_cases
    from benchmarks.garblegen.plant import KINDS

    langs = (args.lang,) if args.lang else ("ru", "ko")
    if "ko" in langs and importlib.util.find_spec("ko_pron") is None:
        print("garbles.py needs ko-pron for Korean: pip install -e '.[bench]' (or --lang ru)", file=sys.stderr)
        return 2
    wanted = tuple(k.strip() for k in args.kinds.split(",")) if args.kinds else None
    known = sorted({k for ks in KINDS.values() for k in ks})
    unknown = sorted(set(wanted or ()) - set(known))
    if unknown:
        parser.error(f"unknown kind(s): {', '.join(unknown)}; known: {', '.join(known)}")
    started = time.perf_counter()
    limit = f"; --limit {args.limit}" if args.limit else ""
    tables = [f"Seed {args.seed}; {args.per_kind} errors asked per kind and language{limit}", ""]
    examples: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mtcheck-garbles-") as tmp:
        work = args.out or Path(tmp) / "generated"
        for lang in langs:
            kinds = tuple(k for k in KINDS[lang] if wanted is None or k in wanted)
            if not kinds:
                continue
            _say(f"{lang}: generating")
            t0 = time.perf_counter()
            cases = generate(lang, corpora.corpus(DATA, lang, args.limit), args.seed, args.per_kind, kinds, _say)
            problems = check_gold(cases)
            if problems:
                print("\n".join(["gold check FAILED:", *problems[:50]]))
                return 1
            _say(f"  generated in {time.perf_counter() - t0:.0f}s; gold spans checked")
            if args.check_gold:
                planted = Counter(e["kind"] for c in cases for e in c.errors)
                tables.append(f"{lang}: {len(cases)} documents, planted {dict(planted)}")
                if args.out:
                    write_cases(cases, args.out)
                continue
            t0 = time.perf_counter()
            tally = run_generated(lang, cases, work)
            _say(f"  checked in {time.perf_counter() - t0:.0f}s")
            tables += [*table(lang, kinds, tally, args.per_kind), ""]
            examples += [f"{lang}→en examples:"]
            for kind in (*kinds, "control flagged"):
                examples += _examples(f"missed {kind}" if kind in kinds else kind, tally.misses[kind], 6, args.seed)
            for rule in sorted(tally.strays):
                examples += _examples(f"{rule} on no planted error", tally.strays[rule], 4, args.seed)
        if args.check_gold:
            print(
                "\n".join(
                    [*tables, "gold check passed: every span at its offsets, every error unlike its correct form"]
                )
            )
            return 0
        if not args.no_clean and wanted is None:
            clean, clean_examples = clean_sets(langs, args.limit, Path(tmp) / "clean", args.seed)
            tables += clean
            examples += clean_examples
    tables.append(f"Runtime: {time.perf_counter() - started:.0f}s")
    if args.results:
        from benchmarks.results import run_header, write_section

        command = "PYTHONPATH=. python benchmarks/garbles.py " + " ".join(argv if argv is not None else sys.argv[1:])
        body = run_header(command.strip()) + "\n```\n" + "\n".join(tables) + "\n```\n"
        write_section(args.results, RESULTS_HEADING, body)
    print("\n".join([*tables, *(["", *examples] if args.verbose else [])]))
    return 0


def clean_sets(langs: tuple[str, ...], limit: int | None, folder: Path, seed: int) -> tuple[list[str], list[str]]:
    """(the table, examples) of name findings on the clean documents."""
    from benchmarks.garblegen import corpora

    sets = []
    if "ru" in langs:
        flores = corpora.flores(DATA, "devtest", chunk=limit or 10**6)[:1]
        sets.append(("FLORES-200 devtest ru→en (1 doc)", "ru", flores))
    for lang in ("ru", "ko"):
        if lang in langs:
            docs = corpora.first_sentences(corpora.ntrex(DATA, lang), limit)
            sets.append((f"NTREX-128 {lang}→en ({len(docs)} docs)", lang, docs))
    results = []
    for name, lang, docs in sets:
        t0 = time.perf_counter()
        results.append(run_clean(name, lang, docs, folder / name.split(" ")[0] / lang))
        _say(f"  {name} checked in {time.perf_counter() - t0:.0f}s")
    examples = []
    for c in results:
        examples += _examples(f"{c.name}: name findings at warning+", c.examples, 8, seed)
    return [*clean_table(results), ""], examples


if __name__ == "__main__":
    sys.exit(main())
