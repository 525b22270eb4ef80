"""After an edit: re-split the edited paragraphs, re-align them if their sentences changed, and
run the checks again on those sentence pairs only.

A whole-document run takes seconds on a long document; an editor accepting a suggestion wants
the queue back at once. The checks run on documents that hold only the region's sentences (and
read nothing else); their findings are then moved to the whole documents' offsets. Findings elsewhere keep their place
(shifted by the edit's length change). Consistency across the whole document (MT601, and a
sentence repeated far away) cannot be judged from one paragraph: those findings stay unless the
edit touched them, and the next full run re-judges them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from mtcheck.align import DEFAULT_VARIANCE, Units, align_units
from mtcheck.anchors import anchor_keys_many
from mtcheck.documents.text import split_paragraphs
from mtcheck.segment import split_sentences_many
from mtcheck.types import Bead, Document, Finding, Paragraph, Report, Segment, Span

# Checks a region: (source, target, alignment) of region-only documents → findings.
Checker = Callable[[Document, Document, tuple[Bead, ...]], Sequence[Finding]]


@dataclass(frozen=True)
class Rechecked:
    report: Report
    beads_before: range  # the alignment beads the edit replaced (indices into the old alignment)
    beads_after: range  # their replacements (indices into the new alignment)


def shift(span: Span, start: int, end: int, length: int) -> Span:
    """Where ``span`` lies after ``[start, end)`` is replaced by ``length`` characters; a span
    the edit overlaps stretches over the replacement."""
    delta = length - (end - start)
    if span.end <= start:
        return span
    if span.start >= end:
        return Span(span.start + delta, span.end + delta)
    return Span(min(span.start, start), span.end + delta if span.end > end else start + length)


def document_wide(f: Finding) -> bool:
    """Findings that compare a sentence with the rest of the document."""
    return f.rule == "MT601" or (f.rule == "MT404" and f.evidence.get("kind") == "sentence")


def edit(report: Report, start: int, end: int, new_text: str, check: Checker) -> Rechecked:
    """``report`` after its target text became ``new_text`` by replacing ``[start, end)``."""
    old = report.target
    length = len(new_text) - len(old.text) + (end - start)
    delta = length - (end - start)
    lo, hi, t_lo, t_hi, p_lo, p_hi = _region(report, start, end)
    beads = report.alignment
    s_ids = [i for b in beads[lo : hi + 1] for i in b.source]
    # The region's paragraphs, re-split.
    chars = Span(old.paragraphs[p_lo].span.start, old.paragraphs[p_hi].span.end + delta)
    p_spans = [_moved(s, chars.start) for s in split_paragraphs(new_text[chars.start : chars.end])]
    sentences = split_sentences_many(new_text, old.lang, p_spans)
    segments: list[Segment] = []
    paragraphs: list[Paragraph] = []
    for p_span, spans in zip(p_spans, sentences, strict=True):
        ids = []
        for s in spans:
            ids.append(t_lo + len(segments))
            segments.append(Segment(ids[-1], s, p_lo + len(paragraphs), s.text(new_text)))
        paragraphs.append(Paragraph(p_lo + len(paragraphs), p_span, tuple(ids)))
    dn, dp = len(segments) - (t_hi - t_lo + 1), len(paragraphs) - (p_hi - p_lo + 1)
    target = replace(
        old,
        text=new_text,
        segments=(
            *old.segments[:t_lo],
            *segments,
            *(Segment(s.id + dn, _moved(s.span, delta), s.paragraph + dp, s.text) for s in old.segments[t_hi + 1 :]),
        ),
        paragraphs=(
            *old.paragraphs[:p_lo],
            *paragraphs,
            *(
                Paragraph(p.id + dp, _moved(p.span, delta), tuple(i + dn for i in p.segments))
                for p in old.paragraphs[p_hi + 1 :]
            ),
        ),
    )
    region = beads[lo : hi + 1]
    if dn == 0 and all(b.source and b.target for b in region):
        new_region = tuple(region)  # same sentences, same pairs: a word-level edit
    else:
        new_region = _realign(report.source, target, s_ids, range(t_lo, t_lo + len(segments)))
    alignment = (
        *beads[:lo],
        *new_region,
        *(Bead(b.source, tuple(i + dn for i in b.target), b.score) for b in beads[hi + 1 :]),
    )
    s_span = report.source.span_of(tuple(s_ids)) if s_ids else None
    t_ids = list(range(t_lo, t_lo + len(segments)))
    (src_doc, s_at), (tgt_doc, t_at) = _only(report.source, s_ids), _only(target, t_ids)
    found = [
        _placed(f, s_at, t_at)
        for f in check(src_doc, tgt_doc, renumbered(new_region, s_ids, t_ids))
        if not document_wide(f)
    ]
    old_chars = Span(chars.start, chars.end - delta)
    kept = []
    for f in report.findings:
        inside = _inside(f, old_chars, s_span)
        if inside and not (document_wide(f) and not _touches(f.target_span, start, end)):
            continue
        if f.target_span is not None:
            f = replace(f, target_span=shift(f.target_span, start, end, length))
        kept.append(f)
    findings = sorted([*kept, *found], key=order)
    new_report = replace(report, target=target, alignment=tuple(alignment), findings=tuple(findings))
    return Rechecked(new_report, range(lo, hi + 1), range(lo, lo + len(new_region)))


def order(f: Finding) -> tuple[int, int, str]:
    """Document order, as the pipeline sorts findings."""
    target = f.target_span.start if f.target_span else -1
    source = f.source_span.start if f.source_span else -1
    return (target, source, f.rule)


def _moved(span: Span, delta: int) -> Span:
    return Span(span.start + delta, span.end + delta)


def _touches(span: Span | None, start: int, end: int) -> bool:
    return span is not None and span.start <= end and start <= span.end


def _inside(f: Finding, target: Span, source: Span | None) -> bool:
    if f.target_span is not None:
        return target.start <= f.target_span.start and f.target_span.end <= target.end
    return source is not None and f.source_span is not None and _touches(f.source_span, source.start, source.end)


def _region(report: Report, start: int, end: int) -> tuple[int, int, int, int, int, int]:
    """Beads, target sentences and target paragraphs an edit of ``[start, end)`` concerns:
    the paragraphs it touches, every bead with a sentence in them, and the omissions
    (beads without target) on either side; grown until beads and paragraphs agree."""
    doc, beads = report.target, report.alignment
    touched = [p.id for p in doc.paragraphs if p.span.start <= end and start <= p.span.end and p.segments]
    if not touched:  # between paragraphs: the one before (or the first)
        touched = [max([p.id for p in doc.paragraphs if p.span.end <= start and p.segments] or [0])]
    p_lo, p_hi = touched[0], touched[-1]
    while True:
        t_lo, t_hi = doc.paragraphs[p_lo].segments[0], doc.paragraphs[p_hi].segments[-1]
        hit = [i for i, b in enumerate(beads) if b.target and b.target[0] <= t_hi and b.target[-1] >= t_lo]
        lo, hi = hit[0], hit[-1]
        while lo > 0 and not beads[lo - 1].target:
            lo -= 1
        while hi + 1 < len(beads) and not beads[hi + 1].target:
            hi += 1
        ids = [i for b in beads[lo : hi + 1] for i in b.target]
        grown = doc.segments[min(ids)].paragraph, doc.segments[max(ids)].paragraph
        if grown[0] >= p_lo and grown[1] <= p_hi:
            return lo, hi, t_lo, t_hi, p_lo, p_hi
        p_lo, p_hi = min(p_lo, grown[0]), max(p_hi, grown[1])


def _realign(source: Document, target: Document, s_ids: list[int], t_ids: range) -> tuple[Bead, ...]:
    """Sentence beads for the region, with the document's length ratio."""
    src_len = sum(len(s.text) for s in source.segments)
    tgt_len = sum(len(s.text) for s in target.segments)
    ratio = tgt_len / src_len if src_len and tgt_len else 1.0
    s_texts = [source.segments[i].text for i in s_ids]
    t_texts = [target.segments[i].text for i in t_ids]
    src = Units.build(s_texts, anchor_keys_many(s_texts, source.lang))
    tgt = Units.build(t_texts, anchor_keys_many(t_texts, target.lang))
    return tuple(
        Bead(tuple(s_ids[k] for k in b.source), tuple(t_ids[k] for k in b.target), b.score)
        for b in align_units(src, tgt, None, ratio, DEFAULT_VARIANCE)
    )


def _only(doc: Document, ids: list[int]) -> tuple[Document, int]:
    """``doc`` reduced to the sentences ``ids`` (renumbered from 0): its text is theirs alone,
    so the checks read nothing else, and its offsets count from the returned one."""
    if not ids:
        return replace(doc, text="", segments=(), paragraphs=()), 0
    first, last = doc.segments[ids[0]].span.start, doc.segments[ids[-1]].span.end
    paragraphs: list[Paragraph] = []
    segments: list[Segment] = []
    for k, i in enumerate(ids):
        seg = doc.segments[i]
        if k == 0 or doc.segments[ids[k - 1]].paragraph != seg.paragraph:
            span = doc.paragraphs[seg.paragraph].span
            paragraphs.append(Paragraph(len(paragraphs), Span(max(span.start, first), min(span.end, last)), ()))
        p = paragraphs[-1]
        paragraphs[-1] = Paragraph(p.id, p.span, (*p.segments, k))
        segments.append(Segment(k, seg.span, p.id, seg.text))
    return (
        replace(
            doc,
            text=doc.text[first:last],
            segments=tuple(Segment(s.id, _moved(s.span, -first), s.paragraph, s.text) for s in segments),
            paragraphs=tuple(Paragraph(p.id, _moved(p.span, -first), p.segments) for p in paragraphs),
        ),
        first,
    )


def _placed(f: Finding, source_at: int, target_at: int) -> Finding:
    """A finding of the region documents, with the whole documents' offsets."""
    return replace(
        f,
        source_span=_moved(f.source_span, source_at) if f.source_span else None,
        target_span=_moved(f.target_span, target_at) if f.target_span else None,
    )


def renumbered(alignment: Sequence[Bead], s_ids: Sequence[int], t_ids: Sequence[int]) -> tuple[Bead, ...]:
    """Beads in document ids → beads in the ids of :func:`_only`'s documents."""
    s_map = {old: new for new, old in enumerate(s_ids)}
    t_map = {old: new for new, old in enumerate(t_ids)}
    return tuple(Bead(tuple(s_map[i] for i in b.source), tuple(t_map[i] for i in b.target), b.score) for b in alignment)
