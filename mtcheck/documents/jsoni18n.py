"""JSON i18n files: nested objects of strings; each leaf is keyed by its dotted path.

``json`` gives no offsets, so this is a small recursive-descent reader over the decoded text
that records where every string value starts; ``json.loads`` first, so that malformed files
get the standard library's exact message.
"""

from __future__ import annotations

import json
import re

from mtcheck.documents.paired import Entry, Extracted
from mtcheck.documents.text import read_text
from mtcheck.errors import InputError
from mtcheck.limits import current as current_limits

_WS = re.compile(r"[ \t\n\r]*")
# i18n files nest a few levels; far deeper is no translation file, and Python's parsers
# recurse once per level.
MAX_DEPTH = 100
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def read_json(path: str) -> Extracted:
    decoded = read_text(path)
    text = decoded.text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise _too_deep(path) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a JSON i18n file must hold an object of strings at the top")
    entries: list[Entry] = []
    try:
        _value(text, _WS.match(text, 0).end(), "", entries, 0)  # type: ignore[union-attr]
    except (RecursionError, _TooDeep):
        raise _too_deep(path) from None
    if not entries:
        raise InputError(f"{path} holds no strings to check")
    current_limits().check_sentences(path, len(entries))
    return Extracted(path, text, decoded.encoding, tuple(entries))


class _TooDeep(Exception):
    pass


def _too_deep(path: str) -> InputError:
    return InputError(f"{path}: objects and arrays are nested more than {MAX_DEPTH} levels deep")


def _value(text: str, i: int, key: str, out: list[Entry], depth: int) -> int:
    ch = text[i]
    if ch in "{[" and depth >= MAX_DEPTH:
        raise _TooDeep
    if ch == "{":
        i = _skip(text, i + 1)
        if text[i] == "}":
            return i + 1
        while True:
            name, i = _string(text, i)
            i = _skip(text, _skip(text, i) + 1)  # the colon
            i = _skip(text, _value(text, i, f"{key}.{name.value}" if key else name.value, out, depth + 1))
            if text[i] == "}":
                return i + 1
            i = _skip(text, i + 1)  # the comma
    if ch == "[":
        i = _skip(text, i + 1)
        n = 0
        if text[i] == "]":
            return i + 1
        while True:
            i = _skip(text, _value(text, i, f"{key}[{n}]", out, depth + 1))
            n += 1
            if text[i] == "]":
                return i + 1
            i = _skip(text, i + 1)
    if ch == '"':
        entry, i = _string(text, i)
        out.append(Entry(key, entry.value, entry.origins, entry.escapes))
        return i
    # A number, true, false or null: not translatable.
    _, end = json.JSONDecoder().raw_decode(text, i)
    return end


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def _string(text: str, i: int) -> tuple[Entry, int]:
    """The JSON string starting at the quote ``text[i]``, with each character's origin."""
    chars: list[str] = []
    origins: list[int] = []
    escapes: set[int] = set()
    j = i + 1
    while text[j] != '"':
        if text[j] != "\\":
            chars.append(text[j])
            origins.append(j)
            j += 1
            continue
        esc = text[j + 1]
        if esc != "u":
            escapes.add(len(chars))
            chars.append(_ESCAPES[esc])
            origins.append(j)
            j += 2
            continue
        code = int(text[j + 2 : j + 6], 16)
        length = 6
        low = int(text[j + 8 : j + 12], 16) if text.startswith("\\u", j + 6) else 0
        if 0xD800 <= code < 0xDC00 and 0xDC00 <= low < 0xE000:
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            length = 12
        elif 0xD800 <= code < 0xE000:
            # Half a surrogate pair is no character: json.loads keeps it, but no report could
            # be written in UTF-8 with it (found by fuzzing); U+FFFD, as a decoder would.
            code = 0xFFFD
        escapes.add(len(chars))
        chars.append(chr(code))
        origins.append(j)
        j += length
    return Entry("", "".join(chars), tuple(origins), frozenset(escapes)), j + 1
