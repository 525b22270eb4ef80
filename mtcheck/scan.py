"""``mtcheck scan``: check every source/target pair a project's config names.

```toml
[[scan.pairs]]                       # one-language files, paired by path
source = "locales/ru/**/*.json"      # globs relative to the config file
target = "locales/en/**/*.json"
source-lang = "ru"                   # optional; detected from the script otherwise
target-lang = "en"

[[scan.pairs]]                       # bilingual files (XLIFF, PO, TMX, CSV/TSV)
files = "l10n/**/*.xlf"
```

A target is the file at the same path under the target glob's fixed folder; when that does not
exist, the same path with the source language code in the file name replaced by the target's
(``about.ru.md`` → ``about.en.md``).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.config import Config
from mtcheck.errors import InputError, MtcheckError, UsageError
from mtcheck.types import SUPPORTED_LANGS, PairFailure, Report

if TYPE_CHECKING:
    from mtcheck.executors.work import PairTask
    from mtcheck.translate.load import TranslationRequest

_PAIR_KEYS = {"source", "target", "files", "source-lang", "target-lang"}


@dataclass(frozen=True)
class Job:
    source: Path
    target: Path | None  # None: a bilingual file
    source_lang: str | None
    target_lang: str | None


def _fixed_part(pattern: str) -> str:
    """The folder a glob starts from: its components before the first wildcard."""
    parts = []
    for part in Path(pattern).parts[:-1]:
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return str(Path(*parts)) if parts else "."


def _lang(value: object, where: str) -> str | None:
    if value is None:
        return None
    if value not in SUPPORTED_LANGS:
        raise InputError(f"{where}: language {value!r} is not supported ({', '.join(SUPPORTED_LANGS)})")
    return str(value)


def _glob(base: Path, pattern: object, where: str) -> list[Path]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise InputError(f"{where}: a glob must be a non-empty string, not {pattern!r}")
    try:
        return list(base.glob(pattern))
    except (ValueError, NotImplementedError):
        raise InputError(f"{where}: {pattern!r} is no glob relative to the config's folder") from None


def plan(config: Config) -> tuple[list[Job], list[str]]:
    """The jobs a config's ``scan`` table asks for, and notes about sources with no target."""
    where = str(config.path or "config")
    scan = config.extra.get("scan")
    if not isinstance(scan, dict) or not scan.get("pairs"):
        raise InputError(f"{where}: no [[scan.pairs]] to scan; see `mtcheck scan --help`")
    if not isinstance(scan["pairs"], list):
        raise InputError(f"{where}: scan.pairs must be an array of tables ([[scan.pairs]])")
    if set(scan) - {"pairs"}:
        raise InputError(f"{where}: scan: unknown key(s) {', '.join(sorted(set(scan) - {'pairs'}))}")
    base = config.path.parent if config.path else Path.cwd()
    jobs: list[Job] = []
    notes: list[str] = []
    for n, pair in enumerate(scan["pairs"], start=1):
        here = f"{where}: scan.pairs #{n}"
        if not isinstance(pair, dict) or set(pair) - _PAIR_KEYS:
            raise InputError(f"{here}: keys may be {', '.join(sorted(_PAIR_KEYS))}")
        s_lang, t_lang = _lang(pair.get("source-lang"), here), _lang(pair.get("target-lang"), here)
        if "files" in pair:
            matches = sorted(p for p in _glob(base, pair["files"], here) if p.is_file())
            if not matches:
                notes.append(f"{here}: no file matches {pair['files']}")
            jobs.extend(Job(p, None, s_lang, t_lang) for p in matches)
            continue
        if not isinstance(pair.get("source"), str) or not isinstance(pair.get("target"), str):
            raise InputError(f"{here}: give source and target globs, or files")
        src_root, tgt_root = base / _fixed_part(pair["source"]), base / _fixed_part(pair["target"])
        targets = {p for p in _glob(base, pair["target"], here) if p.is_file()}
        sources = sorted(p for p in _glob(base, pair["source"], here) if p.is_file())
        if not sources:
            notes.append(f"{here}: no file matches {pair['source']}")
        for src in sources:
            rel = src.relative_to(src_root)
            candidates = [tgt_root / rel]
            if s_lang and t_lang:
                renamed = re.sub(rf"(?<![A-Za-z]){s_lang}(?![A-Za-z])", t_lang, rel.name)
                candidates.append(tgt_root / rel.parent / renamed)
            target = next((c for c in candidates if c in targets), None)
            if target is None:
                notes.append(f"{src}: no translation found (looked for {candidates[-1]})")
                continue
            jobs.append(Job(src, target, s_lang, t_lang))
    return jobs, notes


EXECUTORS = ("local", "ray")


# Below this much input a scan is over before worker processes have loaded their NLP
# resources (seconds each): it runs in this process unless --jobs says otherwise.
SMALL_SCAN_BYTES = 64 * 1024


def cores() -> int:
    """The cores this process may use (a container or ``taskset`` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(jobs: list[Job]) -> int:
    """One worker per core, or none for a small scan."""
    size = 0
    for job in jobs:
        for path in (job.source, job.target):
            with contextlib.suppress(OSError):
                size += path.stat().st_size if path is not None else 0
    return 1 if size < SMALL_SCAN_BYTES else cores()


@dataclass(frozen=True)
class ScanOptions:
    jobs: int | None = 1  # None: one per core (see default_jobs)
    executor: str = "local"  # or "ray"
    ray_address: str | None = None  # None: a local Ray instance for this scan
    translation: TranslationRequest | None = None  # None: model-free (--no-translate)
    progress: bool = False  # a progress bar on stderr, when it is a terminal


@dataclass(frozen=True)
class ScanResult:
    """Reports and failures in the plan's order, whatever order the workers finished in."""

    reports: tuple[Report, ...]
    failures: tuple[PairFailure, ...]
    notes: tuple[str, ...]
    workers: frozenset[int]  # the processes that checked the pairs


def tasks_of(jobs: list[Job]) -> list[PairTask]:
    from mtcheck.executors.work import PairTask
    from mtcheck.fingerprint import display_path

    # Paths as the user would type them from here, for the reports and the baseline; made
    # here, since a worker may run in another folder (or on another machine).
    return [
        PairTask(
            n,
            display_path(str(job.source)),
            display_path(str(job.target)) if job.target else None,
            job.source_lang,
            job.target_lang,
        )
        for n, job in enumerate(jobs)
    ]


def run_scan(
    config: Config, options: ScanOptions = ScanOptions(), on_step: Callable[[str], None] | None = None
) -> ScanResult:
    """Check every pair of the config's plan with the executor ``options`` names.

    A pair that cannot be checked (bad input, a worker that died) becomes a
    :class:`PairFailure` and the others go on; an error that every pair would meet (a model
    that does not load, a translation server that keeps failing) stops the scan with a
    :class:`MtcheckError`. ``on_step`` hears stage names (pairs checked in this process) and,
    when it is a :class:`StageTimer`, the stage times of worker processes too.
    """
    from mtcheck.executors.progress import ScanBar
    from mtcheck.executors.work import PairResult, WorkerSettings
    from mtcheck.glossary import load_glossary
    from mtcheck.limits import applied
    from mtcheck.timings import StageTimer

    if options.executor not in EXECUTORS:
        raise UsageError(f"unknown executor {options.executor!r} ({', '.join(EXECUTORS)})")
    jobs, notes = plan(config)
    # A broken glossary is one error, not one per pair; read under the scan's limits, as
    # every pair reads it.
    with applied(config.limits):
        load_glossary(config.glossary, config.do_not_translate)
    tasks = tasks_of(jobs)
    workers = min(options.jobs or default_jobs(jobs), max(1, len(tasks)))
    timer = on_step if isinstance(on_step, StageTimer) else None
    elsewhere = options.executor == "ray" or workers > 1  # pairs checked in other processes
    settings = WorkerSettings(config, options.translation, timer is not None and elsewhere, os.getcwd())
    results: list[PairResult | None] = [None] * len(tasks)

    with ScanBar(len(tasks), options.progress) as bar:

        def on_result(result: PairResult) -> None:
            if result.fatal is not None:
                raise MtcheckError(result.fatal)
            results[result.index] = result
            if timer is not None:
                timer.add(result.seconds)
            bar.advance(result.sentences)

        if options.executor == "ray":
            from mtcheck.executors.distributed import run_ray

            run_ray(tasks, settings, on_result, options.ray_address, options.jobs, bar.describe)
        elif workers == 1:
            from mtcheck.executors.local import run_inline

            run_inline(tasks, settings, on_result, on_step, lambda task: bar.describe(f"checking {task.source}"))
        else:
            from mtcheck.executors.local import run_processes

            langs = {lang for t in tasks for lang in (t.source_lang, t.target_lang) if lang}
            run_processes(tasks, settings, workers, on_result, tuple(sorted(langs)))
    done = [r for r in results if r is not None]
    return ScanResult(
        tuple(r.outcome for r in done if isinstance(r.outcome, Report)),
        tuple(r.outcome for r in done if isinstance(r.outcome, PairFailure)),
        tuple(notes),
        frozenset(r.worker for r in done if r.worker),
    )
