"""The public parallel corpora as documents of consecutive sentences, one sentence a paragraph.

FLORES-200 has no document ids here; its sentences come article by article in order, so dev and
devtest are cut into chunks of consecutive lines. NTREX-128 is cut by its DOCUMENT_IDS.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FLORES_CHUNK = 25


@dataclass(frozen=True)
class Sentence:
    doc: str
    line: int  # line number in its corpus file, from 0
    src: str
    eng: str
    ru: str  # the Russian line of the same sentence (NTREX is three-way aligned; "" where none)


@dataclass(frozen=True)
class Document:
    id: str
    lang: str
    sentences: tuple[Sentence, ...]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def flores(data: Path, split: str, chunk: int = FLORES_CHUNK) -> list[Document]:
    folder = data / "flores200_ru_en"
    ru, en = _lines(folder / f"flores200.{split}.rus_Cyrl"), _lines(folder / f"flores200.{split}.eng_Latn")
    docs = []
    for n, lo in enumerate(range(0, len(ru), chunk)):
        doc = f"flores-{split}-{n + 1:03d}"
        sents = tuple(Sentence(doc, i, ru[i], en[i], ru[i]) for i in range(lo, min(lo + chunk, len(ru))))
        docs.append(Document(doc, "ru", sents))
    return docs


def ntrex(data: Path, lang: str) -> list[Document]:
    folder = data / "ntrex128_eng_rus_kor"
    en = _lines(folder / "newstest2019-src.eng.txt")
    ru = _lines(folder / "newstest2019-ref.rus.txt")
    src = ru if lang == "ru" else _lines(folder / "newstest2019-ref.kor.txt")
    ids = _lines(folder / "DOCUMENT_IDS.tsv")
    order: dict[str, list[Sentence]] = {}
    for i, doc in enumerate(ids):
        order.setdefault(doc, []).append(Sentence(f"ntrex-{doc}", i, src[i], en[i], ru[i]))
    return [Document(f"ntrex-{doc}", lang, tuple(s)) for doc, s in order.items()]


def first_sentences(docs: list[Document], limit: int | None) -> list[Document]:
    """The first documents, up to about ``limit`` sentences (all of them without a limit)."""
    out, n = [], 0
    for d in docs:
        if limit is not None and n >= limit:
            break
        out.append(d)
        n += len(d.sentences)
    return out


def corpus(data: Path, lang: str, limit: int | None = None) -> list[Document]:
    """Every document the test set is planted in: FLORES dev+devtest and NTREX for Russian,
    NTREX for Korean (no Korean FLORES is available here). ``limit`` keeps the first documents
    up to about that many sentences of each corpus."""
    parts = [flores(data, "dev"), flores(data, "devtest"), ntrex(data, "ru")] if lang == "ru" else [ntrex(data, "ko")]
    return [d for part in parts for d in first_sentences(part, limit)]


def document_text(paragraphs: list[str]) -> tuple[str, list[int]]:
    """The document as a user's file holds it (one sentence a paragraph) and each paragraph's start."""
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 2
    return "\n\n".join(paragraphs) + "\n", starts
