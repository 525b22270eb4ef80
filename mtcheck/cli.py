"""Command line: wiring only; the work lives in :mod:`mtcheck.pipeline` and the reporters."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import inspect
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mtcheck import __version__, collector
from mtcheck.errors import MtcheckError, UsageError
from mtcheck.translate.load import TranslationRequest
from mtcheck.types import SUPPORTED_LANGS, PairFailure, Report, Severity

if TYPE_CHECKING:
    from mtcheck.config import Config
    from mtcheck.translate.load import PairTranslators

app = typer.Typer(
    name="mtcheck",
    help="Check an English translation against its Russian or Korean source.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Format(enum.StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    html = "html"


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"mtcheck: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _lang(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    lang = value.strip().lower()
    if lang not in SUPPORTED_LANGS:
        raise _fail(f"{option} {value!r} is not supported (supported: {', '.join(SUPPORTED_LANGS)})")
    return lang


_SourceLang = Annotated[
    str | None, typer.Option("--source-lang", "-s", help="ru, ko or en; default: detected from the script.")
]
_TargetLang = Annotated[
    str | None, typer.Option("--target-lang", "-t", help="ru, ko or en; default: detected from the script.")
]
_LexiconOpt = Annotated[
    Path | None,
    typer.Option(
        "--lexicon",
        help="Lexicon for the alignment (`mtcheck lexicon learn`), or 'none'; default: the one mtcheck ships.",
    ),
]
_Fmt = Annotated[Format, typer.Option("--format", "-f", help="Report format.")]
_Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")]
_FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")]
_ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="mtcheck.toml or pyproject.toml; default: the nearest one above the current folder."),
]
_MaxSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--max-size",
        help="Refuse an input larger than this (50M by default; for a DOCX, its uncompressed size).",
        metavar="SIZE",
    ),
]
_MaxSentencesOpt = Annotated[
    int | None,
    typer.Option("--max-sentences", min=1, help="Refuse a document of more sentences or strings (default 100000)."),
]
_BaselineOpt = Annotated[
    Path | None,
    typer.Option("--baseline", help="Report only findings not in this baseline (see `mtcheck baseline create`)."),
]

# Translation options, shared by `check`, `scan` and `review`.
_ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Forward model (source → target): a transformers or CTranslate2 directory, or a server URL. "
        "Default: the registry's model, if downloaded.",
    ),
]
_BackModelOpt = Annotated[
    str | None,
    typer.Option("--back-model", help="Back-translation model (target → source): a directory or a server URL."),
]
_BackendOpt = Annotated[
    str, typer.Option("--backend", help="auto, transformers or ctranslate2 (auto: by the directory's content).")
]
_DeviceOpt = Annotated[str, typer.Option("--device", help="auto, cpu or cuda.")]
_BeamOpt = Annotated[int, typer.Option("--beam", min=1, help="Beam size (1: greedy).")]
_ThreadsOpt = Annotated[
    int, typer.Option("--threads", min=0, help="CPU threads for the model (0: the library's default).")
]
_HttpApiOpt = Annotated[
    str, typer.Option("--http-api", help="For a URL model: libretranslate or openai (chat completions).")
]
_HttpModelOpt = Annotated[str, typer.Option("--http-model", help="Model name for an OpenAI-compatible server.")]
_HttpKeyOpt = Annotated[
    str, typer.Option("--http-api-key", envvar="MTCHECK_HTTP_API_KEY", help="API key for the translation server.")
]
_HttpInFlightOpt = Annotated[
    int, typer.Option("--http-in-flight", min=1, help="Requests to a translation server in flight at once.")
]
_HttpRetriesOpt = Annotated[
    int,
    typer.Option(
        "--http-retries", min=0, help="Retries of a request on 429, 5xx, timeouts (exponential backoff, Retry-After)."
    ),
]
_HttpTimeoutOpt = Annotated[
    float, typer.Option("--http-timeout", min=0.1, help="Seconds to wait for a server's answer to one request.")
]
_NoTranslateOpt = Annotated[
    bool, typer.Option("--no-translate", help="Skip the translation-model checks even when a model is there.")
]
_NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")]
_TRANSLATION_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("model", _ModelOpt, None),
    ("back_model", _BackModelOpt, None),
    ("backend", _BackendOpt, "auto"),
    ("device", _DeviceOpt, "auto"),
    ("beam", _BeamOpt, 1),
    ("threads", _ThreadsOpt, 0),
    ("http_api", _HttpApiOpt, "libretranslate"),
    ("http_model", _HttpModelOpt, ""),
    ("http_api_key", _HttpKeyOpt, ""),
    ("http_in_flight", _HttpInFlightOpt, 4),
    ("http_retries", _HttpRetriesOpt, 4),
    ("http_timeout", _HttpTimeoutOpt, 60.0),
    ("no_translate", _NoTranslateOpt, False),
    ("no_cache", _NoCacheOpt, False),
)


def _translation_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the translation options (one definition for `check`, `scan` and
    `review`) and hand it their values as one ``translation`` argument: a TranslationRequest,
    or None with --no-translate."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "translation"]
    added = [
        inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a)
        for n, a, d in _TRANSLATION_OPTIONS
    ]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        values = {name: kwargs.pop(name, default) for name, _, default in _TRANSLATION_OPTIONS}
        no_translate = values.pop("no_translate")
        command(*args, **kwargs, translation=None if no_translate else _translation(**values))

    params = [*own, *added]
    run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


@app.command()
@_translation_options
def check(
    source: Annotated[
        Path, typer.Argument(help="Source document, or a bilingual file (XLIFF, PO, TMX, CSV/TSV) on its own.")
    ],
    target: Annotated[Path | None, typer.Argument(help="Translation to check; omitted for a bilingual file.")] = None,
    source_lang: _SourceLang = None,
    target_lang: _TargetLang = None,
    fmt: _Fmt = Format.text,
    output: _Output = None,
    fail_on: _FailOnOpt = FailOn.error,
    config_file: _ConfigOpt = None,
    baseline: _BaselineOpt = None,
    glossary_file: Annotated[
        Path | None,
        typer.Option("--glossary", help="Glossary (CSV source,target[,note] or TBX); overrides the config's glossary."),
    ] = None,
    max_size: _MaxSizeOpt = None,
    max_sentences: _MaxSentencesOpt = None,
    lexicon_file: _LexiconOpt = None,
    translation: TranslationRequest | None = None,
) -> None:
    """Align SOURCE with TARGET (or read the pairs of one bilingual file) and report suspicious spans.

    Inputs: plain text, Markdown, DOCX, JSON i18n (two files, paired by key), and on their own
    XLIFF 1.2/2.0, PO, TMX, CSV/TSV.
    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """
    if output is not None:
        _refuse_input_as_output(output, source, *([target] if target else []))
    try:
        report, config, _translators = _run_checks(
            source,
            target,
            source_lang,
            target_lang,
            config_file,
            glossary_file,
            translation,
            max_size=max_size,
            max_sentences=max_sentences,
            lexicon_file=lexicon_file,
        )
        reports = _known_removed([report], config, baseline)
        _emit(reports, fmt, output, [])
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    _exit_for(reports, fail_on)


def _run_checks(
    source: Path,
    target: Path | None,
    source_lang: str | None,
    target_lang: str | None,
    config_file: Path | None,
    glossary_file: Path | None,
    translation: TranslationRequest | None,
    max_size: str | None = None,
    max_sentences: int | None = None,
    lexicon_file: Path | None = None,
) -> tuple[Report, Config, PairTranslators | None]:
    """What `check` and `review` share: one check run from the command line's inputs and
    options, with the config it used and the translators it made (for later re-checks)."""
    from mtcheck.pipeline import check_files
    from mtcheck.translate.load import TranslatorFactory

    s_lang = _lang(source_lang, "--source-lang")
    t_lang = _lang(target_lang, "--target-lang")
    config = _config(config_file, max_size, max_sentences)
    if glossary_file is not None:
        config = dataclasses.replace(config, glossary=glossary_file)
    if lexicon_file is not None:
        config = dataclasses.replace(config, lexicon=lexicon_file)
    factory = TranslatorFactory(translation) if translation is not None else None
    with _status() as on_step:
        report = check_files(source, target, s_lang, t_lang, on_step=on_step, config=config, translators=factory)
    # The factory keeps what it made: the check's own translators, loaded once, for re-checks.
    made = factory(report.source.lang, report.target.lang) if factory is not None else None
    return report, config, made


class Executor(enum.StrEnum):
    local = "local"
    ray = "ray"


@app.command()
@_translation_options
def scan(
    fmt: _Fmt = Format.text,
    output: _Output = None,
    fail_on: _FailOnOpt = FailOn.error,
    config_file: _ConfigOpt = None,
    baseline: _BaselineOpt = None,
    max_size: _MaxSizeOpt = None,
    max_sentences: _MaxSentencesOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            show_default="one per core; 1 under 64 KiB of input",
            help="Pairs checked at once, each in its own worker process.",
        ),
    ] = None,
    executor: Annotated[
        Executor,
        typer.Option(
            "--executor", help="local: worker processes here; ray: a Ray cluster (needs the distributed extra)."
        ),
    ] = Executor.local,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="Ray cluster to join (e.g. ray://head:10001); default: a local one."),
    ] = None,
    translation: TranslationRequest | None = None,
) -> None:
    """Check every source/target pair listed under scan.pairs in mtcheck.toml or pyproject.toml.

    Pairs are checked in parallel (--jobs N, or on Ray with --executor ray); the report is the same either way.
    A pair that cannot be checked is reported with its path, and the others still are.
    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error or a pair unchecked, 130 Ctrl-C.
    """
    from mtcheck.scan import ScanOptions, run_scan

    if ray_address is not None and executor is not Executor.ray:
        raise _fail("--ray-address needs --executor ray")
    options = ScanOptions(jobs, executor.value, ray_address, translation, progress=True)
    try:
        config = _config(config_file, max_size, max_sentences)
        with _status(status_line=False) as on_step:
            result = run_scan(config, options, on_step)
        reports = list(result.reports)
        if output is not None:
            _refuse_input_as_output(
                output, *(Path(r.source.path) for r in reports), *(Path(r.target.path) for r in reports)
            )
        reports = _known_removed(reports, config, baseline)
        _emit(reports, fmt, output, list(result.notes), result.failures)
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        # The workers are stopped by now; reports are written only once complete.
        typer.echo("mtcheck: interrupted; no report written", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if result.failures:
        for failure in result.failures:
            typer.echo(f"mtcheck: error: {failure.line}", err=True)
        raise typer.Exit(EXIT_USAGE)
    _exit_for(reports, fail_on)


def _review_options(
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1; 0: a free one.")] = 0,
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open a browser; only print the URL.")] = False,
    export: Annotated[
        Path | None, typer.Option("--export", help="Write the review file's decisions as CSV to FILE (- for stdout).")
    ] = None,
) -> None:
    """The options `review` adds to those of `check`."""


def _with_options_of_check(own: Callable[..., None]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Gives a command `check`'s parameters (less its report options and the translation
    options, which :func:`_translation_options` adds) and those of ``own``: the review takes
    the same inputs as a check, declared in one place."""
    left_out = {"fmt", "output", "fail_on"} | {name for name, _, _ in _TRANSLATION_OPTIONS}
    shared = [p for p in inspect.signature(check, eval_str=True).parameters.values() if p.name not in left_out]
    signature = inspect.Signature([*shared, *inspect.signature(own, eval_str=True).parameters.values()])

    def wrap(command: Callable[..., None]) -> Callable[..., None]:
        command.__signature__ = signature  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in signature.parameters.values()}
        return command

    return wrap


@app.command()
@_translation_options
@_with_options_of_check(_review_options)
def review(**options: Any) -> None:
    """Review the findings in the browser: accept suggestions, edit sentences, dismiss false alarms.

    Same inputs and options as `check`. Serves the page on 127.0.0.1 until Ctrl-C.

    The page's URL, with its access token, is the first line on stdout.

    Decisions go into TARGET.review.json as they are made; check, scan and review hide dismissed findings.

    "Save draft" writes the edits into TARGET (the previous version goes to TARGET.bak).

    --export FILE writes the decisions as CSV instead ("-": stdout).
    """
    port, no_open, export, baseline = (options.pop(k) for k in ("port", "no_open", "export", "baseline"))
    if export is not None:
        _export_review(options["source"], options["target"], export)
        return
    from mtcheck.review.app import listen, serve
    from mtcheck.review.session import open_session

    try:
        # Bound first: a busy port should fail before minutes of checking, not after.
        sock = listen(port)
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    with sock:
        try:
            report, config, translators = _run_checks(**options)

            # Baseline and suppressions apply to re-checks too; dismissed findings stay, marked.
            def hide(r: Report) -> Report:
                return _known_removed([r], config, baseline, dismissed=False)[0]

            report = hide(report)
            session = open_session(report, config, translators, hide)
        except MtcheckError as exc:
            raise _fail(str(exc)) from None

        def announce(url: str) -> None:
            print(url, flush=True)
            typer.echo(
                f"mtcheck: reviewing {len(report.findings)} finding(s) at {url.split('?')[0]}; decisions are saved to "
                f"{session.review_path} as they are made; Ctrl-C stops",
                err=True,
            )

        serve(session, sock, not no_open, announce)
    unsaved = session.unsaved_edits
    note = f"; {unsaved} unsaved edit(s) wait in {session.review_path} for the next review" if unsaved else ""
    typer.echo(f"mtcheck: review stopped{note}", err=True)


def _export_review(source: Path, target: Path | None, export: Path) -> None:
    from mtcheck.review.store import export_csv, load_review

    try:
        review = load_review(source, target or source)
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    if not review.path.is_file():
        raise _fail(f"{review.path} does not exist; review the pair first (mtcheck review {source} {target or ''})")
    content = export_csv(review)
    if str(export) == "-":
        sys.stdout.write(content)
        return
    _refuse_input_as_output(export, source, *([target] if target else []), review.path)
    _write(export, content)
    typer.echo(f"{export}: {len(review.decisions)} decision(s)", err=True)


baseline_app = typer.Typer(
    help="Record accepted findings so that later runs report only new ones.", no_args_is_help=True
)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    source: Annotated[
        Path | None, typer.Argument(help="Source or bilingual file; omitted: every pair listed under scan.pairs.")
    ] = None,
    target: Annotated[Path | None, typer.Argument(help="Translation, for a two-file pair.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write.")] = Path(
        ".mtcheck-baseline.json"
    ),
    source_lang: _SourceLang = None,
    target_lang: _TargetLang = None,
    config_file: _ConfigOpt = None,
) -> None:
    """Write the fingerprints of today's findings to a baseline file (default .mtcheck-baseline.json)."""
    from mtcheck.baseline import filter_known as drop
    from mtcheck.baseline import parse_suppressions, render_baseline
    from mtcheck.pipeline import check_files
    from mtcheck.scan import run_scan

    s_lang = _lang(source_lang, "--source-lang")
    t_lang = _lang(target_lang, "--target-lang")
    _refuse_input_as_output(output, *[p for p in (source, target) if p])
    try:
        config = _config(config_file)
        if source is None:
            result = run_scan(config)
            if result.failures:
                # A baseline without a pair's findings would hide them all later.
                raise _fail(result.failures[0].line)
            reports, notes = list(result.reports), list(result.notes)
        else:
            reports, notes = [check_files(source, target, s_lang, t_lang, config=config)], []
        # Suppressed findings are accepted already; the baseline needs only the rest.
        suppressions = parse_suppressions(config)
        reports = [drop(r, suppressions) for r in reports]
        _write(output, render_baseline(reports))
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(f"{output}: {sum(len(r.findings) for r in reports)} finding(s) recorded", err=True)


def _config(config_file: Path | None, max_size: str | None = None, max_sentences: int | None = None) -> Config:
    """The config file's settings, with the limits given on the command line over its own."""
    from mtcheck.config import find_config, load_config
    from mtcheck.limits import parse_size

    if config_file is not None and not config_file.is_file():
        raise _fail(f"config file {config_file} does not exist")
    config = load_config(config_file or find_config(Path.cwd()))
    limits = config.limits
    if max_size is not None:
        try:
            limits = dataclasses.replace(limits, max_bytes=parse_size(max_size))
        except ValueError as exc:
            raise _fail(f"--max-size: {exc}") from None
    if max_sentences is not None:
        limits = dataclasses.replace(limits, max_sentences=max_sentences)
    return dataclasses.replace(config, limits=limits)


def _known_removed(
    reports: list[Report], config: Config, baseline: Path | None, dismissed: bool = True
) -> list[Report]:
    """The reports without suppressed findings, those in the baseline and (unless
    ``dismissed`` is False: the review shows them, marked) those dismissed in a review."""
    from mtcheck.baseline import baseline_path, filter_known, load_baseline, parse_suppressions
    from mtcheck.review.store import hide_dismissed

    suppressions = parse_suppressions(config)
    path = baseline_path(config, baseline)
    if path is not None and not path.is_file():
        raise _fail(f"baseline {path} does not exist; create it with `mtcheck baseline create`")
    known = load_baseline(path) if path is not None else frozenset()
    kept = [filter_known(r, suppressions, known) for r in reports]
    return [hide_dismissed(r) for r in kept] if dismissed else kept


def _write(output: Path, content: str) -> None:
    """Write a report or baseline atomically; on failure, one line that says what became of
    the file that was there."""
    from mtcheck.report import write_atomic

    existed = output.exists()
    try:
        write_atomic(output, content)
    except OSError as exc:
        kept = f"{output} was left as it was" if existed else "nothing was written"
        raise _fail(f"cannot write {output}: {exc.strerror or exc}; {kept}") from None


def _emit(
    reports: list[Report], fmt: Format, output: Path | None, notes: list[str], failures: Sequence[PairFailure] = ()
) -> None:
    from mtcheck.report import render

    color = output is None and fmt is Format.text and sys.stdout.isatty()
    content = render(reports, fmt.value, color=color, failures=failures)
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    if output is None:
        sys.stdout.write(content)
        return
    _write(output, content)
    for notice, count in _distinct_notices(reports):
        # A scan of 200 pairs without a model has the same notice 200 times: once is enough.
        where = f" ({count} of {len(reports)} pairs)" if count > 1 else ""
        typer.echo(f"note{where}: {notice}", err=True)
    counts = {k: sum(r.counts()[k] for r in reports) for k in ("error", "warning", "info")}
    typer.echo(f"{output}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info", err=True)


def _distinct_notices(reports: list[Report]) -> list[tuple[str, int]]:
    """Each notice of the reports once, in the order first met, with how many reports have it."""
    counts: dict[str, int] = {}
    for report in reports:
        for notice in dict.fromkeys(report.notices):
            counts[notice] = counts.get(notice, 0) + 1
    return list(counts.items())


def _exit_for(reports: list[Report], fail_on: FailOn) -> None:
    if fail_on is FailOn.never:
        return
    threshold = Severity.parse(fail_on.value)
    if any(f.severity >= threshold for r in reports for f in r.findings):
        raise typer.Exit(EXIT_FINDINGS)


def _translation(
    model: str | None,
    back_model: str | None,
    backend: str,
    device: str,
    beam: int,
    threads: int,
    http_api: str,
    http_model: str,
    http_api_key: str,
    http_in_flight: int,
    http_retries: int,
    http_timeout: float,
    no_cache: bool,
) -> TranslationRequest:
    """The translation options of `check` and `scan` as one value; models are found and
    loaded only once the languages are known (and, for a scan, in each worker)."""
    from mtcheck.translate.load import TranslatorOptions

    options = TranslatorOptions(
        backend=backend,
        device=device,
        beam=beam,
        threads=threads,
        http_api=http_api,
        http_model=http_model,
        api_key=http_api_key,
        http_in_flight=http_in_flight,
        http_retries=http_retries,
        http_timeout=http_timeout,
        cache=not no_cache,
    )
    return TranslationRequest(model, back_model, options)


@contextlib.contextmanager
def _status(status_line: bool = True) -> Iterator[Callable[[str], None] | None]:
    """A live status line on stderr while a check runs; nothing when stderr is not a terminal
    (nor without ``status_line``: a scan draws its own progress bar).
    With MTCHECK_TIMINGS=1 the time of each stage is printed on stderr at the end."""
    from mtcheck.timings import StageTimer, wanted

    with _live_status() if status_line else contextlib.nullcontext() as live:
        if not wanted():
            yield live
            return
        timer = StageTimer(live)
        try:
            yield timer
        finally:
            timer.report()


@contextlib.contextmanager
def _live_status() -> Iterator[Callable[[str], None] | None]:
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console

    with Console(stderr=True).status("mtcheck: starting") as status:

        def on_step(name: str) -> None:
            # Translation shows its own progress bar; rich allows one live display at a time.
            if name.startswith("translating"):
                status.stop()
                typer.echo(f"mtcheck: {name}", err=True)
            else:
                status.start()
                status.update(f"mtcheck: {name}")

        yield on_step


def _refuse_input_as_output(output: Path, *inputs: Path) -> None:
    for path in inputs:
        if output.resolve() == path.resolve():
            raise _fail(f"--output {output} is one of the input files; mtcheck never writes into its inputs")
    if output.is_dir():
        raise _fail(f"--output {output} is a directory")
    if not output.parent.exists():
        raise _fail(f"--output folder {output.parent} does not exist")


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code (MT101) or name (omission) to explain.")] = None,
) -> None:
    """List every rule, or explain one."""
    from mtcheck.checks import all_rules, get_rule

    if code is None:
        for rule in all_rules():
            typer.echo(f"{rule.code}  {rule.name:<28} {rule.severity.label:<8} {rule.title}")
        return
    try:
        rule = get_rule(code)
    except KeyError as exc:
        raise _fail(exc.args[0]) from None
    typer.echo(f"{rule.code} {rule.name} ({rule.family})")
    typer.echo(f"default severity: {rule.severity.label}")
    typer.echo("")
    typer.echo(rule.title + ".")
    typer.echo("")
    typer.echo(rule.explanation)


models_app = typer.Typer(help="Translation models: list the registry, download, convert, locate.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list() -> None:
    """Every direction with its model, licence, size, and whether it is on this machine."""
    from mtcheck import models

    try:
        registry = models.load_registry()
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    for spec in registry.values():
        here = []
        if models.local_path(spec) is not None:
            here.append("downloaded")
        if spec.ct2_dir.is_dir():
            here.append("ct2-int8")
        state = ", ".join(here) or "not downloaded"
        typer.echo(
            f"{spec.direction:<6} {spec.repo}@{spec.revision}  {spec.licence}  "
            f"~{spec.size_mb:,} MB, {spec.params_m}M params  [{state}]"
        )


@models_app.command("pull")
def models_pull(
    direction: Annotated[str, typer.Argument(help="A direction from `mtcheck models list`, e.g. ru-en.")],
    convert: Annotated[bool, typer.Option("--convert", help="Also make the CTranslate2 int8 copy.")] = False,
) -> None:
    """Download a model into the Hugging Face cache (the only command that uses the network)."""
    from mtcheck import models

    try:
        spec = models.get_spec(direction)
        path = models.pull(spec)
        typer.echo(str(path))
        if convert:
            from mtcheck.translate.ct2 import convert as ct2_convert

            typer.echo(str(ct2_convert(path, spec.ct2_dir, force=True)))
    except MtcheckError as exc:
        raise _fail(str(exc)) from None


@models_app.command("path")
def models_path(
    direction: Annotated[str, typer.Argument(help="A direction, e.g. ru-en.")],
    ct2: Annotated[bool, typer.Option("--ct2", help="The CTranslate2 copy instead of the transformers one.")] = False,
) -> None:
    """Print where a downloaded model lives; exit 2 when it is not on this machine."""
    from mtcheck import models

    try:
        spec = models.get_spec(direction)
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    if ct2:
        if not spec.ct2_dir.is_dir():
            raise _fail(f"{spec.direction} has no CTranslate2 copy; run `mtcheck models convert {spec.direction}`")
        typer.echo(str(spec.ct2_dir))
        return
    path = models.local_path(spec)
    if path is None:
        raise _fail(f"{spec.repo} is not downloaded; run `mtcheck models pull {spec.direction}`")
    typer.echo(str(path))


@models_app.command("convert")
def models_convert(
    model: Annotated[str, typer.Argument(help="A direction (ru-en) or a transformers model directory.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write; default: mtcheck's cache folder.")
    ] = None,
    quantization: Annotated[
        str, typer.Option("--quantization", help="int8 (CPU), int8_float16 or float16 (GPU), float32.")
    ] = "int8",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing conversion.")] = False,
) -> None:
    """Convert a transformers model to CTranslate2 (int8 by default: the fast CPU path)."""
    from mtcheck import models
    from mtcheck.translate.ct2 import convert

    try:
        source = Path(model).expanduser()
        if source.is_dir():
            if output is None:
                raise _fail("--output is required when converting a directory")
            out = output
        else:
            if "/" in model or model.startswith("."):
                raise _fail(f"model directory {model} does not exist")
            spec = models.get_spec(model)
            local = models.local_path(spec)
            if local is None:
                raise _fail(f"{spec.repo} is not downloaded; run `mtcheck models pull {spec.direction}`")
            source, out = local, output or spec.ct2_dir
        typer.echo(str(convert(source, out, quantization, force)))
    except MtcheckError as exc:
        raise _fail(str(exc)) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """mtcheck: translation-consistency checker."""


def _command(args: list[str]) -> str | None:
    """The subcommand of a command line: its first word that is no option."""
    return next((a for a in args if not a.startswith("-")), None)


def main() -> None:
    # A terminal that cannot show Cyrillic or Hangul (an ASCII or Latin-1 locale) gets "?"
    # for them rather than a traceback half-way through the report.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")
    # A scan runs its pairs side by side, where OpenBLAS's extra threads only spin on mtcheck's
    # small matrices: one thread halves its CPU time (2,294 sentences on 2 cores: 16 → 8 CPU
    # seconds, 34 → 17 s). One check has the cores to itself: there the threads help Russian NER
    # (a 5,000-sentence ru-en check, 17-18 → 14-15 s). Set before numpy is first imported.
    if _command(sys.argv[1:]) == "scan":
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    collector.tune()
    try:
        app()
    except UsageError as exc:  # pragma: no cover - defensive: commands convert their own errors
        typer.echo(f"mtcheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


lexicon_app = typer.Typer(
    help="Lexicons for the alignment: learn one from your own translations.", no_args_is_help=True
)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("learn")
def lexicon_learn(
    source: Annotated[Path, typer.Argument(help="Source text, one sentence or segment a line.")],
    target: Annotated[Path, typer.Argument(help="Its translation, line for line.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Lexicon file to write (.json or .json.gz).")],
    source_lang: _SourceLang = None,
    target_lang: _TargetLang = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Keep words seen in this many lines.")] = 3,
) -> None:
    """Learn a lexicon from two files whose lines translate each other.

    A translation memory exported as two text files serves.
    Use the lexicon with `mtcheck check --lexicon FILE` or `lexicon = "FILE"` in the config.
    """
    from mtcheck.documents.inputs import load_text
    from mtcheck.lang.detect import detect_lang
    from mtcheck.lexicon import learn, save

    _refuse_input_as_output(output, source, target)
    try:
        texts = [load_text(path)[0] for path in (source, target)]
        langs = [
            _lang(given, option) or detect_lang(text, str(path))
            for given, option, text, path in (
                (source_lang, "--source-lang", texts[0], source),
                (target_lang, "--target-lang", texts[1], target),
            )
        ]
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    if langs[0] == langs[1]:
        raise _fail(f"both files read as {langs[0]}; a lexicon needs two languages (see --source-lang/--target-lang)")
    lines = [text.splitlines() for text in texts]
    if len(lines[0]) != len(lines[1]):
        raise _fail(
            f"{source} has {len(lines[0]):,} lines and {target} {len(lines[1]):,}: "
            "the lines must translate each other one for one"
        )
    pairs = [(s, t) for s, t in zip(*lines, strict=True) if s.strip() and t.strip()]
    if not pairs:
        raise _fail(f"{source} and {target} hold no line pair to learn from")
    with _status() as on_step:

        def progress(done: int, of: int) -> None:
            if on_step is not None:
                on_step(f"learning: pass {done + 1} of {of}" if done < of else "writing")

        progress(0, 6)
        lexicon = learn(
            pairs,
            langs[0],
            langs[1],
            min_count=min_count,
            about=f"learned by `mtcheck lexicon learn` from {source.name} and {target.name} ({len(pairs):,} pairs)",
            progress=progress,
        )
        try:
            save(lexicon, output)
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
    typer.echo(
        f"{output}: {len(lexicon):,} {langs[0]} words with their {langs[1]} translations, from {len(pairs):,} pairs"
    )
