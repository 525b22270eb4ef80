"""The README's screenshot of the review page: the Kursk pair after an accepted suggestion and a
dismissal, the transliterated square up next. Run from the repository root:

    .venv/bin/python -m tests.browser.make_screenshot docs/review.png

then shrink it to a 256-colour palette (pngquant) before committing.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import CHROMIUM_ARGS, _chromium
from tests.conftest import corpus
from tests.reviewserver import start


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    if executable is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        for path in corpus("kursk-ru"):
            shutil.copy(path, Path(tmp, path.name))
        server = start("source.ru.txt", "draft.en.txt", cwd=Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(server.url)
                page.wait_for_selector("body[data-ready='1']")
                for keys in (["j", "a"], ["d", *"the agency's own spelling", "Enter"]):
                    before = page.evaluate("document.body.dataset.version")
                    for key in keys:
                        page.keyboard.press(key)
                    page.wait_for_function(
                        "v => document.body.dataset.version !== v && document.querySelector('#status')"
                        ".dataset.state === 'saved'",
                        arg=before,
                    )
                page.locator("#rows tr", has_text="Members of the council").scroll_into_view_if_needed()
                page.screenshot(path=str(out))
                browser.close()
        finally:
            server.kill()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
