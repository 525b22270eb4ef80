"""Command line: wiring only; the work lives in :mod:`mtcheck.pipeline` and the reporters."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from mtcheck import __version__
from mtcheck.errors import MtcheckError, UsageError
from mtcheck.types import SUPPORTED_LANGS, Severity

app = typer.Typer(
    name="mtcheck",
    help="Check an English translation against its Russian or Korean source.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Format(enum.StrEnum):
    text = "text"
    json = "json"


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


@app.command()
def check(
    source: Annotated[Path, typer.Argument(help="Source document (Russian, Korean or English).")],
    target: Annotated[Path, typer.Argument(help="Translation to check.")],
    source_lang: Annotated[
        str | None, typer.Option("--source-lang", "-s", help="ru, ko or en; default: detected from the script.")
    ] = None,
    target_lang: Annotated[
        str | None, typer.Option("--target-lang", "-t", help="ru, ko or en; default: detected from the script.")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")
    ] = FailOn.error,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config", help="mtcheck.toml or pyproject.toml; default: the nearest one above the current folder."
        ),
    ] = None,
    glossary_file: Annotated[
        Path | None,
        typer.Option("--glossary", help="Glossary (CSV source,target[,note] or TBX); overrides the config's glossary."),
    ] = None,
) -> None:
    """Align SOURCE with TARGET and report suspicious spans.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from mtcheck.pipeline import check_files
    from mtcheck.report import render, write_atomic

    s_lang = _lang(source_lang, "--source-lang")
    t_lang = _lang(target_lang, "--target-lang")
    if output is not None:
        _refuse_input_as_output(output, source, target)
    from mtcheck.config import find_config, load_config

    try:
        if config_file is not None and not config_file.is_file():
            raise _fail(f"config file {config_file} does not exist")
        config = load_config(config_file or find_config(Path.cwd()))
        if glossary_file is not None:
            config = dataclasses.replace(config, glossary=glossary_file)
        with _status() as on_step:
            report = check_files(source, target, s_lang, t_lang, on_step=on_step, config=config)
        color = output is None and fmt is Format.text and sys.stdout.isatty()
        content = render(report, fmt.value, color=color)
        if output is None:
            sys.stdout.write(content)
        else:
            write_atomic(output, content)
            for notice in report.notices:
                typer.echo(f"note: {notice}", err=True)
            counts = report.counts()
            typer.echo(
                f"{output}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info",
                err=True,
            )
    except MtcheckError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
    if fail_on is not FailOn.never:
        threshold = Severity.parse(fail_on.value)
        if any(f.severity >= threshold for f in report.findings):
            raise typer.Exit(EXIT_FINDINGS)


@contextlib.contextmanager
def _status() -> Iterator[Callable[[str], None] | None]:
    """A live status line on stderr while a check runs; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console

    with Console(stderr=True).status("mtcheck: starting") as status:
        yield lambda name: status.update(f"mtcheck: {name}")


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


def main() -> None:
    try:
        app()
    except UsageError as exc:  # pragma: no cover - defensive: commands convert their own errors
        typer.echo(f"mtcheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
