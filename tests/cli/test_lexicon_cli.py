"""`mtcheck lexicon learn` and `mtcheck check --lexicon`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import one_line_error, run_cli

PARALLEL = Path(__file__).resolve().parent.parent / "data" / "parallel"
HANDMADE = Path(__file__).resolve().parent.parent / "data" / "handmade"


def test_learn_writes_a_lexicon_from_two_line_aligned_files(tmp_path: Path) -> None:
    out = tmp_path / "tm.json"
    code, stdout, err = run_cli(
        "lexicon",
        "learn",
        PARALLEL / "flores-dev.ru.txt",
        PARALLEL / "flores-dev.en.txt",
        "-o",
        out,
        "--min-count",
        "2",
    )
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["source"], data["target"]) == ("ru", "en")  # detected from the scripts
    assert data["entries"]["полиция"] == ["police"]
    assert f"{out}: {len(data['entries'])} ru words" in stdout and "from 120 pairs" in stdout


def test_learn_korean_from_the_bundled_ntrex_lines(tmp_path: Path) -> None:
    out = tmp_path / "ko.json.gz"
    code, _, err = run_cli(
        "lexicon", "learn", PARALLEL / "ntrex.ko.txt", PARALLEL / "ntrex.en.txt", "-o", out, "--min-count", "2"
    )
    assert code == 0, err
    assert out.read_bytes()[:2] == b"\x1f\x8b"  # gzipped by its name


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "a.txt", d / "b.txt", "Один.\nДва.\n", "One.\n"), "has 2 lines and"),
        (lambda d: (d / "a.txt", d / "b.txt", "Один.\n", "Одна.\n"), "both files read as ru"),
        (lambda d: (d / "a.txt", d / "b.txt", "Один.\n\n", "\nOne.\n"), "hold no line pair to learn from"),
    ],
)
def test_learn_refuses_files_that_do_not_translate_line_for_line(tmp_path: Path, make, message: str) -> None:
    source, target, s_text, t_text = make(tmp_path)
    source.write_text(s_text, encoding="utf-8")
    target.write_text(t_text, encoding="utf-8")
    code, _, err = run_cli("lexicon", "learn", source, target, "-o", tmp_path / "out.json")
    assert code == 2 and message in one_line_error(err)
    assert not (tmp_path / "out.json").exists()


def test_learn_never_writes_over_its_input(tmp_path: Path) -> None:
    source = tmp_path / "tm.ru.txt"
    source.write_text("Один.\n", encoding="utf-8")
    before = source.read_bytes()
    code, _, err = run_cli("lexicon", "learn", source, PARALLEL / "flores-dev.en.txt", "-o", source)
    assert code == 2 and "one of the input files" in one_line_error(err)
    assert source.read_bytes() == before


def test_check_takes_a_lexicon_or_none(tmp_path: Path) -> None:
    source = HANDMADE / "news-1.ru.txt"
    draft = tmp_path / "draft.en.txt"
    text = (HANDMADE / "news-1.ru-en.txt").read_text(encoding="utf-8")
    draft.write_text(text.replace("Yandex has unveiled a new smartphone. ", ""), encoding="utf-8")
    found = {}
    for lexicon in ("none", "bundled"):
        args = ["check", source, draft, "--format", "json"] + (["--lexicon", lexicon] if lexicon == "none" else [])
        code, stdout, err = run_cli(*args)
        report = json.loads(stdout)
        found[lexicon] = [f for f in report["findings"] if f["rule"] == "MT101" and f["severity"] != "info"]
        # The report says which lexicon aligned it.
        assert ("+lexicon:ru-en/" in report["signature"]) is (lexicon == "bundled")
    assert found["none"] == [] and len(found["bundled"]) == 1
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    code, _, err = run_cli("check", source, draft, "--lexicon", bad)
    assert code == 2 and "not a lexicon file" in one_line_error(err)


def test_learn_into_a_path_that_cannot_be_written_is_one_error_line(tmp_path: Path) -> None:
    # The output's folder is a file: nothing can be written there, not even by root.
    blocker = tmp_path / "a-file"
    blocker.write_text("kept\n", encoding="utf-8")
    code, _, err = run_cli(
        "lexicon", "learn", PARALLEL / "flores-dev.ru.txt", PARALLEL / "flores-dev.en.txt", "-o", blocker / "x.json"
    )
    assert code == 2 and "cannot write" in one_line_error(err)
    assert blocker.read_text(encoding="utf-8") == "kept\n"
