"""English: name-like spans (runs of capitalised words, acronyms)."""

from __future__ import annotations

import re

# A run of capitalised words, e.g. "Kim Jong Un", "Kursk Region", "KCNA".
_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


def name_runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _RUN.finditer(text)]
