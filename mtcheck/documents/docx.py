"""DOCX (python-docx): one line per body paragraph, so a report's line number is the
paragraph number in the document (tables, headers and footnotes are not read)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.types import Document, Paragraph, Segment, Span


def read_docx_text(path: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p} does not exist" if not p.exists() else f"{p} is not a file")
    # Imported lazily: python-docx pulls in lxml, which plain-text runs never need.
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{p} is not a readable DOCX file ({exc.__class__.__name__})") from None
    # A paragraph's own line breaks become spaces: one paragraph, one line.
    text = "\n".join(" ".join(par.text.splitlines()) for par in document.paragraphs)
    if not text.strip():
        raise InputError(f"{p} is empty")
    return text


def docx_document(path: str, lang: str, text: str) -> Document:
    """A Document from :func:`read_docx_text`'s text: each non-empty line a paragraph."""
    from mtcheck.segment import split_sentences

    paragraphs: list[Paragraph] = []
    segments: list[Segment] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        pos += len(line) + 1
        if end <= start:
            continue
        span = Span(start, end)
        ids = []
        for s_span in split_sentences(text, lang, span):
            ids.append(len(segments))
            segments.append(Segment(len(segments), s_span, len(paragraphs), s_span.text(text)))
        paragraphs.append(Paragraph(len(paragraphs), span, tuple(ids)))
    return Document(path, lang, text, tuple(paragraphs), tuple(segments))
