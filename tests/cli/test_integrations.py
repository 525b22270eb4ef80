"""The pre-commit hook and the GitHub Action call commands and options that exist."""

from __future__ import annotations

import shlex

import yaml

from mtcheck.cli import Format
from mtcheck.report import FORMATS
from tests.conftest import ROOT
from tests.conftest import run_cli as run


def test_pre_commit_hook_runs_a_real_command() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "mtcheck-scan" and hook["language"] == "python" and hook["pass_filenames"] is False
    program, *args = shlex.split(hook["entry"])
    assert program == "mtcheck"
    code, out, _ = run(*args, "--help")
    assert code == 0 and "scan.pairs" in out


def test_action_is_composite_and_uses_existing_options() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    (scan,) = [s for s in action["runs"]["steps"] if s.get("id") == "scan"]
    script = scan["run"]
    for option in ("--format", "--output", "--fail-on", "--config", "--baseline"):
        assert option in script
        assert option in run("scan", "--help")[1]


def test_every_format_is_selectable() -> None:
    assert {f.value for f in Format} == set(FORMATS) == {"text", "json", "sarif", "junit", "html"}
