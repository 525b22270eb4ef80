"""One check run: read both files, segment, align, run the registered checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mtcheck import __version__
from mtcheck.align import PairScorer, align_documents
from mtcheck.checks.registry import CheckContext, all_checks
from mtcheck.config import Config
from mtcheck.documents.text import build_document, read_text
from mtcheck.glossary import load_glossary
from mtcheck.lang.detect import check_pair, detect_lang
from mtcheck.merge import merge_overlapping
from mtcheck.types import Finding, Report

SKIPPED_TRANSLATION = (
    "translation-model checks (MT5xx back/forward translation) were skipped: no translation model is configured"
)


def check_files(
    source_path: str | Path,
    target_path: str | Path,
    source_lang: str | None = None,
    target_lang: str | None = None,
    scorer: PairScorer | None = None,
    on_step: Callable[[str], None] | None = None,
    config: Config | None = None,
) -> Report:
    """Check one document pair. ``on_step`` hears the name of each stage as it starts
    (the CLI shows it as a status line on long documents)."""
    step = on_step or (lambda _name: None)
    step("reading")
    # Before the documents: a broken glossary should fail at once, not after the alignment.
    glossary = load_glossary(config.glossary, config.do_not_translate) if config is not None else None
    src_text = read_text(source_path)
    tgt_text = read_text(target_path)
    s_lang = source_lang or detect_lang(src_text.text, str(source_path))
    t_lang = target_lang or detect_lang(tgt_text.text, str(target_path))
    check_pair(s_lang, t_lang)
    step("splitting sentences")
    source = build_document(str(source_path), s_lang, src_text.text, src_text.encoding)
    target = build_document(str(target_path), t_lang, tgt_text.text, tgt_text.encoding)
    step(f"aligning {len(source.segments):,} × {len(target.segments):,} sentences")
    alignment = tuple(align_documents(source, target, scorer))
    ctx = CheckContext(source, target, alignment, glossary)
    findings: list[Finding] = []
    for name, check in all_checks():
        step(f"checking: {name}")
        findings.extend(check(ctx))
    if config is not None:
        findings = config.apply(findings, s_lang)
    # After the config: a rule switched off must not absorb, nor hide behind, another.
    findings = merge_overlapping(findings, target)
    findings.sort(key=_order)
    notices = []
    for doc in (source, target):
        if doc.encoding not in ("utf-8", "utf-8-sig"):
            notices.append(f"{doc.path}: not UTF-8, read as {doc.encoding}")
    if scorer is None:
        notices.append(SKIPPED_TRANSLATION)
    signature = f"mtcheck:{__version__}|translator:none|align:gale-church+anchors"
    return Report(source, target, alignment, tuple(findings), tuple(notices), signature)


def _order(f: Finding) -> tuple[int, int, str]:
    target = f.target_span.start if f.target_span else -1
    source = f.source_span.start if f.source_span else -1
    return (target, source, f.rule)
