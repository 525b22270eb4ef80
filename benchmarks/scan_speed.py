"""Speed of `mtcheck scan` beyond one process, and of the HTTP backends with requests in flight.

1. Model-free scans of 200 pairs (consecutive sentences of FLORES-200 and NTREX-128, 10 and
   30 a pair: Russian/English pairs in the nine input formats in turn and, in proportion to
   the sentences each language has, Korean/English pairs of NTREX-128 in three formats, so
   that hardly a sentence comes twice; errors put into some drafts; tests/scancorpus.py builds
   them), each configuration a fresh `mtcheck scan` process, so start-up is included: --jobs 1,
   --jobs 2, --executor ray --jobs 2 (a local Ray instance started by the scan) and --executor
   ray joining an instance already running (started before that run and stopped after it, so
   that its idle processes do not load the machine while the other configurations run).
   `--repeat` rounds, each running every configuration once: the load that other jobs put on a
   shared machine drifts, so the ratios are given for the best times and as the median of the
   ratios within a round. The reports are compared byte for byte.
2. The HTTP backend against a local server that answers each request after 50 ms: the same
   sentences one request at a time and with 8 requests in flight (OpenAI-compatible chat: one
   sentence a request; LibreTranslate: 4 sentences a request).

Reads the sentences from ../shared/eval-data when present; otherwise the FLORES and NTREX lines
in tests/data, repeated (per-sentence caches make repeats cheaper; it says how many).

    PYTHONPATH=. .venv/bin/python benchmarks/scan_speed.py [--pairs 200] [--per-pair 10,30] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
FLORES = EVAL / "flores200_ru_en"
NTREX = EVAL / "ntrex128_eng_rus_kor"
sys.path.insert(0, str(ROOT))

from tests.scancorpus import build_corpus, sentences  # noqa: E402


def ru_en() -> tuple[list[tuple[str, str]], str]:
    """Russian/English sentence pairs: FLORES-200 dev+devtest and NTREX-128 (news, its
    Russian translated from English; here the Russian is the source, as a check sees it)."""
    if not FLORES.is_dir() or not NTREX.is_dir():
        return sentences("flores-dev", "ru"), f"{EVAL} not found: the 120 lines in tests/data, repeated"
    files = [(FLORES / f"flores200.{s}.rus_Cyrl", FLORES / f"flores200.{s}.eng_Latn") for s in ("dev", "devtest")]
    files.append((NTREX / "newstest2019-ref.rus.txt", NTREX / "newstest2019-src.eng.txt"))
    pairs: list[tuple[str, str]] = []
    for ru, en in files:
        pairs += list(
            zip(ru.read_text(encoding="utf-8").splitlines(), en.read_text(encoding="utf-8").splitlines(), strict=True)
        )
    return pairs, f"FLORES-200 dev+devtest and NTREX-128 from {EVAL} ({len(pairs)} sentence pairs)"


def ko_en() -> list[tuple[str, str]]:
    """Korean/English sentence pairs of NTREX-128 (the Korean as the source)."""
    if not NTREX.is_dir():
        return sentences("ntrex", "ko")
    ko = (NTREX / "newstest2019-ref.kor.txt").read_text(encoding="utf-8").splitlines()
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    return list(zip(ko, en, strict=True))


def _used(n_pairs: int, per_pair: int, available: int) -> int:
    """How many distinct sentences ``n_pairs`` pairs take from ``available`` (scancorpus starts
    pair k at k * per_pair modulo what is left, so beyond the end it starts again)."""
    starts = {(k * per_pair) % max(1, available - per_pair) for k in range(n_pairs)}
    return len({s + i for s in starts for i in range(per_pair)})


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_scan(folder: Path, *args: str) -> tuple[float, bytes, float]:
    """Wall time, the JSON report and the CPU seconds of the scan and the worker processes it
    waited for (Ray's workers belong to Ray's own processes and are not counted)."""
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
    out = folder / "report.json"
    cpu = _child_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mtcheck", "scan", "-f", "json", "-o", str(out), "--fail-on", "never", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"scan {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, out.read_bytes(), _child_cpu() - cpu


def ray_start_stop() -> float:
    """What starting and stopping a local 2-CPU Ray instance costs by itself, as a scan does it."""
    code = (
        "import time, ray\n"
        "from mtcheck.executors.distributed import _session\n"
        "t = time.perf_counter()\n"
        "with _session(ray, None, 2):\n"
        "    pass\n"
        "print(time.perf_counter() - t)\n"
    )
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(done.stdout.strip().splitlines()[-1])


class RunningRay:
    """A local 2-CPU Ray instance kept by a helper process, as a cluster that is already up:
    scans join it with --ray-address instead of starting their own."""

    def __init__(self) -> None:
        code = (
            "import logging, sys, tempfile, ray\n"
            "ctx = ray.init(num_cpus=2, include_dashboard=False, object_store_memory=512 * 2**20, "
            "_temp_dir=tempfile.mkdtemp(prefix='ray-'), logging_level=logging.WARNING, log_to_driver=False)\n"
            "print(ctx.address_info['gcs_address'], flush=True)\n"
            "sys.stdin.read()\n"
            "ray.shutdown()\n"
        )
        env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        assert self.proc.stdout is not None
        self.address = self.proc.stdout.readline().strip()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()  # the helper shuts its instance down and exits
        self.proc.wait(timeout=120)


@contextlib.contextmanager
def running_ray() -> Iterator[str]:
    """The address of a Ray instance that is up and settled (its helpers done importing)."""
    cluster = RunningRay()
    try:
        time.sleep(2)
        yield cluster.address
    finally:
        cluster.close()


def bench_scan(pairs: int, per_pair: int, repeat: int) -> None:
    data, where = ru_en()
    ko = ko_en()
    korean = round(pairs * len(ko) / (len(ko) + len(data)))
    russian = pairs - korean
    print(f"scan: {russian} Russian and {korean} Korean pairs of {per_pair} sentences; data: {where}, NTREX-128 ko")
    used = _used(russian, per_pair, len(data)) + _used(korean, per_pair, len(ko))
    twice = pairs * per_pair - used
    if twice:
        print(f"  ({twice} of {pairs * per_pair} sentences are repeats: per-sentence caches make repeats cheaper)")
    with tempfile.TemporaryDirectory(prefix="mtcheck-scan-") as tmp:
        config = build_corpus(
            Path(tmp) / "p", pairs=russian, per_pair=per_pair, korean=korean, broken=False, ru=data, ko=ko
        )
        folder = config.parent
        raw = timed_scan(folder, "--jobs", "1")[1]
        report = json.loads(raw)
        segments = sum(len(r["segments"]["source"]) for r in report["reports"])
        per = len(raw) / segments
        print(f"  {len(report['reports'])} reports, {segments} source sentences, {per:.0f} bytes of JSON report each")
        joined = "--executor ray, a running instance"
        runs = {
            "--jobs 1": ("--jobs", "1"),
            "--jobs 2": ("--jobs", "2"),
            "--executor ray --jobs 2": ("--executor", "ray", "--jobs", "2"),
            joined: ("--executor", "ray", "--ray-address"),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        outputs: dict[str, bytes] = {}
        # Rounds of one run each, not all runs of one kind together: the load other jobs put on
        # a shared machine drifts, and within a round it is about the same for every kind.
        for _ in range(repeat):
            load = os.getloadavg()[0]
            for name, args in runs.items():
                if name == joined:
                    with running_ray() as address:
                        wall, outputs[name], cpu = timed_scan(folder, *args, address)
                else:
                    wall, outputs[name], cpu = timed_scan(folder, *args)
                times[name].append(wall)
                cpus[name].append(cpu)
            shown = ", ".join(f"{name} {t[-1]:.1f} s" for name, t in times.items())
            print(f"  round (load {load:.1f}): {shown}")
        best = {name: min(t) for name, t in times.items()}
        for name in runs:
            print(
                f"  {name:<34} best {best[name]:6.1f} s  {segments / best[name]:6.1f} sentences/s"
                f"  CPU {min(cpus[name]):5.1f} s"
            )
        same = len(set(outputs.values())) == 1
        print(f"  reports byte-identical across the {len(outputs)}: {'yes' if same else 'NO'}")

        def ratio(a: str, b: str) -> str:
            rounds = statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))
            return f"best {best[a] / best[b]:.2f}, median of rounds {rounds:.2f}"

        print(f"  --jobs 1 / --jobs 2 (speed-up; target >= 1.7): {ratio('--jobs 1', '--jobs 2')}")
        print(f"  Ray / --jobs 2 (time; target <= 1.25): {ratio('--executor ray --jobs 2', '--jobs 2')}")
        print(f"  Ray joining a running instance / --jobs 2: {ratio('--executor ray, a running instance', '--jobs 2')}")
        ray_fixed = statistics.median(ray_start_stop() for _ in range(2))
        print(f"  of which starting and stopping the local Ray instance alone: {ray_fixed:.1f} s")
        one = build_corpus(Path(tmp) / "one", pairs=1, per_pair=per_pair, formats=("txt",), korean=0, broken=False)
        start_up = min(timed_scan(one.parent, "--jobs", "1")[0] for _ in range(repeat))
        marginal = (best["--jobs 1"] - start_up) / segments * 1e3
        print(f"  start-up (a scan of one {per_pair}-sentence pair): {start_up:.1f} s")
        print(f"  model-free cost per source sentence, one process, start-up excluded: {marginal:.1f} ms")


class _SlowServer:
    """Answers LibreTranslate and OpenAI-compatible requests after ``delay`` seconds each."""

    def __init__(self, delay: float) -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
            # Headers and body go out as two writes: with Nagle's algorithm on, the body would
            # wait for the client's delayed ACK (40 ms) and the server would not be a 50 ms one.
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                time.sleep(delay)
                if self.path.endswith("/translate"):
                    payload: object = {"translatedText": [f"[en] {t}" for t in body["q"]]}
                else:
                    payload = {"choices": [{"message": {"content": "[en] " + body["messages"][-1]["content"]}}]}
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def bench_http(sentences_n: int, delay: float) -> None:
    from mtcheck.translate.http import HttpPolicy, LibreTranslateTranslator, OpenAIChatTranslator

    server = _SlowServer(delay)
    texts = [f"Предложение номер {n}." for n in range(sentences_n)]
    print(f"HTTP backend: {sentences_n} sentences, a local server answering each request after {delay * 1e3:.0f} ms")
    makers: dict[str, Callable[[int], object]] = {
        "OpenAI-compatible, 1 sentence a request": lambda n: OpenAIChatTranslator(
            server.url + "/v1", "m", policy=HttpPolicy(in_flight=n, retries=0)
        ),
        "LibreTranslate, 4 sentences a request": lambda n: LibreTranslateTranslator(
            server.url, batch_size=4, policy=HttpPolicy(in_flight=n, retries=0)
        ),
    }
    for name, make in makers.items():
        rates = {}
        for n in (1, 8):
            translator = make(n)
            start = time.perf_counter()
            out = translator.translate(texts, "ru", "en")  # type: ignore[attr-defined]
            wall = time.perf_counter() - start
            assert out == [f"[en] {t}" for t in texts]
            rates[n] = sentences_n / wall
            print(f"  {name:<40} in flight {n}: {wall:6.2f} s  {rates[n]:7.1f} sentences/s")
        print(f"  {name:<40} 8 in flight / sequential: {rates[8] / rates[1]:.2f}x (target >= 6x)")
    server.httpd.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--per-pair", default="10,30", help="sentences per pair; several sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--http-sentences", type=int, default=400, help="0 skips the HTTP part")
    parser.add_argument("--skip-scan", action="store_true")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    if not args.skip_scan:
        for size in args.per_pair.split(","):
            bench_scan(args.pairs, int(size), args.repeat)
    if args.http_sentences > 0:
        bench_http(args.http_sentences, 0.05)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
