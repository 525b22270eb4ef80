"""Which reader a file gets, by its extension, and Documents for a check run.

Three kinds of input:
- text (``.txt``, anything unknown), Markdown, DOCX: one language per file; the pipeline aligns.
- JSON i18n: one language per file, strings keyed; two files are paired by key.
- XLIFF, PO, TMX, CSV/TSV: both languages in one file, already paired.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mtcheck.documents.paired import Extracted, Paired, keyed_document, pair_by_key
from mtcheck.documents.text import existing_file
from mtcheck.errors import InputError
from mtcheck.lang.detect import check_pair, detect_lang
from mtcheck.types import Document

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".xlf2", ".po", ".pot", ".tmx", ".csv", ".tsv")
KEYED_SUFFIXES = (".json",)


def kind_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in BILINGUAL_SUFFIXES:
        return "bilingual"
    if suffix in KEYED_SUFFIXES:
        return "keyed"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".docx":
        return "docx"
    return "text"


def _extractor(path: str) -> Callable[[str], Extracted]:
    suffix = Path(path).suffix.lower()
    if suffix in (".po", ".pot"):
        from mtcheck.documents.po import read_po

        return read_po
    if suffix == ".tmx":
        from mtcheck.documents.xliff import read_tmx

        return read_tmx
    if suffix in (".csv", ".tsv"):
        from mtcheck.documents.table import read_table

        return read_table
    if suffix == ".json":
        from mtcheck.documents.jsoni18n import read_json

        return read_json
    from mtcheck.documents.xliff import read_xliff

    return read_xliff


def extract(path: str | Path) -> Extracted:
    p = existing_file(path)
    return _extractor(str(p))(str(p))


def _language(given: str | None, declared: str | None, text: str, name: str) -> str:
    # An option beats the file's own declaration, which beats the script of the text.
    return given or declared or detect_lang(text, name)


def load_bilingual(path: str | Path, source_lang: str | None, target_lang: str | None) -> Paired:
    from mtcheck.documents.paired import masked_text

    ex = extract(path)
    if ex.target is None:
        raise InputError(f"{path} holds one language only; give the translation as a second file")
    s_lang = _language(source_lang, ex.source_lang, masked_text(ex.text, ex.source)[0], f"{path} (source side)")
    t_lang = _language(target_lang, ex.target_lang, masked_text(ex.text, ex.target)[0], f"{path} (target side)")
    check_pair(s_lang, t_lang)
    return pair_by_key(
        keyed_document(ex.path, s_lang, ex.text, ex.source, ex.encoding),
        keyed_document(ex.path, t_lang, ex.text, ex.target, ex.encoding),
    )


def load_keyed_pair(
    source_path: str | Path, target_path: str | Path, source_lang: str | None, target_lang: str | None
) -> Paired:
    from mtcheck.documents.paired import masked_text

    src, tgt = extract(source_path), extract(target_path)
    s_lang = _language(source_lang, None, masked_text(src.text, src.source)[0], src.path)
    t_lang = _language(target_lang, None, masked_text(tgt.text, tgt.source)[0], tgt.path)
    check_pair(s_lang, t_lang)
    return pair_by_key(
        keyed_document(src.path, s_lang, src.text, src.source, src.encoding),
        keyed_document(tgt.path, t_lang, tgt.text, tgt.source, tgt.encoding),
    )


def load_text(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a one-language document, ready for language detection."""
    kind = kind_of(path)
    if kind == "docx":
        from mtcheck.documents.docx import read_docx_text

        return read_docx_text(str(path)), "utf-8"
    from mtcheck.documents.text import read_text

    decoded = read_text(path)
    if kind == "markdown":
        from mtcheck.documents.markdown import mask_markdown

        return mask_markdown(decoded.text), decoded.encoding
    return decoded.text, decoded.encoding


def build(path: str | Path, lang: str, text: str, encoding: str) -> Document:
    if kind_of(path) == "docx":
        from mtcheck.documents.docx import docx_document

        return docx_document(str(path), lang, text)
    from mtcheck.documents.text import build_document

    return build_document(str(path), lang, text, encoding)
