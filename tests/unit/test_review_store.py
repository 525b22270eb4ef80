"""The review file: its schema and form on disk, fingerprints that survive re-runs and edits
elsewhere, a pair check, crash safety, the CSV export."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.fingerprint import fingerprints
from mtcheck.pipeline import check_files
from mtcheck.review.store import (
    Decision,
    OtherPair,
    ReviewFile,
    Unsaved,
    export_csv,
    hide_dismissed,
    load_review,
    render_review,
    review_path,
    save_review,
)
from mtcheck.review.working import Edit
from mtcheck.types import Report
from tests.conftest import corpus, paragraphs

ROOT = Path(__file__).resolve().parents[2]


def flagged(report: Report) -> list[tuple[str, str, str]]:
    """(fingerprint, rule, flagged English) of each finding."""
    return [
        (fp, f.rule, f.target_span.text(report.target.text) if f.target_span else "")
        for f, fp in zip(report.findings, fingerprints(report), strict=True)
    ]


def test_the_file_is_sorted_relative_and_reads_back(
    kursk_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source, draft = kursk_copy
    decisions = {
        "ff00": Decision("dismissed", "MT201", "Khinstin", "house style", "2025-01-05T10:00:00+00:00"),
        "0a11": Decision("accepted", "MT203", "SWO", "", "2025-01-05T10:01:00+00:00", "SMO"),
    }
    unsaved = Unsaved("ab" * 32, (Edit(877, 885, "Khinshteyn", "Khinstin"),))
    review = ReviewFile(review_path(draft), source, draft, decisions, unsaved)
    save_review(review)
    path = draft.with_name("draft.en.txt.review.json")
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    # Diff-friendly: sorted keys at every level, one field a line, paths relative to the file.
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert list(data["decisions"]) == ["0a11", "ff00"]
    assert (data["schema"], data["source"], data["target"]) == ("mtcheck.review/1", "source.ru.txt", "draft.en.txt")
    assert data["decisions"]["0a11"] == {
        "at": "2025-01-05T10:01:00+00:00",
        "decision": "accepted",
        "reason": "",
        "replacement": "SMO",
        "rule": "MT203",
        "text": "SWO",
    }
    back = load_review(source, draft)
    assert back.decisions == decisions
    assert back.unsaved == unsaved
    # Read from another folder, the relative source path still names the same file.
    monkeypatch.chdir(ROOT)
    assert load_review(source, draft).decisions == decisions
    # No unsaved edits: no "unsaved" key at all.
    assert "unsaved" not in json.loads(render_review(replace(review, unsaved=None)))


def test_dismissals_survive_a_rerun_and_edits_elsewhere(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    report = check_files(source, draft)
    khinstins = [fp for fp, rule, text in flagged(report) if text == "Khinstin"]
    assert len(khinstins) == 3
    second = khinstins[1]  # "…discuss the project, with Khinstin emphasizing…"
    save_review(ReviewFile(review_path(draft), source, draft, {second: Decision("dismissed", "MT201", "Khinstin")}))

    # Edits elsewhere: a paragraph added at the top, SWO corrected in the first paragraphs.
    parts = paragraphs(draft)
    parts = ["Editor's note: this article was updated on 5 January.", *parts]
    parts[2] = parts[2].replace("SWO", "SMO")
    draft.write_text("\n\n".join(parts), encoding="utf-8")
    rerun = check_files(source, draft)
    assert second in {fp for fp, _rule, _text in flagged(rerun)}
    hidden = hide_dismissed(rerun)
    assert len(hidden.findings) == len(rerun.findings) - 1
    assert [text for _fp, rule, text in flagged(hidden) if rule == "MT201"] == ["Khinstin", "Khinstin"]
    assert hidden.notices[-1] == f"1 finding(s) dismissed in the review file {review_path(draft)} were not reported"

    # Rewriting the dismissed finding's own sentence is a new finding, reported again.
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("with Khinstin emphasizing", "with Khinstin strongly emphasizing"),
        encoding="utf-8",
    )
    rewritten = check_files(source, draft)
    assert len(hide_dismissed(rewritten).findings) == len(rewritten.findings)


def test_a_review_file_names_its_source(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    save_review(ReviewFile(review_path(draft), source, draft, {"ab": Decision("dismissed", "MT201", "x")}))
    with pytest.raises(OtherPair, match=r"records decisions for the source source\.ru\.txt"):
        load_review(corpus("kursk-ko")[0], draft)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"schema": "mtcheck.baseline/1", "findings": []}', "is not an mtcheck review file"),
        ('{"schema": "mtcheck.review/1", "decisions": {"ab": {"decision": "maybe"}}}', "one of accepted, edited"),
        ('{"schema": "mtcheck.review/1", "decisions": {}, "unsaved": {"edits": []}}', "field draft_sha256 is missing"),
    ],
)
def test_broken_review_files_are_input_errors(kursk_copy: tuple[Path, Path], content: str, message: str) -> None:
    source, draft = kursk_copy
    review_path(draft).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_review(source, draft)


def test_no_review_file_is_an_empty_review(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    review = load_review(source, draft)
    assert review.decisions == {} and review.unsaved is None
    report = check_files(source, draft)
    assert hide_dismissed(report) is report


def test_a_killed_writer_leaves_the_previous_file(kursk_copy: tuple[Path, Path]) -> None:
    """The process dies between writing the new content and renaming it into place (as under
    kill -9): the review file on disk is the previous one, whole."""
    source, draft = kursk_copy
    save_review(ReviewFile(review_path(draft), source, draft, {"ab": Decision("dismissed", "MT201", "Khinstin")}))
    before = review_path(draft).read_bytes()
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from mtcheck.review.store import Decision, load_review, save_review\n"
        "review = load_review(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "decisions = {f'{n:032x}': Decision('deferred', 'MT203', 'SWO' * 1000) for n in range(2000)}\n"
        "os.fsync = lambda fd: os._exit(9)\n"
        "save_review(review.with_decisions(decisions))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", script, str(source), str(draft)], env=env, check=False)
    assert proc.returncode == 9
    assert review_path(draft).read_bytes() == before
    assert load_review(source, draft).decisions == {"ab": Decision("dismissed", "MT201", "Khinstin")}


def test_export_lists_decisions_oldest_first(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    decisions = {
        "aa": Decision("accepted", "MT201", "Khinstin", "", "2025-01-05T10:02:00+00:00", "Khinshteyn"),
        "bb": Decision("dismissed", "MT203", "SWO", "кавычки «так»", "2025-01-05T10:01:00+00:00"),
    }
    rows = list(csv.reader(io.StringIO(export_csv(ReviewFile(review_path(draft), source, draft, decisions)))))
    assert rows == [
        ["target", "fingerprint", "rule", "decision", "text", "replacement", "reason", "at"],
        [draft.as_posix(), "bb", "MT203", "dismissed", "SWO", "", "кавычки «так»", "2025-01-05T10:01:00+00:00"],
        [draft.as_posix(), "aa", "MT201", "accepted", "Khinstin", "Khinshteyn", "", "2025-01-05T10:02:00+00:00"],
    ]
