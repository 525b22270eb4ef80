"""Plain-text reader: decoding with encoding detection, paragraphs by blank lines."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.limits import current as current_limits
from mtcheck.types import Document, Paragraph, Segment, Span

# A blank line is a line holding nothing but whitespace; \s also swallows \r of CRLF files.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Control characters other than tab/newline/CR/form feed: a text file has almost none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str

    @property
    def detected(self) -> bool:
        """True when the file was not UTF-8 and its encoding had to be guessed."""
        return self.encoding not in ("utf-8", "utf-8-sig")


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode file bytes: UTF-8 (BOM stripped) first, else a detected encoding."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8", "strict")
        except UnicodeDecodeError as exc:
            # The byte-order mark says UTF-8; guessing another encoding would hide the damage.
            raise InputError(
                f"{name} starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte {exc.start + 3})"
            ) from None
        return DecodedText(_checked(text, name), "utf-8-sig")
    if b"\x00" not in data:
        try:
            return DecodedText(_checked(data.decode("utf-8"), name), "utf-8")
        except UnicodeDecodeError:
            pass
    # Imported lazily: most inputs are UTF-8 and never need the detector.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name} looks like a binary file, not text")
    text = str(best)
    if text.startswith("\ufeff"):
        text = text[1:]
    return DecodedText(_checked(text, name), best.encoding)


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name} is empty")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise InputError(f"{name} looks like a binary file, not text")
    return text


def existing_file(path: str | Path) -> Path:
    """The path, if it names a file; otherwise the input error a user should see."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p} does not exist")
    if p.is_dir():
        raise InputError(f"{p} is a directory, not a file")
    return p


def read_text(path: str | Path) -> DecodedText:
    p = existing_file(path)
    limits = current_limits()
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise limits.size_error(str(p), size)
        with p.open("rb") as fh:
            # Read one byte past the limit: a file that grows, or a FIFO, cannot slip past it.
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
    if len(data) > limits.max_bytes:
        raise limits.size_error(str(p), len(data))
    return decode_bytes(data, str(p))


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans, separated by blank lines, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(text, pos, match.start(), spans)
        pos = match.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def build_document(path: str, lang: str, text: str, encoding: str = "utf-8") -> Document:
    """Split ``text`` into paragraphs and sentences for ``lang``."""
    from mtcheck.segment import split_sentences_many

    paragraphs: list[Paragraph] = []
    segments: list[Segment] = []
    p_spans = split_paragraphs(text)
    found = split_sentences_many(text, lang, p_spans, path)
    for p_id, (p_span, sentences) in enumerate(zip(p_spans, found, strict=True)):
        ids = []
        for s_span in sentences:
            ids.append(len(segments))
            segments.append(Segment(len(segments), s_span, p_id, s_span.text(text)))
        paragraphs.append(Paragraph(p_id, p_span, tuple(ids)))
    return Document(path, lang, text, tuple(paragraphs), tuple(segments), encoding)


def load_document(path: str | Path, lang: str) -> Document:
    decoded = read_text(path)
    return build_document(str(path), lang, decoded.text, decoded.encoding)


def document_from_sentences(path: str, lang: str, sentences: list[str]) -> Document:
    """A one-paragraph document of already split sentences, one per line (for aligners and
    benchmarks that start from sentence lists)."""
    segments: list[Segment] = []
    pos = 0
    for sentence in sentences:
        clean = " ".join(sentence.split())
        segments.append(Segment(len(segments), Span(pos, pos + len(clean)), 0, clean))
        pos += len(clean) + 1
    text = "\n".join(s.text for s in segments)
    paragraph = Paragraph(0, Span(0, len(text)), tuple(range(len(segments))))
    return Document(path, lang, text, (paragraph,), tuple(segments))
