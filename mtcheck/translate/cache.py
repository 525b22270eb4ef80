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


def cache_key(signature: str, src: str, tgt: str, text: str) -> str:
    # NUL cannot occur in any of the parts' meaningful content, so the join is unambiguous.
    return hashlib.sha256("\0".join((signature, src, tgt, text)).encode("utf-8")).hexdigest()


class TranslationStore:
    """The SQLite file, shared by every process that checks at once (``scan --jobs N``): the
    WAL journal lets readers go on while one process writes, and a writer that finds the
    file locked waits for it (``busy_timeout``) instead of failing."""

    BUSY_TIMEOUT_S = 60

    def __init__(self, path: Path | None = None, memory: bool = False) -> None:
        """``memory``: nothing written to disk (``--no-cache``), but repeated texts are still
        translated once and the progress bar still works."""
        self.path = path or cache_dir() / "translations.sqlite3"
        try:
            if memory:
                self._db = sqlite3.connect(":memory:", isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # isolation_level=None: transactions are begun explicitly (put_many), not by
                # the module before each write.
                self._db = sqlite3.connect(self.path, timeout=self.BUSY_TIMEOUT_S, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {self.BUSY_TIMEOUT_S * 1000}")
            self._db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL cannot corrupt the file; a crash may lose the last writes,
            # which for a cache means translating them again.
            self._db.execute("PRAGMA synchronous=NORMAL")
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
        # IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies; a deferred
        # transaction that reads first and writes later can fail at once when another
        # process wrote in between.
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT OR REPLACE INTO translation (key, output) VALUES (?, ?)", items)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise TranslationError(f"cannot write the translation cache {self.path}: {exc}") from None

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
        keys = [cache_key(sig, src, tgt, t) for t in texts]
        known = self.store.get_many(sorted(set(keys)))
        # A text repeated in the batch is translated once.
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
        self.hits += len(texts) - sum(1 for k in keys if k not in known)
        self.misses += len(todo)
        if todo:
            advance, close = progress(len(todo), f"translating {src}→{tgt}")
            # A backend that works on many texts at once (requests in flight) says how many
            # keep it busy; smaller chunks would leave it idle between calls.
            chunk = max(self.chunk, int(getattr(self.inner, "preferred_chunk", 0)))
            try:
                for k in range(0, len(todo), chunk):
                    batch = todo[k : k + chunk]
                    self.model_calls += 1
                    out = self.inner.translate(batch, src, tgt)
                    if len(out) != len(batch):
                        raise TranslationError(f"translator returned {len(out)} texts for {len(batch)}")
                    items = [(cache_key(sig, src, tgt, t), o) for t, o in zip(batch, out, strict=True)]
                    self.store.put_many(items)
                    known.update(items)
                    advance(len(batch))
            finally:
                close()
        return [known[k] for k in keys]
