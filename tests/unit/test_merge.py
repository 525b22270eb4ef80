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


def _reference_merge(findings: list[Finding], bounds: tuple[set[int], set[int]]) -> list[tuple[str, int, list[str]]]:
    """The rule stated plainly: each finding, in priority order, folds into the first kept
    finding of another rule whose span overlaps, neither being whole sentences."""
    from mtcheck.merge import _priority

    def whole(f: Finding) -> bool:
        s = f.target_span
        return s is not None and s.start in bounds[0] and s.end in bounds[1] and len(s) > 0

    kept: list[Finding] = []
    also: dict[int, list[str]] = {}
    for f in sorted(findings, key=_priority):
        s = f.target_span
        host = None
        if s is not None and not whole(f):
            for i, k in enumerate(kept):
                t = k.target_span
                if t is not None and k.rule != f.rule and not whole(k) and t.start < s.end and s.start < t.end:
                    host = i
                    break
        if host is None:
            kept.append(f)
        elif f.rule not in also.setdefault(host, []):
            also[host].append(f.rule)
    return [(k.rule, k.target_span.start if k.target_span else -1, also.get(i, [])) for i, k in enumerate(kept)]


def test_merging_many_findings_matches_the_plain_rule() -> None:
    # Long documents give thousands of findings; the bucketed lookup must pick the same hosts.
    import random

    rng = random.Random(7)
    rules = ["MT201", "MT301", "MT403", "MT404", "MT205"]
    findings = []
    for _ in range(600):
        start = rng.randrange(0, len(TARGET) - 1)
        end = min(len(TARGET), start + rng.choice([0, 1, 3, 8, 40, 90]))
        findings.append(
            finding(rng.choice(rules), rng.choice(list(Severity)), Span(start, end), confidence=rng.choice([0.5, 0.9]))
        )
    findings.append(finding("MT101", Severity.ERROR, None))
    merged = merge_overlapping(findings, DOC)
    bounds = {s.span.start for s in DOC.segments}, {s.span.end for s in DOC.segments}
    got = [(k.rule, k.target_span.start if k.target_span else -1, k.evidence.get("also", [])) for k in merged]
    assert got == _reference_merge(findings, bounds)
    assert len(merged) < len(findings)
