"""`mtcheck scan --jobs N`: worker processes give the report `--jobs 1` gives, byte for byte; a
pair that fails or whose worker dies is reported and the rest complete; Ctrl-C leaves nothing."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from mtcheck.config import load_config
from mtcheck.report import render
from mtcheck.scan import SMALL_SCAN_BYTES, ScanOptions, cores, default_jobs, plan, run_scan
from tests.conftest import DATA, ScanRun, assert_scan_matches, one_line_error, run_cli
from tests.scancorpus import build_corpus, sentences, write_txt

SARIF_SCHEMA = json.loads((DATA / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_reference_scan_has_findings_in_every_format_and_the_broken_file(scan_reference: ScanRun) -> None:
    """The corpus the executors are compared on is worth comparing on."""
    data = json.loads(scan_reference.json)
    assert data["schema"] == "mtcheck.scan/1" and len(data["reports"]) == 33
    suffixes = {Path(r["source"]["path"]).suffix for r in data["reports"]}
    assert suffixes == {".txt", ".md", ".json", ".docx", ".xlf", ".po", ".csv", ".tsv", ".tmx"}
    assert {r["source"]["lang"] for r in data["reports"]} == {"ru", "ko"}
    rules = {f["rule"] for r in data["reports"] for f in r["findings"]}
    assert {"MT101", "MT301", "MT401"} <= rules
    # The broken file is reported with its path; the exit status says a pair was not checked.
    assert [f["source"]["path"] for f in data["failures"]] == ["l10n/broken.xlf"]
    assert "not well-formed XML" in data["failures"][0]["error"]
    assert scan_reference.code == 2
    assert "mtcheck: error: l10n/broken.xlf is not well-formed XML" in scan_reference.stderr
    sarif = json.loads(scan_reference.sarif)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "l10n/broken.xlf"


def test_two_workers_give_the_same_bytes_as_one(scan_corpus: Path, scan_reference: ScanRun) -> None:
    result = assert_scan_matches(scan_reference, scan_corpus, ("--jobs", "2"), ScanOptions(jobs=2))
    # Two processes checked the 34 pairs, neither of them this one: each loaded its NLP
    # resources once and kept them for the pairs that followed.
    assert len(result.workers) == 2 and os.getpid() not in result.workers
    # Workers leave without the interpreter's teardown, but none outlives the scan.
    if Path("/proc/self").exists():
        assert not any(Path(f"/proc/{pid}").exists() for pid in result.workers)


def test_workers_apply_the_limits_and_the_review_file_as_one_process_does(tmp_path: Path) -> None:
    from mtcheck.fingerprint import fingerprints
    from mtcheck.pipeline import check_files
    from mtcheck.review.store import Decision, ReviewFile, review_path, save_review

    config = build_corpus(tmp_path / "p", pairs=6, formats=("txt", "xliff"), korean=0, broken=False)
    folder = config.parent
    write_txt(folder, "long", sentences("flores-dev", "ru")[:30], "ru")  # 30 sentences: over the limit below
    source, draft = folder / "txt/ru/doc002.txt", folder / "txt/en/doc002.txt"  # a changed figure in it
    report = check_files(source, draft, "ru", "en")
    finding, fp = next((f, fp) for f, fp in zip(report.findings, fingerprints(report), strict=True) if f.target_span)
    save_review(ReviewFile(review_path(draft), source, draft, {fp: Decision("dismissed", finding.rule, "x")}))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        runs = [run_cli("scan", "--jobs", jobs, "--max-sentences", "20", "-f", "json") for jobs in ("1", "2")]
    assert runs[1] == runs[0]
    code, out, err = runs[0]
    assert code == 2 and "mtcheck: error: txt/ru/long.txt holds more than 20 sentences" in err
    data = json.loads(out)
    assert [f["source"]["path"] for f in data["failures"]] == ["txt/ru/long.txt"]
    (checked,) = [r for r in data["reports"] if r["source"]["path"] == "txt/ru/doc002.txt"]
    assert len(checked["findings"]) == len(report.findings) - 1
    assert any("1 finding(s) dismissed in the review file" in n for n in checked["notices"])
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        code, _, err = run_cli("scan", "--jobs", "2", "--max-size", "2k", "-f", "json")
    assert code == 2 and "mtcheck: error: txt/ru/long.txt is too large" in err


def test_default_jobs_is_one_per_core_unless_the_scan_is_small(scan_corpus: Path, tmp_path: Path) -> None:
    small = build_corpus(tmp_path / "small", pairs=3, korean=0, broken=False)
    assert default_jobs(plan(load_config(small))[0]) == 1
    big = build_corpus(tmp_path / "big", pairs=12, per_pair=100, formats=("txt",), korean=0, broken=False)
    jobs, _ = plan(load_config(big))
    assert sum(j.source.stat().st_size + j.target.stat().st_size for j in jobs if j.target) > SMALL_SCAN_BYTES
    assert default_jobs(jobs) == cores()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _workers_of(pid: int) -> list[int]:
    """The spawned worker processes of a scan (not multiprocessing's resource tracker)."""
    out = []
    for child in _children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            out.append(child)
    return out


def _as_a_terminal_job() -> None:
    # A shell starts a foreground job with Ctrl-C at its default; a test run in the background
    # of a non-interactive shell (as CI may be) would hand down SIGINT ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_scan(folder: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mtcheck", "scan", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job would be
        preexec_fn=_as_a_terminal_job,
    )


def _first_worker(proc: subprocess.Popen[str], alive_for: float = 0.5) -> int:
    """A worker of ``proc`` that has been running for ``alive_for`` seconds (by then the
    scan has handed it a pair)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _workers_of(proc.pid)
        if workers:
            time.sleep(alive_for)
            return workers[0]
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError("no worker process started")


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds worker processes in /proc")


@needs_proc
def test_a_killed_worker_fails_its_pair_and_the_rest_complete(tmp_path: Path) -> None:
    config = build_corpus(tmp_path / "p", pairs=6, formats=("txt", "xliff"), korean=0, broken=False)
    folder = config.parent
    proc = _start_scan(folder, "--jobs", "2", "-f", "json", "-o", "out.json")
    os.kill(_first_worker(proc), signal.SIGKILL)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2, err
    errors = [line for line in err.splitlines() if line.startswith("mtcheck: error:")]
    assert len(errors) == 1 and "the worker process checking it died (killed by SIGKILL" in errors[0], err
    assert "Traceback" not in err
    data = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    (failure,) = data["failures"]
    assert len(data["reports"]) == 5
    # Every other pair was checked in full: its report is the one a one-process scan makes.
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        reference = json.loads(render(list(run_scan(load_config(config)).reports), "json"))["reports"]
    assert failure["source"]["path"] in {r["source"]["path"] for r in reference}
    assert data["reports"] == [r for r in reference if r["source"]["path"] != failure["source"]["path"]]


@needs_proc
def test_ctrl_c_stops_the_workers_and_writes_nothing(tmp_path: Path) -> None:
    # Enough pairs that the scan is still running when the signal comes, however loaded the machine.
    config = build_corpus(tmp_path / "p", pairs=40, formats=("txt",), korean=0, broken=False)
    folder = config.parent
    proc = _start_scan(folder, "--jobs", "2", "-f", "json", "-o", "out.json")
    workers = {_first_worker(proc, alive_for=0), *_workers_of(proc.pid)}
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "mtcheck: interrupted; no report written"
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert out == "" and sorted(p.name for p in folder.iterdir()) == ["mtcheck.toml", "txt"]
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


_SPAWN_SPY = """
import json, os, signal, multiprocessing.util as util
from mtcheck.executors.local import _Pool
from mtcheck.executors.work import check_in_worker
if __name__ == "__main__":
    spawned = []
    real = util.spawnv_passfds
    def spy(path, args, passfds):
        spawned.append((args[-1], signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])))
        return real(path, args, passfds)
    util.spawnv_passfds = spy
    pool = _Pool(1, os.getpid, (), check_in_worker, {})
    pool._slots.append(pool._start())
    pool._stop()
    print(json.dumps(spawned))
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_the_first_worker_starts_with_ctrl_c_held_back(tmp_path: Path) -> None:
    """The first worker of a fresh interpreter starts multiprocessing's resource tracker too,
    which unblocks SIGINT once it is up: Ctrl-C at that moment gave the worker a traceback of
    its own ("Fatal Python error" in its imports). Every process starts with SIGINT blocked."""
    script = tmp_path / "spy.py"
    script.write_text(_SPAWN_SPY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2]
    )
    assert done.returncode == 0, done.stderr
    spawned = json.loads(done.stdout)  # (last argument, SIGINT blocked) of each process started
    assert [arg for arg, _ in spawned][-1] == "--multiprocessing-fork"
    assert all(blocked for _, blocked in spawned), spawned


def test_progress_bar_counts_files_and_sentences_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = build_corpus(tmp_path / "p", pairs=3, formats=("txt",), korean=0, broken=False)
    monkeypatch.chdir(config.parent)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", "160")
    result = run_scan(load_config(config), ScanOptions(jobs=1, progress=True))
    sentences = sum(len(r.source.segments) for r in result.reports)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # colours and cursor moves
    assert f"3/3 files · {sentences} sentences" in shown
    assert "checking txt/ru/doc002.txt" in shown


def test_no_progress_bar_off_a_terminal(scan_reference: ScanRun) -> None:
    assert "sentences ·" not in scan_reference.stderr
    assert all(line.startswith(("note: ", "mtcheck: error: ")) for line in scan_reference.stderr.splitlines())


def test_a_notice_every_pair_has_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = build_corpus(tmp_path / "p", pairs=3, formats=("txt",), korean=0, broken=False)
    monkeypatch.chdir(config.parent)
    code, _, err = run_cli("scan", "--jobs", "1", "-o", "out.json", "-f", "json", "--fail-on", "never")
    assert code == 0
    notes = [line for line in err.splitlines() if "translation-model checks" in line]
    assert len(notes) == 1 and notes[0].startswith("note (3 of 3 pairs): ")
    assert len(json.loads((config.parent / "out.json").read_text(encoding="utf-8"))["reports"]) == 3


def test_scan_option_errors(scan_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(scan_corpus.parent)
    code, _, err = run_cli("scan", "--ray-address", "ray://head:10001")
    assert code == 2 and err.strip() == "mtcheck: error: --ray-address needs --executor ray"
    code, _, err = run_cli("scan", "--jobs", "0")
    assert code == 2 and "--jobs" in err


def test_baseline_create_refuses_a_scan_with_a_pair_it_could_not_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = build_corpus(tmp_path / "p", pairs=2, formats=("txt",), korean=0, broken=True)
    monkeypatch.chdir(config.parent)
    code, _, err = run_cli("baseline", "create")
    assert code == 2
    assert one_line_error(err).startswith("mtcheck: error: l10n/broken.xlf is not well-formed XML")
    assert not (config.parent / ".mtcheck-baseline.json").exists()


def test_every_format_names_a_pair_that_could_not_be_checked() -> None:
    import xml.etree.ElementTree as ET

    from mtcheck.types import PairFailure

    failures = [
        PairFailure("docs/a.ru.md", "docs/a.en.md", "the worker process checking it died (killed by SIGKILL)"),
        PairFailure("l10n/<b>.xlf", None, "l10n/<b>.xlf is not well-formed XML: no element found"),
    ]
    text = render([], "text", failures=failures).splitlines()
    assert text == [
        "error: docs/a.ru.md → docs/a.en.md: the worker process checking it died (killed by SIGKILL)",
        "error: l10n/<b>.xlf is not well-formed XML: no element found",
    ]
    suite = ET.fromstring(render([], "junit", failures=failures))
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("2", "2", "0")
    assert [c.get("name") for c in suite.iter("testcase")] == ["docs/a.ru.md → docs/a.en.md", "l10n/<b>.xlf"]
    html = render([], "html", failures=failures)
    assert "2 pair(s) could not be checked" in html and "l10n/&lt;b&gt;.xlf" in html and "<b>.xlf" not in html
    data = json.loads(render([], "json", failures=failures))
    assert data["failures"][1] == {"source": {"path": "l10n/<b>.xlf"}, "target": None, "error": failures[1].message}
