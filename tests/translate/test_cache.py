"""The persistent translation cache around the fake translator."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from mtcheck.cachedir import ENV_CACHE_DIR, cache_dir
from mtcheck.translate.base import PROGRESS_MIN
from mtcheck.translate.cache import CachedTranslator, TranslationStore
from mtcheck.translate.fake import FakeTranslator

TABLE = {("ru", "en"): {"Привет, мир.": "Hello, world.", "Курская область": "Kursk Region"}}


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"
    assert TranslationStore().path == tmp_path / "elsewhere" / "translations.sqlite3"
    monkeypatch.delenv(ENV_CACHE_DIR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "mtcheck"


def test_second_run_asks_the_model_nothing() -> None:
    texts = ["Привет, мир.", "Курская область", "Привет, мир."]
    fake = FakeTranslator(TABLE)
    first = CachedTranslator(fake, TranslationStore())
    assert first.translate(texts, "ru", "en") == ["Hello, world.", "Kursk Region", "Hello, world."]
    assert fake.calls == 1 and fake.texts_translated == 2  # the repeated sentence went once
    again = CachedTranslator(fake, TranslationStore())
    assert again.translate(texts, "ru", "en") == ["Hello, world.", "Kursk Region", "Hello, world."]
    assert fake.calls == 1 and again.model_calls == 0 and again.hits == 3


def test_key_includes_signature_and_direction() -> None:
    store = TranslationStore()
    CachedTranslator(FakeTranslator(TABLE, name="a"), store).translate(["Курская область"], "ru", "en")
    other_model = FakeTranslator(TABLE, name="b")
    CachedTranslator(other_model, store).translate(["Курская область"], "ru", "en")
    assert other_model.calls == 1  # another model's output is never reused
    same = FakeTranslator(TABLE, name="a")
    CachedTranslator(same, store).translate(["Курская область"], "ru", "ko")
    assert same.calls == 1  # nor another direction's


def test_only_new_texts_reach_the_model() -> None:
    fake = FakeTranslator(TABLE)
    store = TranslationStore()
    CachedTranslator(fake, store).translate(["Привет, мир."], "ru", "en")
    cached = CachedTranslator(fake, store, chunk=2)
    cached.translate(["Привет, мир.", "Курская область", "a", "b", "c"], "ru", "en")
    assert cached.misses == 4 and cached.hits == 1
    assert cached.model_calls == 2  # four new texts in chunks of two
    assert fake.texts_translated == 5


def test_a_translator_that_loses_texts_is_an_error() -> None:
    class Lossy(FakeTranslator):
        def translate(self, texts, src, tgt):  # type: ignore[override]
            return list(texts)[:-1]

    from mtcheck.translate.base import TranslationError

    with pytest.raises(TranslationError, match="returned 1 texts for 2"):
        CachedTranslator(Lossy(), TranslationStore()).translate(["x", "y"], "ru", "en")


def test_unwritable_cache_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENV_CACHE_DIR, str(blocker / "sub"))
    from mtcheck.translate.base import TranslationError

    with pytest.raises(TranslationError, match="cannot open the translation cache"):
        TranslationStore()


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_many_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"предложение {i}" for i in range(PROGRESS_MIN)]
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    CachedTranslator(FakeTranslator(), TranslationStore()).translate(texts, "ru", "en")
    assert piped.getvalue() == ""  # CI logs and pipes stay clean
    tty = _Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    CachedTranslator(FakeTranslator(), TranslationStore(), chunk=8).translate([*texts[:-1], "x"], "ru", "en")
    assert tty.getvalue() == ""  # 1 new text: below PROGRESS_MIN, no bar
    CachedTranslator(FakeTranslator(name="other"), TranslationStore(), chunk=8).translate(texts, "ru", "en")
    assert "translating ru→en" in tty.getvalue()


def test_memory_store_writes_nothing(_private_cache: Path) -> None:
    fake = FakeTranslator(TABLE)
    cached = CachedTranslator(fake, TranslationStore(memory=True))
    cached.translate(["Привет, мир.", "Привет, мир."], "ru", "en")
    assert fake.texts_translated == 1
    assert not _private_cache.exists()
    again = FakeTranslator(TABLE)
    CachedTranslator(again, TranslationStore(memory=True)).translate(["Привет, мир."], "ru", "en")
    assert again.calls == 1  # nothing persisted between stores


def _write_concurrently(args: tuple[str, int]) -> list[str]:
    """One of several processes filling the same cache file: its own rotation of the same
    400 sentences, in small batches, each batch a read and a write of the store."""
    path, k = args
    texts = [f"Предложение номер {i}." for i in range(400)]
    table = {("ru", "en"): {t: f"Sentence number {i}." for i, t in enumerate(texts)}}
    order = texts[k * 67 :] + texts[: k * 67]
    store = TranslationStore(Path(path))
    out: list[str] = []
    for j in range(0, len(order), 5):
        out += CachedTranslator(FakeTranslator(table), store, chunk=3).translate(order[j : j + 5], "ru", "en")
    store.close()
    return [o for t, o in zip(order, out, strict=True) if table["ru", "en"][t] != o]


def test_concurrent_writer_processes_share_one_cache_file(tmp_path: Path) -> None:
    """What `scan --jobs N` does to the cache: processes reading and writing one SQLite file at
    once. None fails on a locked file, and every answer is right."""
    import multiprocessing

    path = tmp_path / "translations.sqlite3"
    with multiprocessing.get_context("spawn").Pool(6) as pool:
        wrong = pool.map(_write_concurrently, [(str(path), k) for k in range(6)])
    assert wrong == [[]] * 6
    store = TranslationStore(path)
    assert store._db.execute("SELECT COUNT(*) FROM translation").fetchone()[0] == 400
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
