"""MT1xx: what alignment leaves over: source text with no translation, and the reverse."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from mtcheck.align import SPLIT_MIN_LENGTH, length_ratio, text_length
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
        "sentence on purpose, the finding can be ignored. A sentence the best alignment leaves "
        "alone is reported when it stands alone on 30% or more of the alignments the aligner "
        "weighs (its posterior probability); one the best alignment joins to a neighbour, on 35% "
        "or more; below that, or below one half for a short sentence (under 60 characters of "
        "translation), the finding is info, "
        "and so it is when the leftover reads as the end "
        "of the sentence before it (a Korean quotative such as '라는 내용이었다', a Russian or "
        "English piece in lower case), which a sentence splitter cut off.",
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
        "Additions are sometimes intended, so they are warnings, not errors; info when the "
        "aligner is unsure (see MT101).",
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


# Below this posterior the aligner is far readier to pair the sentence with a neighbour than
# to leave it alone: the finding is info, not an error or warning. Not one half: a sentence
# dropped from a paragraph is often about as likely joined to the neighbour whose translation
# runs long (see mtcheck.align._SPLIT, which splits such sentences off the beads that hold
# them). A short sentence is as likely merged as alone whatever happened to it: it needs half.
# 0.3, below the share that splits a sentence off a join (0.35): with the words of a lexicon
# among the evidence, a sentence the best path already leaves alone is seldom a join: 0.3
# found 1-2% more of issue 12's planted omissions and additions, and NTREX-128 checked as whole
# documents stayed within its budget (benchmarks/RESULTS.md, stop 37).
_SURE = 0.3
_SHORT_SURE = 0.5


# A Korean sentence never opens with a quotative ending ("라는 내용이 포함되어 있었다" after a
# quote); a Russian or English one never with a lower-case word.
_KO_CONTINUATION = re.compile(r"^[\s\"'”’»)\]]*(?:이?라(?:고|는|며|면서)|(?:다|냐|자)(?:고|는|며)|고|며|면서)\s")
_LOWER_START = re.compile(r"^[\s\"'”’»)\]—–-]*[a-zа-яё]")


def _continues(text: str, lang: str) -> bool:
    """Does this segment read as the rest of the sentence before it?"""
    return bool((_KO_CONTINUATION if lang == "ko" else _LOWER_START).match(text))


def _confidence(span: Span, posterior: float) -> float:
    # Short leftovers (a dateline, a stray phrase) are often merged on purpose; long ones rarely.
    return (0.5 + 0.49 * (1.0 - math.exp(-len(span) / 60.0))) * posterior


@register_check("alignment")
def check_alignment(ctx: CheckContext) -> Iterator[Finding]:
    omitted = {i: b.confidence for b in ctx.alignment if not b.target for i in b.source}
    added = {j: b.confidence for b in ctx.alignment if not b.source for j in b.target}
    ratio = length_ratio(ctx.source, ctx.target)
    yield from _unaligned(OMISSION, omitted, ctx.source, "source", "with no translation in the target", ratio)
    yield from _unaligned(ADDITION, added, ctx.target, "target", "with no counterpart in the source")


def _unaligned(
    rule: Rule, posteriors: dict[int, float], doc: Document, side: str, what: str, ratio: float = 1.0
) -> Iterator[Finding]:
    for run in _runs(sorted(posteriors), doc):
        span = doc.span_of(tuple(run))
        assert span is not None
        n = len(run)
        posterior = min(posteriors[i] for i in run)
        # A short sentence is about as likely merged as alone whatever happened to it: only
        # the posterior of one half that always held makes it an alarm.
        short = text_length(span.text(doc.text)) * ratio < SPLIT_MIN_LENGTH
        unsure = posterior < (_SHORT_SURE if short else _SURE)
        piece = not unsure and _continues(doc.segments[run[0]].text, doc.lang)
        yield rule.finding(
            f"{n} {side} sentence{'s' if n > 1 else ''} {what}"
            + (" (the alignment is unsure: it could also belong with a neighbouring sentence)" if unsure else "")
            + (" (it reads as the end of the sentence before it, cut off by the sentence splitter)" if piece else ""),
            confidence=_confidence(span, posterior),
            source_span=span if side == "source" else None,
            target_span=span if side == "target" else None,
            evidence={f"{side}_segments": run, "alignment_confidence": posterior},
            severity=Severity.INFO if unsure or piece else None,
        )
