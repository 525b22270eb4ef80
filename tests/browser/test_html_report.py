"""The HTML report in a real headless Chromium (playwright): it renders the Kursk report, the
highlights sit on the flagged spans, the details and filters work, and document text can
never run as code.

Chromium comes from the system (see conftest.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mtcheck.pipeline import check_files
from mtcheck.report import render
from mtcheck.types import Finding, Report, Severity, Span
from tests.browser.conftest import PAYLOADS, hostile_draft
from tests.conftest import corpus, paragraphs


def open_report(page: Any, report: Report, folder: Path) -> None:
    path = folder / "report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    page.goto(path.as_uri())


@pytest.fixture(scope="module")
def kursk_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Korean source, English draft with a paragraph dropped, '12월 4일' left as is and a doubled word."""
    folder = tmp_path_factory.mktemp("kursk")
    parts = paragraphs(corpus("kursk-ko")[1])
    parts[4] = parts[4].replace("December 4", "12월 4일")
    parts[2] = parts[2].replace("highlighted the role", "highlighted the the role")
    draft = folder / "draft.en.txt"
    draft.write_text("\n\n".join(parts[:6] + parts[7:]), encoding="utf-8")
    return check_files(corpus("kursk-ko")[0], draft)


def fid_of(report: Report, rule: str) -> str:
    """The HTML id of the first finding of ``rule``."""
    return next(f"r0-f{i}-{f.rule}" for i, f in enumerate(report.findings) if f.rule == rule)


def marked_text(page: Any, side: str, fid: str) -> str:
    return page.evaluate(
        """([side, fid]) => [...document.querySelectorAll(`td.${side} mark.hl`)]
            .filter(m => m.dataset.f.split(' ').includes(fid)).map(m => m.textContent).join('')""",
        [side, fid],
    )


def test_kursk_report_highlights_the_spans(page: Any, tmp_path: Path, kursk_report: Report) -> None:
    report = kursk_report
    assert {f.rule for f in report.findings} >= {"MT101", "MT401", "MT404"}
    open_report(page, report, tmp_path)
    assert page.locator("table.pairs tbody tr").count() == len(report.alignment)
    for i, f in enumerate(report.findings):
        fid = f"r0-f{i}-{f.rule}"
        for side, span, doc in (("source", f.source_span, report.source), ("target", f.target_span, report.target)):
            expected = span.text(doc.text) if span else ""
            assert marked_text(page, side, fid) == expected, (f.rule, side)
    # The untranslated date is highlighted on both sides, in one row.
    fid = fid_of(report, "MT401")
    row = page.locator("tr", has=page.locator(f'td.target mark[data-f~="{fid}"]'))
    assert row.count() == 1
    assert "".join(row.locator(f'td.source mark[data-f~="{fid}"]').all_text_contents()) == "12월 4일"
    # The omission: a highlighted source cell facing an empty target cell.
    assert page.locator("tr:has(td.target.empty) td.source mark.sev-error").count() == 1


def test_details_and_filters(page: Any, tmp_path: Path, kursk_report: Report) -> None:
    report = kursk_report
    untranslated = next(f for f in report.findings if f.rule == "MT401")
    # A back-translation as a translation-model check would give it.
    with_back = replace(untranslated, evidence={**untranslated.evidence, "back_translation": "12월 4일에"})
    report = replace(report, findings=tuple(with_back if f is untranslated else f for f in report.findings))
    open_report(page, report, tmp_path)
    page.locator(f'td.target mark[data-f~="{fid_of(report, "MT401")}"]').first.click()
    details = page.locator("#details").text_content()
    assert "MT401 untranslated" in details and "source-language text left as is" in details
    assert "back-translation: 12월 4일에" in details
    page.locator(f'td.target mark[data-f~="{fid_of(report, "MT404")}"]').hover()
    assert "MT404 repetition" in page.locator("#details").text_content()
    # Filtering out MT404 hides its list item and turns its highlight off; warnings likewise.
    page.locator('.filters input[value="MT404"]').uncheck()
    assert page.locator("li.finding[data-rule=MT404]").is_hidden()
    repetition, date = fid_of(report, "MT404"), fid_of(report, "MT401")
    assert page.locator(f'mark.hl.off[data-f~="{repetition}"]').count() == 1
    assert page.locator(f'mark.hl:not(.off)[data-f~="{date}"]').count() >= 2
    page.locator('.filters input[value="MT404"]').check()
    page.locator('.filters input[value="error"]').uncheck()
    assert page.locator("mark.hl.sev-error:not(.off)").count() == 0
    assert page.locator(f'mark.hl:not(.off)[data-f~="{repetition}"]').count() == 1


def test_document_text_never_executes(page: Any, tmp_path: Path) -> None:
    report = check_files(corpus("kursk-ru")[0], hostile_draft(tmp_path))
    # A finding whose own words carry the payloads too (message, suggestion, back-translation).
    planted = Finding(
        "MT404",
        "repetition",
        Severity.WARNING,
        0.5,
        f"message {PAYLOADS[0]}",
        f"fix {PAYLOADS[1]}",
        target_span=Span(0, 10),
        evidence={"back_translation": PAYLOADS[1]},
    )
    report = replace(report, findings=(*report.findings, planted))
    html = render(report, "html")
    assert PAYLOADS[0] not in html and PAYLOADS[1] not in html
    open_report(page, report, tmp_path)
    for mark in page.locator("mark.hl").all():
        mark.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    body = page.locator("main").text_content()
    assert PAYLOADS[0] in body and PAYLOADS[1] in body
    assert "message <script>" in page.locator("#details").text_content() or PAYLOADS[0] in body
