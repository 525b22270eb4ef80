"""`mtcheck review` as a real process for tests: started on a free port, its URL read from the
first line of stdout, always killed at teardown."""

from __future__ import annotations

import http.client
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 180  # the first check loads the NLP models; a loaded CI machine is slow


@dataclass
class ReviewServer:
    proc: subprocess.Popen[str]
    url: str
    stderr: list[str] = field(default_factory=list)
    drain: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(urlsplit(self.url).port or 0)

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.url).query)["token"][0]

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, Any]]:
        """One HTTP request; headers are sent exactly as given (no token unless given)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            data = None if body is None else json.dumps(body).encode()
            sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
            if data is not None:
                sent.setdefault("Content-Type", "application/json")
            conn.request(method, path, body=data, headers=sent)
            response = conn.getresponse()
            raw = response.read()
            try:
                payload = json.loads(raw) if raw else {}
            except ValueError:
                payload = {"text": raw.decode("utf-8", "replace")}
            return response.status, payload
        finally:
            conn.close()

    def api(self, method: str, path: str, body: Any = None) -> tuple[int, dict[str, Any]]:
        return self.request(method, path, body, {"X-Mtcheck-Token": self.token})

    def kill(self, sig: int = signal.SIGKILL) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code = self.proc.wait(timeout=60)
        if self.drain is not None:
            self.drain.join(timeout=10)
        return code


def start(*args: str | Path, cwd: Path | None = None) -> ReviewServer:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mtcheck", "review", *map(str, args), "--no-open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(proc.stdout.readline()), daemon=True).start()  # type: ignore[union-attr]
    server = ReviewServer(proc, "")
    # stderr is drained all along, so a chatty server never blocks on a full pipe.
    server.drain = threading.Thread(target=lambda: server.stderr.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
    server.drain.start()
    try:
        server.url = lines.get(timeout=START_TIMEOUT).strip()
    except queue.Empty:
        proc.kill()
        raise AssertionError("mtcheck review printed no URL") from None
    if not server.url.startswith("http://127.0.0.1:"):
        proc.kill()
        proc.wait()
        raise AssertionError(f"no URL on stdout: {server.url!r}; stderr: {''.join(server.stderr)}")
    return server


@pytest.fixture
def review_server() -> Iterator[Any]:
    """Starts `mtcheck review` processes; kills every one of them at teardown."""
    started: list[ReviewServer] = []

    def run(*args: str | Path, cwd: Path | None = None) -> ReviewServer:
        started.append(start(*args, cwd=cwd))
        return started[-1]

    yield run
    for server in started:
        if server.proc.poll() is None:
            server.proc.kill()
        server.proc.wait(timeout=60)
