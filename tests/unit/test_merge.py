"""The pipeline's merge step: one finding per target span, the others recorded in evidence."""

from __future__ import annotations

from mtcheck.documents.text import build_document
from mtcheck.merge import merge_overlapping
from mtcheck.types import Finding, Severity, Span

TARGET = (
    "Members of the council proposed placing the monument on the territory of the "
    "‘In Internationals Kvir,’ a location that has not been previously detailed in public reports. "
    "The event was attended by 300 officials."
)
DOC = build_document("draft.en.txt", "en", TARGET)


def at(fragment: str) -> Span:
    start = TARGET.index(fragment)
    return Span(start, start + len(fragment))


def finding(rule: str, severity: Severity, span: Span | None, confidence: float = 0.8) -> Finding:
    return Finding(rule, rule.lower(), severity, confidence, f"{rule} message", target_span=span)


def test_non_word_folds_into_the_name_finding_on_the_same_span() -> None:
    name = finding("MT204", Severity.WARNING, at("In Internationals Kvir"))
    nonword = finding("MT403", Severity.INFO, at("Kvir"))
    (kept,) = merge_overlapping([nonword, name], DOC)
    assert kept.rule == "MT204"
    assert kept.target_span == at("In Internationals Kvir")
    assert kept.evidence["also"] == ["MT403"]


def test_equal_severity_keeps_the_surer_then_the_narrower() -> None:
    wide = finding("MT401", Severity.ERROR, at("Internationals Kvir"), confidence=0.9)
    narrow = finding("MT402", Severity.ERROR, at("Kvir"), confidence=0.9)
    (kept,) = merge_overlapping([wide, narrow], DOC)
    assert kept.rule == "MT402" and kept.evidence["also"] == ["MT401"]


def test_existing_evidence_is_kept_and_extended() -> None:
    name = Finding("MT204", "name", Severity.WARNING, 0.8, "m", target_span=at("Kvir"), evidence={"also": ["MT999"]})
    (kept,) = merge_overlapping([name, finding("MT403", Severity.INFO, at("Kvir"))], DOC)
    assert kept.evidence["also"] == ["MT999", "MT403"]


def test_disjoint_spans_same_rule_and_sentence_spans_stay_apart() -> None:
    sentence = DOC.segments[0].span
    findings = [
        finding("MT403", Severity.INFO, at("Kvir")),
        finding("MT301", Severity.ERROR, at("300")),
        # two problems found by one rule in one span are two problems
        finding("MT204", Severity.WARNING, at("In Internationals")),
        finding("MT204", Severity.WARNING, at("Internationals Kvir")),
        # a glossary finding on the whole sentence says nothing about the words in it
        finding("MT602", Severity.WARNING, sentence),
        finding("MT101", Severity.ERROR, None),
    ]
    kept = merge_overlapping(findings, DOC)
    assert sorted(f.rule for f in kept) == ["MT101", "MT204", "MT204", "MT301", "MT602"]
    # MT403 folded into one of the MT204s, never into the sentence-wide MT602
    assert [f.evidence.get("also") for f in kept if f.rule == "MT204"].count(["MT403"]) == 1
    assert "also" not in next(f for f in kept if f.rule == "MT602").evidence


def test_text_report_lists_the_folded_rules() -> None:
    from mtcheck.report import render
    from mtcheck.types import Report

    source = build_document("source.ru.txt", "ru", "Члены совета предложили разместить памятник на территории сквера.")
    (kept,) = merge_overlapping(
        [finding("MT204", Severity.WARNING, at("In Internationals Kvir")), finding("MT403", Severity.INFO, at("Kvir"))],
        DOC,
    )
    out = render(Report(source, DOC, (), (kept,)), "text", color=False)
    assert "MT204" in out and "    also: MT403" in out
