"""Paragraph and sentence alignment by banded dynamic programming.

Beads 1-1, 1-2, 2-1, 2-2, 1-0, 0-1, and 3-1/1-3 for run-on translations. A bead's cost combines
- the Gale–Church length model (Gaussian log-likelihood of the length difference, with the
  target/source length ratio measured on the document itself, so Korean, Russian and
  English need no tables),
- the bead-type prior from Gale & Church (1993),
- anchors shared by both sides (numbers, names through transliteration, quotes),
- optionally a similarity between a translation of the source and the target, the way
  Bleualign uses machine translation (see :class:`PairScorer`).

The DP runs in a band around the diagonal, widened only when the best path touches its edge,
so a document of n sentences costs O(n·band) rather than O(n²).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from mtcheck.anchors import anchor_keys
from mtcheck.types import Bead, Document

# (source units, target units) → prior probability (Gale & Church 1993, Table 5).
SENTENCE_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
    # Not in Gale & Church's table: run-on translations that fuse three sentences into one
    # are common enough in real data (FLORES has several) to need a bead of their own.
    (3, 1): 0.002,
    (1, 3): 0.002,
}
# Translators keep paragraph breaks far more often than sentence breaks; a paragraph merge
# must be well supported, or an added paragraph hides inside its neighbour.
PARAGRAPH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.96,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (2, 1): 0.008,
    (1, 2): 0.008,
    (2, 2): 0.004,
    (3, 1): 0.001,
    (1, 3): 0.001,
}
DEFAULT_VARIANCE = 6.8
# Bounds for the variance re-estimated on a document: tight translations make merges
# expensive (so omissions show), loose ones must not turn every merge into two indels.
_VARIANCE_BOUNDS = (2.0, DEFAULT_VARIANCE)
_ANCHOR_WEIGHT = 1.5
_STRAY_WEIGHT = 1.0
_MAX_STRAYS = 3
_SIMILARITY_WEIGHT = 6.0
# An unpaired unit costs the same whatever its length. Gale–Church scores 1-0 beads with the
# length model, which makes a long omitted sentence so expensive that the DP glues it to a
# neighbour instead: exactly the omissions a translator needs to see.
_INDEL_COST = 1.0
_MIN_BAND = 16
_INF = float("inf")
_CODES = list(SENTENCE_PRIORS)
_INSERT_CODE = _CODES.index((0, 1))


class PairScorer(Protocol):
    """Similarity in [0, 1] between source units and target units, e.g. chrF of a machine
    translation of the source against the target (the hook for translation models)."""

    def __call__(self, source: Sequence[str], target: Sequence[str]) -> float: ...


@dataclass(frozen=True)
class Units:
    """What the DP needs to know about one side: text, length and anchors of each unit."""

    texts: tuple[str, ...]
    lengths: np.ndarray
    anchors: tuple[frozenset[str], ...]

    @classmethod
    def build(cls, texts: Sequence[str], anchors: Sequence[frozenset[str]]) -> Units:
        return cls(
            tuple(texts),
            np.array([max(1, len(t.strip())) for t in texts], dtype=np.float64),
            tuple(anchors),
        )

    def __len__(self) -> int:
        return len(self.texts)


def align_units(
    src: Units,
    tgt: Units,
    scorer: PairScorer | None = None,
    ratio: float | None = None,
    variance: float = DEFAULT_VARIANCE,
    priors: dict[tuple[int, int], float] = SENTENCE_PRIORS,
    stats: dict[str, int] | None = None,
) -> list[Bead]:
    """Align two unit sequences; bead ids are indices into ``src`` and ``tgt``.

    ``ratio`` is the expected target/source length ratio (default: measured on these units),
    ``variance`` the spread of target length per unit of expected length. ``stats``, when
    given, receives the number of DP cells evaluated and the final band width.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return _unalignable(n, m)
    model = _LengthModel(
        ratio or float(tgt.lengths.sum() / src.lengths.sum()),
        variance,
        tuple(-math.log(priors[kind]) for kind in _CODES),
    )
    band = _MIN_BAND
    while True:
        beads, touched, cells = _banded(src, tgt, model, band, scorer)
        if stats is not None:
            stats["cells"] = stats.get("cells", 0) + cells
            stats["band"] = band
        if not touched or band >= max(n, m):
            return beads
        band *= 2


@dataclass(frozen=True)
class _LengthModel:
    ratio: float
    variance: float
    penalties: tuple[float, ...]  # -log prior, in _CODES order

    def cost(self, ls: np.ndarray | float, lt: np.ndarray) -> np.ndarray:
        """Gaussian log-likelihood of the target length given the source length."""
        expected = self.ratio * np.asarray(ls, dtype=np.float64)
        spread = np.sqrt(self.variance * np.maximum((expected + lt) / 2.0, 1.0))
        delta = (lt - expected) / spread
        return 0.5 * delta * delta


def _banded(
    src: Units, tgt: Units, model: _LengthModel, band: int, scorer: PairScorer | None
) -> tuple[list[Bead], bool, int]:
    n, m = len(src), len(tgt)
    # The band follows the length diagonal, not i·m/n: characters survive translation far
    # better than sentence counts do, so a document whose sides split sentences differently
    # still stays close to it.
    cum_s = np.concatenate([[0.0], np.cumsum(src.lengths)])
    cum_t = np.concatenate([[0.0], np.cumsum(tgt.lengths)])
    centre = np.searchsorted(cum_t / cum_t[-1], cum_s / cum_s[-1]).astype(np.int64)
    centre[0], centre[n] = 0, m
    lo = np.clip(centre - band, 0, m)
    hi = np.clip(centre + band, 0, m)
    pair_anchor = _AnchorTable(src, tgt, lo, hi)
    cost_rows: list[np.ndarray] = []
    back_rows: list[np.ndarray] = []
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(js.shape, _INF)
        back = np.zeros(js.shape, dtype=np.int8)
        if i == 0:
            best[js == 0] = 0.0
        for code, (a, b) in enumerate(_CODES):
            if a == 0 or i < a:
                continue
            prev_j = js - b
            prev = _lookup(cost_rows[i - a], lo[i - a], prev_j)
            ls = cum_s[i] - cum_s[i - a]
            lt = np.where(prev_j >= 0, cum_t[js] - cum_t[np.maximum(prev_j, 0)], 0.0)
            length = model.cost(ls, lt) if b else _INDEL_COST
            cost = prev + length + model.penalties[code]
            if b:
                cost -= _ANCHOR_WEIGHT * pair_anchor.matched(i, a, js, b)
                if a == b == 1:
                    # Only in 1-1 beads is "on one side only" exact; pairwise counts of a
                    # merge would call a number unmatched that its other half matches.
                    cost += _STRAY_WEIGHT * pair_anchor.stray(i, js)
                if scorer is not None:
                    cost += _similarity_cost(scorer, src, tgt, i, a, js, b, prev)
            better = cost < best
            best[better] = cost[better]
            back[better] = code
        _apply_insertions(best, back, js, model.penalties[_INSERT_CODE])
        cost_rows.append(best)
        back_rows.append(back)
    beads, touched = _trace(back_rows, lo, n, m, cost_rows, hi, band)
    return beads, touched, int((hi - lo + 1).sum())


def _apply_insertions(best: np.ndarray, back: np.ndarray, js: np.ndarray, penalty: float) -> None:
    """0-1 beads chain along a row: best[j] = min(best[j], best[j-1] + c(j)), a prefix minimum."""
    if len(js) < 2:
        return
    step = np.full(len(js) - 1, _INDEL_COST + penalty)
    acc = np.concatenate([[0.0], np.cumsum(step)])
    shifted = np.minimum.accumulate(best - acc) + acc
    better = shifted < best - 1e-12
    best[better] = shifted[better]
    back[better] = _INSERT_CODE


def _lookup(row: np.ndarray, row_lo: int, js: np.ndarray) -> np.ndarray:
    idx = js - row_lo
    ok = (idx >= 0) & (idx < len(row))
    out = np.full(js.shape, _INF)
    out[ok] = row[idx[ok]]
    return out


class _AnchorTable:
    """Shared anchors for every (source unit, target unit) pair inside the band."""

    def __init__(self, src: Units, tgt: Units, lo: np.ndarray, hi: np.ndarray) -> None:
        self.rows: list[np.ndarray] = []
        self.strays: list[np.ndarray] = []
        self.lo = lo
        t_strong = [_strong(keys) for keys in tgt.anchors]
        for i, keys in enumerate(src.anchors):
            # Source unit i ends beads at DP rows i+1 to i+3; cover all their bands.
            start = int(lo[i])
            stop = min(int(hi[min(i + 3, len(lo) - 1)]), len(tgt))
            row = np.zeros(max(0, stop - start), dtype=np.float64)
            stray = np.zeros(max(0, stop - start), dtype=np.float64)
            s_strong = _strong(keys)
            for j in range(start, stop):
                if keys and tgt.anchors[j]:
                    row[j - start] = len(keys & tgt.anchors[j])
                if s_strong or t_strong[j]:
                    stray[j - start] = min(_MAX_STRAYS, len(s_strong ^ t_strong[j]))
            self.rows.append(row)
            self.strays.append(stray)

    def stray(self, i: int, js: np.ndarray) -> np.ndarray:
        """Numbers and quotes on one side only of the 1-1 bead ending at (i, js)."""
        row, start = self.strays[i - 1], int(self.lo[i - 1])
        idx = js - 1 - start
        ok = (idx >= 0) & (idx < len(row))
        out = np.zeros(js.shape)
        out[ok] = row[idx[ok]]
        return out

    def matched(self, i: int, a: int, js: np.ndarray, b: int) -> np.ndarray:
        total = np.zeros(js.shape)
        for x in range(i - a, i):
            row, start = self.rows[x], int(self.lo[x])
            for y in range(1, b + 1):
                idx = js - y - start
                ok = (idx >= 0) & (idx < len(row))
                total[ok] += row[idx[ok]]
        # Pairwise counts over-reward merges; a bead earns at most what its halves would.
        return total / max(a, b)


def _strong(keys: frozenset[str]) -> frozenset[str]:
    """Anchors whose absence on the other side is telling: numbers and quotes, not names
    (a name is often rendered as a common word or an adjective)."""
    return frozenset(k for k in keys if not k.startswith("N:"))


def _similarity_cost(
    scorer: PairScorer, src: Units, tgt: Units, i: int, a: int, js: np.ndarray, b: int, prev: np.ndarray
) -> np.ndarray:
    out = np.zeros(js.shape)
    for k, j in enumerate(js):
        if j - b < 0 or not np.isfinite(prev[k]):
            continue
        sim = scorer(src.texts[i - a : i], tgt.texts[j - b : j])
        out[k] = _SIMILARITY_WEIGHT * (0.5 - sim)
    return out


def _trace(
    back_rows: list[np.ndarray],
    lo: np.ndarray,
    n: int,
    m: int,
    cost_rows: list[np.ndarray],
    hi: np.ndarray,
    band: int,
) -> tuple[list[Bead], bool]:
    """Follow back-pointers from (n, m); also report whether the path ran along the band's
    edge, where a wider band might have found a cheaper path."""
    if not np.isfinite(cost_rows[n][m - lo[n]]):
        return _unalignable(n, m), True
    beads: list[Bead] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        touched |= (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m)
        a, b = _CODES[int(back_rows[i][j - lo[i]])]
        cost = cost_rows[i][j - lo[i]] - cost_rows[i - a][j - b - lo[i - a]]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), _score(float(cost))))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched and band < max(n, m)


def _score(cost: float) -> float:
    """Bead cost → a score in (0, 1], higher is better: 1.0 for a bead as cheap as a perfect
    1-1 match, falling as length and anchors disagree."""
    return round(math.exp(-max(cost, 0.0) / 10.0), 3)


def _unalignable(n: int, m: int) -> list[Bead]:
    return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]


def align_documents(source: Document, target: Document, scorer: PairScorer | None = None) -> list[Bead]:
    """Paragraphs first, then sentences inside each paragraph bead; ids are segment ids.

    Two passes: the first uses Gale and Church's variance, the second the variance measured
    on the first pass's 1-1 beads, since how tightly lengths follow each other depends on
    the translator and the language pair.
    """
    s_anchors = [anchor_keys(seg.text, source.lang) for seg in source.segments]
    t_anchors = [anchor_keys(seg.text, target.lang) for seg in target.segments]
    ratio = _ratio(source, target)
    first = _align_pass(source, target, s_anchors, t_anchors, scorer, ratio, DEFAULT_VARIANCE)
    variance = _estimate_variance(first, source, target, ratio)
    if variance is None:
        return first
    return _align_pass(source, target, s_anchors, t_anchors, scorer, ratio, variance)


def _ratio(source: Document, target: Document) -> float:
    src = sum(len(s.text) for s in source.segments)
    tgt = sum(len(s.text) for s in target.segments)
    return tgt / src if src and tgt else 1.0


def _estimate_variance(beads: list[Bead], source: Document, target: Document, ratio: float) -> float | None:
    residuals = []
    for b in beads:
        if len(b.source) == 1 and len(b.target) == 1:
            ls = ratio * len(source.segments[b.source[0]].text)
            lt = len(target.segments[b.target[0]].text)
            residuals.append((lt - ls) ** 2 / max((ls + lt) / 2.0, 1.0))
    if len(residuals) < 8:
        return None
    lo, hi = _VARIANCE_BOUNDS
    # The median of a squared normal deviate is 0.455 of its variance; the median keeps a
    # few wrong beads of the first pass from inflating the estimate.
    return float(min(hi, max(lo, float(np.median(residuals)) / 0.455)))


def _align_pass(
    source: Document,
    target: Document,
    s_anchors: list[frozenset[str]],
    t_anchors: list[frozenset[str]],
    scorer: PairScorer | None,
    ratio: float,
    variance: float,
) -> list[Bead]:
    beads: list[Bead] = []
    p_beads = align_units(
        _paragraph_units(source, s_anchors),
        _paragraph_units(target, t_anchors),
        scorer,
        ratio,
        variance,
        PARAGRAPH_PRIORS,
    )
    for p_bead in p_beads:
        s_ids = [s for p in p_bead.source for s in source.paragraphs[p].segments]
        t_ids = [t for p in p_bead.target for t in target.paragraphs[p].segments]
        s_units = Units.build([source.segments[s].text for s in s_ids], [s_anchors[s] for s in s_ids])
        t_units = Units.build([target.segments[t].text for t in t_ids], [t_anchors[t] for t in t_ids])
        for bead in align_units(s_units, t_units, scorer, ratio, variance):
            beads.append(Bead(tuple(s_ids[k] for k in bead.source), tuple(t_ids[k] for k in bead.target), bead.score))
    return beads


def _paragraph_units(doc: Document, anchors: Sequence[frozenset[str]]) -> Units:
    return Units.build(
        [doc.text[p.span.start : p.span.end] for p in doc.paragraphs],
        [frozenset().union(*(anchors[s] for s in p.segments)) for p in doc.paragraphs],
    )
