"""Paragraph and sentence alignment by banded dynamic programming.

Beads 1-1, 1-2, 2-1, 2-2, 1-0, 0-1, and 3-1/1-3 and 4-1/1-4 for run-on translations. A bead's
cost, in nats, combines
- the Gale–Church length model (Gaussian log-likelihood of the length difference, with the
  target/source length ratio measured on the document itself, so Korean, Russian and
  English need no tables; glosses in brackets in the other script do not count as length),
- bead-type priors (Gale & Church 1993, with joins and splits rarer than theirs), which the
  second pass re-estimates on the document's own first alignment,
- the evidence of anchors (numbers, dates, names through their consonant skeleton, names left
  in Latin letters, places by their English name, acronyms, quotes, question marks and
  international words): log-likelihood ratios for the keys both sides share and for those of
  one side that the other side of the bead lacks,
- optionally a similarity between a translation of the source and the target, the way
  Bleualign uses machine translation (see :class:`PairScorer`).

The DP runs in a band around the diagonal, widened only when the best path touches its edge,
so a document of n sentences costs O(n·band) rather than O(n²).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from mtcheck.anchors import anchor_keys_many
from mtcheck.lexicon import Lexicon
from mtcheck.types import Bead, Document

# (source units, target units) → prior probability: Gale & Church (1993, Table 5), except for
# joins and splits, which they put at 0.089 each: a modern news translation joins two sentences
# two to four times in a hundred and splits one less than once (FLORES-200 dev ru→en, aligned).
SENTENCE_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.914,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.03,
    (1, 2): 0.02,
    (2, 2): 0.011,
    # Not in Gale & Church's table: run-on translations that fuse three sentences into one
    # are common enough in real data (FLORES has several) to need a bead of their own, and
    # Korean translators cut a long quoted English sentence into four (NTREX has several).
    (3, 1): 0.002,
    (1, 3): 0.002,
    (4, 1): 0.0005,
    (1, 4): 0.0005,
    # Source sentences left out together are one omission, not two or three: a passage skipped,
    # or one sentence of the original that the source text cut in two (Korean translators of
    # English news often do) and that the translation leaves out whole. As separate 1-0 beads,
    # such a run costs twice or three times an omission, and joining its pieces to a neighbour
    # comes cheaper. Each sentence after the first is taken to follow the one before one time
    # in six.
    (2, 0): 0.0099 / 6,
    (3, 0): 0.0099 / 36,
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
    (4, 1): 0.0002,
    (1, 4): 0.0002,
    (2, 0): 0.01 / 6,
    (3, 0): 0.01 / 36,
}
DEFAULT_VARIANCE = 6.8
# Bounds for the variance re-estimated on a document: tight translations make merges
# expensive (so omissions show), loose ones must not turn every merge into two indels.
_VARIANCE_BOUNDS = (2.0, DEFAULT_VARIANCE)
# What one anchor says about two units translating each other, in nats, so that it adds to
# the length model's log-likelihood and the bead priors: a key both sides hold (_MATCH), and a
# key of one side that the other side of the bead lacks (_MISS_*), as log-likelihood ratios of
# a sentence and its translation against a sentence and a neighbour's translation. Measured on
# FLORES-200 dev ru→en (a set no benchmark counts; NTREX-128 ko→en gives about the same) and
# shrunk a little, as keys of one sentence are not independent: a figure matches in 94% of
# translations and 1.4% of neighbours (+4.2, and -2.9 when missing); a name skeleton in 44% and
# 5% (+2.2, -0.5); a quote mark in 72% and 27% (+1.0, -1.0). English names and acronyms are
# often written otherwise in the source (NATO, НАТО), so their absence there says less.
# Measured the same way for the keys added later: a Russian or Korean text's name in Latin
# letters is in 92% of translations and 14% of neighbours (+1.9, -2.4); a place the gazetteer
# names, by its English name, 69% of the English ones found in the source, 10% in a neighbour's
# (-1.1; measured with Russian places, which mtcheck.anchors now keys in Korean only); a
# question mark 4 of 5 (too few to measure: set below what brackets measure, 89% and 9%, +2.3
# and -2.1). A place's English name and its skeleton are one piece of evidence twice: G
# counts less than measured. Brackets as a key made no difference on the generated set of
# benchmarks/planted.py and are left out. A sentence that opens with a quote (O) or ends with
# one (C): 57% and 64% of translations, 11% and 10% of neighbours (FLORES-200 dev; NTREX-128
# gives more on both: +1.5 to +2.0, -0.7 to -2.3), shrunk further as Q holds them too. Words
# of a lexicon (mtcheck.lexicon; measured on NTREX-128 ru→en, as FLORES-200 dev taught the
# lexicon): 39% of a Russian sentence's lexicon words have a translation in its English
# sentence, 6% in a neighbour's (+1.8, -0.45 each); only the X key of a pair counts a match.
# Keys: D figures and dates, A Latin acronyms, N names, L names in Latin letters in the source
# (each English name has an L twin), G places by their English name, W cognates, Q quotes,
# O and C a quote that opens or closes the sentence, I questions, X and Y lexicon words in the
# source's and the target's language.
_MATCH = {"D": 3.5, "A": 2.5, "N": 2.0, "L": 2.0, "G": 1.0, "W": 2.0, "Q": 0.7, "O": 1.0, "C": 1.0, "I": 2.0, "X": 1.5}
_MISS_SOURCE = {"A": 1.3, "N": 0.9, "L": 2.0, "Q": 0.5, "O": 0.7, "C": 0.7, "I": 1.0, "X": 0.45}
_MISS_TARGET = {"A": 0.4, "N": 0.4, "G": 0.6, "Q": 0.3, "O": 0.6, "C": 0.6, "I": 1.0, "Y": 0.45}
_LEXICON_KEYS = frozenset("XY")
# A match of an English name's L twin accounts for that name as a match of its N key would.
_COVER_TARGET = {**_MISS_TARGET, "L": _MISS_TARGET["N"]}

# Figures apart: one on one side only is strong evidence against the bead, but a figure on
# each side that the other lacks is a changed figure (2023 → 2024), what the number check is
# there to report, and says little against the two sentences translating each other.
_MISS_FIGURE = 2.5
_CHANGED_FIGURE = 0.5
# A sentence full of names or figures is no stronger evidence than a few of them.
_MAX_MISS = 6.0
# Nor are many words a lexicon knows, apart from their share found: a free translation of a
# long sentence leaves a dozen without theirs on each side, which as separate evidence would
# outweigh its figures and length and unpair it. The words' misses have a cap of their own,
# and only the words' matches cover them.
_MAX_WORDS = 2.0
# A sentence and its free translation are still a pair: the words neither side finds count at
# half weight in a 1-1 bead. In full, a short dropped sentence no longer looked like a join any
# more than before, but more additions hid in joins (NTREX-128 ru→en planted: 0.88 found
# against 0.91); not at all, Korean sentences cut from one English one fell out of their joins
# (0.55 false omissions per 100 lines against 0.20).
_ONE_ONE_WORDS = 0.5
_SIMILARITY_WEIGHT = 6.0
# An unpaired unit costs the same whatever its length. Gale–Church scores 1-0 beads with the
# length model, which makes a long omitted sentence so expensive that the DP glues it to a
# neighbour instead: exactly the omissions a translator needs to see.
_INDEL_COST = 1.0
_MIN_BAND = 16
# Cells of one DP pass at most (each holds eight bead costs): the band doubles while the best
# path runs along its edge, and a translation whose parts come in another order (or another
# document) would otherwise widen it to the whole matrix, quadratic in time and in memory
# (8,000 sentences a side reached 16 million cells). Past this the band stops growing and the
# path it finds stands; parallel documents stay far inside it (band 16-32 up to 20,000 sentences).
_MAX_CELLS = 4_000_000
_INF = float("inf")
_CODES = list(SENTENCE_PRIORS)
_INSERT_CODE = _CODES.index((0, 1))
_DELETIONS = [code for code, (a, b) in enumerate(_CODES) if a and not b]


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
            np.array([text_length(t) for t in texts], dtype=np.float64),
            tuple(anchors),
        )

    def __len__(self) -> int:
        return len(self.texts)


_BRACKETED = re.compile(r"\([^()]*\)")
_SCRIPTS = (
    ("latin", re.compile(r"[A-Za-z]")),
    ("cyrillic", re.compile(r"[А-Яа-яЁё]")),
    ("hangul", re.compile(r"[가-힣]")),
)


def _script(text: str) -> str:
    return max(_SCRIPTS, key=lambda s: len(s[1].findall(text)))[0]


@functools.lru_cache(maxsize=65536)
def text_length(text: str) -> int:
    """Characters that carry content: a gloss in brackets in another script ("숀 콤스(Sean
    Combs)", "Хинштейн (Khinshtein)") repeats a name the translation writes once. Cached: each
    sentence and paragraph is measured by both alignment passes and by the checks."""
    text = text.strip()
    if "(" not in text:
        return max(1, len(text))
    main = _script(_BRACKETED.sub("", text))
    glosses = sum(
        len(m.group())
        for m in _BRACKETED.finditer(text)
        if any(c.isalpha() for c in m.group()) and _script(m.group()) != main
    )
    return max(1, len(text) - glosses)


def align_units(
    src: Units,
    tgt: Units,
    scorer: PairScorer | None = None,
    ratio: float | None = None,
    variance: float = DEFAULT_VARIANCE,
    priors: dict[tuple[int, int], float] = SENTENCE_PRIORS,
    stats: dict[str, int] | None = None,
    posteriors: bool = True,
    reuse: _Evidence | None = None,
) -> list[Bead]:
    """Align two unit sequences; bead ids are indices into ``src`` and ``tgt``.

    ``ratio`` is the expected target/source length ratio (default: measured on these units),
    ``variance`` the spread of target length per unit of expected length. ``stats``, when
    given, receives the number of DP cells evaluated and the final band width. With
    ``posteriors`` each bead's confidence is its posterior probability (forward-backward over
    the same band and costs); without, every confidence is 1.0. ``reuse`` keeps the anchor
    evidence of these units for another alignment of them (see _Evidence).
    """
    paths = _best_paths(src, tgt, scorer, ratio, variance, priors, stats, reuse)
    if paths is None:
        return _unalignable(len(src), len(tgt))
    return _with_posteriors(paths) if posteriors else paths.beads


def _align_units_many(
    pairs: Sequence[tuple[Units, Units, _Evidence | None]],
    scorer: PairScorer | None,
    ratio: float,
    variance: float,
    priors: dict[tuple[int, int], float],
    posteriors: bool,
) -> list[list[Bead]]:
    """align_units for many pairs (a document's paragraph beads): the posteriors of pairs whose
    bands have the same shape are worked out together, one array operation per row for all of
    them, since a paragraph's few sentences leave numpy's cost per call as the whole cost."""
    found = [_best_paths(src, tgt, scorer, ratio, variance, priors, None, reuse) for src, tgt, reuse in pairs]
    out = [
        p.beads if p is not None else _unalignable(len(s), len(t)) for p, (s, t, _) in zip(found, pairs, strict=True)
    ]
    if not posteriors:
        return out
    shapes: dict[tuple[tuple[int, ...], float], list[int]] = {}
    for k, paths in enumerate(found):
        if paths is not None:
            shapes.setdefault((paths.costs.shape, paths.insert), []).append(k)
    for ks in shapes.values():
        group = [found[k] for k in ks]
        fwd, bwd, total = _forward_backward(
            np.stack([p.costs for p in group]),
            np.stack([p.lo for p in group]),
            np.stack([p.valid for p in group]),
            group[0].insert,
        )
        for row, k in enumerate(ks):
            out[k] = _with_posteriors(found[k], (fwd[row], bwd[row], float(total[row])))
    return out


def _best_paths(
    src: Units,
    tgt: Units,
    scorer: PairScorer | None,
    ratio: float | None,
    variance: float,
    priors: dict[tuple[int, int], float],
    stats: dict[str, int] | None,
    reuse: _Evidence | None,
) -> _Paths | None:
    """The DP of align_units, widening the band while the best path touches its edge; None
    where one side is empty."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return None
    model = _LengthModel(
        ratio or float(tgt.lengths.sum() / src.lengths.sum()),
        variance,
        tuple(-math.log(priors[kind]) for kind in _CODES),
    )
    widest = max(_MIN_BAND, (_MAX_CELLS // (n + 1) - 1) // 2)
    band = _MIN_BAND
    while True:
        paths, touched, cells = _banded(src, tgt, model, band, scorer, reuse)
        if stats is not None:
            stats["cells"] = stats.get("cells", 0) + cells
            stats["band"] = band
        if not touched or band >= max(n, m) or band >= widest:
            return paths
        band = min(band * 2, widest)


@dataclass(frozen=True, eq=False)
class _Paths:
    """One DP's best path and what the posteriors of its beads need: the bead costs of the
    band, its lower edges, its cells inside the target, the cost of a 0-1 bead, and which units
    are long enough to split off (see _split_alone)."""

    beads: list[Bead]
    costs: np.ndarray
    lo: np.ndarray
    valid: np.ndarray
    insert: float
    long: tuple[np.ndarray, np.ndarray]


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
    src: Units,
    tgt: Units,
    model: _LengthModel,
    band: int,
    scorer: PairScorer | None,
    reuse: _Evidence | None = None,
) -> tuple[_Paths, bool, int]:
    """One DP over a band of fixed width around the length diagonal.

    Row i holds columns j = lo[i] … lo[i] + width - 1. Every bead cost is computed up front
    as an (n+1) × width matrix in a handful of array operations; the row loop then only
    shifts the previous rows and takes minima, which keeps long documents fast.
    """
    n, m = len(src), len(tgt)
    # A band wider than the target is the whole row: no wider arrays than that (most paragraphs
    # hold a few sentences, and the default band is 33 columns).
    width = min(2 * band + 1, m + 1)
    # The band follows the length diagonal, not i·m/n: characters survive translation far
    # better than sentence counts do, so a document whose sides split sentences differently
    # still stays close to it.
    cum_s = np.concatenate([[0.0], np.cumsum(src.lengths)])
    cum_t = np.concatenate([[0.0], np.cumsum(tgt.lengths)])
    centre = np.searchsorted(cum_t / cum_t[-1], cum_s / cum_s[-1]).astype(np.int64)
    centre[0], centre[n] = 0, m
    lo = np.clip(centre - band, 0, max(0, m + 1 - width))
    cols = lo[:, None] + np.arange(width)[None, :]
    costs = _bead_costs(src, tgt, model, lo, cols, cum_s, cum_t, scorer, reuse)
    table = np.full((n + 1, width), _INF)
    back = np.zeros((n + 1, width), dtype=np.int8)
    table[0, 0] = 0.0
    insert = _INDEL_COST + model.penalties[_INSERT_CODE]
    _apply_insertions(table[0], back[0], insert, cols[0] <= m)
    # candidates[c] is the cost of reaching each cell of the row through a bead of type c;
    # filled by slicing the earlier rows, so each row costs a few array operations.
    candidates = np.empty((len(_CODES), width))
    for i in range(1, n + 1):
        candidates.fill(_INF)
        for code, (a, b) in enumerate(_CODES):
            if not a or i < a:
                continue
            offset = int(lo[i] - lo[i - a]) - b
            if offset >= 0:
                if offset < width:
                    candidates[code, : width - offset] = table[i - a, offset:]
            elif -offset < width:
                candidates[code, -offset:] = table[i - a, : width + offset]
        candidates += costs[i]
        ptr = candidates.argmin(axis=0)
        back[i] = ptr
        table[i] = candidates[ptr, np.arange(width)]
        _apply_insertions(table[i], back[i], insert, cols[i] <= m)
    beads, touched = _trace(table, back, lo, n, m)
    long = (src.lengths * model.ratio >= SPLIT_MIN_LENGTH, tgt.lengths >= SPLIT_MIN_LENGTH)
    paths = _Paths(beads, costs, lo, cols <= m, insert, long)
    return paths, touched and band < max(n, m), int((cols <= m).sum())


def _softmin(values: np.ndarray, axis: int = 0) -> np.ndarray:
    """-log Σ exp(-values): the cost of "any of these" where min() is the cost of the best."""
    best = values.min(axis=axis)
    finite = np.isfinite(best)
    safe = np.where(finite, best, 0.0)
    with np.errstate(invalid="ignore", over="ignore"):
        total = np.exp(-(values - np.expand_dims(safe, axis))).sum(axis=axis)
    return np.where(finite, safe - np.log(np.where(finite, total, 1.0)), _INF)


def _soft_insertions(row: np.ndarray, step: float, valid: np.ndarray, reverse: bool = False) -> None:
    """Soft version of _apply_insertions: row[k] = softmin(row[k], row[k∓1] + step), chained
    (along the last axis: one row, or the same row of several alignments)."""
    r = row[..., ::-1] if reverse else row
    ramp = step * np.arange(r.shape[-1])
    with np.errstate(invalid="ignore"):
        chained = -np.logaddexp.accumulate(-(r - ramp), axis=-1) + ramp
    r[...] = np.where((valid[..., ::-1] if reverse else valid), chained, _INF)


def _shift_into(out: np.ndarray, values: np.ndarray, offset: int) -> None:
    """out[k] = values[k + offset] where both exist."""
    width = len(out)
    if offset >= 0:
        if offset < width:
            out[: width - offset] = values[offset:]
    elif -offset < width:
        out[-offset:] = values[: width + offset]


def _forward_backward(
    costs: np.ndarray, lo: np.ndarray, valid: np.ndarray, insert: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Forward and backward costs (softmin over every path to and from each cell) of several
    alignments whose bands have one shape, and each one's total: ``costs`` (alignments, n+1,
    bead types, width), ``lo`` (alignments, n+1), ``valid`` (alignments, n+1, width)."""
    count, rows, kinds, width = costs.shape
    n = rows - 1
    at = np.arange(count)
    fwd = np.full((count, rows, width), _INF)
    bwd = np.full((count, rows, width), _INF)
    fwd[:, 0, 0] = 0.0
    _soft_insertions(fwd[:, 0], insert, valid[:, 0])
    cand = np.empty((kinds, count, width))
    for i in range(1, n + 1):
        cand.fill(_INF)
        for code, (a, b) in enumerate(_CODES):
            if a and i >= a:
                cand[code] = _shifted(fwd[:, i - a], lo[:, i] - lo[:, i - a] - b)
        fwd[:, i] = _softmin((cand + costs[:, i].transpose(1, 0, 2)).reshape(kinds, -1)).reshape(count, width)
        _soft_insertions(fwd[:, i], insert, valid[:, i])
    last = np.array([np.flatnonzero(v)[-1] for v in valid[:, n]])
    bwd[at, n, last] = 0.0
    _soft_insertions(bwd[:, n], insert, valid[:, n], reverse=True)
    for i in range(n - 1, -1, -1):
        cand.fill(_INF)
        for code, (a, b) in enumerate(_CODES):
            if a and i + a <= n:
                cand[code] = _shifted(costs[:, i + a, code] + bwd[:, i + a], b - (lo[:, i + a] - lo[:, i]))
        bwd[:, i] = _softmin(cand.reshape(kinds, -1)).reshape(count, width)
        _soft_insertions(bwd[:, i], insert, valid[:, i], reverse=True)
    return fwd, bwd, fwd[at, n, last]


def _shifted(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """out[a, k] = values[a, k + offsets[a]] where that exists, else infinity."""
    width = values.shape[1]
    index = np.arange(width)[None, :] + offsets[:, None]
    inside = (index >= 0) & (index < width)
    return np.where(inside, np.take_along_axis(values, np.clip(index, 0, width - 1), axis=1), _INF)


def _with_posteriors(paths: _Paths, passes: tuple[np.ndarray, np.ndarray, float] | None = None) -> list[Bead]:
    """Each bead's posterior probability, by forward-backward over the band with the DP's
    costs taken as energies: exp(-cost) summed over every path through the bead, over the
    sum over every path. A bead that wins by a wide margin gets ~1.0; one that another way
    of pairing the same sentences almost matches gets what that margin leaves it. ``passes``:
    the forward and backward costs and the total, when worked out with other alignments'."""
    beads, costs, lo, insert, long = paths.beads, paths.costs, paths.lo, paths.insert, paths.long
    if passes is None:
        f, b, t = _forward_backward(costs[None], lo[None], paths.valid[None], insert)
        passes = f[0], b[0], float(t[0])
    fwd, bwd, total = passes
    out = []
    i, j = 0, 0
    for bead in beads:
        a, b = len(bead.source), len(bead.target)
        cost = insert if a == 0 else costs[i + a, _CODES.index((a, b)), j + b - lo[i + a]]
        energy = fwd[i, j - lo[i]] + cost + bwd[i + a, j + b - lo[i + a]] - total
        out.append(Bead(bead.source, bead.target, bead.score, round(float(np.exp(-max(energy, 0.0))), 3)))
        i, j = i + a, j + b
    alone_s, alone_t = _alone(fwd, bwd, costs, lo, insert, total)
    long_s, long_t = long
    return _split_alone(out, alone_s[: len(long_s)], alone_t[: len(long_t)], _score(insert), long_s, long_t)


def _alone(
    fwd: np.ndarray, bwd: np.ndarray, costs: np.ndarray, lo: np.ndarray, insert: float, total: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's posterior probability of standing alone (in a 1-0 or 0-1 bead), summed over
    every path: what the best path hides when it joins a sentence to its neighbour by a small
    margin."""
    n, width = fwd.shape
    n -= 1
    m = int(lo[n]) + width
    alone_s = np.zeros(max(n, 1))
    alone_t = np.zeros(max(m, 1))
    shifted = np.full(width, _INF)
    for code in _DELETIONS:
        a = _CODES[code][0]
        for x in range(n + 1 - a):
            # An a-0 bead from (x, j) to (x + a, j): row x+a's column k is row x's column k + offset.
            shifted.fill(_INF)
            _shift_into(shifted, fwd[x], int(lo[x + a] - lo[x]))
            energy = shifted + costs[x + a, code] + bwd[x + a] - total
            alone_s[x : x + a] += float(np.exp(-energy[np.isfinite(energy)]).sum())
    for i in range(n + 1):
        # A 0-1 bead from (i, y) to (i, y + 1), y = lo[i] + k.
        energy = fwd[i, :-1] + insert + bwd[i, 1:] - total
        ok = np.isfinite(energy)
        # The columns of one row are distinct units: a plain indexed add (np.add.at is for repeats).
        alone_t[(lo[i] + np.arange(width - 1))[ok]] += np.exp(-energy[ok])
    return np.minimum(alone_s, 1.0), np.minimum(alone_t, 1.0)


# A sentence the best path joins to a neighbour but that stands alone on this share of all
# paths or more is split off as unaligned, with that share as its confidence. Length and
# anchors often leave a dropped sentence about as likely merged as alone (the translation of
# its neighbour runs long), and the best path then hides it in a 2-1 bead; the split-off
# sentence is then reported at warning or above (mtcheck.checks.alignment._SURE is lower).
# Lower shares find more of issue 12's planted omissions but raise false ones on NTREX-128
# Korean checked as one document past the budget (0.3: 1.15 per 100 sentences).
_SPLIT = 0.35
# ... and only a sentence this long, in characters of the target: length says little about
# whether a short sentence was merged or dropped, so its share of the paths is near even
# whatever happened to it (NTREX-128 Korean, whose translators split English sentences,
# left dozens of short pieces standing alone on 30-60% of the paths).
SPLIT_MIN_LENGTH = 60


def _split_alone(
    beads: list[Bead], alone_s: np.ndarray, alone_t: np.ndarray, score: float, long_s: np.ndarray, long_t: np.ndarray
) -> list[Bead]:
    """Split units that stand alone often enough off the edges of the beads that hold them."""
    out: list[Bead] = []
    for bead in beads:
        src, tgt = list(bead.source), list(bead.target)
        before: list[Bead] = []
        after: list[Bead] = []
        for units, alone, source in ((src, alone_s * long_s, True), (tgt, alone_t * long_t, False)):
            # Only a side with another unit to keep (a 1-1 bead is two units that agree) and
            # only at an edge, so that what is left stays consecutive.
            while len(units) > 1 and src and tgt:
                first = alone[units[0]] >= alone[units[-1]]
                unit = units[0] if first else units[-1]
                if alone[unit] < _SPLIT:
                    break
                units.remove(unit)
                ids = (unit,), ()
                lone = Bead(*(ids if source else ids[::-1]), score, round(float(alone[unit]), 3))
                (before.insert(0, lone) if first else after.append(lone))
        out += [*before, Bead(tuple(src), tuple(tgt), bead.score, bead.confidence), *after]
    return out


def _apply_insertions(best: np.ndarray, back: np.ndarray, step: float, valid: np.ndarray) -> None:
    """0-1 beads chain along a row: best[k] = min(best[k], best[k-1] + step), a prefix minimum."""
    acc = step * np.arange(len(best))
    shifted = np.minimum.accumulate(best - acc) + acc
    better = (shifted < best - 1e-12) & valid
    best[better] = shifted[better]
    back[better] = _INSERT_CODE


def _bead_costs(
    src: Units,
    tgt: Units,
    model: _LengthModel,
    lo: np.ndarray,
    cols: np.ndarray,
    cum_s: np.ndarray,
    cum_t: np.ndarray,
    scorer: PairScorer | None,
    reuse: _Evidence | None = None,
) -> np.ndarray:
    """costs[i, code, k]: the cost of the bead of type _CODES[code] ending at (i, lo[i] + k).
    The bead types with units on both sides are worked out together, as arrays over the types:
    most paragraphs hold a few sentences, and numpy's cost per call is what they spend."""
    n, m = len(src), len(tgt)
    rows = np.arange(n + 1)[:, None]
    costs = np.full((n + 1, len(_CODES), cols.shape[1]), _INF)
    a, b = _PAIR_A[:, None, None], _PAIR_B[:, None, None]
    ok = (cols <= m) & (rows >= a) & (cols >= b)
    capped = np.minimum(cols, m)
    ls = cum_s[rows] - cum_s[np.maximum(rows - a, 0)]
    lt = cum_t[capped] - cum_t[np.clip(capped - b, 0, m)]
    # A sentence merged with its neighbour whose own figures and names the other side lacks is
    # more likely dropped or added than translated: what the length model alone would hide in
    # the merge.
    if reuse is None:
        matched, missing = _AnchorBand(src, tgt, lo, cols).evidence()
    else:
        matched, missing = reuse.get(lo, lambda: _AnchorBand(src, tgt, lo, cols).evidence())
    cost = model.cost(ls, lt) - matched + missing
    if scorer is not None:
        for p, (pa, pb) in enumerate(_PAIRS):
            if pa + pb <= 3:
                cost[p] += _similarity(scorer, src, tgt, pa, pb, cols, ok[p])
    penalties = np.array([model.penalties[c] for c in _PAIR_CODES])[:, None, None]
    costs[:, _PAIR_CODES] = np.where(ok, cost + penalties, _INF).transpose(1, 0, 2)
    for code in _DELETIONS:
        a = _CODES[code][0]
        costs[:, code] = np.where((cols <= m) & (rows >= a), _INDEL_COST + model.penalties[code], _INF)
    return costs


# The anchor tables of _AnchorBand, stacked in this order.
_GAIN, _COVER_S, _COVER_T, _FIGURES, _OVER_S, _OVER_T, _NEAR, _WORDS_S, _WORDS_T = range(9)
# Bead types with units on both sides, and their places in _CODES.
_PAIRS = [(a, b) for a, b in _CODES if a and b]
_PAIR_CODES = [_CODES.index(p) for p in _PAIRS]
_PAIR_A = np.array([a for a, _ in _PAIRS])
_PAIR_B = np.array([b for _, b in _PAIRS])
# (dx, dy): a bead ending at cell (i, j) holds source unit i - dx and target unit j - dy. The same
# pairs, read as (dx, b), are each source unit of a bead with b target units; read as (a, dy),
# each target unit of a bead with a source units.
_OFFSETS = sorted({(dx, dy) for a, b in _PAIRS for dx in range(1, a + 1) for dy in range(1, b + 1)})


def _selection(rows: list[tuple[int, int]], keep: Callable[[int, int, int, int], bool]) -> np.ndarray:
    """A 0/1 matrix that sums, for each (a, b) of ``rows``, the offsets (dx, dy) ``keep`` takes."""
    return np.array([[float(keep(a, b, dx, dy)) for dx, dy in _OFFSETS] for a, b in rows])


# Sums over a bead's pairs of units: all of them, those with a second source or target unit.
_BLOCK = _selection(_PAIRS, lambda a, b, dx, dy: dx <= a and dy <= b)
_BLOCK_MASK = _BLOCK.astype(bool)[:, :, None, None]
_OVER_S_PAIRS = _selection(_PAIRS, lambda a, b, dx, dy: 2 <= dx <= a and dy <= b)
_OVER_T_PAIRS = _selection(_PAIRS, lambda a, b, dx, dy: dx <= a and 2 <= dy <= b)
# Source unit dx against a bead's b target units, and target unit dy against its a source units.
_SOURCE_UNIT = _selection(_OFFSETS, lambda dx0, b, dx, dy: dx == dx0 and dy <= b)
_TARGET_UNIT = _selection(_OFFSETS, lambda a, dy0, dx, dy: dy == dy0 and dx <= a)
# A bead's source units (dx <= a, each against its b target units), and its target units.
_SOURCE_UNITS = _selection(_PAIRS, lambda a, b, dx, b0: dx <= a and b0 == b)
_TARGET_UNITS = _selection(_PAIRS, lambda a, b, a0, dy: dy <= b and a0 == a)
_OFFSET_DX = np.array([dx for dx, _ in _OFFSETS])
_ONE_ONE = ((_PAIR_A == 1) & (_PAIR_B == 1))[:, None, None]
_OFFSET_DY = np.array([dy for _, dy in _OFFSETS])


class _AnchorBand:
    """Anchor evidence for every pair of units a bead in the band can hold, stored per source
    unit over the columns its rows can reach: what the keys both hold are worth (gain), and how
    much of each unit's evidence against a bead without its keys the other unit removes (cover).
    The six tables are one array, gathered once for every offset a bead takes."""

    _REACH = 4  # beads take up to 4 units from either side

    def __init__(self, src: Units, tgt: Units, lo: np.ndarray, cols: np.ndarray) -> None:
        n, m = len(src), len(tgt)
        width = cols.shape[1]
        self.cols = cols
        # Unit x is used by rows x+1 … x+4, at columns lo[x+1]-4 … lo[x+4]+width-1.
        self.start = np.array([lo[min(x + 1, n)] - self._REACH for x in range(n)], dtype=np.int64)
        span = width + 2 * self._REACH + int(np.max(np.diff(lo), initial=0)) * self._REACH
        self.tables = tables = np.zeros((9, max(n, 1), span))
        index: dict[str, list[int]] = {}
        for y, keys in enumerate(tgt.anchors):
            for key in keys:
                index.setdefault(key, []).append(y)
        # Keys two neighbouring units of one side share ("Trump said ... Trump added"): a merge
        # of both counts them twice against the other side; the over_* tables undo that.
        t_repeats: dict[str, list[int]] = {}
        for y in range(m - 1):
            for key in tgt.anchors[y] & tgt.anchors[y + 1]:
                t_repeats.setdefault(key, []).append(y)
        self.own_s = np.array([_miss(keys, _MISS_SOURCE) for keys in src.anchors] or [0.0])
        self.own_t = np.array([_miss(keys, _MISS_TARGET) for keys in tgt.anchors] or [0.0])
        self.words_s = np.array([_words_missed(keys, _MISS_SOURCE) for keys in src.anchors] or [0.0])
        self.words_t = np.array([_words_missed(keys, _MISS_TARGET) for keys in tgt.anchors] or [0.0])
        self.figures_s = np.array([_figures(keys) for keys in src.anchors] or [0.0])
        self.figures_t = np.array([_figures(keys) for keys in tgt.anchors] or [0.0])
        gain, figures = tables[_GAIN], tables[_FIGURES]
        over_s, over_t = tables[_OVER_S], tables[_OVER_T]
        for x, keys in enumerate(src.anchors):
            first = int(self.start[x])
            repeated = keys & src.anchors[x + 1] if x + 1 < n else frozenset()
            for key in keys:
                kind = key[0]
                weight = _MATCH.get(kind, 0.0)
                ys = index.get(key, ())
                for y in ys[bisect.bisect_left(ys, max(first, 0)) : bisect.bisect_left(ys, first + span)]:
                    gain[x, y - first] += weight
                    # The lexicon's words cover only the lexicon's words (see _MAX_WORDS).
                    lexical = kind in _LEXICON_KEYS
                    tables[_WORDS_S if lexical else _COVER_S, x, y - first] += _MISS_SOURCE.get(kind, 0.0)
                    tables[_WORDS_T if lexical else _COVER_T, x, y - first] += _COVER_TARGET.get(kind, 0.0)
                    figures[x, y - first] += kind == "D"
                    if key in repeated:
                        over_s[x, y - first] += weight
                ys = t_repeats.get(key, ())
                for y in ys[bisect.bisect_left(ys, max(first, 0)) : bisect.bisect_left(ys, first + span)]:
                    over_t[x, y - first] += weight
        self._near_figures(src, tgt, span)

    def _near_figures(self, src: Units, tgt: Units, span: int) -> None:
        """How many of a pair's unmatched figures could be one figure changed (2023 and 2024,
        two Fridays): pairs of the same kind and, for numbers, within a factor of ten."""
        near = self.tables[_NEAR]
        t_figures = [(y, _figure_keys(keys)) for y, keys in enumerate(tgt.anchors)]
        t_figures = [(y, keys) for y, keys in t_figures if keys]
        ys = [y for y, _ in t_figures]
        for x, keys in enumerate(src.anchors):
            mine = _figure_keys(keys)
            if not mine:
                continue
            first = int(self.start[x])
            for y, theirs in t_figures[bisect.bisect_left(ys, max(first, 0)) : bisect.bisect_left(ys, first + span)]:
                near[x, y - first] = _changeable(mine - theirs, theirs - mine)

    def _gather(self) -> np.ndarray:
        """Every table at source unit i - dx and target unit j - dy for each cell (i, j) of the
        band and each offset (dx, dy) (zero where there is no such pair): (6, offsets, rows,
        width), in one indexing operation."""
        cols = self.cols
        x = np.arange(cols.shape[0])[None, :] - _OFFSET_DX[:, None]
        ok = (x >= 0) & (x < len(self.start))
        x = np.clip(x, 0, len(self.start) - 1)
        k = cols[None] - _OFFSET_DY[:, None, None] - self.start[x][:, :, None]
        inside = ok[:, :, None] & (k >= 0) & (k < self.tables.shape[2])
        values = np.zeros((len(self.tables), *k.shape))
        values[:, inside] = self.tables[:, np.broadcast_to(x[:, :, None], k.shape)[inside], k[inside]]
        return values

    def evidence(self) -> tuple[np.ndarray, np.ndarray]:
        """For each bead type of _PAIRS and cell: what the keys both sides hold are worth, and the
        evidence against the bead of each unit's keys that the other side lacks."""
        at = self._gather()

        def summed(selection: np.ndarray, table: np.ndarray) -> np.ndarray:
            return np.tensordot(selection, table, axes=1)

        total = summed(_BLOCK, at[_GAIN])
        # A key that two neighbouring units of one side hold counts once for the merge of both:
        # pairwise sums less the repeats (exact for 2-1 and 1-2, close for the rest).
        over = summed(_OVER_S_PAIRS, at[_OVER_S]) + summed(_OVER_T_PAIRS, at[_OVER_T])
        single = np.where(_BLOCK_MASK, at[_GAIN][None], -_INF).max(axis=1)
        matched = np.where(_ONE_ONE, total, np.maximum(total - over, single))
        # Each unit of a bead against the bead's units on the other side, for each offset read
        # as (dx, b) (source units) or (a, dy) (target units).
        rows = np.arange(self.cols.shape[0])[None, :, None]
        x = np.clip(rows - _OFFSET_DX[:, None, None], 0, len(self.own_s) - 1)
        y = np.clip(self.cols[None] - _OFFSET_DY[:, None, None], 0, len(self.own_t) - 1)
        miss_s = np.maximum(self.own_s[x] - summed(_SOURCE_UNIT, at[_COVER_S]), 0.0)
        miss_t = np.maximum(self.own_t[y] - summed(_TARGET_UNIT, at[_COVER_T]), 0.0)
        words_s = np.maximum(self.words_s[x] - summed(_SOURCE_UNIT, at[_WORDS_S]), 0.0)
        words_t = np.maximum(self.words_t[y] - summed(_TARGET_UNIT, at[_WORDS_T]), 0.0)
        # Words missed count in full against a join (a sentence joined to a neighbour must bring
        # words the other side has) and at _ONE_ONE_WORDS against a pair.
        words = np.where(_ONE_ONE, _ONE_ONE_WORDS, 1.0) * (
            summed(_SOURCE_UNITS, words_s) + summed(_TARGET_UNITS, words_t)
        )
        lone_s = summed(_SOURCE_UNITS, np.maximum(self.figures_s[x] - summed(_SOURCE_UNIT, at[_FIGURES]), 0.0))
        lone_t = summed(_TARGET_UNITS, np.maximum(self.figures_t[y] - summed(_TARGET_UNIT, at[_FIGURES]), 0.0))
        out = summed(_SOURCE_UNITS, miss_s) + summed(_TARGET_UNITS, miss_t)
        # A figure on each side that the other lacks is one figure changed. In a join, only if
        # the two could be one (2023 and 2024): a sentence merged with a neighbour must not
        # explain away the neighbour's stray figures ("World War Two") with its own unrelated
        # ones, which made dropping a sentence with a figure look like a join.
        changed = np.minimum(lone_s, lone_t)
        changed = np.where(_ONE_ONE, changed, np.minimum(changed, summed(_BLOCK, at[_NEAR])))
        lone = np.minimum(lone_s + lone_t - 2 * changed, _MAX_MISS / _MISS_FIGURE)
        return matched, out + words + _MISS_FIGURE * lone + _CHANGED_FIGURE * changed


class _Evidence:
    """The anchor evidence of one pair of unit sequences, worked out in the document's first
    pass and taken again in the second: the band follows the length diagonal, which neither
    pass's ratio moves, so the same units in the same band have the same evidence; only the
    length model differs. Kept per band's lower edges (the band widens on hard paragraphs)."""

    def __init__(self) -> None:
        self._saved: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}
        self.keep = True

    def get(self, lo: np.ndarray, make: Callable[[], tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        key = lo.tobytes()
        found = self._saved.pop(key, None) if not self.keep else self._saved.get(key)
        if found is None:
            found = make()
            if self.keep:
                self._saved[key] = found
        return found


_Units = tuple[tuple[int, ...], tuple[int, ...]]  # a paragraph bead's sentence ids, both sides
# The paragraphs' own alignment, among the paragraph beads' sentence alignments.
_PARAGRAPHS: _Units = ((-1,), (-1,))


class _Reuse:
    """Each alignment's _Evidence, by the units it aligns, from the first pass to the second."""

    def __init__(self) -> None:
        self._by_units: dict[_Units, _Evidence] = {}
        self._first = True

    def second_pass(self) -> None:
        self._first = False
        for evidence in self._by_units.values():
            evidence.keep = False  # taken once, then the memory is free

    def of(self, units: _Units) -> _Evidence | None:
        if self._first:
            return self._by_units.setdefault(units, _Evidence())
        return self._by_units.pop(units, None)


def _figures(keys: frozenset[str]) -> float:
    return float(sum(1 for k in keys if k[0] == "D"))


def _figure_keys(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k[0] == "D")


def _figure_kind(key: str) -> tuple[str, float]:
    """A figure key's kind and, for a number, its size: ("", 2024.0), ("m", 0.0), ("date", 0.0)."""
    body = key[2:]
    try:
        return "", abs(float(body))
    except ValueError:
        return re.sub(r"[^a-z].*", "", body), 0.0


def _near(a: str, b: str) -> bool:
    (kind_a, size_a), (kind_b, size_b) = _figure_kind(a), _figure_kind(b)
    if kind_a != kind_b:
        return False
    if kind_a:
        return True
    low, high = sorted((size_a, size_b))
    return high <= 10 * max(low, 1.0)


def _changeable(source: frozenset[str], target: frozenset[str]) -> int:
    """Figures of one side that a figure of the other side could have been before a change."""
    return min(
        sum(any(_near(a, b) for b in target) for a in source), sum(any(_near(a, b) for a in source) for b in target)
    )


def _miss(keys: frozenset[str], weights: dict[str, float]) -> float:
    """What a unit's anchors say against a bead without them, capped."""
    return min(sum(weights.get(k[0], 0.0) for k in keys if k[0] not in _LEXICON_KEYS), _MAX_MISS)


def _words_missed(keys: frozenset[str], weights: dict[str, float]) -> float:
    """The same for the lexicon's words, under their own cap."""
    return min(sum(weights.get(k[0], 0.0) for k in keys if k[0] in _LEXICON_KEYS), _MAX_WORDS)


def _similarity(
    scorer: PairScorer, src: Units, tgt: Units, a: int, b: int, cols: np.ndarray, ok: np.ndarray
) -> np.ndarray:
    out = np.zeros(cols.shape)
    for i, k in zip(*np.nonzero(ok), strict=True):
        j = int(cols[i, k])
        sim = scorer(src.texts[i - a : i], tgt.texts[j - b : j])
        out[i, k] = _SIMILARITY_WEIGHT * (0.5 - sim)
    return out


def _trace(table: np.ndarray, back: np.ndarray, lo: np.ndarray, n: int, m: int) -> tuple[list[Bead], bool]:
    """Follow back-pointers from (n, m); also report whether the path ran along the band's
    edge, where a wider band might have found a cheaper path."""
    width = table.shape[1]
    if not np.isfinite(table[n, m - lo[n]]):
        return _unalignable(n, m), True
    beads: list[Bead] = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        k = j - int(lo[i])
        touched |= (k == 0 and lo[i] > 0) or (k == width - 1 and j < m)
        a, b = _CODES[int(back[i, k])]
        cost = table[i, k] - table[i - a, j - b - lo[i - a]]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), _score(float(cost))))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched


def _score(cost: float) -> float:
    """Bead cost → a score in (0, 1], higher is better: 1.0 for a bead as cheap as a perfect
    1-1 match, falling as length and anchors disagree."""
    return round(math.exp(-max(cost, 0.0) / 10.0), 3)


def _unalignable(n: int, m: int) -> list[Bead]:
    return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]


def align_documents(
    source: Document, target: Document, scorer: PairScorer | None = None, lexicon: Lexicon | None = None
) -> list[Bead]:
    """Paragraphs first, then sentences inside each paragraph bead; ids are segment ids.
    ``lexicon``, when it serves the two languages, adds its words to the anchors.

    Two passes: the first uses the whole documents' length ratio and Gale and Church's
    variance, the second the ratio and variance measured on the first pass's 1-1 beads, since
    how long and how tightly a translation follows its source depends on the translator and
    the language pair, and a dropped or added sentence must not skew the ratio it is judged by.
    """
    s_texts = [seg.text for seg in source.segments]
    t_texts = [seg.text for seg in target.segments]
    s_anchors = anchor_keys_many(s_texts, source.lang)
    t_anchors = anchor_keys_many(t_texts, target.lang)
    if lexicon is not None and lexicon.serves(source.lang, target.lang):
        s_words = lexicon.keys_many(s_texts, source.lang, "source")
        t_words = lexicon.keys_many(t_texts, target.lang, "target")
        s_anchors = [a | w for a, w in zip(s_anchors, s_words, strict=True)]
        t_anchors = [a | w for a, w in zip(t_anchors, t_words, strict=True)]
    ratio = length_ratio(source, target)
    reuse = _Reuse()
    first = _align_pass(
        source, target, s_anchors, t_anchors, scorer, ratio, DEFAULT_VARIANCE, posteriors=False, reuse=reuse
    )
    ratio, variance = _measure(first, source, target, ratio)
    priors = _measure_priors(first)
    reuse.second_pass()
    return _align_pass(source, target, s_anchors, t_anchors, scorer, ratio, variance, priors=priors, reuse=reuse)


# How often a document's translator joins or splits sentences is its own habit (Korean
# translations of English news split a sentence in two about one time in nine; Russian ones
# about one in forty): the second pass takes the bead kinds of the first, pulled toward the
# default priors with the weight of this many beads, so a short document keeps the defaults and
# a single dropped sentence read as a merge moves them little.
_PRIOR_BEADS = 60


def _measure_priors(beads: list[Bead]) -> dict[tuple[int, int], float]:
    counts = {kind: 0 for kind in SENTENCE_PRIORS}
    for bead in beads:
        kind = (len(bead.source), len(bead.target))
        if kind in counts and 0 not in kind:
            counts[kind] += 1
    total = sum(counts.values())
    # Indels keep their prior: they are what the alignment is asked to find, not a habit.
    joins = {
        k: (counts[k] + _PRIOR_BEADS * p) / (total + _PRIOR_BEADS) for k, p in SENTENCE_PRIORS.items() if 0 not in k
    }
    scale = (1.0 - sum(p for k, p in SENTENCE_PRIORS.items() if 0 in k)) / sum(joins.values())
    return {k: joins[k] * scale if k in joins else p for k, p in SENTENCE_PRIORS.items()}


def length_ratio(source: Document, target: Document) -> float:
    """Content characters of the target per content character of the source."""
    src = sum(text_length(s.text) for s in source.segments)
    tgt = sum(text_length(s.text) for s in target.segments)
    return tgt / src if src and tgt else 1.0


# A short document has too few 1-1 beads to measure its variance: the estimate is pulled
# toward a prior worth this many beads. The prior lies between what professional translations
# show (FLORES and NTREX: about 2.5 for Russian-English, 4.6 for Korean-English, in characters).
_PRIOR_VARIANCE = 4.0
_PRIOR_WEIGHT = 20


def _measure(beads: list[Bead], source: Document, target: Document, ratio: float) -> tuple[float, float]:
    """Length ratio and variance of the first pass's 1-1 beads (the ratio as given when it
    has none)."""
    ones = [(b.source[0], b.target[0]) for b in beads if len(b.source) == 1 and len(b.target) == 1]
    ls = np.array([text_length(source.segments[i].text) for i, _ in ones], dtype=np.float64)
    lt = np.array([text_length(target.segments[j].text) for _, j in ones], dtype=np.float64)
    if len(ones) >= 3 and ls.sum() and lt.sum():
        ratio = float(lt.sum() / ls.sum())
    if not len(ones):
        return ratio, DEFAULT_VARIANCE
    expected = ratio * ls
    residuals = (lt - expected) ** 2 / np.maximum((expected + lt) / 2.0, 1.0)
    # The median of a squared normal deviate is 0.455 of its variance; the median keeps a
    # few wrong beads of the first pass from inflating the estimate.
    measured = float(np.median(residuals)) / 0.455
    variance = (_PRIOR_WEIGHT * _PRIOR_VARIANCE + len(ones) * measured) / (_PRIOR_WEIGHT + len(ones))
    lo, hi = _VARIANCE_BOUNDS
    return ratio, min(hi, max(lo, variance))


def _align_pass(
    source: Document,
    target: Document,
    s_anchors: list[frozenset[str]],
    t_anchors: list[frozenset[str]],
    scorer: PairScorer | None,
    ratio: float,
    variance: float,
    posteriors: bool = True,
    priors: dict[tuple[int, int], float] = SENTENCE_PRIORS,
    reuse: _Reuse | None = None,
) -> list[Bead]:
    """One alignment; a sentence bead's confidence is its posterior within its paragraph
    bead times that paragraph bead's posterior among the paragraphs. ``reuse`` holds the anchor
    evidence of each paragraph bead (by its sentence ids) from one pass to the next."""
    beads: list[Bead] = []
    p_beads = align_units(
        _paragraph_units(source, s_anchors),
        _paragraph_units(target, t_anchors),
        scorer,
        ratio,
        variance,
        PARAGRAPH_PRIORS,
        posteriors=posteriors,
        reuse=reuse.of(_PARAGRAPHS) if reuse is not None else None,
    )
    ids: list[tuple[list[int], list[int]]] = []
    pairs: list[tuple[Units, Units, _Evidence | None]] = []
    for p_bead in p_beads:
        s_ids = [s for p in p_bead.source for s in source.paragraphs[p].segments]
        t_ids = [t for p in p_bead.target for t in target.paragraphs[p].segments]
        s_units = Units.build([source.segments[s].text for s in s_ids], [s_anchors[s] for s in s_ids])
        t_units = Units.build([target.segments[t].text for t in t_ids], [t_anchors[t] for t in t_ids])
        evidence = reuse.of((tuple(s_ids), tuple(t_ids))) if reuse is not None else None
        ids.append((s_ids, t_ids))
        pairs.append((s_units, t_units, evidence))
    aligned = _align_units_many(pairs, scorer, ratio, variance, priors, posteriors)
    for p_bead, (s_ids, t_ids), found in zip(p_beads, ids, aligned, strict=True):
        for bead in found:
            beads.append(
                Bead(
                    tuple(s_ids[k] for k in bead.source),
                    tuple(t_ids[k] for k in bead.target),
                    bead.score,
                    round(bead.confidence * p_bead.confidence, 3),
                )
            )
    return beads


def _paragraph_units(doc: Document, anchors: Sequence[frozenset[str]]) -> Units:
    # Without the lexicon's words: a paragraph holds dozens, and the many a dropped sentence
    # takes away would outweigh its figures and length and unpair a whole paragraph.
    return Units.build(
        [doc.text[p.span.start : p.span.end] for p in doc.paragraphs],
        [frozenset(k for s in p.segments for k in anchors[s] if k[0] not in _LEXICON_KEYS) for p in doc.paragraphs],
    )
