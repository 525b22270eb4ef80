"""DOCX (python-docx): one line per body paragraph, so a report's line number is the
paragraph number in the document (tables, headers and footnotes are not read)."""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.limits import current as current_limits
from mtcheck.types import Document, Paragraph, Segment, Span

# What zipfile raises on a damaged package, beyond BadZipFile (found by fuzzing): a deflate
# stream that is no deflate stream (zlib.error), a zip "version" or method it does not know
# (NotImplementedError), an encrypted member (RuntimeError), a damaged LZMA or bzip2 member.
_BROKEN: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    EOFError,
)


def read_docx_text(path: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p} does not exist" if not p.exists() else f"{p} is not a file")
    _check_package(p)
    # Imported lazily: python-docx pulls in lxml, which plain-text runs never need.
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(str(p))
        # A paragraph's own line breaks become spaces: one paragraph, one line.
        text = "\n".join(" ".join(par.text.splitlines()) for par in document.paragraphs)
    except (*_BROKEN, PackageNotFoundError, KeyError, LxmlError) as exc:
        raise InputError(f"{p} is not a readable DOCX file ({exc.__class__.__name__})") from None
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
    if not text.strip():
        raise InputError(f"{p} is empty")
    return text


def _check_package(p: Path) -> None:
    """Refuse a DOCX whose parts inflate beyond the size limit (a zip bomb), from the sizes
    the zip's directory declares, before anything is decompressed. The declared sizes are
    also what zipfile stops at, so a package that lies about them cannot inflate further."""
    limits = current_limits()
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise limits.size_error(str(p), size)
        with zipfile.ZipFile(p) as package:
            inflated = sum(info.file_size for info in package.infolist())
    except _BROKEN as exc:
        raise InputError(f"{p} is not a readable DOCX file ({exc.__class__.__name__})") from None
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
    if inflated > limits.max_bytes:
        raise limits.size_error(f"{p} (uncompressed)", inflated)


def docx_document(path: str, lang: str, text: str) -> Document:
    """A Document from :func:`read_docx_text`'s text: each non-empty line a paragraph."""
    from mtcheck.segment import split_sentences_many

    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        pos += len(line) + 1
        if end > start:
            spans.append(Span(start, end))
    paragraphs: list[Paragraph] = []
    segments: list[Segment] = []
    for span, sentences in zip(spans, split_sentences_many(text, lang, spans, path), strict=True):
        ids = []
        for s_span in sentences:
            ids.append(len(segments))
            segments.append(Segment(len(segments), s_span, len(paragraphs), s_span.text(text)))
        paragraphs.append(Paragraph(len(paragraphs), span, tuple(ids)))
    return Document(path, lang, text, tuple(paragraphs), tuple(segments))
