"""CSV/TSV with a header row naming the source and target columns.

The columns are found by name: ``source``/``target``, or language codes (``ru``, ``ko``,
``en``, ``ru-RU`` …, the English one being the target when the other is Russian or Korean).
An ``id`` or ``key`` column, when there is one, names the rows. The ``csv`` module gives no
offsets, so fields are scanned here (RFC 4180 quoting, ``""`` for a quote).
"""

from __future__ import annotations

from mtcheck.documents.paired import Entry, Extracted
from mtcheck.documents.text import read_text
from mtcheck.errors import InputError
from mtcheck.limits import current as current_limits
from mtcheck.types import SUPPORTED_LANGS


def read_table(path: str) -> Extracted:
    decoded = read_text(path)
    text = decoded.text
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    rows = _scan(text, delimiter, path)
    header = [field.value.strip().lower() for field in rows[0]]
    s_col, t_col, s_lang, t_lang = _columns(header, path)
    key_col = next((i for i, name in enumerate(header) if name in ("id", "key")), None)
    source: list[Entry] = []
    target: list[Entry] = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) == 1 and not row[0].value.strip():
            continue  # a blank line
        if len(row) != len(header):
            raise InputError(f"{path}: row {n} has {len(row)} fields, the header has {len(header)}")
        key = row[key_col].value if key_col is not None else f"row {n}"
        source.append(Entry(key, row[s_col].value, row[s_col].origins, row[s_col].escapes))
        target.append(Entry(key, row[t_col].value, row[t_col].origins, row[t_col].escapes))
    if not source:
        raise InputError(f"{path} has a header but no rows")
    return Extracted(path, text, decoded.encoding, tuple(source), tuple(target), s_lang, t_lang)


def _columns(header: list[str], path: str) -> tuple[int, int, str | None, str | None]:
    if "source" in header and "target" in header:
        return header.index("source"), header.index("target"), None, None
    langs = {name.split("-")[0].split("_")[0]: i for i, name in enumerate(header)}
    found = [lang for lang in SUPPORTED_LANGS if lang in langs]
    if len(found) == 2 and "en" in found:
        other = next(lang for lang in found if lang != "en")
        return langs[other], langs["en"], other, "en"
    raise InputError(
        f"{path}: cannot tell the source and target columns; name them 'source' and 'target' "
        f"or by language (ru, ko, en); the header is {', '.join(header)}"
    )


def _scan(text: str, delimiter: str, path: str) -> list[list[Entry]]:
    most = current_limits().max_sentences + 1  # and the header
    rows: list[list[Entry]] = []
    row: list[Entry] = []
    i, n = 0, len(text)
    while i <= n:
        chars: list[str] = []
        origins: list[int] = []
        escapes: set[int] = set()
        if i < n and text[i] == '"':
            start_line = text.count("\n", 0, i) + 1
            i += 1
            while True:
                if i >= n:
                    raise InputError(f"{path}: the quoted field opened on line {start_line} is never closed")
                if text[i] == '"':
                    if text.startswith('"', i + 1):
                        escapes.add(len(chars))
                        chars.append('"')
                        origins.append(i)
                        i += 2
                        continue
                    i += 1
                    break
                chars.append(text[i])
                origins.append(i)
                i += 1
            if i < n and text[i] not in (delimiter, "\r", "\n"):
                line = text.count("\n", 0, i) + 1
                raise InputError(f"{path}: line {line}: text after a closing quote")
        else:
            while i < n and text[i] not in (delimiter, "\r", "\n"):
                chars.append(text[i])
                origins.append(i)
                i += 1
        row.append(Entry("", "".join(chars), tuple(origins), frozenset(escapes)))
        if i < n and text[i] == delimiter:
            i += 1
            continue
        if text.startswith("\r\n", i):
            i += 1
        rows.append(row)
        row = []
        i += 1
        if len(rows) > most:
            break  # refused below, before the rest fills memory
    while rows and len(rows[-1]) == 1 and not rows[-1][0].value:
        rows.pop()
    if not rows:
        raise InputError(f"{path} is empty")
    current_limits().check_sentences(path, len(rows) - 1)
    return rows
