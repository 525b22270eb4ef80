"""Nothing lost: any text written into a well-formed PO, CSV, TSV, XLIFF, TMX or JSON file
(escapes, quotes, line breaks, astral characters and all) comes back from the reader exactly,
with every character's origin inside the file, and the documents built from it keep their
invariants."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.documents.inputs import extract, load_bilingual
from mtcheck.errors import MtcheckError
from tests.fuzz.targets import check_alignment, check_document

# Printable text of any script, with the characters formats escape; no control characters
# (XML 1.0 cannot hold them) and no lone surrogates (no file can).
_SPECIAL = st.sampled_from([*"\t\n \"\\,&<>;'", "\u2028", "é", "ё", "한", "\U0001f600", "\\n", "&amp;", '""'])
_ANY = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
_CHARS = _ANY | _SPECIAL.filter(lambda s: len(s) == 1)
# Pieces, not characters: st.text merges a union of alphabets into one set of code points, in
# which the few characters formats escape would hardly ever be drawn.
_TEXT = (
    st.lists(st.one_of(_SPECIAL, st.text(_ANY, min_size=1, max_size=6)), min_size=1, max_size=10)
    .map("".join)
    .filter(lambda t: t.strip())
)
_WORDS = st.lists(_TEXT, min_size=1, max_size=6)


def _po(draw: st.DrawFn, values: list[str]) -> str:
    def quoted(text: str) -> str:
        body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        body = body.replace("\u2028", "\\n")  # a PO line cannot hold it
        cut = draw(st.integers(0, len(body)))
        head = body[:cut]
        if (len(head) - len(head.rstrip("\\"))) % 2:
            cut -= 1  # never between a backslash and its letter: an odd run of them ends in one
        return f'""\n"{body[:cut]}"\n"{body[cut:]}"' if draw(st.booleans()) else f'"{body}"'

    out = ['msgid ""\nmsgstr ""\n"Language: en\\n"\n']
    for n, value in enumerate(values):
        out.append(f'msgctxt "k{n}"\nmsgid {quoted(value)}\nmsgstr {quoted(value[::-1])}\n')
    return "\n".join(out)


def _csv(draw: st.DrawFn, values: list[str], sep: str) -> str:
    def field(text: str) -> str:
        if any(c in text for c in f'"{sep}\n\r') or text != text.strip() or draw(st.booleans()):
            return '"' + text.replace('"', '""') + '"'
        return text

    rows = [sep.join(["id", "ru", "en"])]
    rows += [sep.join([f"k{n}", field(v), field(v[::-1])]) for n, v in enumerate(values)]
    return "\r\n".join(rows) if draw(st.booleans()) else "\n".join(rows)


def _xml_text(draw: st.DrawFn, text: str) -> str:
    out = []
    for ch in text:
        if ch in "&<>" or draw(st.integers(0, 9)) == 0:
            out.append(escape(ch) if draw(st.booleans()) and ch in "&<>" else f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def _xliff(draw: st.DrawFn, values: list[str]) -> str:
    units = "".join(
        f"<trans-unit id={quoteattr(f'k{n}')}><source>{_xml_text(draw, v)}</source>"
        f"<target>{_xml_text(draw, v[::-1])}</target></trans-unit>\n"
        for n, v in enumerate(values)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2">'
        f'<file source-language="ru" target-language="en"><body>\n{units}</body></file></xliff>\n'
    )


def _tmx(draw: st.DrawFn, values: list[str]) -> str:
    units = "".join(
        f'<tu tuid="k{n}"><tuv xml:lang="ru"><seg>{_xml_text(draw, v)}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{_xml_text(draw, v[::-1])}</seg></tuv></tu>\n'
        for n, v in enumerate(values)
    )
    return f'<tmx version="1.4"><header srclang="ru"/><body>\n{units}</body></tmx>\n'


@st.composite
def bilingual(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    values = draw(_WORDS)
    kind = draw(st.sampled_from([".po", ".csv", ".tsv", ".xlf", ".tmx"]))
    if kind == ".po":
        return kind, _po(draw, values), values
    if kind in (".csv", ".tsv"):
        return kind, _csv(draw, values, "," if kind == ".csv" else "\t"), values
    return kind, (_xliff if kind == ".xlf" else _tmx)(draw, values), values


def _expected(kind: str, value: str) -> str:
    if kind == ".po":
        return value.replace("\u2028", "\n")
    if kind in (".xlf", ".tmx"):
        return value.replace("\r\n", "\n").replace("\r", "\n")  # XML normalises line ends
    return value


@settings(max_examples=120)
@given(case=bilingual())
def test_bilingual_files_give_back_every_string(case: tuple[str, str, list[str]]) -> None:
    kind, content, values = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"pairs{kind}"
        path.write_text(content, encoding="utf-8")
        ex = extract(path)
        assert [e.value for e in ex.source] == [_expected(kind, v) for v in values]
        assert [e.value for e in ex.target or ()] == [_expected(kind, v[::-1]) for v in values]
        for entry in (*ex.source, *(ex.target or ())):
            assert all(0 <= o < len(ex.text) for o in entry.origins)
        try:
            paired = load_bilingual(path, "ru", "en")
        except MtcheckError:
            return  # e.g. a string of punctuation only
        check_document(paired.source)
        check_document(paired.target)
        check_alignment(paired.alignment, paired.source, paired.target)


_KEYS = st.text(_CHARS, min_size=1, max_size=8)
_JSON = st.recursive(
    _TEXT,
    lambda inner: st.dictionaries(_KEYS, inner, min_size=1, max_size=4),
    max_leaves=8,
)


def _leaves(value: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, f"{key}.{k}" if key else k)]
    return [(key, str(value))]


@settings(max_examples=80)
@given(
    data=st.dictionaries(st.text(_CHARS, min_size=1, max_size=8), _JSON, min_size=1, max_size=4), ascii=st.booleans()
)
def test_json_files_give_back_every_string_by_its_key(data: dict[str, object], ascii: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "app.json"
        path.write_text(json.dumps(data, ensure_ascii=ascii, indent=1), encoding="utf-8")
        ex = extract(path)
        assert [(e.key, e.value) for e in ex.source] == _leaves(data)
        for entry in ex.source:
            assert all(0 <= o < len(ex.text) for o in entry.origins)
