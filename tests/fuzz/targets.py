"""Fuzz targets shared by the hypothesis tests, the kept-corpus replay and the long campaign.

Each target takes the raw bytes of one file, writes them where the reader expects a file of
its kind, and runs the reader the way ``mtcheck check`` does. The only allowed outcomes are a
result that passes the invariants below, or :class:`mtcheck.errors.MtcheckError` (which the
CLI prints as one ``mtcheck: error:`` line with exit status 2). Anything else escapes and is a
crash to fix.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mtcheck.errors import MtcheckError
from mtcheck.types import Bead, Document, Report

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
FORMATS = DATA / "formats"
CORPUS = DATA / "fuzz"
SCHEMAS = DATA / "schemas"


class InvariantError(AssertionError):
    """A result that breaks an invariant: a bug even though nothing raised."""


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise InvariantError(message)


# --- invariants ------------------------------------------------------------------------------


def check_document(doc: Document) -> None:
    """Segments and paragraphs lie inside the text, in order, without overlap, a segment's
    text is the document's text at its offsets, and the text can be written as UTF-8."""
    n = len(doc.text)
    try:
        doc.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvariantError(f"{doc.path}: the text holds what UTF-8 cannot write: {exc}") from None
    last = 0
    for i, seg in enumerate(doc.segments):
        _require(seg.id == i, f"segment {i} has id {seg.id}")
        _require(0 <= seg.span.start < seg.span.end <= n, f"segment {i} {seg.span} outside [0, {n}]")
        _require(seg.span.start >= last, f"segment {i} overlaps or precedes the one before")
        _require(seg.text == doc.text[seg.span.start : seg.span.end], f"segment {i} text differs from the document")
        _require(0 <= seg.paragraph < len(doc.paragraphs), f"segment {i} in unknown paragraph {seg.paragraph}")
        last = seg.span.end
    for p in doc.paragraphs:
        _require(0 <= p.span.start <= p.span.end <= n, f"paragraph {p.id} {p.span} outside the text")
        for s in p.segments:
            _require(0 <= s < len(doc.segments), f"paragraph {p.id} names segment {s}")


def check_alignment(alignment: tuple[Bead, ...] | list[Bead], source: Document, target: Document) -> None:
    """Every sentence id a bead names exists, and none is used twice."""
    seen: dict[str, set[int]] = {"source": set(), "target": set()}
    for bead in alignment:
        for side, ids, doc in (("source", bead.source, source), ("target", bead.target, target)):
            for i in ids:
                _require(0 <= i < len(doc.segments), f"bead names {side} segment {i} of {len(doc.segments)}")
                _require(i not in seen[side], f"{side} segment {i} in two beads")
                seen[side].add(i)
        _require(0.0 <= bead.score <= 1.0, f"bead score {bead.score}")


@cache
def _validator(name: str) -> Any:
    from jsonschema import Draft7Validator, Draft202012Validator

    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = Draft202012Validator if "2020-12" in schema.get("$schema", "") else Draft7Validator
    return cls(schema)


def _order(f: Any) -> tuple[int, int, str]:
    return (
        f.target_span.start if f.target_span else -1,
        f.source_span.start if f.source_span else -1,
        f.rule,
    )


def check_report(report: Report) -> dict[str, str]:
    """The report invariants of issue 15, and every format rendered; returns the renderings."""
    from mtcheck.report import render

    check_document(report.source)
    check_document(report.target)
    check_alignment(report.alignment, report.source, report.target)
    keys = []
    for f in report.findings:
        # Only an input problem (MT9xx, e.g. a guessed encoding) is about a whole file.
        has_span = f.source_span is not None or f.target_span is not None
        _require(has_span or f.rule.startswith("MT9"), f"{f.rule} finding without a span")
        for span, doc in ((f.source_span, report.source), (f.target_span, report.target)):
            if span is not None:
                _require(0 <= span.start <= span.end <= len(doc.text), f"{f.rule} span {span} outside {doc.path}")
        _require(0.0 <= f.confidence <= 1.0, f"{f.rule} confidence {f.confidence}")
        keys.append((f.rule, f.source_span, f.target_span))
    _require([_order(f) for f in report.findings] == sorted(_order(f) for f in report.findings), "findings unsorted")
    _require(len(set(keys)) == len(keys), "the same finding twice")
    out = {fmt: render(report, fmt) for fmt in ("text", "json", "sarif", "junit", "html")}
    for fmt, content in out.items():
        try:
            content.encode("utf-8")  # as the report file or the terminal gets it
        except UnicodeEncodeError as exc:
            raise InvariantError(f"the {fmt} report cannot be written as UTF-8: {exc}") from None
    data = json.loads(out["json"])
    errors = sorted(_validator("mtcheck-report-1.schema.json").iter_errors(data), key=str)
    _require(not errors, f"JSON report breaks its contract: {errors[:1]}")
    for item in data["findings"]:
        for side in ("source", "target"):
            span = item[side]
            if span is not None:
                text = report.source.text if side == "source" else report.target.text
                _require(text[span["start"] : span["end"]] == span["text"], f"{side} span text differs")
    sarif = json.loads(out["sarif"])
    errors = sorted(_validator("sarif-schema-2.1.0.json").iter_errors(sarif), key=str)
    _require(not errors, f"SARIF breaks the 2.1.0 schema: {errors[:1]}")
    from xml.etree import ElementTree

    ElementTree.fromstring(out["junit"])
    return out


# --- targets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str
    suffix: str
    seeds: tuple[Path, ...]
    run: Callable[[Path], object]

    def write(self, data: bytes, folder: Path) -> Path:
        path = folder / f"input{self.suffix}"
        path.write_bytes(data)
        return path

    def __call__(self, data: bytes, folder: Path) -> None:
        """Run the target on ``data``; MtcheckError is an allowed outcome, and the input
        file must be left as it was."""
        path = self.write(data, folder)
        with contextlib.suppress(MtcheckError):
            self.run(path)
        _require(path.read_bytes() == data, f"{self.name}: the input file was changed")


def _one_language(path: Path) -> Document:
    from mtcheck.documents.inputs import build, load_text
    from mtcheck.lang.detect import detect_lang

    text, encoding = load_text(path)
    try:
        lang = detect_lang(text, str(path))
    except MtcheckError:
        # Split anyway, so that every splitter meets junk: pick a language from the text.
        lang = ("ru", "ko", "en")[len(text) % 3]
    doc = build(path, lang, text, encoding)
    check_document(doc)
    return doc


def _bilingual(path: Path) -> None:
    from mtcheck.documents.inputs import load_bilingual

    paired = load_bilingual(path, None, None)
    check_document(paired.source)
    check_document(paired.target)
    check_alignment(paired.alignment, paired.source, paired.target)


def _json_pair(path: Path) -> None:
    from mtcheck.documents.inputs import load_keyed_pair

    paired = load_keyed_pair(path, FORMATS / "locales" / "en" / "app.json", None, None)
    check_document(paired.source)
    check_document(paired.target)
    check_alignment(paired.alignment, paired.source, paired.target)


def _config(path: Path) -> None:
    from mtcheck.baseline import baseline_path, parse_suppressions
    from mtcheck.config import load_config

    config = load_config(path)
    parse_suppressions(config)
    baseline_path(config, None)


def _glossary(path: Path) -> None:
    from mtcheck.glossary import _load_file, load_glossary

    _load_file.cache_clear()  # the cache keys on mtime, which a fast fuzzer repeats
    load_glossary(path)


def _baseline(path: Path) -> None:
    from mtcheck.baseline import load_baseline

    load_baseline(path)


@cache
def _kursk_report() -> Report:
    from mtcheck.pipeline import check_files

    return check_files(ROOT / "corpora/kursk-ru/source.ru.txt", ROOT / "corpora/kursk-ru/draft.en.txt")


def _review(path: Path) -> None:
    """The review file of `mtcheck review` (``<draft>.review.json``): loaded for its pair,
    exported as CSV, written back, and applied to a check's report of that pair."""
    from dataclasses import replace

    from mtcheck.review.store import export_csv, hide_dismissed, load_review, render_review

    target = path.with_name(path.name.removesuffix(".review.json"))
    source = path.parent / "source.ru.txt"
    review = load_review(source, target)
    for name, text in (("CSV export", export_csv(review)), ("review file", render_review(review))):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvariantError(f"the {name} cannot be written as UTF-8: {exc}") from None
    report = _kursk_report()
    report = replace(
        report, source=replace(report.source, path=str(source)), target=replace(report.target, path=str(target))
    )
    hide_dismissed(report)


def _seeds(*names: str) -> tuple[Path, ...]:
    return tuple(p for name in names for p in sorted(ROOT.glob(name)))


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("text", ".txt", _seeds("corpora/*/*.txt"), _one_language),
        Target("markdown", ".md", _seeds("tests/data/formats/*.md"), _one_language),
        Target("docx", ".docx", _seeds("tests/data/formats/*.docx"), _one_language),
        Target("xliff", ".xlf", _seeds("tests/data/formats/*.xlf", "tests/data/formats/malformed/*.xlf"), _bilingual),
        Target("tmx", ".tmx", _seeds("tests/data/formats/*.tmx"), _bilingual),
        Target("po", ".po", _seeds("tests/data/formats/*.po"), _bilingual),
        Target("csv", ".csv", _seeds("tests/data/formats/*.csv"), _bilingual),
        Target("tsv", ".tsv", _seeds("tests/data/formats/*.tsv"), _bilingual),
        Target("json", ".json", _seeds("tests/data/formats/locales/*/*.json"), _json_pair),
        Target("config", ".toml", _seeds("tests/data/fuzz/seeds/*.toml"), _config),
        Target("glossary-csv", ".csv", _seeds("tests/data/fuzz/seeds/glossary.csv"), _glossary),
        Target("glossary-tbx", ".tbx", _seeds("tests/data/fuzz/seeds/*.tbx"), _glossary),
        Target("baseline", ".json", _seeds("tests/data/fuzz/seeds/baseline.json"), _baseline),
        Target("review", ".en.txt.review.json", _seeds("tests/data/fuzz/seeds/*.review.json"), _review),
    )
}


def digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


# --- the whole check ---------------------------------------------------------------------------

# (the fuzzed file's role and suffix, the other file of the pair or None for one bilingual file)
_PAIRS: tuple[tuple[str, str, Path | None], ...] = (
    ("source", ".txt", ROOT / "corpora/kursk-ru/draft.en.txt"),
    ("target", ".txt", ROOT / "corpora/kursk-ru/source.ru.txt"),
    ("target", ".txt", ROOT / "corpora/kursk-ko/source.ko.txt"),
    ("source", ".md", FORMATS / "article.en.md"),
    ("target", ".docx", FORMATS / "article.ru.docx"),
    ("source", ".json", FORMATS / "locales/en/app.json"),
    ("alone", ".xlf", None),
    ("alone", ".po", None),
    ("alone", ".csv", None),
    ("alone", ".tsv", None),
    ("alone", ".tmx", None),
)
PIPELINE_SEEDS: dict[int, tuple[Path, ...]] = {
    0: (ROOT / "corpora/kursk-ru/source.ru.txt",),
    1: (ROOT / "corpora/kursk-ru/draft.en.txt",),
    2: (ROOT / "corpora/kursk-ko/draft.en.txt",),
    3: (FORMATS / "article.ru.md",),
    4: (FORMATS / "article.en.docx",),
    5: (FORMATS / "locales/ru/app.json",),
    6: TARGETS["xliff"].seeds[:2],
    7: TARGETS["po"].seeds,
    8: TARGETS["csv"].seeds,
    9: TARGETS["tsv"].seeds,
    10: TARGETS["tmx"].seeds,
}


def pipeline(kind: int, data: bytes, folder: Path) -> Report | None:
    """``mtcheck check`` on a fuzzed file (of pair ``kind``), every format rendered and the
    report invariants checked; None when the input was refused with an MtcheckError."""
    from mtcheck.pipeline import check_files

    role, suffix, other = _PAIRS[kind % len(_PAIRS)]
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    pair = (path, other) if role == "source" else (other, path) if role == "target" else (path, None)
    try:
        report = check_files(*pair)
    except MtcheckError:
        report = None
    _require(path.read_bytes() == data, "the check changed its input file")
    if report is not None:
        check_report(report)
    return report
