"""`mtcheck models …` and `mtcheck check --model`: real loading code, clear exit-2 errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, corpus, one_line_error, run_cli

run = run_cli


def test_models_list_shows_every_direction() -> None:
    code, out, _ = run("models", "list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["ru-en", "en-ru", "ko-en", "en-ko"]
    assert "Helsinki-NLP/opus-mt-ru-en@main" in lines[0] and "CC-BY-4.0" in lines[0]
    assert "facebook/nllb-200-distilled-600M" in lines[3]
    assert all("[not downloaded]" in line for line in lines)


def test_direction_with_no_model() -> None:
    for cmd in (("models", "pull", "ko-ru"), ("models", "path", "ko-ru"), ("models", "convert", "ko-ru")):
        code, _, err = run(*cmd)
        assert code == 2
        line = one_line_error(err)
        assert "no model for direction 'ko-ru'" in line and "en-ko, en-ru, ko-en, ru-en" in line


def test_pull_without_network_is_one_line() -> None:
    pytest.importorskip("huggingface_hub")
    # conftest sets HF_HUB_OFFLINE: the download fails the way it does on a machine with no network.
    code, _, err = run("models", "pull", "ru-en")
    assert code == 2
    assert "cannot download Helsinki-NLP/opus-mt-ru-en@main from the Hugging Face hub" in one_line_error(err)


def test_path_of_a_model_not_downloaded() -> None:
    code, _, err = run("models", "path", "en-ko")
    assert code == 2
    assert "run `mtcheck models pull en-ko`" in one_line_error(err)


def test_check_without_model_names_the_command_that_enables_it() -> None:
    source, draft = corpus("kursk-ko")
    code, out, _ = run("check", source, draft, "--fail-on", "never")
    assert code == 0
    assert "note: translation-model checks (MT5xx back/forward translation) were skipped" in out
    assert "`mtcheck models pull ko-en && mtcheck models pull en-ko`" in out
    code, out, _ = run("check", source, draft, "--fail-on", "never", "-f", "json")
    assert any("mtcheck models pull ko-en" in n for n in json.loads(out)["notices"])


def imported_by_a_model_free_check(modules: tuple[str, ...], env: dict[str, str] | None = None) -> list[str]:
    """Which of ``modules`` a model-free check of the Kursk article imports, in a fresh process."""
    source, draft = corpus("kursk-ru")
    code = (
        "import json, sys\n"
        "from mtcheck.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"r = CliRunner().invoke(app, ['check', {str(source)!r}, {str(draft)!r}, '--fail-on', 'never'])\n"
        "assert r.exit_code == 0, r.output\n"
        f"print(json.dumps(sorted(m for m in {list(modules)!r} if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_model_free_check_never_imports_torch() -> None:
    assert imported_by_a_model_free_check(("torch", "transformers", "ctranslate2", "sacrebleu")) == []


def test_missing_and_corrupt_model_directory(tmp_path: Path, tiny_marian: Path) -> None:
    source, draft = corpus("kursk-ru")
    code, _, err = run("check", source, draft, "--model", tmp_path / "nowhere")
    assert code == 2
    assert "model directory" in one_line_error(err) and "nowhere does not exist" in err
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in tiny_marian.iterdir():
        (broken / f.name).write_bytes(f.read_bytes())
    (broken / "model.safetensors").write_bytes(b"\0" * 64)
    code, _, err = run("check", source, draft, "--model", broken)
    assert code == 2
    assert f"cannot load the model from {broken}" in one_line_error(err)


def test_check_with_the_tiny_model_twice_second_run_makes_no_model_call(
    tiny_marian: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtcheck.translate.hf import HFTranslator

    calls: list[int] = []
    real = HFTranslator.translate

    def counting(self, texts, src, tgt):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(self, texts, src, tgt)

    monkeypatch.setattr(HFTranslator, "translate", counting)
    real_init = HFTranslator.__post_init__

    def short(self) -> None:  # type: ignore[no-untyped-def]
        real_init(self)
        self.max_new_tokens = 8  # random weights never emit </s>: keep the nonsense short

    monkeypatch.setattr(HFTranslator, "__post_init__", short)
    source, draft = corpus("kursk-ru")
    models = ("--model", tiny_marian, "--back-model", tiny_marian, "--threads", "1")
    args = ("check", source, draft, *models, "-f", "json", "--fail-on", "never")
    code, out, err = run(*args)
    assert code == 0, err
    assert sum(calls) == 19 + 19  # every source and every target sentence, once
    report = json.loads(out)
    assert "translator:forward=transformers:" in report["signature"]
    assert not any("skipped" in n for n in report["notices"])
    calls.clear()
    code, out2, _ = run(*args)
    assert code == 0 and calls == []
    assert json.loads(out2)["findings"] == report["findings"]


def test_models_convert_a_directory(tiny_marian: Path, tmp_path: Path) -> None:
    pytest.importorskip("ctranslate2")
    out = tmp_path / "ct2"
    code, stdout, err = run("models", "convert", tiny_marian, "--output", out)
    assert code == 0, err
    assert stdout.strip() == str(out) and (out / "model.bin").is_file()
    code, _, err = run("models", "convert", tiny_marian, "--output", out)
    assert code == 2 and "already exists (use --force" in one_line_error(err)


def test_check_finds_a_converted_registry_model_by_itself(tiny_ct2: dict[str, Path]) -> None:
    import shutil

    from mtcheck import models

    # Where `mtcheck models convert ru-en` and `… en-ru` would have put their output.
    for direction in ("ru-en", "en-ru"):
        shutil.copytree(tiny_ct2["int8"], models.get_spec(direction).ct2_dir)
    code, out, _ = run("models", "list")
    assert "ru-en " in out and "[ct2-int8]" in out.splitlines()[0]
    code, out, _ = run("models", "path", "ru-en", "--ct2")
    assert code == 0 and out.strip() == str(models.get_spec("ru-en").ct2_dir)
    source, draft = corpus("kursk-ru")
    code, out, err = run("check", source, draft, "-f", "json", "--fail-on", "never", "--threads", "1")
    assert code == 0, err
    report = json.loads(out)
    assert "forward=ctranslate2:Helsinki-NLP/opus-mt-ru-en@" in report["signature"]
    assert "back=ctranslate2:Helsinki-NLP/opus-mt-en-ru@" in report["signature"]
    assert not any("skipped" in n for n in report["notices"])


def test_a_model_in_the_hub_cache_is_found_and_an_absent_one_costs_no_hub_import(tmp_path: Path) -> None:
    """`models path` finds a snapshot that huggingface_hub's cache holds (the folder layout it
    writes), and a model-free check never imports huggingface_hub to learn that none is there."""
    pytest.importorskip("huggingface_hub")
    hub = tmp_path / "hub"
    repo = hub / "models--Helsinki-NLP--opus-mt-ru-en"
    commit = "0123456789abcdef0123456789abcdef01234567"
    (repo / "snapshots" / commit).mkdir(parents=True)
    (repo / "snapshots" / commit / "config.json").write_text("{}", encoding="utf-8")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    env = {**os.environ, "HF_HUB_CACHE": str(hub)}
    found = subprocess.run(
        [sys.executable, "-m", "mtcheck", "models", "path", "ru-en"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert (found.returncode, found.stdout.strip()) == (0, str(repo / "snapshots" / commit))

    env["HF_HUB_CACHE"] = str(tmp_path / "empty")
    assert imported_by_a_model_free_check(("huggingface_hub",), env) == []
