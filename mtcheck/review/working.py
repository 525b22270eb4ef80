"""The working copy of a draft under review, and saving it without touching anything else.

Edits are kept in the coordinates of the draft as it was loaded (code points of the decoded
text), sorted and never overlapping: the working text is the loaded text with each edit
applied. Keeping them that way makes saving exact: the new file is the loaded file's bytes
with only the edited spans re-encoded, checked byte for byte before anything is written.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.report import write_atomic

_NEWLINES = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Edit:
    """``loaded[start:end]`` (which read ``original``) replaced by ``text``."""

    start: int
    end: int
    text: str
    original: str


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def one_line(text: str) -> str:
    """An edited sentence stays inside its paragraph: line breaks typed into the editor become
    spaces (paragraphs are separated by blank lines, so a stray newline could split one)."""
    return _NEWLINES.sub(" ", text)


def apply(loaded: str, edits: Sequence[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out += [loaded[pos : e.start], e.text]
        pos = e.end
    out.append(loaded[pos:])
    return "".join(out)


def add(loaded: str, edits: Sequence[Edit], start: int, end: int, text: str) -> tuple[Edit, ...]:
    """The edits after replacing ``working[start:end]`` by ``text``, where ``working`` is
    ``apply(loaded, edits)``. An edit that overlaps or touches earlier ones absorbs them; one
    that restores the loaded text disappears."""
    working = apply(loaded, edits)
    if not 0 <= start <= end <= len(working):
        raise ValueError(f"edit [{start}, {end}) outside the text")
    kept: list[Edit] = []
    absorbed: list[tuple[Edit, int]] = []  # with their start in working coordinates
    delta = 0  # working minus loaded offset, before the current edit
    for e in edits:
        w_start, w_end = e.start + delta, e.start + delta + len(e.text)
        if w_end < start or w_start > end:
            kept.append(e)
        else:
            absorbed.append((e, w_start))
        delta += len(e.text) - (e.end - e.start)
    w_lo, w_hi = start, end
    l_lo = l_hi = -1
    if absorbed:
        first, first_at = absorbed[0]
        last, last_at = absorbed[-1]
        if first_at <= start:
            w_lo, l_lo = first_at, first.start
        if last_at + len(last.text) >= end:
            w_hi, l_hi = last_at + len(last.text), last.end
    # An end outside every edit maps back by undoing the shifts of the edits before it.
    l_lo = l_lo if l_lo >= 0 else _loaded_at(edits, start)
    l_hi = l_hi if l_hi >= 0 else _loaded_at(edits, end)
    new_text = working[w_lo:start] + text + working[end:w_hi]
    if new_text != loaded[l_lo:l_hi]:
        kept.append(Edit(l_lo, l_hi, new_text, loaded[l_lo:l_hi]))
    return tuple(sorted(kept, key=lambda e: e.start))


def _loaded_at(edits: Sequence[Edit], pos: int) -> int:
    shift = 0
    for e in edits:
        if e.start + shift + len(e.text) <= pos:
            shift += len(e.text) - (e.end - e.start)
    return pos - shift


@dataclass(frozen=True)
class LoadedDraft:
    """The draft file as the review loaded it: its bytes, decoded text and codec."""

    path: Path
    data: bytes
    text: str
    encoding: str

    @property
    def digest(self) -> str:
        return sha256(self.data)

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)

    def saved_bytes(self, edits: Sequence[Edit]) -> bytes:
        """The file with the edits applied: the loaded bytes copied as they are between the
        edits, only the edited spans encoded anew."""
        # Two encoders walk the loaded and the new text in step, so byte-order marks and any
        # codec state come out exactly once and where the file has them.
        old_enc = codecs.getincrementalencoder(self.encoding)()
        new_enc = codecs.getincrementalencoder(self.encoding)()
        out: list[bytes] = []
        pos = at = 0  # code point in the loaded text, byte in the loaded file
        try:
            for e in edits:
                gap = self.text[pos : e.start]
                size = len(old_enc.encode(gap))
                new_enc.encode(gap)
                out.append(self.data[at : at + size])
                at += size + len(old_enc.encode(self.text[e.start : e.end]))
                out.append(new_enc.encode(e.text))
                pos = e.end
            size = len(old_enc.encode(self.text[pos:], final=True))
            out.append(self.data[at : at + size])
            new = b"".join(out)
            exact = at + size == len(self.data) and new.decode(self.encoding) == apply(self.text, edits)
        except UnicodeError:
            exact = False
        if not exact:
            raise InputError(
                f"cannot save {self.path}: the edits cannot be encoded as {self.encoding}; nothing was written"
            )
        return new

    def refuses(self, text: str) -> str | None:
        """Why ``text`` cannot go into this draft (its encoding has no such characters), or None."""
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            return f"{self.path} is {self.encoding}, which cannot hold {exc.object[exc.start : exc.end]!r}"
        return None

    def changed_on_disk(self) -> bool:
        try:
            return sha256(self.path.read_bytes()) != self.digest
        except OSError:
            return True

    def save(self, edits: Sequence[Edit]) -> LoadedDraft:
        """Write the edited draft (after a backup of the loaded one beside it) and return it as
        the new loaded state. Refuses when the file changed on disk since it was loaded."""
        if self.changed_on_disk():
            raise DraftChanged(
                f"{self.path} changed on disk since mtcheck loaded it; not saved. Your edits are kept in the "
                "review: copy what you need, then restart `mtcheck review` to load the new draft"
            )
        new = self.saved_bytes(edits)
        # Through a symbolic link to the file itself: replacing the link would cut it.
        real = self.path.resolve()
        mode = real.stat().st_mode & 0o7777
        write_atomic(backup_path(real), self.data, mode)
        write_atomic(real, new, mode)
        return LoadedDraft(self.path, new, apply(self.text, edits), self.encoding)


class DraftChanged(InputError):
    """The draft on disk is not the one the review loaded."""


def backup_path(draft: Path) -> Path:
    return draft.with_name(draft.name + ".bak")


def load_draft(path: Path, text: str, encoding: str) -> LoadedDraft | str:
    """The draft as loaded, or why it cannot be edited here (its bytes do not decode to the
    text the checks read, or its encoding does not re-encode it exactly)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror or exc}"
    try:
        same = text.encode(encoding) == data
    except (LookupError, UnicodeEncodeError):
        same = False
    if not same:
        return f"{path} does not re-encode byte for byte as {encoding}, or changed while it was checked"
    return LoadedDraft(path, data, text, encoding)
