"""One check run: read both files, segment, align, run the registered checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck import __version__
from mtcheck.align import PairScorer, align_documents
from mtcheck.checks.registry import CheckContext, Translations, all_checks
from mtcheck.config import Config
from mtcheck.documents.text import build_document, read_text
from mtcheck.errors import UsageError
from mtcheck.lang.detect import check_pair, detect_lang
from mtcheck.types import Document, Finding, Report

if TYPE_CHECKING:
    from mtcheck.translate.base import Translator

SKIPPED_TRANSLATION = (
    "translation-model checks (MT5xx back/forward translation) were skipped: no translation model is configured"
)
SKIPPED_BACK = "MT501 low-similarity was skipped: it needs both a forward and a back translation model"


def skipped_notice(missing: list[str]) -> str:
    """The skip notice with the exact command that enables the checks."""
    pulls = " && ".join(f"mtcheck models pull {d}" for d in missing)
    return f"{SKIPPED_TRANSLATION}; enable them with `{pulls}` (or pass --model DIR / --back-model DIR)"


def check_files(
    source_path: str | Path,
    target_path: str | Path,
    source_lang: str | None = None,
    target_lang: str | None = None,
    scorer: PairScorer | None = None,
    on_step: Callable[[str], None] | None = None,
    config: Config | None = None,
    forward: Translator | None = None,
    back: Translator | None = None,
    missing_models: list[str] | None = None,
) -> Report:
    """Check one document pair. ``on_step`` hears the name of each stage as it starts
    (the CLI shows it as a status line on long documents).

    ``forward`` translates source → target and ``back`` target → source; with a forward
    translator and no ``scorer``, alignment also uses the forward translations. Without
    either, ``missing_models`` (directions) goes into the skip notice's command.
    """
    step = on_step or (lambda _name: None)
    step("reading")
    src_text = read_text(source_path)
    tgt_text = read_text(target_path)
    s_lang = source_lang or detect_lang(src_text.text, str(source_path))
    t_lang = target_lang or detect_lang(tgt_text.text, str(target_path))
    check_pair(s_lang, t_lang)
    step("splitting sentences")
    source = build_document(str(source_path), s_lang, src_text.text, src_text.encoding)
    target = build_document(str(target_path), t_lang, tgt_text.text, tgt_text.encoding)
    translations = None
    if forward is not None or back is not None:
        import importlib.util

        if importlib.util.find_spec("sacrebleu") is None:
            # The HTTP backends need nothing else; the scoring needs chrF.
            raise UsageError("the translation checks need sacrebleu: pip install 'mtcheck[translate]'")
        translations = _translate(source, target, forward, back, step)
        if scorer is None and translations.forward is not None:
            from mtcheck.checks.similarity import ForwardScorer

            scorer = ForwardScorer(source, translations.forward)
    step(f"aligning {len(source.segments):,} × {len(target.segments):,} sentences")
    alignment = tuple(align_documents(source, target, scorer))
    ctx = CheckContext(source, target, alignment, translations)
    findings: list[Finding] = []
    for name, check in all_checks():
        step(f"checking: {name}")
        findings.extend(check(ctx))
    if config is not None:
        findings = config.apply(findings, s_lang)
    findings.sort(key=_order)
    notices = []
    for doc in (source, target):
        if doc.encoding not in ("utf-8", "utf-8-sig"):
            notices.append(f"{doc.path}: not UTF-8, read as {doc.encoding}")
    if translations is None and scorer is None:
        default = [f"{s_lang}-{t_lang}", f"{t_lang}-{s_lang}"]
        notices.append(skipped_notice(missing_models or default))
    elif translations is None or translations.forward is None or translations.back is None:
        notices.append(f"{SKIPPED_BACK}; enable it with `{_pulls(missing_models)}` (or pass --model/--back-model)")
    translator = "none"
    if translations is not None:
        translator = f"forward={translations.forward_signature or '-'},back={translations.back_signature or '-'}"
    signature = f"mtcheck:{__version__}|translator:{translator}|align:gale-church+anchors"
    return Report(source, target, alignment, tuple(findings), tuple(notices), signature)


def _order(f: Finding) -> tuple[int, int, str]:
    target = f.target_span.start if f.target_span else -1
    source = f.source_span.start if f.source_span else -1
    return (target, source, f.rule)


def _pulls(missing: list[str] | None) -> str:
    return " && ".join(f"mtcheck models pull {d}" for d in missing or []) or "mtcheck models list"


def _translate(
    source: Document,
    target: Document,
    forward: Translator | None,
    back: Translator | None,
    step: Callable[[str], None],
) -> Translations:
    fwd = bck = None
    if forward is not None:
        step(f"translating {len(source.segments):,} sentences {source.lang}→{target.lang}")
        fwd = tuple(forward.translate([s.text for s in source.segments], source.lang, target.lang))
    if back is not None:
        step(f"translating {len(target.segments):,} sentences {target.lang}→{source.lang}")
        bck = tuple(back.translate([s.text for s in target.segments], target.lang, source.lang))
    return Translations(
        fwd,
        bck,
        str(forward.signature()) if forward is not None else "",
        str(back.signature()) if back is not None else "",
    )
