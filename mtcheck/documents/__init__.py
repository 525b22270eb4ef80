"""Document readers: bytes on disk → :class:`mtcheck.types.Document` with offsets."""

from mtcheck.documents.text import decode_bytes, load_document, read_text, split_paragraphs

__all__ = ["decode_bytes", "load_document", "read_text", "split_paragraphs"]
