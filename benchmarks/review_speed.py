"""Speed of `mtcheck review` on a long document, measured in a real browser.

The document: FLORES-200 dev+devtest ru→en, the first 2,000 sentences as one article (five
sentences to a paragraph, as pipeline_speed builds them; read from ../shared/eval-data). What
is timed:

- the checks: from starting `mtcheck review` to the URL on stdout (the whole check run);
- opening the page: from navigation to the page being usable (state fetched, every row and
  queue item built), wall clock in Python and the page's own clock;
- a keyboard move: from the `j` keydown to the next finding shown (handler done, and the next
  frame), over every finding in the queue, in the page's clock;
- acting: from the key that sends it to "saved" for a dismissal (the review file written) and an
  accepted suggestion (the pair re-checked, the review file written, the page patched), with the
  HTTP request's share of it.

Chromium is Debian's (/usr/bin/chromium, or $MTCHECK_CHROMIUM), headless.

    .venv/bin/python benchmarks/review_speed.py [--sentences 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline_speed import EVAL, SETS, document, lines

CHROMIUM = os.environ.get("MTCHECK_CHROMIUM", "/usr/bin/chromium")

# Installed before the page's script runs: stamps each `j` keydown, then the moment the page
# has shown the next finding (its handler done: the change of body[data-current] is observed
# once the handler returns) and the next frame after it.
PROBE = """
window.__moves = [];
window.__acts = [];
let t0 = null;
let t1 = null;
window.addEventListener('keydown', (e) => {
  if (e.key === 'j') t0 = performance.now();
  if (e.key === 'a' || (e.key === 'Enter' && e.target.name === 'reason')) t1 = performance.now();
}, true);
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver(() => {
    if (t0 === null) return;
    const start = t0, shown = performance.now();
    t0 = null;
    requestAnimationFrame(() => setTimeout(() => {
      window.__moves.push({handler: shown - start, frame: performance.now() - start});
    }, 0));
  }).observe(document.body, {attributes: true, attributeFilter: ['data-current']});
  // Actions: from the key that sends one to the status line leaving "saving".
  new MutationObserver(() => {
    const state = document.querySelector('#status').dataset.state;
    if (t1 === null || state === 'saving') return;
    window.__acts.push([performance.now() - t1, state]);
    t1 = null;
  }).observe(document.querySelector('#status'), {attributes: true, attributeFilter: ['data-state']});
});
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=2000)
    size = parser.parse_args().sentences
    if not EVAL.exists():
        print(f"eval data not found at {EVAL}; nothing to measure")
        return 0
    if not Path(CHROMIUM).is_file():
        print(f"Chromium not found at {CHROMIUM} (apt-get install chromium); nothing to measure")
        return 0
    src_paths, tgt_paths = SETS["ru-en"]
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp, "flores.ru.txt"), Path(tmp, "flores.en.txt")
        source.write_text(document(lines(src_paths), size), encoding="utf-8")
        target.write_text(document(lines(tgt_paths), size), encoding="utf-8")
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "mtcheck", "review", str(source), str(target), "--no-open"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            checks = time.perf_counter() - started
            if not url.startswith("http://"):
                raise SystemExit("mtcheck review printed no URL")
            print(f"document: FLORES-200 dev+devtest ru-en, {size:,} sentences in {size // 5:,} paragraphs")
            print(f"checks, from start to the URL on stdout: {checks:.2f} s")
            measure(url)
        finally:
            proc.kill()
            proc.wait()
    return 0


def measure(url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.add_init_script(PROBE)
        opened = []
        for _ in range(3):
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']", timeout=120_000)
            opened.append((time.perf_counter() - t, page.evaluate("performance.now()")))
        rows = page.locator("#rows tr").count()
        findings = page.locator("#queue li").count()
        wall, own = min(opened)
        print(
            f"page open, {rows:,} rows and {findings} findings: best of 3 {wall:.2f} s wall ({own / 1000:.2f} s by the "
            f"page's clock), slowest {max(opened)[0]:.2f} s"
        )
        moves = walk(page, findings - 1)
        for key, label in (("handler", "key to next finding shown"), ("frame", "key to next frame")):
            values = sorted(m[key] for m in moves)
            print(
                f"keyboard move j, {label}: median {statistics.median(values):.1f} ms, "
                f"p95 {values[int(len(values) * 0.95) - 1]:.1f} ms, max {values[-1]:.1f} ms ({len(values)} moves)"
            )
        act(page)
        browser.close()


def walk(page: Any, n: int) -> list[dict[str, float]]:
    page.evaluate("window.__moves = []")
    for i in range(n):
        page.keyboard.press("j")
        page.wait_for_function("n => window.__moves.length >= n", arg=i + 1)
    return page.evaluate("window.__moves")


def act(page: Any) -> None:
    """Key to "saved" for dismissals and accepted suggestions, in the page's clock (the key that
    sends the action: Enter in the reason field, or a), and the request's share of it."""
    # The next undecided finding with (accept) or without (dismiss) a suggestion, looked up
    # afresh each time: an accepted suggestion renews the fingerprints of its sentence.
    pick = """wanted => { const li = [...document.querySelectorAll('#queue li')].find(li =>
        !li.querySelector('.badge') && li.textContent.includes('→') === wanted); return li && li.dataset.fp; }"""
    for box in page.locator(".filters input:not(:checked)").all():
        box.check()
    for kind, label, path in (
        ("dismiss", "dismiss (d, reason, Enter): Enter to saved", "/api/decide"),
        ("accept", "accept (a): key to re-checked and saved", "/api/accept"),
    ):
        page.evaluate("window.__acts = []")
        for n in range(10):
            fp = page.evaluate(pick, kind == "accept")
            if fp is None:
                break
            page.locator(f'#queue li[data-fp="{fp}"]').click()
            if kind == "dismiss":
                page.keyboard.press("d")
                page.keyboard.type("benchmark")
                page.keyboard.press("Enter")
            else:
                page.keyboard.press("a")
            page.wait_for_function("n => window.__acts.length > n", arg=n, timeout=120_000)
        acts = page.evaluate("window.__acts")
        if any(state != "saved" for _ms, state in acts):
            raise SystemExit(f"{kind} failed: {page.locator('#status').text_content()}")
        values = sorted(ms for ms, _state in acts)
        server = sorted(
            page.evaluate(
                "p => performance.getEntriesByType('resource').filter(e => e.name.endsWith(p)).map(e => e.duration)",
                path,
            )
        )
        print(
            f"{label}: median {statistics.median(values):.0f} ms, max {values[-1]:.0f} ms; the request "
            f"median {statistics.median(server):.0f} ms ({len(values)} actions)"
        )


if __name__ == "__main__":
    sys.exit(main())
