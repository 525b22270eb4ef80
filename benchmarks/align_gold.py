"""Alignment quality and speed against gold, side by side with `galechurch` (PyPI, Rust).

Gold is built from line-aligned FLORES-200 dev ru↔en and NTREX-128 (ko/ru↔en): consecutive
sentences form a document; with a fixed seed, 7% of positions merge two sentences on the
target side (2-1), 7% on the source side (1-2), 3% drop a source sentence (0-1) and 3% a
target sentence (1-0). Both aligners get the same sentence lists. Exact-bead F1 counts a
predicted bead as right only when it equals a gold bead. mtcheck's time includes analysing
the sentences for anchors (Korean morphology, number and name keys), not loading the models,
which is printed once on its own line.

    .venv/bin/python benchmarks/align_gold.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from mtcheck.align import align_documents
from mtcheck.documents.text import document_from_sentences

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
SETS = {
    "flores dev ru-en": ("flores200_ru_en/flores200.dev.rus_Cyrl", "flores200_ru_en/flores200.dev.eng_Latn", "ru"),
    "ntrex ru-en": (
        "ntrex128_eng_rus_kor/newstest2019-ref.rus.txt",
        "ntrex128_eng_rus_kor/newstest2019-src.eng.txt",
        "ru",
    ),
    "ntrex ko-en": (
        "ntrex128_eng_rus_kor/newstest2019-ref.kor.txt",
        "ntrex128_eng_rus_kor/newstest2019-src.eng.txt",
        "ko",
    ),
}
Bead = tuple[tuple[int, ...], tuple[int, ...]]


def perturb(src: list[str], tgt: list[str], seed: int = 13) -> tuple[list[str], list[str], list[Bead]]:
    rng = random.Random(seed)
    out_s: list[str] = []
    out_t: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < len(src):
        r = rng.random()
        s0, t0 = len(out_s), len(out_t)
        if r < 0.07 and i + 1 < len(src):  # target merges two sentences
            out_s += [src[i], src[i + 1]]
            out_t.append(tgt[i] + " " + tgt[i + 1])
            gold.append(((s0, s0 + 1), (t0,)))
            i += 2
        elif r < 0.14 and i + 1 < len(src):  # source merges two sentences
            out_s.append(src[i] + " " + src[i + 1])
            out_t += [tgt[i], tgt[i + 1]]
            gold.append(((s0,), (t0, t0 + 1)))
            i += 2
        elif r < 0.17:  # source sentence deleted: its translation is an addition
            out_t.append(tgt[i])
            gold.append(((), (t0,)))
            i += 1
        elif r < 0.20:  # target sentence deleted: an omission
            out_s.append(src[i])
            gold.append(((s0,), ()))
            i += 1
        else:
            out_s.append(src[i])
            out_t.append(tgt[i])
            gold.append(((s0,), (t0,)))
            i += 1
    return out_s, out_t, gold


def f1(pred: list[Bead], gold: list[Bead]) -> float:
    hit = len(set(pred) & set(gold))
    p, r = hit / len(pred), hit / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def ours(src: list[str], tgt: list[str], lang: str) -> list[Bead]:
    s_doc = document_from_sentences("src", lang, src)
    t_doc = document_from_sentences("tgt", "en", tgt)
    return [(b.source, b.target) for b in align_documents(s_doc, t_doc)]


def theirs(src: list[str], tgt: list[str]) -> list[Bead] | None:
    try:
        import galechurch
    except ImportError:
        return None
    result = galechurch.align(src, tgt)
    return [
        (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end))) for b in result.beads
    ]


def main() -> int:
    if not EVAL.exists():
        print(f"eval data not found at {EVAL}; nothing to measure")
        return 0
    load = load_models()
    print(f"one-time loading of the Korean analyser (Kiwi) before the timings: {load:.2f} s")
    print(f"{'set':<18} {'sents':>6} {'mtcheck F1':>10} {'time s':>7} {'galechurch F1':>13} {'time s':>7} {'ratio':>6}")
    for name, (s_path, t_path, lang) in SETS.items():
        src = (EVAL / s_path).read_text(encoding="utf-8").splitlines()
        tgt = (EVAL / t_path).read_text(encoding="utf-8").splitlines()
        ps, pt, gold = perturb(src, tgt)
        t0 = time.perf_counter()
        mine = ours(ps, pt, lang)
        t1 = time.perf_counter()
        other = theirs(ps, pt)
        t2 = time.perf_counter()
        gc = f"{'not installed':>13} {'-':>7} {'-':>6}"
        if other is not None:
            gc = f"{f1(other, gold):>13.3f} {t2 - t1:>7.2f} {(t1 - t0) / (t2 - t1):>5.1f}x"
        print(f"{name:<18} {len(ps):>6} {f1(mine, gold):>10.3f} {t1 - t0:>7.2f} {gc}")
    return 0


def load_models() -> float:
    """Load what the aligner's anchors analyse with, so that the timings compare aligning, not
    loading: Kiwi's model takes seconds to load and warm up, once per process."""
    from mtcheck.lang import ko

    t0 = time.perf_counter()
    ko.tokens_many(["모델을 불러온다."])
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
