"""The HTTP backends against a server this test starts on 127.0.0.1, which answers, delays,
fails and talks nonsense on purpose: requests in flight, retries with backoff and Retry-After,
one-line errors after the last try, and nothing cached from a bad answer."""

from __future__ import annotations

import json
import random
import threading
import time
import types
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import urllib3.util.retry

from mtcheck.translate.base import TranslationError
from mtcheck.translate.cache import CachedTranslator, TranslationStore
from mtcheck.translate.http import HttpPolicy, LibreTranslateTranslator, OpenAIChatTranslator
from tests.conftest import one_line_error, run_cli
from tests.scancorpus import build_corpus

TABLE = {
    ("ru", "en"): {"Курская область.": "Kursk region.", "Памятник в сквере.": "A monument in the square."},
    ("en", "ru"): {"Kursk Region.": "Курская область.", "A monument in the square.": "Памятник в сквере."},
}
MAX_REQUESTS = 400  # a runaway client loop ends in 429s, not a hung test
FAST = HttpPolicy(in_flight=1, retries=0, timeout=5)


def answer(q: str, src: str, tgt: str) -> str:
    return TABLE.get((src, tgt), {}).get(q, f"[{tgt}] {q}")


class Server:
    """Paths choose the behaviour: /translate answers; /slow/… waits; /flaky/… fails the first
    ``flaky`` requests (429 with Retry-After, or 503 without); /broken/… always 500; /hang/…
    waits longer than the client does for the first ``flaky`` requests; /garbled/…, /html/…,
    /empty/… answer 200 with nonsense; /second-garbled/… only on its second request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict]] = []
        self.flaky = 2
        self.delay = 0.0
        self.hang = 2.0
        self._live = 0
        self.peak = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server._lock:
                    server.requests.append((self.path, body))
                    seen = sum(1 for p, _ in server.requests if p == self.path)
                    server._live += 1
                    server.peak = max(server.peak, server._live)
                self._live = True
                try:
                    self._answer(body, seen)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout tests): nothing to answer
                finally:
                    self._done()

            def _done(self) -> None:
                # Before the answer goes out: once the client has it, it may send its next
                # request before this thread runs again, and both would count as live.
                if self._live:
                    self._live = False
                    with server._lock:
                        server._live -= 1

            def _answer(self, body: dict, seen: int) -> None:
                path = self.path
                if len(server.requests) > MAX_REQUESTS:
                    return self._send(429, {"error": "too many requests"})
                if path.startswith("/slow/"):
                    time.sleep(server.delay * random.uniform(0.5, 1.5))  # finish out of order
                    path = path.removeprefix("/slow")
                if path.startswith("/flaky429/") and seen <= server.flaky:
                    return self._send(429, {"error": "slow down"}, {"Retry-After": "7"})
                if path.startswith("/flaky503/") and seen <= server.flaky:
                    return self._send(503, {"error": "restarting"})
                if path.startswith("/broken/"):
                    return self._send(500, {"error": "model crashed"})
                if path.startswith("/hang/") and seen <= server.flaky:
                    time.sleep(server.hang)
                if path.endswith("/garbled/translate") or (path.startswith("/second-garbled/") and seen == 2):
                    return self._send(200, {"translatedText": ["only one"]})
                if path.startswith("/html/"):
                    return self._send_raw(200, b"<html><body>Bad gateway</body></html>", "text/html")
                if path.startswith("/empty/"):
                    return self._send(200, {"translatedText": ["" for _ in body["q"]]})
                if path.endswith("/translate"):
                    src, tgt, q = body["source"], body["target"], body["q"]
                    out = [answer(t, src, tgt) for t in q] if isinstance(q, list) else answer(q, src, tgt)
                    return self._send(200, {"translatedText": out})
                if path.endswith("/v1/chat/completions"):
                    user = body["messages"][-1]["content"]
                    system = body["messages"][0]["content"]
                    src, tgt = ("ru", "en") if "from Russian to English" in system else ("en", "ru")
                    text = answer(user, src, tgt)
                    return self._send(200, {"choices": [{"message": {"role": "assistant", "content": f" {text}\n"}}]})
                return self._send(404, {"error": "no such endpoint"})

            def _send(self, code: int, payload: dict, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self._send_raw(code, data, "application/json", headers)

            def _send_raw(self, code: int, data: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
                self._done()
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # A short poll: shutdown() waits for it, in every test's teardown.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def paths(self) -> Counter[str]:
        return Counter(p for p, _ in self.requests)


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()
    s.thread.join(timeout=5)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses urllib3's retries take, recorded instead of slept."""
    slept: list[float] = []
    fake = types.SimpleNamespace(sleep=slept.append, time=time.time)
    monkeypatch.setattr(urllib3.util.retry, "time", fake)
    return slept


RU = ["Курская область.", "Памятник в сквере."]


def test_libretranslate_batches_and_keeps_order(server: Server) -> None:
    tr = LibreTranslateTranslator(server.url, batch_size=2, policy=FAST)
    texts = ["Курская область.", "x", "Памятник в сквере."]
    assert tr.translate(texts, "ru", "en") == ["Kursk region.", "[en] x", "A monument in the square."]
    assert [len(body["q"]) for _, body in server.requests] == [2, 1]
    assert server.requests[0][1]["source"] == "ru" and server.requests[0][1]["target"] == "en"


def test_openai_chat_one_request_per_sentence(server: Server) -> None:
    tr = OpenAIChatTranslator(server.url + "/v1", model="tiny", api_key="k", policy=FAST)
    assert tr.translate(RU, "ru", "en") == ["Kursk region.", "A monument in the square."]
    assert len(server.requests) == 2
    assert server.requests[0][1]["model"] == "tiny" and server.requests[0][1]["temperature"] == 0


@pytest.mark.parametrize("in_flight", [1, 4])
def test_requests_in_flight_up_to_the_limit_answers_in_order(server: Server, in_flight: int) -> None:
    server.delay = 0.05
    texts = [f"Предложение {n}." for n in range(16)]
    policy = HttpPolicy(in_flight=in_flight, retries=0, timeout=5)
    chat = OpenAIChatTranslator(server.url + "/slow/v1", model="m", policy=policy)
    assert chat.translate(texts, "ru", "en") == [f"[en] {t}" for t in texts]
    assert server.peak == in_flight
    server.peak = 0
    libre = LibreTranslateTranslator(server.url + "/slow", batch_size=2, policy=policy)
    assert libre.translate(texts, "ru", "en") == [f"[en] {t}" for t in texts]
    assert server.peak == in_flight and server.paths()["/slow/translate"] == 8


def test_429_is_retried_after_the_servers_retry_after(server: Server, waits: list[float]) -> None:
    tr = LibreTranslateTranslator(server.url + "/flaky429", policy=HttpPolicy(in_flight=1, retries=3, timeout=5))
    assert tr.translate(RU, "ru", "en") == ["Kursk region.", "A monument in the square."]
    assert server.paths()["/flaky429/translate"] == 3
    assert waits == [7.0, 7.0]


def test_5xx_is_retried_with_exponential_backoff(server: Server, waits: list[float]) -> None:
    server.flaky = 4
    policy = HttpPolicy(in_flight=1, retries=4, timeout=5, backoff=0.5)
    tr = OpenAIChatTranslator(server.url + "/flaky503/v1", model="m", policy=policy)
    assert tr.translate(RU[:1], "ru", "en") == ["Kursk region."]
    assert server.paths()["/flaky503/v1/chat/completions"] == 5
    assert waits == [0.5, 1.0, 2.0]  # the first retry goes at once


def test_after_the_last_retry_one_clear_error(server: Server, waits: list[float]) -> None:
    tr = LibreTranslateTranslator(server.url + "/broken", policy=HttpPolicy(in_flight=1, retries=2, timeout=5))
    with pytest.raises(TranslationError) as exc:
        tr.translate(RU, "ru", "en")
    endpoint = f"{server.url}/broken/translate"
    assert str(exc.value) == f"translation server {endpoint} answered HTTP 500 Internal Server Error after 3 attempt(s)"
    assert server.paths()["/broken/translate"] == 3
    with pytest.raises(TranslationError, match=r"answered HTTP 404 Not Found$"):
        OpenAIChatTranslator(server.url + "/nope", model="m", policy=FAST).translate(["a"], "ru", "en")
    assert server.paths()["/nope/chat/completions"] == 1  # a 404 is not worth another try


def test_timeouts_are_retried_then_reported(server: Server, waits: list[float]) -> None:
    server.flaky, server.hang = 1, 1.5
    policy = HttpPolicy(in_flight=1, retries=1, timeout=0.5)
    tr = LibreTranslateTranslator(server.url + "/hang", policy=policy)
    assert tr.translate(RU, "ru", "en") == ["Kursk region.", "A monument in the square."]
    server.flaky = 10
    with pytest.raises(TranslationError) as exc:
        LibreTranslateTranslator(server.url + "/hang", policy=policy).translate(RU, "ru", "en")
    endpoint = f"{server.url}/hang/translate"
    assert str(exc.value) == f"translation server {endpoint} did not answer within 0.5 s (2 attempt(s))"


def test_unreachable_server(waits: list[float]) -> None:
    # Port 9 (discard) on loopback: nothing listens in a test sandbox, so the connection is refused.
    policy = HttpPolicy(in_flight=1, retries=1, timeout=2)
    with pytest.raises(TranslationError) as exc:
        LibreTranslateTranslator("http://127.0.0.1:9", policy=policy).translate(["a"], "ru", "en")
    assert str(exc.value).startswith("cannot reach the translation server http://127.0.0.1:9/translate: ")
    assert str(exc.value).endswith("(2 attempt(s))") and "\n" not in str(exc.value)


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/garbled", "returned an unexpected answer: 1 texts for 2"),
        ("/html", "did not answer with JSON"),
        ("/empty", "returned an unexpected answer: an empty translation of 'Курская область.'"),
    ],
)
def test_malformed_answers_are_errors_and_nothing_is_cached(server: Server, path: str, why: str) -> None:
    store = TranslationStore()
    bad = CachedTranslator(LibreTranslateTranslator(server.url + path, policy=FAST), store)
    with pytest.raises(TranslationError, match=why):
        bad.translate(RU, "ru", "en")
    assert store.get_many([]) == {} and _rows(store) == 0
    # The same texts against a server that answers properly reach it: nothing stood in for them.
    good = CachedTranslator(LibreTranslateTranslator(server.url, policy=FAST), store)
    assert good.translate(RU, "ru", "en") == ["Kursk region.", "A monument in the square."]
    assert good.misses == 2 and _rows(store) == 2


def test_a_bad_batch_leaves_the_good_batches_cached_and_itself_not(server: Server) -> None:
    store = TranslationStore()
    texts = ["Курская область.", "Памятник в сквере.", "Третье.", "Четвёртое."]
    libre = LibreTranslateTranslator(server.url + "/second-garbled", batch_size=2, policy=FAST)
    with pytest.raises(TranslationError, match="unexpected answer"):
        CachedTranslator(libre, store, chunk=2).translate(texts, "ru", "en")
    assert _rows(store) == 2
    # The server answers its third request properly: only the batch it garbled is asked again.
    again = CachedTranslator(libre, store)
    assert again.translate(texts, "ru", "en")[2:] == ["[en] Третье.", "[en] Четвёртое."]
    assert again.hits == 2 and again.misses == 2 and server.paths()["/second-garbled/translate"] == 3


def _rows(store: TranslationStore) -> int:
    return int(store._db.execute("SELECT COUNT(*) FROM translation").fetchone()[0])


def test_cached_http_translator_skips_the_server_the_second_time(server: Server) -> None:
    CachedTranslator(LibreTranslateTranslator(server.url, policy=FAST), TranslationStore()).translate(RU, "ru", "en")
    before = len(server.requests)
    again = CachedTranslator(LibreTranslateTranslator(server.url, policy=FAST), TranslationStore())
    assert again.translate(RU, "ru", "en") == ["Kursk region.", "A monument in the square."]
    assert len(server.requests) == before


def test_check_reports_a_failing_server_in_one_line(server: Server, tmp_path: Path) -> None:
    config = build_corpus(tmp_path / "p", pairs=1, formats=("txt",), korean=0, broken=False)
    src, tgt = config.parent / "txt/ru/doc000.txt", config.parent / "txt/en/doc000.txt"
    url = server.url + "/broken"
    code, _, err = run_cli("check", src, tgt, "--model", url, "--back-model", url, "--http-retries", "1")
    assert code == 2
    assert one_line_error(err) == (
        f"mtcheck: error: translation server {url}/translate answered HTTP 500 Internal Server Error after 2 attempt(s)"
    )


def test_scan_translates_through_the_server_in_two_workers_sharing_one_cache(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = build_corpus(tmp_path / "p", pairs=4, formats=("txt", "po"), korean=0, broken=False)
    monkeypatch.chdir(config.parent)
    args = ("scan", "-f", "json", "--model", server.url, "--back-model", server.url)
    code, out, err = run_cli(*args, "--jobs", "2", "--http-in-flight", "2")
    assert code in (0, 1), err
    reports = json.loads(out)["reports"]
    assert len(reports) == 4
    assert all(f"translator:forward=libretranslate:{server.url}" in r["signature"] for r in reports)
    asked = [t for _, body in server.requests for t in body["q"]]
    segments = sum(len(r["segments"]["source"]) + len(r["segments"]["target"]) for r in reports)
    assert len(set(asked)) == len(asked) == segments  # every sentence asked for, once
    before = len(server.requests)
    # Another scan finds every translation the two workers wrote into the shared SQLite cache.
    code2, out2, _ = run_cli(*args, "--jobs", "1")
    assert len(server.requests) == before
    assert (code2, out2) == (code, out)
