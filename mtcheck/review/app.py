"""The review page's web server: Starlette on uvicorn, on the loopback interface only.

Who may talk to it: the page opened from the URL printed at start, which carries a random
token. Every API request must send that token in the ``X-Mtcheck-Token`` header (a header, so
that no other web page can make a browser send it: a cross-site request with a custom header
needs a CORS preflight this server never grants), and the page itself is served only with the
token in its query. The Host header must name the loopback address, so a DNS-rebinding page on
another host name gets nothing. Document text reaches the page as JSON and is put into the DOM
as text only; the Content-Security-Policy allows no script but the page's own file.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import sys
import tempfile
import threading
import webbrowser
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

from mtcheck.errors import UsageError
from mtcheck.review.session import ActionError, ReviewSession

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HOST = "127.0.0.1"
TOKEN_HEADER = "x-mtcheck-token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


def _static(name: str) -> bytes:
    return resources.files("mtcheck.review").joinpath("static", name).read_bytes()


class Guard:
    """Token, Host and Origin checks in front of the app (plain ASGI, so it sees every request)."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.hosts = {f"{HOST}:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        from starlette.datastructures import Headers, QueryParams
        from starlette.responses import JSONResponse

        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        path = scope["path"]
        refusal = None
        if headers.get("host", "") not in self.hosts:
            refusal = (400, "the Host header must be the address this review was opened at")
        elif headers.get("origin") not in (None, *self.origins):
            refusal = (403, "requests from other sites are refused")
        elif path == "/" and not self._valid(QueryParams(scope["query_string"]).get("token")):
            refusal = (403, "open the page with the URL mtcheck printed (it carries the access token)")
        elif path.startswith("/api/") and not self._valid(headers.get(TOKEN_HEADER)):
            refusal = (403, "missing or wrong access token")
        if refusal is not None:
            response = JSONResponse({"error": refusal[1]}, status_code=refusal[0], headers=SECURITY_HEADERS)
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)

    def _valid(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())


def build_app(session: ReviewSession, token: str, port: int) -> ASGIApp:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    files = {
        "/": (_static("index.html"), "text/html; charset=utf-8"),
        "/static/review.js": (_static("review.js"), "text/javascript; charset=utf-8"),
        "/static/review.css": (_static("review.css"), "text/css; charset=utf-8"),
    }

    def static(request: Request) -> Response:
        body, media = files[request.url.path]
        return Response(body, media_type=media, headers=SECURITY_HEADERS)

    def no_icon(request: Request) -> Response:
        return Response(status_code=204, headers=SECURITY_HEADERS)

    def reply(data: dict[str, Any], status: int = 200) -> Response:
        return JSONResponse(data, status_code=status, headers=SECURITY_HEADERS)

    def state(request: Request) -> Response:
        return reply(session.state())

    def action(run: Callable[[ReviewSession, dict[str, Any]], dict[str, Any]]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            from starlette.concurrency import run_in_threadpool

            if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
                return reply({"error": "send JSON"}, 415)
            try:
                body = json.loads(await request.body() or b"{}")
                if not isinstance(body, dict):
                    raise ValueError
            except ValueError:
                return reply({"error": "the request body is not a JSON object"}, 400)
            try:
                # Checks after an edit take a while: off the event loop, one action at a time
                # (the session holds a lock).
                return reply(await run_in_threadpool(run, session, body))
            except ActionError as exc:
                return reply({"error": str(exc)}, exc.status)
            except (KeyError, TypeError, ValueError) as exc:
                return reply({"error": f"bad request: {exc}"}, 400)

        return endpoint

    routes = [
        *(Route(path, static, methods=["GET"]) for path in files),
        Route("/favicon.ico", no_icon, methods=["GET"]),
        Route("/api/state", state, methods=["GET"]),
        Route(
            "/api/decide",
            action(lambda s, b: s.decide(str(b["fp"]), str(b["decision"]), str(b.get("reason", "")))),
            methods=["POST"],
        ),
        Route("/api/accept", action(lambda s, b: s.accept(str(b["fp"]), int(b.get("choice", 0)))), methods=["POST"]),
        Route(
            "/api/edit", action(lambda s, b: s.edit(str(b["fp"]), str(b["text"]), str(b["expected"]))), methods=["POST"]
        ),
        Route("/api/undo", action(lambda s, b: s.undo()), methods=["POST"]),
        Route("/api/save", action(lambda s, b: s.save_draft()), methods=["POST"]),
    ]
    return Guard(Starlette(routes=routes), token, port)


def listen(port: int) -> socket.socket:
    """The loopback socket the review will serve on (0: a free port), bound before the checks
    run so that a busy port fails at once."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None
    return sock


def serve(
    session: ReviewSession,
    sock: socket.socket,
    open_browser: bool = True,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the review on ``sock`` (from :func:`listen`) until Ctrl-C. ``announce`` hears the
    page's URL first, as the port accepts connections."""
    import uvicorn

    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(32)
    url = f"http://{HOST}:{port}/?token={token}"
    announce(url)
    config = uvicorn.Config(
        build_app(session, token, port), log_level="warning", access_log=False, lifespan="off", server_header=False
    )
    server = uvicorn.Server(config)
    with _launcher(url) as launch:
        if open_browser and _has_display():
            threading.Thread(target=launch, daemon=True).start()
        with contextlib.suppress(KeyboardInterrupt):
            # uvicorn shuts down cleanly on Ctrl-C, then raises it again for the caller.
            server.run(sockets=[sock])


def _has_display() -> bool:
    """Whether a graphical browser can open: without a display, Python's webbrowser would start
    a text browser in this very terminal."""
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@contextlib.contextmanager
def _launcher(url: str) -> Iterator[Callable[[], None]]:
    """Opens the page through a private file that redirects to ``url``: a browser started with
    the URL itself would show the token to every local user in the process list."""
    with tempfile.TemporaryDirectory(prefix="mtcheck-review-") as folder:
        page = Path(folder) / "open.html"
        fd = page.open("x", encoding="utf-8")
        page.chmod(0o600)
        with fd:
            fd.write(f'<!DOCTYPE html><meta http-equiv="refresh" content="0;url={url}"><a href="{url}">{url}</a>\n')

        def launch() -> None:
            with contextlib.suppress(Exception):  # no browser is no error: the URL was printed
                webbrowser.open(page.as_uri())

        yield launch
