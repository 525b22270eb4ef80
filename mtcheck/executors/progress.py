"""One progress bar over a whole scan: files done of all, sentences checked, time left."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class ScanBar:
    """A rich bar on stderr; does nothing when stderr is not a terminal (CI logs, pipes) or
    when ``enabled`` is false. Transient: it leaves nothing behind once the scan is done."""

    def __init__(self, files: int, enabled: bool = True) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._sentences = 0
        if not enabled or files == 0 or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        # What is being done goes last: on a narrow terminal it is what gets cut.
        self._bar = Progress(
            TextColumn("mtcheck"),
            BarColumn(bar_width=30),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[sentences]:,} sentences ·"),
            TimeElapsedColumn(),
            TextColumn("· left"),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._bar.add_task("", total=files, sentences=0)

    def __enter__(self) -> ScanBar:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, sentences: int) -> None:
        """One more file done, with this many sentences."""
        self._sentences += sentences
        if self._bar is not None:
            self._bar.update(self._task, advance=1, sentences=self._sentences)

    def describe(self, text: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=text)
