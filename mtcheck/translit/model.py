"""A learned transliteration model: how likely an English spelling is for a source spelling.

The model is a many-to-many transducer (as in Jiampojamarn et al.'s m2m-aligner and Ristad &
Yianilos' stochastic edit distance): the source is cut into segments of one or two units (a
Cyrillic letter, a Hangul jamo), each segment writes zero to four Latin letters with probability
p(latin | segment), and a few Latin letters may appear from nothing (p_insert). The parameters are
fitted by expectation maximisation on name pairs (see mtcheck.translit.fit), so that what English
does with a foreign name in Russian or Korean spelling (Кромвель → Cromwell, 빅토르 → Viktor,
Victor) is read off data rather than written as rules.

P(latin | source) sums over every segmentation and alignment (the forward algorithm); the n best
spellings of a source come from a beam search.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAX_SOURCE = 2  # units in one source segment
MAX_LATIN = 4  # letters one segment may write (щ → shch)
_SEP = "\x1f"
# Probability of a letter written by a segment that never wrote it in the data: garbles do that,
# and a score must stay finite to tell a near miss from an unrelated word.
_FLOOR = 1e-6
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _key(units: Sequence[str]) -> str:
    return _SEP.join(units)


@dataclass
class PairModel:
    """p(latin | source segment), p(inserted letter), and an English letter bigram model for
    normalising scores (how likely the spelling is as English letters at all)."""

    script: str
    emit: dict[str, dict[str, float]]
    insert: dict[str, float]
    bigram: dict[str, dict[str, float]] = field(default_factory=dict)
    calibration: dict[str, float] = field(default_factory=dict)

    # ---- scoring -------------------------------------------------------------------------

    def logprob(self, source: Sequence[str], latin: str) -> float:
        """log P(latin | source), summed over segmentations and alignments."""
        return self._logprob(tuple(source), latin)

    # A document names its people and places again and again, and the name checks weigh the same
    # spellings of them each time: half the calls on a 5,000-sentence document repeat an earlier one.
    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one model per script, kept for the process
    def _logprob(self, source: tuple[str, ...], latin: str) -> float:
        n, m = len(source), len(latin)
        if n == 0:
            return 0.0 if m == 0 else -math.inf
        alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
        alpha[0][0] = 1.0
        keys = self._segment_keys(source)
        for i in range(n + 1):
            row = alpha[i]
            for j in range(m + 1):
                a = row[j]
                if a == 0.0:
                    continue
                if j < m:
                    row[j + 1] += a * self.insert.get(latin[j], 0.0)
                for k, table in keys[i]:
                    nxt = alpha[i + k]
                    for ln in range(min(MAX_LATIN, m - j) + 1):
                        p = table.get(latin[j : j + ln])
                        if p is None:
                            p = _FLOOR if ln == 1 and k == 1 else 0.0
                        if p:
                            nxt[j + ln] += a * p
        z = alpha[n][m]
        return math.log(z) if z > 0 else -math.inf

    def english_logprob(self, latin: str) -> float:
        """log P(latin) under the letter bigram model of English spellings."""
        lp, prev = 0.0, "^"
        for ch in latin + "$":
            row = self.bigram.get(prev, {})
            lp += math.log(row.get(ch, 1e-4))
            prev = ch
        return lp

    def score(self, source: Sequence[str], latin: str) -> float:
        """Log-likelihood ratio per letter: how much better the source explains the spelling than
        English letters alone do. Comparable across names of different lengths."""
        if not latin:
            return -math.inf
        return (self.logprob(source, latin) - self.english_logprob(latin)) / (len(latin) + 1)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one model per script, kept for the process
    def _segment_keys(self, source: tuple[str, ...]) -> list[list[tuple[int, dict[str, float]]]]:
        out: list[list[tuple[int, dict[str, float]]]] = []
        for i in range(len(source) + 1):
            here = []
            for k in range(1, MAX_SOURCE + 1):
                if i + k <= len(source):
                    table = self.emit.get(_key(source[i : i + k]))
                    if table is None and k == 1:
                        table = {}
                    if table is not None:
                        here.append((k, table))
            out.append(here)
        return out

    def __hash__(self) -> int:
        return id(self)

    # ---- decoding ------------------------------------------------------------------------

    def nbest(self, source: Sequence[str], n: int = 10, beam: int = 64) -> list[tuple[str, float]]:
        """The n likeliest spellings with log P(spelling, one segmentation) (Viterbi scores)."""
        src = tuple(source)
        steps = self._segment_logs(src)
        end = len(src)
        # states: position -> (logp, text); a position short of the end keeps only its ``beam``
        # best (a bounded min-heap: what a full list cut to the beam keeps, without building the
        # spellings that would be cut); the end keeps each spelling's best.
        states: dict[int, list[tuple[float, str]]] = defaultdict(list)
        states[0] = [(0.0, "")]
        final: dict[str, float] = {}
        for i in range(end):
            cands = heapq.nlargest(beam, states.pop(i, []))
            for k, outs in steps[i]:
                heap = states[i + k]
                if i + k == end:
                    _finish(final, cands, outs, n)
                    continue
                full = len(heap) >= beam
                for lp, text in cands:
                    # Candidates come likeliest first: once the best spelling of this one cannot
                    # enter the full heap, none after it can.
                    if full and outs and lp + outs[0][1] < heap[0][0]:
                        break
                    for out, lq in outs:  # likeliest first
                        score = lp + lq
                        if not full:
                            heapq.heappush(heap, (score, text + out))
                            full = len(heap) >= beam
                            continue
                        floor = heap[0]
                        if score < floor[0]:
                            break
                        item = (score, text + out)
                        if item > floor:
                            heapq.heapreplace(heap, item)
        return heapq.nlargest(n, final.items(), key=lambda x: x[1])

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one model per script, kept for the process
    def _segment_logs(self, source: tuple[str, ...]) -> list[list[tuple[int, list[tuple[str, float]]]]]:
        """Per position, each segment's spellings worth trying (p > 1e-4) with their log
        probabilities, likeliest first."""
        return [
            [(k, self._ranked(_key(source[i : i + k]))) for k, _ in here]
            for i, here in enumerate(self._segment_keys(source))
        ]

    # Names share their letters: a segment's spellings are ranked once, not once per name.
    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one model per script, kept for the process
    def _ranked(self, segment: str) -> list[tuple[str, float]]:
        table = self.emit.get(segment) or {}
        return sorted(((out, math.log(p)) for out, p in table.items() if p > 1e-4), key=lambda x: -x[1])

    # ---- persistence ---------------------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        def rounded(d: dict[str, float]) -> dict[str, float]:
            return {k: float(f"{v:.4g}") for k, v in sorted(d.items()) if v >= 1e-5}

        return {
            "script": self.script,
            "emit": {k: rounded(v) for k, v in sorted(self.emit.items())},
            "insert": rounded(self.insert),
            "bigram": {k: rounded(v) for k, v in sorted(self.bigram.items())},
            "calibration": self.calibration,
        }

    def save(self, path: Path) -> None:
        data = json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=0)
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
            f.write(data)

    @classmethod
    def load(cls, path: Path) -> PairModel:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            d = json.load(f)
        return cls(d["script"], d["emit"], d["insert"], d.get("bigram", {}), d.get("calibration", {}))


# ---- fitting ------------------------------------------------------------------------------


def _edges(src: tuple[str, ...], latin: str) -> Iterable[tuple[int, int, int, int]]:
    """Every step (i, j, k, ln) of the lattice: k source units from i write ln letters from j."""
    n, m = len(src), len(latin)
    for i in range(n + 1):
        for j in range(m + 1):
            for k in range(1, MAX_SOURCE + 1):
                if i + k > n:
                    break
                for ln in range(min(MAX_LATIN, m - j) + 1):
                    yield i, j, k, ln


def fit(
    pairs: Sequence[tuple[tuple[str, ...], str]],
    script: str,
    iterations: int = 8,
    min_segment_count: int = 5,
    insert_prior: float = 0.01,
) -> PairModel:
    """Fit p(latin | segment) by EM. Two-unit segments are kept only when seen often enough in the
    data (ㅅ+ㅡ → s), so that rare pairs do not buy their way out of being explained."""
    bigram_counts: dict[str, int] = defaultdict(int)
    for src, _ in pairs:
        for i in range(len(src) - 1):
            bigram_counts[_key(src[i : i + 2])] += 1
    allowed2 = {k for k, c in bigram_counts.items() if c >= min_segment_count}
    emit: dict[str, dict[str, float]] = {}
    insert = {ch: insert_prior / 26 for ch in _LETTERS}
    for it in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        ins_counts: dict[str, float] = defaultdict(float)
        for src, latin in pairs:
            _expect(src, latin, emit, insert, allowed2, counts, ins_counts, uniform=it == 0)
        emit = {}
        for s, row in counts.items():
            total = sum(row.values())
            emit[s] = {t: c / total for t, c in row.items() if c / total >= 1e-5}
        total_steps = sum(sum(r.values()) for r in counts.values()) + sum(ins_counts.values())
        insert = {ch: max(ins_counts.get(ch, 0.0), 0.1) / max(total_steps, 1.0) for ch in _LETTERS}
    model = PairModel(script, emit, insert)
    model.bigram = _bigram([latin for _, latin in pairs])
    return model


def _expect(
    src: tuple[str, ...],
    latin: str,
    emit: dict[str, dict[str, float]],
    insert: dict[str, float],
    allowed2: set[str],
    counts: dict[str, dict[str, float]],
    ins_counts: dict[str, float],
    uniform: bool,
) -> None:
    n, m = len(src), len(latin)

    def p_of(i: int, k: int, j: int, ln: int) -> float:
        key = _key(src[i : i + k])
        if k == 2 and key not in allowed2:
            return 0.0
        if uniform:
            # Before any data: a segment writes about as many letters as it has units.
            return 0.5 ** abs(ln - k)
        return emit.get(key, {}).get(latin[j : j + ln], 0.0)

    steps = [(i, j, k, ln, p) for i, j, k, ln in _edges(src, latin) if (p := p_of(i, k, j, ln)) > 0]
    alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
    alpha[0][0] = 1.0
    by_start: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
    for i, j, k, ln, p in steps:
        by_start[(i, j)].append((k, ln, p))
    ins = [insert.get(ch, 0.0) for ch in latin]
    for i in range(n + 1):
        for j in range(m + 1):
            a = alpha[i][j]
            if a == 0.0:
                continue
            if j < m:
                alpha[i][j + 1] += a * ins[j]
            for k, ln, p in by_start.get((i, j), ()):
                alpha[i + k][j + ln] += a * p
    z = alpha[n][m]
    if z <= 0.0:
        return
    beta = [[0.0] * (m + 1) for _ in range(n + 1)]
    beta[n][m] = 1.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            b = beta[i][j] if (i, j) == (n, m) else 0.0
            if j < m:
                b += ins[j] * beta[i][j + 1]
            for k, ln, p in by_start.get((i, j), ()):
                b += p * beta[i + k][j + ln]
            beta[i][j] = b
    for i, j, k, ln, p in steps:
        c = alpha[i][j] * p * beta[i + k][j + ln] / z
        if c > 1e-9:
            counts[_key(src[i : i + k])][latin[j : j + ln]] += c
    for i in range(n + 1):
        for j in range(m):
            c = alpha[i][j] * ins[j] * beta[i][j + 1] / z
            if c > 1e-9:
                ins_counts[latin[j]] += c


def _bigram(words: Iterable[str]) -> dict[str, dict[str, float]]:
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for w in words:
        prev = "^"
        for ch in w + "$":
            counts[prev][ch] += 1
            prev = ch
    out = {}
    for prev, row in counts.items():
        total = sum(row.values()) + 27
        out[prev] = {ch: (row.get(ch, 0.0) + 1) / total for ch in _LETTERS + "$"}
    return out


def _finish(final: dict[str, float], cands: list[tuple[float, str]], outs: list[tuple[str, float]], n: int) -> None:
    """Add the spellings that end the source to ``final`` (each spelling's best log-probability),
    skipping what cannot reach the n best: once ``final`` holds n spellings, one scoring below
    the n-th of them never will, as that only rises. ``cands`` and ``outs`` come likeliest first."""
    floor, counted = -math.inf, 0
    for lp, text in cands:
        if not outs or lp + outs[0][1] < floor:
            break
        for out, lq in outs:
            score = lp + lq
            if score < floor:
                break
            spelling = text + out
            if score > final.get(spelling, -math.inf):
                final[spelling] = score
        # The n-th best so far, taken again as ``final`` doubles: any value of it is safe.
        if len(final) >= max(n, 2 * counted):
            floor, counted = heapq.nlargest(n, final.values())[-1], len(final)
