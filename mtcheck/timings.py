"""Wall time per pipeline stage, for finding where a slow run goes (``MTCHECK_TIMINGS=1``)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from typing import TextIO

ENV_TIMINGS = "MTCHECK_TIMINGS"


class StageTimer:
    """Hears each stage's name as it starts (the pipeline's ``on_step``) and charges the time
    until the next one to it; stages heard more than once (one scan, many pairs) add up."""

    def __init__(self, then: Callable[[str], None] | None = None) -> None:
        self._then = then
        self._current: str | None = None
        self._since = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def __call__(self, name: str) -> None:
        self._charge()
        # Per-document counts in a stage's name ("aligning 1,000 × 990 sentences") would split it.
        self._current = name.split(" ", 1)[0] if not name.startswith("checking") else name
        if self._then is not None:
            self._then(name)

    def add(self, seconds: Iterable[tuple[str, float]]) -> None:
        """Stage times measured elsewhere (a scan's worker processes)."""
        for name, secs in seconds:
            self.seconds[name] = self.seconds.get(name, 0.0) + secs

    def _charge(self) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self.seconds[self._current] = self.seconds.get(self._current, 0.0) + now - self._since
        self._since = now

    def report(self, out: TextIO | None = None) -> None:
        out = out or sys.stderr  # looked up now: the CLI's stderr may have been replaced since import
        self._charge()
        self._current = None
        total = sum(self.seconds.values())
        for name, secs in sorted(self.seconds.items(), key=lambda kv: -kv[1]):
            print(f"mtcheck: time {secs:8.2f} s {secs / total:6.1%}  {name}", file=out)


def wanted() -> bool:
    return os.environ.get(ENV_TIMINGS, "") not in ("", "0")
