"""Gettext PO: msgid is the source, msgstr (or msgstr[0]) the translation.

Parsed here line by line so that every character keeps its file offset; multi-line strings
(``""`` then continuation lines) are joined. The header entry and obsolete ``#~`` entries are
skipped; fuzzy entries are checked like the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.documents.paired import Entry, Extracted
from mtcheck.documents.text import read_text
from mtcheck.errors import InputError
from mtcheck.limits import current as current_limits

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
# The line breaks of str.splitlines, matched one line at a time: splitlines would hold every
# line of a huge catalogue in memory at once.
_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])?")
_LANG = re.compile(r"^Language:\s*([A-Za-z]+)", re.MULTILINE)


def read_po(path: str) -> Extracted:
    decoded = read_text(path)
    text = decoded.text
    # Checked while reading, so that a huge catalogue is refused before it fills memory.
    most = current_limits().max_sentences + 1
    entries: list[dict[str, Entry]] = []
    current: dict[str, Entry] = {}
    field: str | None = None
    pos = 0
    for lineno, line in enumerate(_lines(text), start=1):
        if len(entries) > most:
            break
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped or stripped.startswith("#"):
            if not stripped and current:
                entries.append(current)
                current, field = {}, None
            continue
        offset = start + len(body) - len(body.lstrip())
        m = _KEYWORD.match(body.lstrip())
        if m:
            field = m.group(1)
            # A keyword seen twice, or a msgid after a msgstr, starts the next entry even
            # without a blank line between them.
            translated = any(k.startswith("msgstr") for k in current)
            if field in current or (field in ("msgctxt", "msgid") and translated):
                entries.append(current)
                current = {}
            current[field] = Entry(field, *_quoted(body.lstrip()[m.end() :], offset + m.end(), path, lineno))
        elif stripped.startswith('"') and field is not None:
            value, origins, escapes = _quoted(stripped, offset, path, lineno)
            old = current[field]
            shifted = frozenset(len(old.value) + e for e in escapes)
            current[field] = Entry(field, old.value + value, old.origins + origins, old.escapes | shifted)
        else:
            raise InputError(f"{path}: line {lineno} is not valid PO: {stripped[:40]!r}")
    if current:
        entries.append(current)
    current_limits().check_sentences(path, len(entries) - 1)  # less the header
    source: list[Entry] = []
    target: list[Entry] = []
    lang = None
    for entry in entries:
        if "msgid" not in entry:
            raise InputError(f"{path}: an entry has no msgid (near {next(iter(entry))})")
        msgid = entry["msgid"]
        msgstr = entry.get("msgstr") or entry.get("msgstr[0]") or Entry("msgstr", "", ())
        if not msgid.value:
            found = _LANG.search(msgstr.value)
            lang = found.group(1).lower() if found else None
            continue  # the header
        ctxt = entry.get("msgctxt")
        key = f"{ctxt.value}\x04{msgid.value}" if ctxt else msgid.value
        source.append(Entry(key, msgid.value, msgid.origins, msgid.escapes))
        target.append(Entry(key, msgstr.value, msgstr.origins, msgstr.escapes))
    if not source:
        raise InputError(f"{path} holds no PO entries")
    return Extracted(path, text, decoded.encoding, tuple(source), tuple(target), None, lang)


def _lines(text: str) -> Iterator[str]:
    pos = 0
    while pos < len(text):
        line = _LINE.match(text, pos).group()  # type: ignore[union-attr]
        yield line
        pos += len(line)


def _quoted(s: str, offset: int, path: str, lineno: int) -> tuple[str, tuple[int, ...], frozenset[int]]:
    s = s.rstrip()
    if len(s) < 2 or s[0] != '"' or s[-1] != '"' or (s.endswith('\\"') and not s.endswith('\\\\"')):
        raise InputError(f"{path}: line {lineno}: a string must be one quoted line")
    chars: list[str] = []
    origins: list[int] = []
    escapes: set[int] = set()
    i = 1
    while i < len(s) - 1:
        if s[i] == "\\":
            if s[i + 1] not in _ESCAPES:
                raise InputError(f"{path}: line {lineno}: unknown escape \\{s[i + 1]}")
            escapes.add(len(chars))
            chars.append(_ESCAPES[s[i + 1]])
            origins.append(offset + i)
            i += 2
        elif s[i] == '"':
            raise InputError(f"{path}: line {lineno}: unescaped quote inside a string")
        else:
            chars.append(s[i])
            origins.append(offset + i)
            i += 1
    return "".join(chars), tuple(origins), frozenset(escapes)
