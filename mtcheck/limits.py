"""Resource limits on input, so that a hostile or accidental file is refused at once with a
clear line instead of filling memory or running for hours.

``max_bytes`` bounds what is read from each input: a file's size on disk, and for a DOCX the
uncompressed size of its parts (a zip bomb is refused before anything is inflated).
``max_sentences`` bounds the sentences (or strings, for paired formats) of one document; the
check's memory grows with them (see benchmarks/RESULTS.md, "Resource limits").

The limits in force are a context variable: :func:`mtcheck.pipeline.check_files` sets them
from its config for the readers it calls, however deep, without every reader taking them as
an argument; outside a check the defaults apply.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from mtcheck.errors import InputError

MIB = 1024 * 1024
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": MIB, "mb": MIB, "mib": MIB}
_UNITS |= {"g": 1024 * MIB, "gb": 1024 * MIB, "gib": 1024 * MIB}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MIB
    max_sentences: int = 100_000

    def size_error(self, what: str, size: int) -> InputError:
        return InputError(
            f"{what} is too large ({human_size(size)}; the limit is {human_size(self.max_bytes)}, "
            "raise it with --max-size or max-size in the config)"
        )

    def check_sentences(self, what: str, count: int) -> None:
        if count > self.max_sentences:
            raise InputError(
                f"{what} holds more than {self.max_sentences:,} sentences or strings "
                "(raise the limit with --max-sentences or max-sentences in the config)"
            )


DEFAULT = Limits()
_CURRENT: ContextVar[Limits | None] = ContextVar("mtcheck_limits", default=None)


def current() -> Limits:
    return _CURRENT.get() or DEFAULT


@contextlib.contextmanager
def applied(limits: Limits | None) -> Iterator[Limits]:
    token = _CURRENT.set(limits)
    try:
        yield limits or DEFAULT
    finally:
        _CURRENT.reset(token)


def parse_size(value: str | int) -> int:
    """``50M``, ``1.5G``, ``200kB``, ``1048576`` → bytes (binary units: 1 M = 1024² bytes)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value <= 0:
            raise ValueError(f"a size must be positive, not {value}")
        return value
    m = _SIZE.fullmatch(str(value))
    if m is None or m.group(2).lower() not in _UNITS:
        raise ValueError(f"{value!r} is not a size (e.g. 50M, 1G, 500k)")
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size <= 0:
        raise ValueError(f"a size must be positive, not {value!r}")
    return size


def human_size(size: int) -> str:
    if size >= MIB:
        return f"{size / MIB:,.1f} MiB".replace(".0 MiB", " MiB")
    if size >= 1024:
        return f"{size / 1024:,.1f} KiB".replace(".0 KiB", " KiB")
    return f"{size} bytes"
