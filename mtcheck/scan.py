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

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mtcheck.config import Config
from mtcheck.errors import InputError
from mtcheck.types import SUPPORTED_LANGS, Report

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


def run_scan(config: Config, on_step: Callable[[str], None] | None = None) -> tuple[list[Report], list[str]]:
    from mtcheck.fingerprint import display_path
    from mtcheck.pipeline import check_files

    jobs, notes = plan(config)
    reports = []
    for job in jobs:
        if on_step:
            on_step(f"checking {job.source}")
        # Paths as the user would type them from here, for the reports and the baseline.
        source = Path(display_path(str(job.source)))
        target = Path(display_path(str(job.target))) if job.target else None
        reports.append(check_files(source, target, job.source_lang, job.target_lang, config=config))
    return reports, notes
