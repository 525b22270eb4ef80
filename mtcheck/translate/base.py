"""The translator protocol every backend speaks, and the helpers they share.

A translator takes a batch of texts and returns a list of the same length, in the same
order. Its :meth:`Translator.signature` names everything that changes its output (model,
revision, beam size, dtype), so that a cached translation is only reused by a translator
that would have produced it.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from mtcheck.errors import MtcheckError


class TranslationError(MtcheckError):
    """A model cannot be found or loaded, or a translation server failed: one line, exit 2."""


@dataclass(frozen=True, slots=True)
class TranslatorSignature:
    backend: str
    model: str
    revision: str = ""
    beam: int = 1
    dtype: str = ""

    def __str__(self) -> str:
        rev = f"@{self.revision}" if self.revision else ""
        return f"{self.backend}:{self.model}{rev}|beam:{self.beam}|dtype:{self.dtype or '-'}"


@runtime_checkable
class Translator(Protocol):
    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]: ...

    def signature(self) -> TranslatorSignature: ...


def length_sorted_batches(texts: Sequence[str], batch_size: int) -> Iterator[list[int]]:
    """Indices of ``texts`` in batches of similar length: padding a short sentence to the
    length of a long one wastes most of a batch's compute."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for k in range(0, len(order), max(1, batch_size)):
        yield order[k : k + batch_size]


# Below this many segments a progress bar flickers more than it informs.
PROGRESS_MIN = 32
_bars = {"enabled": True}


def progress_bars(enabled: bool) -> None:
    """Switch this process's translation progress bars on or off: a scan's worker processes
    share the terminal with the scan's own bar, which they must not draw over."""
    _bars["enabled"] = enabled


def progress(total: int, label: str) -> tuple[Callable[[int], None], Callable[[], None]]:
    """(advance, close) for a rich progress bar on stderr; both no-ops when stderr is not a
    terminal (CI logs, pipes), the job is small or bars are off in this process."""
    if total < PROGRESS_MIN or not _bars["enabled"] or not sys.stderr.isatty():
        return (lambda _n: None), (lambda: None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    from rich.errors import LiveError

    try:
        bar.start()
    except LiveError:  # another live display (a status line) holds the terminal
        return (lambda _n: None), (lambda: None)
    task = bar.add_task(label, total=total)
    return (lambda n: bar.advance(task, n)), bar.stop


def dir_fingerprint(path: Path) -> str:
    """A short hash of a model folder's files (names, sizes, first and last MiB): the cache
    must not hand one model's translations to another that happens to share a folder name,
    nor to the same folder after its weights were replaced."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.iterdir() if p.is_file()):
        size = f.stat().st_size
        h.update(f"{f.name}\0{size}\0".encode())
        with f.open("rb") as fh:
            h.update(fh.read(_MIB))
            if size > 2 * _MIB:
                fh.seek(-_MIB, 2)
                h.update(fh.read(_MIB))
    return h.hexdigest()[:16]


_MIB = 1 << 20


@dataclass
class ModelOptions:
    """What the local-model backends (transformers, CTranslate2) share: the model folder and
    how to run it. Each backend adds its own precision field."""

    model_dir: Path
    device: str = "auto"
    beam: int = 1
    batch_size: int = 16
    threads: int = 0
    max_new_tokens: int | None = None
    min_new_tokens: int | None = None
    revision: str = ""
    model_id: str = ""
