"""A self-contained HTML report for editors: source and translation side by side, one row per
alignment bead, flagged spans highlighted on both sides; clicking or hovering a highlight shows
the finding (rule, message, suggestion, back-translation); filters by rule and severity.

Every piece of document text goes through :func:`html.escape`; the one inline script is pinned
by a Content-Security-Policy hash, and nothing is loaded from elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Sequence
from html import escape
from typing import TypeVar

from mtcheck.fingerprint import display_path
from mtcheck.types import Document, Finding, PairFailure, Report, Severity, Span

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#f6f6f6;border-bottom:1px solid #ccc;padding:.5em 1em;z-index:2}
h1{font-size:1.2em;margin:.2em 0}h2{font-size:1.05em;margin:1em}
.filters label{margin-right:.8em;white-space:nowrap}
table.pairs{border-collapse:collapse;width:calc(100% - 27em);margin:0 1em;
 table-layout:fixed}
.pairs td{border-top:1px solid #ddd;vertical-align:top;padding:.4em .6em;width:50%}
.pairs td.empty{background:#fafafa;color:#999;font-style:italic}
mark.hl{cursor:pointer;border-bottom:2px solid;padding:0 1px}
mark.sev-error{background:#fdd;border-color:#c00}
mark.sev-warning{background:#ffedb3;border-color:#c80}
mark.sev-info{background:#dff0ff;border-color:#36c}
mark.off{background:none;border:none;cursor:auto}
mark.active{outline:2px solid #000}
aside{position:fixed;right:0;top:6em;width:22em;bottom:0;overflow:auto;border-left:1px solid #ccc;
 background:#fff;padding:.5em 1em}
ol.findings{padding-left:1.2em}ol.findings li{margin:.3em 0}
li.off{display:none}
section.failed{margin:1em;color:#c00}
.rule{font-weight:bold}.sev{font-size:.85em;text-transform:uppercase}
.sev.error{color:#c00}.sev.warning{color:#a60}.sev.info{color:#36c}
q{font-style:italic}
"""

# Filters hide findings (list items and highlights); a highlight is live while any finding it
# carries is visible. Details are a clone of the finding's list item, so no text is ever
# re-parsed as HTML.
_JS = """
(function(){
const boxes=[...document.querySelectorAll('.filters input')];
function shown(li){return boxes.every(b=>b.checked||li.dataset[b.dataset.kind]!==b.value);}
function apply(){
  const live=new Set();
  document.querySelectorAll('li.finding').forEach(li=>{
    const on=shown(li);li.classList.toggle('off',!on);if(on)live.add(li.id);});
  document.querySelectorAll('mark.hl').forEach(m=>{
    m.classList.toggle('off',!m.dataset.f.split(' ').some(id=>live.has(id)));});
}
function show(m){
  if(m.classList.contains('off'))return;
  const panel=document.getElementById('details');panel.replaceChildren();
  document.querySelectorAll('mark.active').forEach(x=>x.classList.remove('active'));
  const ids=m.dataset.f.split(' ');
  ids.forEach(id=>{const li=document.getElementById(id);
    if(li&&!li.classList.contains('off'))panel.appendChild(li.firstElementChild.cloneNode(true));});
  document.querySelectorAll('mark.hl').forEach(x=>{
    if(x.dataset.f.split(' ').some(id=>ids.includes(id)))x.classList.add('active');});
}
boxes.forEach(b=>b.addEventListener('change',apply));
document.querySelectorAll('mark.hl').forEach(m=>{
  m.addEventListener('click',()=>show(m));m.addEventListener('mouseenter',()=>show(m));});
apply();
})();
"""


T = TypeVar("T")


def marked_pieces(text: str, span: Span, marks: Sequence[tuple[Span, T]]) -> list[tuple[str, list[T]]]:
    """``text[span]`` cut at every mark boundary inside it: each piece with the marks over it."""
    cuts = {span.start, span.end}
    for s, _payload in marks:
        cuts.update(p for p in (s.start, s.end) if span.start < p < span.end)
    return [
        (text[lo:hi], [payload for s, payload in marks if s.start < hi and lo < s.end])
        for lo, hi in itertools.pairwise(sorted(cuts))
    ]


def _highlighted(doc: Document, span: Span, marks: list[tuple[Span, str, Severity]]) -> str:
    """``doc.text[span]`` escaped, with each finding span inside it wrapped in a <mark>."""
    out = []
    for text, over in marked_pieces(doc.text, span, [(s, (fid, sev)) for s, fid, sev in marks]):
        piece = escape(text)
        if not over:
            out.append(piece)
            continue
        worst = max(sev for _fid, sev in over)
        ids = " ".join(fid for fid, _sev in over)
        rules = " ".join(sorted({fid.split("-")[-1] for fid, _ in over}))
        out.append(f'<mark class="hl sev-{worst.label}" data-f="{ids}" data-rules="{rules}">{piece}</mark>')
    return "".join(out)


def _finding_item(fid: str, f: Finding, report: Report) -> str:
    parts = [
        f'<span class="rule">{escape(f.rule)} {escape(f.name)}</span> '
        f'<span class="sev {f.severity.label}">{f.severity.label}</span> '
        f'<span class="conf">confidence {f.confidence:.2f}</span><br>',
        f'<span class="msg">{escape(f.message)}</span>',
    ]
    if f.source_span is not None:
        parts.append(f'<br>source: <q class="src">{escape(f.source_span.text(report.source.text))}</q>')
    if f.target_span is not None:
        parts.append(f'<br>translation: <q class="tgt">{escape(f.target_span.text(report.target.text))}</q>')
    if f.suggestion:
        parts.append(f'<br>suggestion: <q class="suggestion">{escape(f.suggestion)}</q>')
    back = f.evidence.get("back_translation")
    if back:
        parts.append(f'<br>back-translation: <q class="back">{escape(str(back))}</q>')
    return (
        f'<li class="finding" id="{fid}" data-rule="{escape(f.rule)}" data-severity="{f.severity.label}">'
        f"<div>{''.join(parts)}</div></li>"
    )


def _section(n: int, report: Report) -> tuple[str, set[str], set[str]]:
    ids = [f"r{n}-f{i}-{f.rule}" for i, f in enumerate(report.findings)]
    src_marks = [(f.source_span, fid, f.severity) for f, fid in zip(report.findings, ids, strict=True) if f.source_span]
    tgt_marks = [(f.target_span, fid, f.severity) for f, fid in zip(report.findings, ids, strict=True) if f.target_span]
    rows = []
    for bead in report.alignment:
        cells = []
        for doc, seg_ids, marks, side in (
            (report.source, bead.source, src_marks, "source"),
            (report.target, bead.target, tgt_marks, "target"),
        ):
            span = doc.span_of(seg_ids)
            if span is None:
                cells.append(f'<td class="{side} empty">(nothing)</td>')
            else:
                cells.append(f'<td class="{side}" lang="{doc.lang}">{_highlighted(doc, span, marks)}</td>')  # type: ignore[arg-type]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    counts = report.counts()
    src, tgt = escape(display_path(report.source.path)), escape(display_path(report.target.path))
    title = src if src == tgt else f"{src} → {tgt}"
    items = "".join(_finding_item(fid, f, report) for fid, f in zip(ids, report.findings, strict=True))
    notices = "".join(f"<li>{escape(n)}</li>" for n in report.notices)
    html = (
        f'<section class="report"><h2>{title}: {counts["error"]} error(s), {counts["warning"]} warning(s), '
        f"{counts['info']} info</h2>"
        f'<table class="pairs"><thead><tr><th>source ({report.source.lang})</th>'
        f"<th>translation ({report.target.lang})</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<h2>Findings</h2><ol class="findings">{items}</ol>'
        + (f'<ul class="notices">{notices}</ul>' if notices else "")
        + "</section>"
    )
    return html, {f.rule for f in report.findings}, {f.severity.label for f in report.findings}


def _failures(failures: Sequence[PairFailure]) -> str:
    if not failures:
        return ""
    items = "".join(f'<li><span class="path">{escape(f.label)}</span>: {escape(f.message)}</li>' for f in failures)
    return f'<section class="failed"><h2>{len(failures)} pair(s) could not be checked</h2><ul>{items}</ul></section>'


def render_html(reports: Sequence[Report], failures: Sequence[PairFailure] = ()) -> str:
    sections, rules, severities = [], set(), set()
    for n, report in enumerate(reports):
        html, r, s = _section(n, report)
        sections.append(html)
        rules |= r
        severities |= s
    boxes = [
        f'<label><input type="checkbox" checked data-kind="severity" value="{sev.label}"> {sev.label}</label>'
        for sev in sorted(Severity, reverse=True)
        if sev.label in severities
    ] + [f'<label><input type="checkbox" checked data-kind="rule" value="{r}"> {r}</label>' for r in sorted(rules)]
    digest = base64.b64encode(hashlib.sha256(_JS.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    total = sum(len(r.findings) for r in reports)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f"<title>mtcheck report</title><style>{_CSS}</style></head><body>"
        f"<header><h1>mtcheck: {total} finding(s)</h1>"
        f'<div class="filters">{"".join(boxes)}</div></header>'
        '<aside><h2>Details</h2><div id="details">Click or hover a highlighted span.</div></aside>'
        f"<main>{_failures(failures)}{''.join(sections)}</main><script>{_JS}</script></body></html>\n"
    )
