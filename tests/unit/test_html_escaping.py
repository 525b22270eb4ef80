"""The HTML report escapes document text: checked on the markup itself, so that it holds even
where the browser tests skip for want of Chromium."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from mtcheck.pipeline import check_files
from mtcheck.report import render
from mtcheck.types import Finding, Severity, Span
from tests.conftest import corpus, paragraphs

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror="alert(2)">')


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_payloads_in_text_spans_and_findings_are_inert(tmp_path: Path) -> None:
    source, draft = corpus("kursk-ru")
    parts = paragraphs(draft)
    parts[3] = f"{PAYLOADS[0]} {PAYLOADS[1]} The the remarks come amid heightened tensions."
    evil = tmp_path / 'evil"><b>.en.txt'
    evil.write_text("\n\n".join(parts), encoding="utf-8")
    report = check_files(source, evil)
    planted = Finding(
        "MT404",
        "repetition",
        Severity.WARNING,
        0.5,
        PAYLOADS[0],
        PAYLOADS[1],
        target_span=Span(0, 5),
        evidence={"back_translation": PAYLOADS[0]},
    )
    html = render(replace(report, findings=(*report.findings, planted)), "html")
    for payload in PAYLOADS:
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parser = Tags()
    parser.feed(html)
    names = [tag for tag, _ in parser.tags]
    assert names.count("script") == 1 and "img" not in names and "b" not in names
    assert not [a for _, attrs in parser.tags for a in attrs if a.startswith("on")]
