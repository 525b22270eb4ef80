from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import corpus, corrected, corrected_draft, one_line_error, run_cli

run = run_cli


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return corrected_draft(tmp_path)


@pytest.fixture
def source() -> Path:
    return corpus("kursk-ru")[0]


def test_missing_file(tmp_path: Path, draft: Path) -> None:
    code, _, err = run("check", tmp_path / "nope.ru.txt", draft)
    assert code == 2
    assert "nope.ru.txt does not exist" in one_line_error(err)


def test_directory(tmp_path: Path, draft: Path) -> None:
    code, _, err = run("check", tmp_path, draft)
    assert code == 2
    assert "is a directory" in one_line_error(err)


def test_empty_file(tmp_path: Path, source: Path) -> None:
    empty = tmp_path / "empty.en.txt"
    empty.write_text("\n \n", encoding="utf-8")
    code, _, err = run("check", source, empty)
    assert code == 2
    assert "empty.en.txt is empty" in one_line_error(err)


def test_binary_file(tmp_path: Path, draft: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    code, _, err = run("check", binary, draft)
    assert code == 2
    assert "binary file" in one_line_error(err)


def test_same_language(draft: Path) -> None:
    code, _, err = run("check", draft, draft)
    assert code == 2
    assert "same language (en)" in one_line_error(err)


def test_unsupported_source_language(tmp_path: Path, draft: Path) -> None:
    zh = tmp_path / "source.zh.txt"
    zh.write_text("普京在新年贺词中强调了朝鲜军人的英勇参与。", encoding="utf-8")
    code, _, err = run("check", zh, draft)
    assert code == 2
    assert "Han script" in one_line_error(err)


def test_unsupported_language_option(source: Path, draft: Path) -> None:
    code, _, err = run("check", source, draft, "--source-lang", "de")
    assert code == 2
    assert "--source-lang 'de' is not supported" in one_line_error(err)


def test_output_may_not_overwrite_an_input(source: Path, draft: Path) -> None:
    before = draft.read_bytes()
    code, _, err = run("check", source, draft, "--output", draft)
    assert code == 2
    assert "never writes into its inputs" in one_line_error(err)
    assert draft.read_bytes() == before


def test_clean_kursk_text_report(source: Path, draft: Path) -> None:
    code, out, _ = run("check", source, draft)
    assert code == 0
    # With its three name errors corrected the draft is a clean translation.
    assert "0 error(s), 0 warning(s), 0 info in 19 source / 19 target sentences (19 aligned pairs)" in out
    assert "translation-model checks" in out


def test_bundled_draft_name_errors_fail_the_check(source: Path) -> None:
    code, out, _ = run("check", source, corpus("kursk-ru")[1])
    assert code == 1
    assert "7 error(s), 0 warning(s), 0 info" in out


def omitted_draft(tmp_path: Path, k: int = 6) -> Path:
    parts = corrected(corpus("kursk-ru")[1].read_text(encoding="utf-8")).split("\n\n")
    path = tmp_path / "omitted.en.txt"
    path.write_text("\n\n".join(parts[:k] + parts[k + 1 :]), encoding="utf-8")
    return path


def test_omission_text_report_and_exit_code(tmp_path: Path, source: Path) -> None:
    code, out, _ = run("check", source, omitted_draft(tmp_path))
    assert code == 1
    first = out.splitlines()[0]
    # path:line:col RULE name message — the omitted paragraph is line 13 of the Russian source.
    assert first.startswith(f"{source}:13:1 MT101 omission 1 source sentence with no translation")
    assert "Члены совета предложили" in out
    assert "1 error(s), 0 warning(s)" in out


def test_fail_on_levels(tmp_path: Path, source: Path) -> None:
    parts = corrected(corpus("kursk-ru")[1].read_text(encoding="utf-8")).split("\n\n")
    added = tmp_path / "added.en.txt"
    added.write_text(
        "\n\n".join(
            [*parts[:9], "Officials said the ceremony would be broadcast live on Tuesday evening.", *parts[9:]]
        ),
        encoding="utf-8",
    )
    assert run("check", source, added)[0] == 0  # an addition is a warning; default --fail-on error
    assert run("check", source, added, "--fail-on", "warning")[0] == 1
    assert run("check", source, omitted_draft(tmp_path), "--fail-on", "never")[0] == 0


def test_json_report_contract(tmp_path: Path, source: Path) -> None:
    draft = omitted_draft(tmp_path)
    out_file = tmp_path / "report.json"
    code, _, err = run("check", source, draft, "--format", "json", "--output", out_file)
    assert code == 1
    assert "1 error(s)" in err
    report = json.loads(out_file.read_text(encoding="utf-8"))
    assert report["schema"] == "mtcheck.report/1"
    assert report["source"] == {"path": str(source), "lang": "ru"}
    assert report["target"] == {"path": str(draft), "lang": "en"}
    src_text = source.read_text(encoding="utf-8")
    for seg in report["segments"]["source"]:
        assert set(seg) == {"id", "start", "end"}
        assert src_text[seg["start"] : seg["end"]].strip()
    assert all(set(b) == {"source", "target", "score", "confidence"} for b in report["alignment"])
    assert all(0.0 <= b["confidence"] <= 1.0 for b in report["alignment"])
    (finding,) = report["findings"]
    assert finding["rule"] == "MT101"
    assert finding["name"] == "omission"
    assert finding["severity"] == "error"
    assert 0 < finding["confidence"] <= 1
    assert finding["target"] is None
    span = finding["source"]
    assert src_text[span["start"] : span["end"]] == span["text"]
    assert span["text"].startswith("Члены совета предложили разместить памятник")
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}
    assert report["signature"].startswith("mtcheck:")


def test_korean_source_detected(tmp_path: Path, kursk_ko: tuple[Path, Path]) -> None:
    code, out, _ = run("check", kursk_ko[0], corrected_draft(tmp_path, "kursk-ko"), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["source"]["lang"] == "ko"
    assert len(report["alignment"]) == 19


def test_cp1251_source_gets_a_notice(tmp_path: Path, source: Path, draft: Path) -> None:
    legacy = tmp_path / "source.cp1251.txt"
    legacy.write_bytes(source.read_text(encoding="utf-8").encode("cp1251"))
    code, out, _ = run("check", legacy, draft, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert any("read as cp1251" in n for n in report["notices"])
    assert [f["rule"] for f in report["findings"]] == ["MT901"]


def test_rules_list_and_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert "MT101  omission" in out
    assert "MT102  addition" in out
    code, out, _ = run("rules", "MT101")
    assert code == 0
    assert out.startswith("MT101 omission (alignment)")
    code, _, err = run("rules", "MT999")
    assert code == 2
    one_line_error(err)


def test_console_script_runs_as_a_process(source: Path, draft: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", str(source), str(draft), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["error"] == 0


def test_config_file_turns_a_rule_off_and_raises_another(tmp_path: Path, source: Path) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text('disable = ["omission"]\n', encoding="utf-8")
    code, out, _ = run("check", source, omitted_draft(tmp_path), "--config", config)
    assert code == 0
    assert "MT101" not in out
    config.write_text('[severity]\nomission = "info"\n', encoding="utf-8")
    code, out, _ = run("check", source, omitted_draft(tmp_path), "--config", config)
    assert code == 0
    assert "MT101 omission" in out and "[info," in out


def test_bad_config_is_exit_2(tmp_path: Path, source: Path, draft: Path) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text('disable = ["MT999"]\n', encoding="utf-8")
    code, _, err = run("check", source, draft, "--config", config)
    assert code == 2
    assert "no rule 'MT999'" in one_line_error(err)
    code, _, err = run("check", source, draft, "--config", tmp_path / "missing.toml")
    assert code == 2
    assert "does not exist" in one_line_error(err)


def test_glossary_option_reports_terms(tmp_path: Path, source: Path, draft: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("source,target\nКурская область,Kursk Region\n", encoding="utf-8")
    code, out, _ = run("check", source, draft, "--glossary", glossary, "--format", "json", "--fail-on", "warning")
    assert code == 1
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "MT602"]
    assert [f["suggestion"] for f in found] == ["Kursk Region"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("terms.csv", "only-one-column\n"), ("terms.tbx", "<martif><text>"), ("missing.csv", None)],
)
def test_bad_glossary_is_one_line_and_exit_2(
    tmp_path: Path, source: Path, draft: Path, name: str, content: str | None
) -> None:
    glossary = tmp_path / name
    if content is not None:
        glossary.write_text(content, encoding="utf-8")
    code, _, err = run("check", source, draft, "--glossary", glossary)
    assert code == 2
    assert "glossary" in one_line_error(err)


@pytest.mark.parametrize(
    ("argv", "threads"),
    [(["scan", "--jobs", "2", "a.toml"], "1"), (["check", "a.ru.txt", "b.en.txt"], None), (["--version"], None)],
)
def test_one_openblas_thread_for_a_scan_only(argv: list[str], threads: str | None) -> None:
    """A scan's pairs run side by side, where OpenBLAS's extra threads only spin; a check keeps
    the library's default (its threads help Russian NER). The CLI decides before numpy loads."""
    code = (
        "import os, sys; from mtcheck import cli; cli.app = lambda: None; "
        f"sys.argv = ['mtcheck', *{argv!r}]; cli.main(); print(os.environ.get('OPENBLAS_NUM_THREADS'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip() == str(threads)
