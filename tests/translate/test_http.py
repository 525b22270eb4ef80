"""The HTTP backends against a small server this test starts on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from mtcheck.translate.base import TranslationError
from mtcheck.translate.cache import CachedTranslator, TranslationStore
from mtcheck.translate.http import LibreTranslateTranslator, OpenAIChatTranslator

TABLE = {
    ("ru", "en"): {"Курская область.": "Kursk region.", "Памятник в сквере.": "A monument in the square."},
    ("en", "ru"): {"Kursk Region.": "Курская область.", "A monument in the square.": "Памятник в сквере."},
}
MAX_REQUESTS = 50  # a runaway client loop ends in 429s, not a hung test


class Server:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append((self.path, body))
                if len(server.requests) > MAX_REQUESTS:
                    return self._send(429, {"error": "too many requests"})
                if self.path == "/broken/translate":
                    return self._send(500, {"error": "model crashed"})
                if self.path == "/garbled/translate":
                    return self._send(200, {"translatedText": ["only one"]})
                if self.path == "/translate":
                    table = TABLE.get((body["source"], body["target"]), {})
                    q = body["q"]
                    out = [table.get(t, t.upper()) for t in q] if isinstance(q, list) else table.get(q, q)
                    return self._send(200, {"translatedText": out})
                if self.path == "/v1/chat/completions":
                    user = body["messages"][-1]["content"]
                    system = body["messages"][0]["content"]
                    pair = ("ru", "en") if "from Russian to English" in system else ("en", "ru")
                    text = TABLE[pair].get(user, user.upper())
                    return self._send(200, {"choices": [{"message": {"role": "assistant", "content": f" {text}\n"}}]})
                return self._send(404, {"error": "no such endpoint"})

            def _send(self, code: int, payload: dict) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()
    s.thread.join(timeout=5)


def test_libretranslate_batches_and_keeps_order(server: Server) -> None:
    tr = LibreTranslateTranslator(server.url, batch_size=2, timeout=5)
    texts = ["Курская область.", "x", "Памятник в сквере."]
    assert tr.translate(texts, "ru", "en") == ["Kursk region.", "X", "A monument in the square."]
    assert [len(body["q"]) for _, body in server.requests] == [2, 1]
    assert server.requests[0][1]["source"] == "ru" and server.requests[0][1]["target"] == "en"


def test_openai_chat_one_request_per_sentence(server: Server) -> None:
    tr = OpenAIChatTranslator(server.url + "/v1", model="tiny", api_key="k", timeout=5)
    assert tr.translate(["Курская область.", "Памятник в сквере."], "ru", "en") == [
        "Kursk region.",
        "A monument in the square.",
    ]
    assert len(server.requests) == 2
    assert server.requests[0][1]["model"] == "tiny" and server.requests[0][1]["temperature"] == 0


def test_server_errors_are_one_line(server: Server) -> None:
    with pytest.raises(TranslationError, match=r"answered HTTP 500"):
        LibreTranslateTranslator(server.url + "/broken", timeout=5).translate(["a"], "ru", "en")
    with pytest.raises(TranslationError, match="unexpected answer"):
        LibreTranslateTranslator(server.url + "/garbled", timeout=5).translate(["a", "b"], "ru", "en")
    with pytest.raises(TranslationError, match="HTTP 404"):
        OpenAIChatTranslator(server.url + "/nope", model="m", timeout=5).translate(["a"], "ru", "en")


def test_unreachable_server() -> None:
    # Port 9 (discard) on loopback: nothing listens in a test sandbox, so the connection is refused.
    with pytest.raises(TranslationError, match="cannot reach the translation server"):
        LibreTranslateTranslator("http://127.0.0.1:9", timeout=2).translate(["a"], "ru", "en")


def test_cached_http_translator_skips_the_server_the_second_time(server: Server) -> None:
    texts = ["Курская область.", "Памятник в сквере."]
    CachedTranslator(LibreTranslateTranslator(server.url, timeout=5), TranslationStore()).translate(texts, "ru", "en")
    before = len(server.requests)
    again = CachedTranslator(LibreTranslateTranslator(server.url, timeout=5), TranslationStore())
    assert again.translate(texts, "ru", "en") == ["Kursk region.", "A monument in the square."]
    assert len(server.requests) == before


def test_check_through_a_translation_server(server: Server, tmp_path: Path) -> None:
    pytest.importorskip("sacrebleu")
    src = tmp_path / "s.ru.txt"
    src.write_text("Курская область.\n\nПамятник в сквере.\n", encoding="utf-8")
    tgt = tmp_path / "t.en.txt"
    tgt.write_text("Kursk Region.\n\nA monument in the square.\n", encoding="utf-8")
    args = ["check", str(src), str(tgt), "--model", server.url, "--back-model", server.url, "-f", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert "libretranslate:" + server.url in report["signature"]
    assert not any("skipped" in n for n in report["notices"])
    assert [r for r in report["findings"] if r["rule"] == "MT501"] == []
    sent = len(server.requests)
    assert CliRunner().invoke(app, args).exit_code == 0
    assert len(server.requests) == sent  # the rerun came from the cache
    assert CliRunner().invoke(app, [*args, "--no-cache"]).exit_code == 0
    assert len(server.requests) == 2 * sent  # --no-cache: asked again
