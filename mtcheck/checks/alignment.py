"""MT1xx: what alignment leaves over: source text with no translation, and the reverse."""

from __future__ import annotations

import math
from collections.abc import Iterator

from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.types import Document, Finding, Severity, Span

OMISSION = register_rule(
    Rule(
        "MT101",
        "omission",
        "Source text has no translation in the target",
        Severity.ERROR,
        "Sentence alignment found source sentences that no target sentence translates. "
        "Consecutive unaligned sentences of one paragraph are reported together. Check that "
        "the content was not dropped; if the translation merged it into a neighbouring "
        "sentence on purpose, the finding can be ignored.",
    )
)
ADDITION = register_rule(
    Rule(
        "MT102",
        "addition",
        "Target text has no counterpart in the source",
        Severity.WARNING,
        "Sentence alignment found target sentences that translate no source sentence: text "
        "the translator added (commentary, duplicated content, a paragraph from elsewhere). "
        "Additions are sometimes intended, so they are warnings, not errors.",
    )
)


def _runs(ids: list[int], doc: Document) -> list[list[int]]:
    """Group consecutive sentence ids of the same paragraph."""
    runs: list[list[int]] = []
    for i in ids:
        if runs and runs[-1][-1] == i - 1 and doc.segments[i - 1].paragraph == doc.segments[i].paragraph:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _confidence(span: Span) -> float:
    # Short leftovers (a dateline, a stray phrase) are often merged on purpose; long ones rarely.
    return 0.5 + 0.49 * (1.0 - math.exp(-len(span) / 60.0))


@register_check("alignment")
def check_alignment(ctx: CheckContext) -> Iterator[Finding]:
    omitted = sorted(i for b in ctx.alignment if not b.target for i in b.source)
    added = sorted(j for b in ctx.alignment if not b.source for j in b.target)
    yield from _unaligned(OMISSION, omitted, ctx.source, "source", "with no translation in the target")
    yield from _unaligned(ADDITION, added, ctx.target, "target", "with no counterpart in the source")


def _unaligned(rule: Rule, ids: list[int], doc: Document, side: str, what: str) -> Iterator[Finding]:
    for run in _runs(ids, doc):
        span = doc.span_of(tuple(run))
        assert span is not None
        n = len(run)
        yield rule.finding(
            f"{n} {side} sentence{'s' if n > 1 else ''} {what}",
            confidence=_confidence(span),
            source_span=span if side == "source" else None,
            target_span=span if side == "target" else None,
            evidence={f"{side}_segments": run},
        )
