"""`mtcheck scan --executor ray` on a local Ray instance (2 CPUs, one for the whole module):
the same bytes as `--jobs 1`, a translation model held by Ray actors gives the findings it
gives in-process, and a worker that dies costs no pair but, where it dies every time, its own.

Ray is the optional extra mtcheck[distributed]; `make test` installs it. Without it these
tests skip, except under CI=true, where they fail: CI must run them.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mtcheck.config import load_config
from mtcheck.limits import Limits
from mtcheck.report import render
from mtcheck.scan import ScanOptions, run_scan
from mtcheck.translate.load import TranslationRequest, TranslatorOptions
from tests.conftest import ScanRun, assert_scan_matches, one_line_error, run_cli
from tests.scancorpus import build_corpus, sentences, write_txt

try:
    import ray
except ImportError:
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("Ray is not installed: pip install 'mtcheck[distributed]'", allow_module_level=True)


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[Any]:
    """One local Ray instance for every test here (starting one takes seconds), set up as the
    notes on this machine advise; mtcheck uses an instance its caller started as it is."""
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    temp = tempfile.mkdtemp(prefix="ray-")  # short: Ray's socket paths must fit in 107 bytes
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=256 * 2**20,
        _temp_dir=temp,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    try:
        yield ray
    finally:
        ray.shutdown()
        shutil.rmtree(temp, ignore_errors=True)


def test_ray_gives_the_same_bytes_as_one_process(scan_corpus: Path, scan_reference: ScanRun) -> None:
    result = assert_scan_matches(scan_reference, scan_corpus, ("--executor", "ray"), ScanOptions(executor="ray"))
    # Ray's worker processes, never this one, checked the pairs.
    assert result.workers and os.getpid() not in result.workers


def test_tiny_model_as_ray_actors_gives_the_in_process_findings(
    tiny_marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = build_corpus(tmp_path / "p", pairs=4, formats=("txt", "xliff"), korean=0, broken=False)
    write_txt(config.parent, "long", sentences("flores-dev", "ru")[:30], "ru")  # over the limit below
    monkeypatch.chdir(config.parent)
    # Random weights never stop on their own: a fixed output length keeps the nonsense short.
    options = TranslatorOptions(threads=1, fixed_length=8, cache=False)
    request = TranslationRequest(str(tiny_marian), str(tiny_marian), options)
    # Ray reads the pairs in tasks of their own, before the actors translate: under the limits too.
    limited = replace(load_config(config), limits=Limits(max_sentences=20))
    here = run_scan(limited, ScanOptions(jobs=1, translation=request))
    on_ray = run_scan(limited, ScanOptions(executor="ray", translation=request))
    assert on_ray.failures == here.failures
    assert [f.source for f in here.failures] == ["txt/ru/long.txt"]
    assert "holds more than 20 sentences" in here.failures[0].message

    def mt501(reports: Any) -> list[dict[str, Any]]:
        data = json.loads(render(list(reports), "json"))["reports"]
        return [f | {"pair": r["source"]["path"]} for r in data for f in r["findings"] if f["rule"] == "MT501"]

    assert len(mt501(here.reports)) >= 3
    assert mt501(on_ray.reports) == mt501(here.reports)
    # Not only MT501: the translations feed the aligner too, so whole reports must agree.
    assert render(list(on_ray.reports), "json") == render(list(here.reports), "json")
    assert all("translator:forward=transformers:" in r.signature for r in on_ray.reports)


def test_a_model_that_cannot_load_stops_the_scan_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = build_corpus(tmp_path / "p", pairs=2, formats=("txt",), korean=0, broken=False)
    monkeypatch.chdir(config.parent)
    absent = tmp_path / "no-such-model"
    code, _, err = run_cli("scan", "--executor", "ray", "--model", absent, "--no-cache")
    assert code == 2
    assert one_line_error(err) == f"mtcheck: error: model directory {absent} does not exist"


def test_without_ray_the_option_says_how_to_install_it(scan_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(scan_corpus.parent)
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets where it is not installed
    code, out, err = run_cli("scan", "--executor", "ray")
    assert code == 2 and out == ""
    assert one_line_error(err) == "mtcheck: error: --executor ray needs Ray: pip install 'mtcheck[distributed]'"


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_scan_that_starts_its_own_ray_leaves_nothing_running(scan_corpus: Path, scan_reference: ScanRun) -> None:
    """Without an instance to use, the scan starts a local one in its private folder and stops
    it: the same report, and no process of that instance (its autoscaler monitor included,
    which the scan kills rather than wait for) outlives the command."""
    import subprocess
    import time

    base = tempfile.mkdtemp(prefix="r-")  # short: Ray's socket paths must fit in 107 bytes
    env = {**os.environ, "TMPDIR": base, "RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mtcheck", "scan", "--executor", "ray", "--jobs", "2", "-f", "json"],
            cwd=scan_corpus.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert (done.returncode, done.stdout) == (scan_reference.code, scan_reference.json)

        def ours() -> list[str]:
            found = []
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
                except OSError:
                    continue
                if base in cmdline:
                    found.append(cmdline.replace("\0", " ")[:120])
            return found

        deadline = time.monotonic() + 5  # the raylet's own children end just after it
        while ours() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ours() == []
        assert os.listdir(base) == []  # the instance's folder went with it
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_scan_instance_starts_without_the_monitors_it_has_no_use_for() -> None:
    """The scan's own instance: a head node with no autoscaler monitor, no log monitor and no
    API server (a second of a scan's start), its processes all gone once it is stopped. In a process of its
    own, as this module's instance is already up in this one."""
    import subprocess

    base = tempfile.mkdtemp(prefix="r-")  # short: Ray's socket paths must fit in 107 bytes
    script = (
        "import json, ray\n"
        "from mtcheck.executors.distributed import start_lean_node, stop_lean_node\n"
        f"node = start_lean_node(ray, 1, {base!r})\n"
        "kinds = sorted(node.all_processes)\n"
        "pids = [i.process.pid for infos in node.all_processes.values() for i in infos]\n"
        "stop_lean_node(node)\n"
        "from pathlib import Path\n"  # checked before this process ends and Ray's reaper with it
        "alive = [p for p in pids if Path(f'/proc/{p}').exists()]\n"
        "print(json.dumps([kinds, alive]))\n"
    )
    env = {**os.environ, "RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True
        )
        kinds, alive = json.loads(done.stdout.strip().splitlines()[-1])
        assert {"gcs_server", "raylet"} <= set(kinds)
        assert "monitor" not in kinds and "log_monitor" not in kinds
        assert "dashboard" not in kinds  # the API server, which no scan uses
        assert alive == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_pair_whose_worker_dies_is_that_pairs_failure_and_the_others_complete() -> None:
    """A Ray worker that dies while it holds a pair (here every time: the task is tried once
    more, then given up) is that pair's failure, with its path; the other pairs' results come."""
    from mtcheck.executors.distributed import _collect
    from mtcheck.executors.work import PairResult, PairTask

    def check(task: PairTask) -> int:
        if task.index == 1:
            os._exit(1)  # the worker process ends, as a crash in a C extension would end it
        return task.index

    remote = ray.remote(max_retries=1)(check)
    tasks = [PairTask(k, f"p{k}.ru.txt", f"p{k}.en.txt", "ru", "en") for k in range(4)]
    got: list[Any] = []
    _collect(ray, {remote.remote(t): t for t in tasks}, got.append)
    (failure,) = [r for r in got if isinstance(r, PairResult)]
    assert sorted(r for r in got if isinstance(r, int)) == [0, 2, 3]
    assert failure.index == 1 and failure.outcome.source == "p1.ru.txt"
    assert "the Ray worker checking it failed" in failure.outcome.message


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds Ray's workers in /proc")
def test_a_worker_killed_mid_scan_loses_no_pair(tmp_path: Path) -> None:
    """A Ray worker killed while it checks a pair: Ray runs that pair again on another worker,
    and the scan's report is the one a one-process scan makes, every pair in it."""
    import signal
    import threading
    import time

    config = build_corpus(tmp_path / "p", pairs=24, per_pair=30, formats=("txt", "xliff"), korean=0, broken=False)
    folder = config.parent
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        reference = render(list(run_scan(load_config(config)).reports), "json")
        result: list[Any] = []
        scan = threading.Thread(
            target=lambda: result.append(run_scan(load_config(config), ScanOptions(executor="ray")))
        )
        scan.start()
        killed = None
        deadline = time.monotonic() + 120
        while killed is None and scan.is_alive() and time.monotonic() < deadline:
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    title = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    continue
                if title.startswith(b"ray::_check_task"):
                    os.kill(int(pid), signal.SIGKILL)
                    killed = int(pid)
                    break
            time.sleep(0.01)
        scan.join(timeout=300)
    assert killed is not None, "no Ray worker was seen checking a pair"
    (done,) = result
    assert done.failures == ()
    assert render(list(done.reports), "json") == reference
