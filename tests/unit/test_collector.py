"""The garbage collector of a checking process runs less often, never more often than its host
asked, and is left off where the host turned it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from mtcheck import collector
from mtcheck.config import Config
from mtcheck.executors.work import Worker, WorkerSettings


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_defaults_are_raised() -> None:
    gc.set_threshold(700, 10, 10)
    collector.tune()
    assert gc.get_threshold() == collector.THRESHOLDS


def test_a_host_setting_above_ours_stays() -> None:
    gc.set_threshold(200_000, 10, 50)
    collector.tune()
    assert gc.get_threshold() == (200_000, 20, 50)


def test_automatic_collection_turned_off_stays_off() -> None:
    gc.set_threshold(0, 10, 10)
    collector.tune()
    assert gc.get_threshold() == (0, 10, 10)


def test_a_scan_worker_tunes_its_process() -> None:
    gc.set_threshold(700, 10, 10)
    Worker(WorkerSettings(Config()))
    assert gc.get_threshold() == collector.THRESHOLDS


def test_the_command_line_tunes_its_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mtcheck import cli

    gc.set_threshold(700, 10, 10)
    monkeypatch.setattr("sys.argv", ["mtcheck", "rules"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 0
    assert "MT201" in capsys.readouterr().out
    assert gc.get_threshold() == collector.THRESHOLDS
