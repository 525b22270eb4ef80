"""One check run: read the input(s), segment, align (unless the file pairs them), translate
when models are given, run the checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mtcheck import __version__
from mtcheck.align import PairScorer, align_documents
from mtcheck.checks.registry import CheckContext, Translations, all_checks
from mtcheck.config import NO_LEXICON, Config
from mtcheck.documents.inputs import build, kind_of, load_bilingual, load_keyed_pair, load_text
from mtcheck.errors import InputError, UsageError
from mtcheck.glossary import Glossary, load_glossary
from mtcheck.lang.detect import check_pair, detect_lang
from mtcheck.lexicon import Lexicon, bundled
from mtcheck.lexicon import load as load_lexicon
from mtcheck.limits import applied
from mtcheck.merge import merge_overlapping
from mtcheck.types import Bead, Document, Finding, Report

if TYPE_CHECKING:
    from mtcheck.translate.base import Translator
    from mtcheck.translate.load import PairTranslators

SKIPPED_TRANSLATION = (
    "translation-model checks (MT5xx back/forward translation) were skipped: no translation model is configured"
)
SKIPPED_BACK = "MT501 low-similarity was skipped: it needs both a forward and a back translation model"


def skipped_notice(missing: list[str]) -> str:
    """The skip notice with the exact command that enables the checks."""
    pulls = " && ".join(f"mtcheck models pull {d}" for d in missing)
    return f"{SKIPPED_TRANSLATION}; enable them with `{pulls}` (or pass --model DIR / --back-model DIR)"


@dataclass(frozen=True)
class LoadedPair:
    """Both sides of a pair read and split into sentences; ``alignment`` when the format pairs
    them itself (XLIFF, PO, TMX, CSV/TSV, two JSON files)."""

    source: Document
    target: Document
    alignment: tuple[Bead, ...] | None = None


def read_pair(
    source_path: str | Path,
    target_path: str | Path | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    on_step: Callable[[str], None] | None = None,
) -> LoadedPair:
    """Read one document pair, or one bilingual file when ``target_path`` is None."""
    step = on_step or (lambda _name: None)
    if target_path is None:
        if kind_of(source_path) != "bilingual":
            raise InputError(f"{source_path} is not a bilingual file (XLIFF, PO, TMX, CSV, TSV); give a TARGET too")
        paired = load_bilingual(source_path, source_lang, target_lang)
        return LoadedPair(paired.source, paired.target, paired.alignment)
    if kind_of(source_path) == "keyed" and kind_of(target_path) == "keyed":
        paired = load_keyed_pair(source_path, target_path, source_lang, target_lang)
        return LoadedPair(paired.source, paired.target, paired.alignment)
    for path in (source_path, target_path):
        if kind_of(path) in ("bilingual", "keyed"):
            raise InputError(f"{path} pairs its strings itself; check it alone (or two JSON files together)")
    src_text, src_enc = load_text(source_path)
    tgt_text, tgt_enc = load_text(target_path)
    s_lang = source_lang or detect_lang(src_text, str(source_path))
    t_lang = target_lang or detect_lang(tgt_text, str(target_path))
    check_pair(s_lang, t_lang)
    step("splitting sentences")
    return LoadedPair(build(source_path, s_lang, src_text, src_enc), build(target_path, t_lang, tgt_text, tgt_enc))


def check_files(
    source_path: str | Path,
    target_path: str | Path | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    scorer: PairScorer | None = None,
    on_step: Callable[[str], None] | None = None,
    config: Config | None = None,
    forward: Translator | None = None,
    back: Translator | None = None,
    missing_models: list[str] | None = None,
    translators: Callable[[str, str], PairTranslators | None] | None = None,
) -> Report:
    """Check one document pair, or one bilingual file (XLIFF, PO, TMX, CSV/TSV) when
    ``target_path`` is None. ``on_step`` hears the name of each stage as it starts (the CLI
    shows it as a status line on long documents).

    ``forward`` translates source → target and ``back`` target → source; with a forward
    translator and no ``scorer``, alignment also uses the forward translations. Without
    either, ``missing_models`` (directions) goes into the skip notice's command.
    ``translators``, when given, makes them once the languages are known.
    """
    step = on_step or (lambda _name: None)
    step("reading")
    with applied(config.limits if config is not None else None):
        # Before the documents: a broken glossary should fail at once, not after the alignment.
        glossary = load_glossary(config.glossary, config.do_not_translate) if config is not None else None
        lexicon = _lexicon(config)
        pair = read_pair(source_path, target_path, source_lang, target_lang, step)
    if translators is not None and forward is None and back is None:
        made = translators(pair.source.lang, pair.target.lang)
        if made is not None:
            forward, back, missing_models = made.forward, made.back, made.missing
    return check_documents(
        pair.source,
        pair.target,
        pair.alignment,
        scorer=scorer,
        on_step=step,
        config=config,
        glossary=glossary,
        forward=forward,
        back=back,
        missing_models=missing_models,
        lexicon=lexicon,
    )


def _lexicon(config: Config | None) -> Lexicon | Literal["bundled"] | None:
    if config is None or config.lexicon is None:
        return "bundled"
    if config.lexicon == NO_LEXICON:
        return None
    return load_lexicon(config.lexicon)


def check_documents(
    source: Document,
    target: Document,
    alignment: tuple[Bead, ...] | None = None,
    *,
    scorer: PairScorer | None = None,
    on_step: Callable[[str], None] | None = None,
    config: Config | None = None,
    glossary: Glossary | None = None,
    forward: Translator | None = None,
    back: Translator | None = None,
    missing_models: list[str] | None = None,
    lexicon: Lexicon | Literal["bundled"] | None = "bundled",
) -> Report:
    """Run the checks on two Documents; ``alignment`` given by a paired format is used as is.
    ``lexicon`` helps the alignment: by default the one mtcheck ships for the language pair."""
    step = on_step or (lambda _name: None)
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
    aligner = "given"
    if alignment is None:
        step(f"aligning {len(source.segments):,} × {len(target.segments):,} sentences")
        if lexicon == "bundled":
            lexicon = bundled(source.lang, target.lang)
        alignment = tuple(align_documents(source, target, scorer, lexicon))
        aligner = "gale-church+anchors"
        if lexicon is not None and lexicon.serves(source.lang, target.lang):
            aligner += f"+lexicon:{lexicon.source}-{lexicon.target}/{len(lexicon)}"
    ctx = CheckContext(source, target, alignment, glossary, translations)
    findings: list[Finding] = []
    for name, check in all_checks():
        step(f"checking: {name}")
        findings.extend(check(ctx))
    step(f"merging {len(findings):,} findings")
    if config is not None:
        findings = config.apply(findings, source.lang)
    # After the config: a rule switched off must not absorb, nor hide behind, another.
    findings = merge_overlapping(findings, target)
    findings.sort(key=_order)
    notices = []
    for doc in (source, target) if target.path != source.path else (source,):
        if doc.encoding not in ("utf-8", "utf-8-sig"):
            notices.append(f"{doc.path}: not UTF-8, read as {doc.encoding}")
    s_lang, t_lang = source.lang, target.lang
    if translations is None and scorer is None:
        default = [f"{s_lang}-{t_lang}", f"{t_lang}-{s_lang}"]
        notices.append(skipped_notice(missing_models or default))
    elif translations is None or translations.forward is None or translations.back is None:
        notices.append(f"{SKIPPED_BACK}; enable it with `{_pulls(missing_models)}` (or pass --model/--back-model)")
    translator = "none"
    if translations is not None:
        translator = f"forward={translations.forward_signature or '-'},back={translations.back_signature or '-'}"
    signature = f"mtcheck:{__version__}|translator:{translator}|align:{aligner}"
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
