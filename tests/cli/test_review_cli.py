"""`mtcheck review` from the command line, and the review file as `check` and `scan` read it.

The server tests start real `mtcheck review` processes (free ports, killed at teardown) and
talk HTTP to them: the token, the Host and Origin checks, a clean stop on Ctrl-C.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import socket
from pathlib import Path
from typing import Any

import pytest
import typer

from mtcheck.cli import app
from mtcheck.fingerprint import fingerprints
from mtcheck.pipeline import check_files
from mtcheck.review.store import Decision, ReviewFile, load_review, review_path, save_review
from tests.conftest import one_line_error, run_cli


def dismiss(source: Path, draft: Path, texts: list[str], reason: str = "house style") -> list[str]:
    """Write a review file dismissing the first finding on each of ``texts``; their fingerprints."""
    report = check_files(source, draft)
    chosen: list[str] = []
    for text in texts:
        chosen.append(
            next(
                fp
                for f, fp in zip(report.findings, fingerprints(report), strict=True)
                if f.target_span and f.target_span.text(report.target.text) == text and fp not in chosen
            )
        )
    decisions = {fp: Decision("dismissed", "MT201", text, reason, "2025-01-05T10:00:00+00:00") for fp in chosen}
    save_review(ReviewFile(review_path(draft), source, draft, decisions))
    return chosen


def test_review_takes_the_options_of_check() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    check = {p.name for p in commands["check"].params}
    review = {p.name for p in commands["review"].params}
    assert review - check == {"port", "no_open", "export"}
    assert check - review == {"fmt", "output", "fail_on"}


def test_check_hides_dismissed_findings_and_says_how_many(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    code, out, _ = run_cli("check", source, draft, "--format", "json")
    before = json.loads(out)["findings"]
    assert sum(f["rule"] == "MT201" for f in before) == 3
    dismiss(source, draft, ["Khinstin", "Khinstin"])
    code, out, _ = run_cli("check", source, draft, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert sum(f["rule"] == "MT201" for f in report["findings"]) == 1
    assert len(report["findings"]) == len(before) - 2
    notice = f"2 finding(s) dismissed in the review file {review_path(draft)} were not reported"
    assert notice in report["notices"]
    # The text report says it too.
    _, text, _ = run_cli("check", source, draft)
    assert f"note: {notice}" in text


def test_scan_hides_them_too(kursk_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    source, draft = kursk_copy
    (source.parent / "mtcheck.toml").write_text(
        '[[scan.pairs]]\nsource = "*.ru.txt"\ntarget = "*.en.txt"\nsource-lang = "ru"\ntarget-lang = "en"\n',
        encoding="utf-8",
    )
    draft.rename(source.parent / "source.en.txt")
    draft = source.parent / "source.en.txt"
    monkeypatch.chdir(source.parent)
    dismiss(Path("source.ru.txt"), Path("source.en.txt"), ["SWO"])
    code, out, err = run_cli("scan", "--format", "json")
    assert code == 1, err
    report = json.loads(out)  # one pair: one report
    assert report["target"]["path"] == "source.en.txt"
    assert sum(f["rule"] == "MT203" for f in report["findings"]) == 2
    assert any("1 finding(s) dismissed" in n for n in report["notices"])


def test_a_review_file_of_another_source_is_not_applied(kursk_copy: tuple[Path, Path], tmp_path: Path) -> None:
    source, draft = kursk_copy
    dismiss(source, draft, ["Khinstin"])
    # The same draft checked against another source file (another edition, say).
    other = shutil.copy(source, tmp_path / "edition2.ru.txt")
    code, out, _ = run_cli("check", other, draft, "--format", "json")
    report = json.loads(out)
    assert sum(f["rule"] == "MT201" for f in report["findings"]) == 3
    assert any("records decisions for the source source.ru.txt" in n and "not applied" in n for n in report["notices"])
    # The review itself refuses, in one line, before it serves anything.
    code, _, err = run_cli("review", other, draft, "--no-open")
    assert code == 2
    assert "records decisions for the source source.ru.txt" in one_line_error(err)


def test_export_writes_the_decisions_as_csv(kursk_copy: tuple[Path, Path], tmp_path: Path) -> None:
    source, draft = kursk_copy
    fps = dismiss(source, draft, ["Khinstin"], reason='a "quoted", reason')
    out = tmp_path / "decisions.csv"
    code, _, err = run_cli("review", source, draft, "--export", out)
    assert code == 0, err
    assert f"{out}: 1 decision(s)" in err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows == [
        {
            "target": draft.as_posix(),
            "fingerprint": fps[0],
            "rule": "MT201",
            "decision": "dismissed",
            "text": "Khinstin",
            "replacement": "",
            "reason": 'a "quoted", reason',
            "at": "2025-01-05T10:00:00+00:00",
        }
    ]
    code, stdout, _ = run_cli("review", source, draft, "--export", "-")
    assert code == 0
    assert [row["fingerprint"] for row in csv.DictReader(io.StringIO(stdout))] == fps


def test_export_without_a_review_file_is_one_line(kursk_copy: tuple[Path, Path], tmp_path: Path) -> None:
    source, draft = kursk_copy
    code, _, err = run_cli("review", source, draft, "--export", tmp_path / "x.csv")
    assert code == 2
    assert "draft.en.txt.review.json does not exist; review the pair first" in one_line_error(err)
    assert not (tmp_path / "x.csv").exists()


def test_a_broken_review_file_is_one_line_for_check(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    review_path(draft).write_text("{not json", encoding="utf-8")
    code, _, err = run_cli("check", source, draft)
    assert code == 2
    assert "is not valid JSON" in one_line_error(err)


def test_a_busy_port_is_one_line(kursk_copy: tuple[Path, Path]) -> None:
    source, draft = kursk_copy
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, out, err = run_cli("review", source, draft, "--no-open", "--port", port)
    assert code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in one_line_error(err)
    assert out == ""
    assert not review_path(draft).exists()


def test_token_host_and_origin_are_checked_and_ctrl_c_stops(kursk_copy: tuple[Path, Path], review_server: Any) -> None:
    source, draft = kursk_copy
    server = review_server(source, draft)
    assert server.url.startswith("http://127.0.0.1:")
    token = {"X-Mtcheck-Token": server.token}
    status, state = server.api("GET", "/api/state")
    assert status == 200
    fp = state["items"][0]["fp"]
    decide = {"fp": fp, "decision": "dismissed", "reason": "x"}

    refused = [
        server.request("GET", "/"),  # the page without its token
        server.request("GET", "/?token=wrong"),
        server.request("GET", "/api/state"),
        server.request("POST", "/api/decide", decide),
        server.request("POST", "/api/decide", decide, {"X-Mtcheck-Token": "wrong"}),
        # The token in the query is for the page only: a link or form cannot set a header.
        server.request("POST", f"/api/decide?token={server.token}", decide),
        # Right token from another site.
        server.request("POST", "/api/decide", decide, {**token, "Origin": "http://evil.example"}),
    ]
    assert [status for status, _ in refused] == [403] * len(refused)
    # DNS rebinding: the browser sends the attacker's host name.
    for host in ("evil.example", f"evil.example:{server.port}", f"127.0.0.1.evil.example:{server.port}"):
        status, body = server.request("POST", "/api/decide", decide, {**token, "Host": host})
        assert status == 400, host
        assert "Host header" in body["error"]
    # A form post (no JSON) with the token is refused too.
    assert server.request("POST", "/api/undo", None, {**token, "Content-Type": "text/plain"})[0] == 415
    assert not review_path(draft).exists()

    assert server.request("GET", server.url.split(str(server.port), 1)[1])[0] == 200
    assert server.request("GET", "/", headers={"Host": f"localhost:{server.port}"})[0] == 403
    status, body = server.request("POST", "/api/decide", decide, token)
    assert status == 200, body
    assert load_review(source, draft).decisions[fp].decision == "dismissed"

    # Ctrl-C: a clean stop, no traceback.
    assert server.kill(signal.SIGINT) == 0
    stderr = "".join(server.stderr)
    assert "mtcheck: review stopped" in stderr
    assert "Traceback" not in stderr


def test_the_browser_opens_a_private_redirect_not_the_token_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """A browser started with the tokened URL would show the token to every local user in the
    process list; it gets a file only this user can read, which redirects to the URL."""
    from mtcheck.review import app as review_app

    url = "http://127.0.0.1:8765/?token=abc-DEF_123"
    opened: list[str] = []
    seen: list[tuple[int, str]] = []

    def fake_open(uri: str) -> bool:
        opened.append(uri)
        page = Path(uri.removeprefix("file://"))
        seen.append((page.stat().st_mode & 0o777, page.read_text(encoding="utf-8")))
        return True

    monkeypatch.setattr(review_app.webbrowser, "open", fake_open)
    with review_app._launcher(url) as launch:
        launch()
    (uri,) = opened
    assert uri.startswith("file:///") and "token" not in uri
    mode, content = seen[0]
    assert mode == 0o600
    assert f'content="0;url={url}"' in content
    assert not Path(uri.removeprefix("file://")).exists()  # removed once the review stops
