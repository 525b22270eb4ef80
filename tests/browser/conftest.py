"""Browser tests run a real headless Chromium through playwright.

Chromium comes from the system (``apt-get install chromium``; playwright's own download needs
the internet). Outside CI a machine without it skips these tests and says why; under CI=true a
missing browser is a failure, so CI cannot pass without running them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import corpus, paragraphs

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("MTCHECK_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs Chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    page.close()


# Document text that would run if a page ever treated it as HTML.
PAYLOADS = ("<script>window.__pwned = 1</script>", '"><img src=x onerror="window.__pwned = 2">')


def hostile_draft(folder: Path) -> Path:
    """The Kursk draft with the payloads in a flagged paragraph (beside a doubled word) and in an
    added one (whose whole text is a finding's span): in cells, highlights and messages."""
    parts = paragraphs(corpus("kursk-ru")[1])
    parts[3] = f"{PAYLOADS[0]} {PAYLOADS[1]} The the remarks come amid heightened tensions."
    parts.insert(9, f"Officials said {PAYLOADS[1]} the ceremony would be broadcast live.")
    evil = folder / "evil.en.txt"
    evil.write_text("\n\n".join(parts), encoding="utf-8")
    return evil
