"""How often Python's cyclic garbage collector runs in a process that checks documents.

A check holds large, long-lived tables (Russian and Korean morphology, the transliteration
models, English word frequencies, caches keyed by sentence and name) and makes many small
objects for every sentence, few of them in reference cycles. CPython's default thresholds
(700, 10, 10) run a collection every 700 net allocations and walk the older generations every
ten of those: on this project's 5,000-sentence documents that was 1.2 s of a ko-en check and
0.85 s of a ru-en one spent collecting almost nothing. Collecting a hundred times less often
takes 0.2-0.35 s there and leaves the peak memory as it was (benchmarks/RESULTS-speed.md).
"""

from __future__ import annotations

import gc

# Net allocations before a young collection; young collections before a middle one; middle
# ones before a full one.
THRESHOLDS = (50_000, 20, 20)


def tune() -> None:
    """Set this process's collector to THRESHOLDS, raising them only: never lowering what a host
    application asked for, nor turning on automatic collection where it set 0 to turn it off."""
    current = gc.get_threshold()
    if current[0] == 0:
        return
    gc.set_threshold(*(max(a, b) for a, b in zip(current, THRESHOLDS, strict=True)))
