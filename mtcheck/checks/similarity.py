"""MT5xx: translation-model similarity, from a forward and a back translation.

For each aligned pair the source is machine-translated into the target language (forward)
and the draft back into the source language (back). Two chrF scores and a word-level
comparison result: the draft words the forward translation does not support, the forward
words the draft lacks, the source words the back-translation lost, and the back-translation
words the source lacks. A pair is reported only when both directions say it diverges; one
direction alone disagrees too often with a free but faithful translation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.types import Bead, Document, Finding, Severity, Span

LOW_SIMILARITY = register_rule(
    Rule(
        "MT501",
        "low-similarity",
        "The translation diverges from what a model makes of the source",
        Severity.WARNING,
        "Each aligned pair is translated by a model both ways: the source into the draft's "
        "language (forward) and the draft back into the source language. chrF compares the "
        "forward translation with the draft and the back-translation with the source. When both "
        "comparisons say the pair diverges (a low score, or a run of several content words one "
        "side has and the other lacks), the finding points at the draft words the forward "
        "translation does not support and the source words the back-translation lost. Needs "
        "translation models: `mtcheck models pull` (see `mtcheck models list`).",
    )
)

# chrF (0-100) below which a direction says the pair diverges. Faithful sentence pairs
# translated by opus-mt models score 45-75 against a human draft; a rewritten or
# half-dropped sentence falls under 40.
CHRF_THRESHOLD = 40.0
# A run of this many consecutive content words present on one side only is a changed or
# dropped phrase, not a synonym (which costs one word).
RUN_THRESHOLD = 3

_WORD = re.compile(r"\w+", re.UNICODE)
_STOPWORDS = {
    "en": set(
        "a an the of in on at to for from by with and or but as is are was were be been being has have had "
        "it its this that these those he she they his her their them we our you your i not no which who "
        "whom whose what when where while than then there here also into over after before about".split()
    ),
    "ru": set(
        "и в во на с со по к ко о об от из за для что как это а но его её ее их не ни же ли бы был была "
        "были было быть он она они мы вы я то этот эта эти того том при до после также уже или у над под".split()
    ),
    "ko": set("및 등 것 수 이 그 저 더 또 또한 또는 그리고 하지만 있다 있는 했다 한다 하는 위한 대한".split()),
}


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PairScore:
    """Both directions' verdict on one aligned pair, with the words behind it."""

    chrf_forward: float
    chrf_back: float
    unsupported: tuple[Word, ...]  # draft words the forward translation does not support
    missing: tuple[Word, ...]  # forward-translation words the draft lacks
    lost: tuple[Word, ...]  # source words the back-translation lost
    added: tuple[Word, ...]  # back-translation words the source lacks
    missing_run: int  # longest run of forward-translation words the draft lacks
    forward_diverges: bool
    back_diverges: bool

    @property
    def diverges(self) -> bool:
        return self.forward_diverges and self.back_diverges


def words(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]


def _hangul(word: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in word)


def same_word(a: str, b: str) -> bool:
    """Equal up to inflection: Russian case endings, Korean particles, English plurals."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short = min(len(a), len(b))
    cp = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        cp += 1
    if _hangul(a):
        # A Hangul syllable is a whole CV(C) unit: two of them carry a stem.
        return cp >= 2 and cp >= 0.5 * short
    return (cp >= 4 and cp >= 0.6 * short) or (cp == short and short >= 3)


def _content(ws: Sequence[Word], lang: str) -> list[Word]:
    stop = _STOPWORDS.get(lang, set())
    return [w for w in ws if (len(w.text) > 1 and w.text.lower() not in stop) or w.text.isdigit()]


def _unmatched(ws: Sequence[Word], others: Sequence[Word]) -> list[bool]:
    """Which of ``ws`` find no counterpart in ``others``. Matching is one-to-one and prefers
    the counterpart at the nearest relative position: "North Korean" said twice in one
    sentence and once in the other leaves one of the two unsupported."""
    used = [False] * len(others)
    out = []
    for i, w in enumerate(ws):
        pos = i / max(1, len(ws) - 1)
        best, best_dist = -1, 2.0
        for j, o in enumerate(others):
            if not used[j] and same_word(w.text, o.text):
                dist = abs(pos - j / max(1, len(others) - 1))
                if dist < best_dist:
                    best, best_dist = j, dist
        if best >= 0:
            used[best] = True
        out.append(best < 0)
    return out


def _longest_run(flags: Sequence[bool]) -> tuple[int, int]:
    """(start, length) of the longest run of True; (0, 0) when there is none."""
    best, start, length = (0, 0), 0, 0
    for i, flag in enumerate(flags):
        if flag:
            if length == 0:
                start = i
            length += 1
            if length > best[1]:
                best = (start, length)
        else:
            length = 0
    return best


def _chrf(hypothesis: str, reference: str) -> float:
    return float(_metric().sentence_score(hypothesis, [reference]).score)


@functools.cache
def _metric() -> Any:
    # sacrebleu is part of the [translate] extra; this runs only when translations exist.
    from sacrebleu.metrics import CHRF

    return CHRF()


def score_pair(
    source: Sequence[Word],
    target: Sequence[Word],
    source_text: str,
    target_text: str,
    forward: str,
    back: str,
    source_lang: str,
    target_lang: str,
) -> PairScore:
    """Compare a pair with its forward translation (vs the draft) and back-translation (vs
    the source). ``source``/``target`` are the pair's words with document offsets."""
    src_c = _content(source, source_lang)
    tgt_c = _content(target, target_lang)
    fwd_c = _content(words(forward), target_lang)
    back_c = _content(words(back), source_lang)
    unsupported = _unmatched(tgt_c, fwd_c)
    missing = _unmatched(fwd_c, tgt_c)
    lost = _unmatched(src_c, back_c)
    added = _unmatched(back_c, src_c)
    chrf_f = _chrf(forward, target_text)
    chrf_b = _chrf(back, source_text)
    missing_run = _longest_run(missing)[1]
    f_run = max(_longest_run(unsupported)[1], missing_run)
    b_run = max(_longest_run(lost)[1], _longest_run(added)[1])
    return PairScore(
        chrf_f,
        chrf_b,
        _run_words(tgt_c, unsupported),
        tuple(w for w, bad in zip(fwd_c, missing, strict=True) if bad),
        _run_words(src_c, lost),
        tuple(w for w, bad in zip(back_c, added, strict=True) if bad),
        missing_run,
        forward_diverges=chrf_f < CHRF_THRESHOLD or f_run >= RUN_THRESHOLD,
        back_diverges=chrf_b < CHRF_THRESHOLD or b_run >= RUN_THRESHOLD,
    )


def _run_words(ws: Sequence[Word], flags: Sequence[bool]) -> tuple[Word, ...]:
    """The phrase to point at: the longest stretch of flagged words in which a single
    supported word may sit (a lost clause often shares one word with the rest, such as
    "North Korean"). A lone flagged word elsewhere in the sentence is usually a synonym."""
    best: tuple[int, int] = (0, -1)
    start = -1
    gap = 0
    for i, flag in enumerate(flags):
        if flag:
            if start < 0:
                start = i
            gap = 0
            if sum(flags[start : i + 1]) > sum(flags[best[0] : best[1] + 1]):
                best = (start, i)
        elif start >= 0:
            gap += 1
            if gap > 1:
                start, gap = -1, 0
    return tuple(ws[best[0] : best[1] + 1])


def _doc_words(doc: Document, ids: Sequence[int]) -> list[Word]:
    out: list[Word] = []
    for i in ids:
        seg = doc.segments[i]
        out.extend(words(doc.text[seg.span.start : seg.span.end], seg.span.start))
    return out


def _cover(ws: Sequence[Word]) -> Span | None:
    return Span(ws[0].start, ws[-1].end) if ws else None


@register_check("similarity")
def check_similarity(ctx: CheckContext) -> Iterator[Finding]:
    tr = ctx.translations
    if tr is None or tr.forward is None or tr.back is None:
        return
    for bead in ctx.alignment:
        if bead.source and bead.target:
            finding = _check_bead(ctx, bead, tr.forward, tr.back)
            if finding is not None:
                yield finding


def _check_bead(ctx: CheckContext, bead: Bead, forward: Sequence[str], back: Sequence[str]) -> Finding | None:
    src, tgt = ctx.source, ctx.target
    fwd = " ".join(forward[i] for i in bead.source)
    bck = " ".join(back[j] for j in bead.target)
    src_span, tgt_span = src.span_of(bead.source), tgt.span_of(bead.target)
    assert src_span is not None and tgt_span is not None
    score = score_pair(
        _doc_words(src, bead.source),
        _doc_words(tgt, bead.target),
        src.segment_texts(bead.source),
        tgt.segment_texts(bead.target),
        fwd,
        bck,
        src.lang,
        tgt.lang,
    )
    if not score.diverges:
        return None
    # A dropped clause: the forward translation has a phrase the draft lacks, and the draft
    # has nothing of its own but a synonym or two. The lost source words are the place.
    dropped = score.missing_run >= RUN_THRESHOLD and len(score.unsupported) < RUN_THRESHOLD and bool(score.lost)
    unsupported = () if dropped else score.unsupported
    parts = []
    if unsupported:
        parts.append(f"the model's translation does not support “{_quote(tgt.text, unsupported)}”")
    if score.lost:
        parts.append(f"the back-translation lost “{_quote(src.text, score.lost)}”")
    if not parts:
        parts.append(f"chrF {score.chrf_forward:.0f} forward, {score.chrf_back:.0f} back")
    strength = min(_strength(score.chrf_forward), _strength(score.chrf_back))
    return LOW_SIMILARITY.finding(
        "translation diverges from the source: " + "; ".join(parts),
        confidence=0.5 + 0.45 * strength,
        target_span=None if dropped else _cover(unsupported) or tgt_span,
        source_span=_cover(score.lost) or src_span,
        evidence={
            "forward_translation": fwd,
            "back_translation": bck,
            "chrf_forward": round(score.chrf_forward, 1),
            "chrf_back": round(score.chrf_back, 1),
            "unsupported": [w.text for w in unsupported],
            "missing_in_draft": [w.text for w in score.missing],
            "lost_in_back_translation": [w.text for w in score.lost],
        },
    )


def _quote(text: str, ws: Sequence[Word]) -> str:
    return text[ws[0].start : ws[-1].end]


def _strength(chrf: float) -> float:
    """0.5-1 for a direction that said "diverges": 0.5 when only a run of words decided
    it, more the further its chrF fell below the threshold."""
    return max(0.5, min(1.0, (CHRF_THRESHOLD - chrf) / CHRF_THRESHOLD + 0.5))


class ForwardScorer:
    """The alignment hook (:class:`mtcheck.align.PairScorer`) built from forward
    translations, as Bleualign does: chrF of the source units' machine translation against
    the target units, in [0, 1]. Units are sentences or whole paragraphs; a paragraph's
    translation is its sentences' translations joined."""

    def __init__(self, source: Document, forward: Sequence[str]) -> None:
        self._fwd: dict[str, str] = {}
        for seg, text in zip(source.segments, forward, strict=True):
            self._fwd.setdefault(seg.text, text)
        for p in source.paragraphs:
            para = source.text[p.span.start : p.span.end]
            self._fwd.setdefault(para, " ".join(forward[i] for i in p.segments))
        # The DP asks about the same pairs again in its second pass and at every band width.
        self._memo: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = {}

    def __call__(self, source: Sequence[str], target: Sequence[str]) -> float:
        key = (tuple(source), tuple(target))
        if key not in self._memo:
            parts = [self._fwd.get(t) for t in source]
            if any(p is None for p in parts):
                # Unknown unit: say nothing either way (0.5 adds no cost).
                self._memo[key] = 0.5
            else:
                self._memo[key] = _chrf(" ".join(p for p in parts if p), " ".join(target)) / 100.0
        return self._memo[key]
