"""Translations kept between runs: re-checking a document asks the model nothing new.

The store is one SQLite file in the user cache folder (``MTCHECK_CACHE_DIR`` overrides it).
A row is keyed by the translator's signature, the direction and the text, hashed together:
a different model, revision, beam size or dtype never reuses another's output.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mtcheck.cachedir import cache_dir
from mtcheck.translate.base import TranslationError, Translator, TranslatorSignature, progress

# SQLite caps the number of bound parameters per statement; look keys up in chunks.
_CHUNK = 500


def _key(signature: str, src: str, tgt: str, text: str) -> str:
    # NUL cannot occur in any of the parts' meaningful content, so the join is unambiguous.
    return hashlib.sha256("\0".join((signature, src, tgt, text)).encode("utf-8")).hexdigest()


class TranslationStore:
    """The SQLite file; safe to share between processes (SQLite locks, WAL journal)."""

    def __init__(self, path: Path | None = None, memory: bool = False) -> None:
        """``memory``: nothing written to disk (``--no-cache``), but repeated texts are still
        translated once and the progress bar still works."""
        self.path = path or cache_dir() / "translations.sqlite3"
        try:
            if memory:
                self._db = sqlite3.connect(":memory:")
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS translation (key TEXT PRIMARY KEY, output TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            raise TranslationError(f"cannot open the translation cache {self.path}: {exc}") from None

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for k in range(0, len(keys), _CHUNK):
            chunk = list(keys[k : k + _CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, output FROM translation WHERE key IN ({marks})", chunk)
            found.update(rows)
        return found

    def put_many(self, items: Sequence[tuple[str, str]]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO translation (key, output) VALUES (?, ?)", items)

    def close(self) -> None:
        self._db.close()


@dataclass
class CachedTranslator:
    """Wraps a translator: known texts come from the store, the rest go to the model in one
    call (in batches of ``chunk`` for the progress bar) and are stored as they arrive."""

    inner: Translator
    store: TranslationStore
    chunk: int = 64
    model_calls: int = 0
    hits: int = 0
    misses: int = 0

    def signature(self) -> TranslatorSignature:
        return self.inner.signature()

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        sig = str(self.inner.signature())
        keys = [_key(sig, src, tgt, t) for t in texts]
        known = self.store.get_many(sorted(set(keys)))
        # A text repeated in the batch is translated once.
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
        self.hits += len(texts) - sum(1 for k in keys if k not in known)
        self.misses += len(todo)
        if todo:
            advance, close = progress(len(todo), f"translating {src}→{tgt}")
            try:
                for k in range(0, len(todo), self.chunk):
                    batch = todo[k : k + self.chunk]
                    self.model_calls += 1
                    out = self.inner.translate(batch, src, tgt)
                    if len(out) != len(batch):
                        raise TranslationError(f"translator returned {len(out)} texts for {len(batch)}")
                    items = [(_key(sig, src, tgt, t), o) for t, o in zip(batch, out, strict=True)]
                    self.store.put_many(items)
                    known.update(items)
                    advance(len(batch))
            finally:
                close()
        return [known[k] for k in keys]
