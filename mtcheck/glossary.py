"""User glossaries: source term → required English, and terms that must not be translated.

Two formats, chosen by the file extension:

* CSV (UTF-8) with columns ``source,target[,note]``; a header row with those names is
  optional, blank lines and lines starting with ``#`` are skipped. Alternatives for the
  target are separated by ``|`` ("Kursk Region|Kursk Oblast").
* TBX (``.tbx`` or ``.xml``, TermBase eXchange, v2 ``termEntry/langSet`` or v3
  ``conceptEntry/langSec``): the English terms of an entry are the accepted renderings of its
  Russian and Korean terms. Parsed with defusedxml: a glossary is outside input.

A row is "do not translate" when its note says so ("do not translate", "DNT"), or its target
is empty or equal to the source: the term must then appear in the translation verbatim.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.limits import current as current_limits

_DNT_NOTE = re.compile(r"do[\s-]*not[\s-]*translate|\bdnt\b|untranslatable", re.IGNORECASE)
_TBX_SUFFIXES = (".tbx", ".xml")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Entry:
    source: str
    targets: tuple[str, ...]  # accepted English renderings; empty for do-not-translate
    note: str = ""
    dnt: bool = False

    @property
    def lang(self) -> str | None:
        """ru or ko by the term's script; None for a Latin term, which any source may hold."""
        if re.search(r"[\u0400-\u04ff]", self.source):
            return "ru"
        if re.search(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]", self.source):
            return "ko"
        return None


@dataclass(frozen=True)
class Glossary:
    path: Path | None
    entries: tuple[Entry, ...]

    def for_lang(self, lang: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.lang in (lang, None))


def load_glossary(path: Path | None, do_not_translate: tuple[str, ...] = ()) -> Glossary | None:
    """The glossary at ``path`` plus the config's do-not-translate terms; None when neither."""
    entries: tuple[Entry, ...] = ()
    if path is not None:
        try:
            stat = path.stat()
        except OSError as exc:
            raise InputError(f"cannot read glossary {path}: {exc.strerror or exc}") from None
        limits = current_limits()
        if stat.st_size > limits.max_bytes:
            raise limits.size_error(f"glossary {path}", stat.st_size)
        entries = _load_file(path.resolve(), stat.st_mtime_ns, stat.st_size)
    entries += tuple(Entry(term, (), "do-not-translate (config)", True) for term in do_not_translate if term.strip())
    return Glossary(path, entries) if path is not None or entries else None


@functools.lru_cache(maxsize=8)
def _load_file(path: Path, _mtime: int, _size: int) -> tuple[Entry, ...]:
    # Cached by path, modification time and size: one run reads a glossary once, however
    # many document pairs it checks.
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read glossary {path}: {exc.strerror or exc}") from None
    entries = _parse_tbx(raw, path) if path.suffix.lower() in _TBX_SUFFIXES else _parse_csv(raw, path)
    if not entries:
        raise InputError(f"glossary {path} has no terms")
    return entries


def _entry(source: str, target: str, note: str) -> Entry:
    source, target, note = source.strip(), target.strip(), note.strip()
    targets = tuple(t.strip() for t in target.split("|") if t.strip())
    dnt = bool(_DNT_NOTE.search(note)) or not targets or targets == (source,)
    return Entry(source, () if dnt else targets, note, dnt)


def _parse_csv(raw: bytes, path: Path) -> tuple[Entry, ...]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"glossary {path} is not UTF-8 text (byte {exc.start})") from None
    entries: list[Entry] = []
    try:
        rows = list(csv.reader(text.splitlines(), strict=True))
    except csv.Error as exc:
        raise InputError(f"glossary {path} is not valid CSV: {exc}") from None
    for line, row in enumerate(rows, 1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if line == 1 and [c.strip().lower() for c in row[:2]] == ["source", "target"]:
            continue  # header
        if len(row) < 2 or len(row) > 3:
            raise InputError(f"glossary {path}: line {line}: expected source,target[,note], got {len(row)} column(s)")
        if not row[0].strip():
            raise InputError(f"glossary {path}: line {line}: empty source term")
        entries.append(_entry(row[0], row[1], row[2] if len(row) > 2 else ""))
    return tuple(entries)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_tbx(raw: bytes, path: Path) -> tuple[Entry, ...]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(raw)
    except (ParseError, DefusedXmlException) as exc:
        raise InputError(f"glossary {path} is not valid TBX/XML: {exc}") from None
    except (LookupError, ValueError) as exc:
        # The XML declaration names an encoding Python does not know, or a multi-byte one
        # expat cannot read (found by fuzzing).
        raise InputError(f"glossary {path}: cannot read its XML encoding ({exc})") from None
    entries: list[Entry] = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        notes = " ".join(
            (el.text or "").strip()
            for el in concept.iter()
            if _local(el.tag) in ("note", "descrip", "termNote", "admin", "transac")
        )
        english: list[str] = []
        sources: list[str] = []
        for group in concept.iter():
            if _local(group.tag) not in ("langSet", "langSec"):
                continue
            lang = (group.get(_XML_LANG) or group.get("lang") or "").lower()
            terms = [(t.text or "").strip() for t in group.iter() if _local(t.tag) == "term" and (t.text or "").strip()]
            (english if lang.startswith("en") else sources).extend(terms)
        for source in sources:
            entries.append(_entry(source, "|".join(english), notes))
        if not sources and english and _DNT_NOTE.search(notes):
            entries.extend(Entry(term, (), notes, True) for term in english)
    return tuple(entries)
