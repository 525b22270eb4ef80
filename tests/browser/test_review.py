"""`mtcheck review` in a real headless Chromium: an editor walks the Kursk findings by keyboard,
accepts, edits, dismisses and skips; the decisions survive a reload and a SIGKILL of the server;
"Save draft" changes the draft only where it was edited, and refuses when the file changed on
disk; document text never runs as code. Each test starts its own server on a free port; the
`review_server` fixture kills them all at teardown.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.browser.conftest import PAYLOADS, hostile_draft
from tests.conftest import corpus, run_cli
from tests.reviewserver import ReviewServer

EDITED = (
    "Members of the council proposed placing the monument in Internationalists Square, "
    "a location that has not been previously detailed in public reports."
)
REASON = "the agency spells it so; keep it"


def open_review(page: Any, server: ReviewServer) -> None:
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='1']")


def queue(page: Any) -> list[dict[str, str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('#queue li')].map(li => ({
            fp: li.dataset.fp, rule: li.querySelector('.rule').textContent,
            what: li.querySelector('.what').textContent, hidden: li.hidden,
            badge: li.querySelector('.badge') ? li.querySelector('.badge').textContent : ''}))"""
    )


def current(page: Any) -> str:
    return page.evaluate("document.body.dataset.current")


def counts(page: Any) -> str:
    return page.locator("#counts").text_content()


def saved_after(page: Any, action: Any) -> None:
    """Run ``action`` (a key or a callable) and wait until the page says the result is saved."""
    before = int(page.evaluate("document.body.dataset.version"))
    if callable(action):
        action()
    else:
        page.keyboard.press(action)
    # A function, not an expression: the page's CSP forbids evaluating strings.
    page.wait_for_function(
        """before => Number(document.body.dataset.version) > before
            && ['saved', 'error'].includes(document.querySelector('#status').dataset.state)""",
        arg=before,
    )
    status = page.locator("#status")
    assert status.get_attribute("data-state") == "saved", status.text_content()


def test_review_walk_decide_reload_kill_and_save(page: Any, kursk_copy: tuple[Path, Path], review_server: Any) -> None:
    source, draft = kursk_copy
    original = draft.read_bytes()
    server = review_server(source, draft)
    open_review(page, server)
    items = queue(page)
    assert [i["rule"] for i in items] == ["MT203", "MT201", "MT201", "MT204", "MT201", "MT203", "MT203"]
    assert [i["what"] for i in items[:4]] == ["SWO", "Khinstin", "Khinstin", "In Internationals Kvir"]
    assert counts(page).startswith("7 left")
    fps = [i["fp"] for i in items]
    assert current(page) == fps[0]

    # Walk by keyboard: j, j, k lands on the second finding, its span marked in the text.
    for key in "jjk":
        page.keyboard.press(key)
    assert current(page) == fps[1]
    assert page.locator("#details").text_content().count("Khinstin") >= 2
    assert page.locator("#rows td.target mark.active").all_text_contents() == ["Khinstin"]
    assert page.locator("#rows td.source mark.active").all_text_contents() == ["Хинштейн"]

    # a: accept the suggestion; the sentence now reads Khinshteyn and the queue moves on.
    saved_after(page, "a")
    row = page.locator("#rows tr", has_text="Kursk Governor Alexander").locator("td.target").text_content()
    assert "Alexander Khinshteyn announced" in row and "Khinstin" not in row
    assert queue(page)[1]["badge"] == "accepted"
    assert current(page) == fps[2]

    # d: dismiss with a reason; dismissed findings leave the default queue.
    page.keyboard.press("d")
    page.keyboard.type(REASON)
    saved_after(page, "Enter")
    assert [i["hidden"] for i in queue(page)][2] is True
    assert current(page) == fps[3]

    # e: edit the sentence of the transliterated square.
    page.keyboard.press("e")
    editor = page.locator("#editor textarea")
    assert "In Internationals Kvir" in editor.input_value()
    editor.fill(EDITED)
    saved_after(page, "Enter")
    assert EDITED in page.locator("#rows").text_content()
    assert "Kvir" not in page.locator("#rows").text_content()
    assert queue(page)[3]["badge"] == "edited"
    assert current(page) == fps[4]

    # s skips; u undoes the skip; s again.
    saved_after(page, "s")
    assert queue(page)[4]["badge"] == "skipped"
    page.keyboard.press("k")
    saved_after(page, "u")
    assert queue(page)[4]["badge"] == ""
    page.locator(f'#queue li[data-fp="{fps[4]}"]').click()
    saved_after(page, "s")
    expected_counts = "4 left (1 skipped) · 1 accepted · 1 edited · 1 dismissed"
    assert counts(page) == expected_counts

    def decisions_are_back() -> None:
        assert counts(page) == expected_counts
        badges = [i["badge"] for i in queue(page)]
        assert badges == ["", "accepted", "dismissed", "edited", "skipped", "", ""]
        assert "Alexander Khinshteyn announced" in page.locator("#rows").text_content()
        assert EDITED in page.locator("#rows").text_content()
        page.locator('.filters input[data-kind="decision"][value="dismissed"]').check()
        page.locator(f'#queue li[data-fp="{fps[2]}"]').click()
        assert REASON in page.locator("#details").text_content()

    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    decisions_are_back()

    # The server dies without a chance to clean up; a new one finds everything on disk.
    assert server.kill() != 0
    server = review_server(source, draft)
    open_review(page, server)
    decisions_are_back()
    assert "2 unsaved edit(s) from the last review were restored" in page.locator("#notices").text_content()
    assert page.locator("#save").text_content() == "Save draft (2 edits)"

    # Save draft: the file differs from the original in the accepted and edited spans only.
    assert draft.read_bytes() == original
    saved_after(page, lambda: page.locator("#save").click())
    text = original.decode("utf-8")
    old_sentence = next(line for line in text.splitlines() if "In Internationals Kvir" in line)
    expected = text.replace("Alexander Khinstin", "Alexander Khinshteyn", 1).replace(old_sentence, EDITED)
    assert draft.read_bytes() == expected.encode("utf-8")
    assert draft.with_name(draft.name + ".bak").read_bytes() == original
    assert page.locator("#save").is_disabled()
    review = json.loads(draft.with_name(draft.name + ".review.json").read_text(encoding="utf-8"))
    assert "unsaved" not in review
    decisions = sorted(d["decision"] for d in review["decisions"].values())
    assert decisions == ["accepted", "deferred", "dismissed", "edited"]

    # A later check of the pair: the dismissed finding is gone, and it says so.
    code, out, err = run_cli("check", source, draft, "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    assert [(f["rule"], f["target"]["text"]) for f in report["findings"]] == [
        ("MT203", "SWO"),
        ("MT201", "Khinstin"),
        ("MT203", "SWO"),
        ("MT203", "SWO"),
    ]
    assert any("1 finding(s) dismissed in the review file" in n for n in report["notices"])


def test_the_token_is_required_and_save_refuses_a_draft_changed_on_disk(
    page: Any, kursk_copy: tuple[Path, Path], review_server: Any
) -> None:
    source, draft = kursk_copy
    server = review_server(source, draft)
    open_review(page, server)
    # From the page's own origin, without the token header: refused, nothing recorded.
    status = page.evaluate(
        """fp => fetch('/api/decide', {method: 'POST', headers: {'Content-Type': 'application/json'},
                 body: JSON.stringify({fp, decision: 'dismissed'})}).then(r => r.status)""",
        current(page),
    )
    assert status == 403
    assert not draft.with_name(draft.name + ".review.json").exists()

    saved_after(page, "a")  # SWO → SMO in the working copy
    changed = draft.read_text(encoding="utf-8") + "\nA paragraph added in another editor.\n"
    draft.write_text(changed, encoding="utf-8")
    page.locator("#save").click()
    page.wait_for_selector("#status[data-state='error']")
    assert "changed on disk since mtcheck loaded it; not saved" in page.locator("#status").text_content()
    assert draft.read_text(encoding="utf-8") == changed
    assert not draft.with_name(draft.name + ".bak").exists()
    assert page.locator("#save").text_content() == "Save draft (1 edit)"

    # The page itself, without the token in its URL.
    assert page.goto(server.url.split("?")[0]).status == 403


def test_document_text_never_executes(page: Any, tmp_path: Path, review_server: Any) -> None:
    server = review_server(corpus("kursk-ru")[0], hostile_draft(tmp_path))
    open_review(page, server)
    rules = {i["rule"] for i in queue(page)}
    assert {"MT102", "MT404"} <= rules
    for mark in page.locator("#rows mark.hl:not(.off)").all():
        mark.click()
    for _ in queue(page):
        page.keyboard.press("j")
    # A hostile reason and a hostile edit, this time by mouse.
    details = page.locator("#details")
    page.locator("#queue li", has_text="Officials said").click()
    details.get_by_role("button", name="Dismiss (d)").click()
    page.locator("#dismiss input").fill(PAYLOADS[0])
    saved_after(page, lambda: details.get_by_role("button", name="Dismiss", exact=True).click())
    page.locator('.filters input[data-kind="decision"][value="dismissed"]').check()
    page.locator("#queue li", has_text="Officials said").click()
    assert PAYLOADS[0] in details.text_content()
    saved_after(page, lambda: details.get_by_role("button", name="Reopen (o)").click())
    assert "open" in details.locator(".badge").text_content()
    page.locator("#queue li", has_text="Khinstin").first.click()
    details.get_by_role("button", name="Edit (e)").click()
    page.locator("#editor textarea").fill(f"Kursk Governor {PAYLOADS[1]} Khinshteyn announced a monument.")
    saved_after(page, lambda: details.get_by_role("button", name="Save edit").click())
    saved_after(page, lambda: details.get_by_role("button", name="Undo (u)").click())
    assert f"Kursk Governor {PAYLOADS[1]}" not in page.locator("#rows").text_content()
    page.locator("#queue li", has_text="Khinstin").first.click()
    details.get_by_role("button", name="Edit (e)").click()
    page.locator("#editor textarea").fill(f"Kursk Governor {PAYLOADS[1]} Khinshteyn announced a monument.")
    saved_after(page, lambda: details.get_by_role("button", name="Save edit").click())
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the page's own, from its file
    body = page.locator("#rows").text_content()
    assert PAYLOADS[0] in body and PAYLOADS[1] in body
    assert f"Kursk Governor {PAYLOADS[1]} Khinshteyn" in body
