"""One finding per target span: overlapping findings from different rules are folded together.

Two checks often see the same damage from different angles (a garbled name is both a wrong
name and a non-word). Reporting it twice doubles the reader's work, so the most severe and
most specific finding is kept and the codes of the others go into its ``evidence["also"]``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from mtcheck.types import Document, Finding, Span


def _priority(f: Finding) -> tuple[int, float, int, str]:
    # Most severe first; among equals the surer one, then the narrower span (more specific).
    width = len(f.target_span) if f.target_span else 0
    return (-int(f.severity), -f.confidence, width, f.rule)


def merge_overlapping(findings: list[Finding], target: Document) -> list[Finding]:
    """Fold findings whose target spans overlap into the highest-priority one among them.

    Not folded: findings without a target span; findings of the same rule (a check already
    reports each problem once, so two of its findings are two problems); and findings whose
    span is whole sentences (a glossary or omission finding on a sentence says nothing about
    the words inside it).
    """
    bounds = {s.span.start for s in target.segments}, {s.span.end for s in target.segments}
    kept: list[Finding] = []
    also: dict[int, list[str]] = {}
    # Kept findings that can host others, by the buckets of text their spans touch: the host
    # is the first kept finding that overlaps, found among a few neighbours instead of a scan
    # of everything kept so far (thousands of findings on long documents).
    buckets: dict[int, list[int]] = defaultdict(list)
    for f in sorted(findings, key=_priority):
        # Whole-sentence findings neither fold into others nor host them.
        span = f.target_span if not _whole_sentences(f, bounds) else None
        host = None
        if span is not None:
            candidates = sorted({i for b in _buckets(span) for i in buckets.get(b, ())})
            host = next(
                (
                    i
                    for i in candidates
                    if kept[i].rule != f.rule
                    and (k_span := kept[i].target_span) is not None
                    and k_span.start < span.end
                    and span.start < k_span.end
                ),
                None,
            )
        if host is None:
            if span is not None:
                for b in _buckets(span):
                    buckets[b].append(len(kept))
            kept.append(f)
        elif f.rule not in also.setdefault(host, []):
            also[host].append(f.rule)
    out = []
    for i, k in enumerate(kept):
        if i in also:
            merged = [*k.evidence.get("also", []), *also[i]]
            k = replace(k, evidence={**k.evidence, "also": merged})
        out.append(k)
    return out


_BUCKET = 64


def _buckets(span: Span) -> range:
    return range(span.start // _BUCKET, max(span.end - 1, span.start) // _BUCKET + 1)


def _whole_sentences(f: Finding, bounds: tuple[set[int], set[int]]) -> bool:
    span = f.target_span
    return span is not None and span.start in bounds[0] and span.end in bounds[1] and len(span) > 0
