"""One pair checked: the function every executor runs, and what a worker keeps between pairs.

A worker process checks many pairs; the NLP resources (Kiwi, the NER model, the morphology
dictionaries, the gazetteer) live in module-level caches, and the translation models in the
worker's :class:`TranslatorFactory`, so each is loaded once per process, not once per file.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from mtcheck import collector
from mtcheck.config import Config
from mtcheck.errors import MtcheckError, UsageError
from mtcheck.translate.base import TranslationError
from mtcheck.translate.load import TranslationRequest, TranslatorFactory
from mtcheck.types import PairFailure, Report

T = TypeVar("T")


@dataclass(frozen=True)
class PairTask:
    """One pair of a scan's plan; paths as the reports show them."""

    index: int
    source: str
    target: str | None  # None: a bilingual file
    source_lang: str | None = None
    target_lang: str | None = None


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs, whatever pair it gets. Picklable: it travels to processes."""

    config: Config
    translation: TranslationRequest | None = None  # None: model-free (--no-translate)
    # Workers time their stages themselves when MTCHECK_TIMINGS asks for it, and send the
    # figures back with each result.
    timings: bool = False
    # The folder the scan's relative paths start from (a Ray worker runs elsewhere).
    folder: str = ""


@dataclass(frozen=True)
class PairResult:
    index: int
    outcome: Report | PairFailure | None
    # An error that no other pair would escape either (a model that cannot be loaded, a
    # translation server that keeps failing): the scan stops with it.
    fatal: str | None = None
    worker: int = 0  # the process that checked the pair
    seconds: tuple[tuple[str, float], ...] = ()

    @property
    def sentences(self) -> int:
        return len(self.outcome.source.segments) if isinstance(self.outcome, Report) else 0


def failed(task: PairTask, message: str) -> PairResult:
    return PairResult(task.index, PairFailure(task.source, task.target, message))


class Worker:
    def __init__(self, settings: WorkerSettings) -> None:
        # A pool process or a Ray worker checks documents as `mtcheck check` does.
        collector.tune()
        self.settings = settings
        self.translators = TranslatorFactory(settings.translation) if settings.translation is not None else None

    def check(self, task: PairTask, on_step: Callable[[str], None] | None = None) -> PairResult:
        from mtcheck.pipeline import check_files
        from mtcheck.timings import StageTimer

        timer = StageTimer(on_step) if self.settings.timings else None
        result = guarded(
            task,
            lambda: check_files(
                task.source,
                task.target,
                task.source_lang,
                task.target_lang,
                on_step=timer or on_step,
                config=self.settings.config,
                translators=self.translators,
            ),
        )
        return replace(result, seconds=tuple(timer.seconds.items())) if timer is not None else result


def guarded(task: PairTask, work: Callable[[], T]) -> T | PairResult:
    """``work()``'s value, or the pair's failure: an input error or a bug met on this pair
    fails it alone; an error every pair would meet (a model, a server) stops the scan."""
    try:
        value = work()
    except (TranslationError, UsageError) as exc:
        return PairResult(task.index, None, fatal=str(exc), worker=os.getpid())
    except MtcheckError as exc:
        return failed(task, str(exc))
    except Exception as exc:
        # A bug: the other files are still checked, and the message says where it
        # happened so that it can be reported.
        where = traceback.extract_tb(exc.__traceback__)[-1]
        place = f"{os.path.basename(where.filename)}:{where.lineno}"
        return failed(task, f"internal error {type(exc).__name__}: {exc} (at {place}); please report it")
    if isinstance(value, Report):
        return PairResult(task.index, value, worker=os.getpid())  # type: ignore[return-value]
    return value


# A short pair per source language: checking it loads every resource that language needs.
_WARM_UP = {
    "ru": ("4 декабря губернатор Курской области Александр Хинштейн объявил о планах.", "ru"),
    "ko": ("12월 4일 쿠르스크 주지사 알렉산드르 힌시테인이 계획을 발표했다.", "ko"),
}
_WARM_UP_EN = "On December 4, Kursk Governor Alexander Khinshtein announced plans."


def warm_up(langs: Iterable[str]) -> None:
    """Load the NLP resources of these languages now (a worker's start), not in the middle of
    its first file."""
    from mtcheck.documents.text import build_document
    from mtcheck.pipeline import check_documents

    for lang in sorted(set(langs) & set(_WARM_UP)):
        text, _ = _WARM_UP[lang]
        check_documents(build_document("warm-up", lang, text), build_document("warm-up", "en", _WARM_UP_EN))


# The worker of this process, when it is one of a pool's (see start_worker).
_worker: Worker | None = None


def start_worker(settings: WorkerSettings, langs: tuple[str, ...]) -> None:
    """A pool process's initializer: no progress bars of its own, resources loaded once."""
    global _worker
    from mtcheck.translate.base import progress_bars

    progress_bars(False)
    _worker = Worker(settings)
    warm_up(langs)


def check_in_worker(task: PairTask) -> PairResult:
    if _worker is None:  # pragma: no cover - start_worker always runs first
        raise RuntimeError("check_in_worker called before start_worker")
    return _worker.check(task)
