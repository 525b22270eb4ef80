"""MT602: a glossary term of the source whose required English is missing from the translation.

Russian terms are found by lemma, so "Курской области" matches the entry "Курская область";
Korean terms by substring at a word start, which takes in the particles that follow
("쿠르스크주에서" holds "쿠르스크주"). The English rendering is looked for in the aligned target
sentences, ignoring case and allowing plural and possessive endings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.glossary import Entry
from mtcheck.lang.lemma import words
from mtcheck.types import Finding, Severity, Span

GLOSSARY = register_rule(
    Rule(
        "MT602",
        "glossary",
        "A glossary term is not translated as the glossary requires",
        Severity.WARNING,
        "A term of the user glossary (--glossary, or glossary = ... in the config; CSV "
        "source,target[,note] or TBX) occurs in the source sentence, but none of its required "
        "English renderings is in the translation of that sentence. Terms marked do-not-translate "
        "(glossary note 'do not translate', or do-not-translate = [...] in the config) must "
        "appear in the translation exactly as in the source.",
    )
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@register_check("glossary")
def check_glossary(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.glossary is None or ctx.target.lang != "en":
        return
    entries = ctx.glossary.for_lang(ctx.source.lang)
    if not entries:
        return
    for pair in ctx.pairs():
        src_span, tgt_span, source, target = pair.source_span, pair.target_span, pair.source, pair.target
        sentence = _Sentence(source)
        for entry in entries:
            at = sentence.find(entry.source, ctx.source.lang)
            if at is None or rendered(entry, target):
                continue
            where = Span(src_span.start + at[0], src_span.start + at[1])
            term = source[at[0] : at[1]]
            if entry.dnt:
                message = f"{term!r} is marked do-not-translate but does not appear verbatim in the translation"
                suggestion = entry.source
            else:
                wanted = " or ".join(repr(t) for t in entry.targets)
                message = f"{term!r} must be translated as {wanted} (glossary)"
                suggestion = entry.targets[0]
            yield GLOSSARY.finding(
                message,
                confidence=0.8,
                source_span=where,
                target_span=tgt_span,
                suggestion=suggestion,
                evidence={"term": entry.source, "required": list(entry.targets) or [entry.source], "note": entry.note},
            )


class _Sentence:
    """A source sentence with its words' lemmas indexed, so that a large glossary costs a
    dictionary lookup per term, not a scan of the sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: list[tuple[int, int, frozenset[str]]] | None = None
        self._index: dict[str, list[int]] = {}

    def find(self, term: str, lang: str) -> tuple[int, int] | None:
        """Where the glossary term occurs in the sentence, or None."""
        if not re.search(r"[^\W\d_]", term) or (lang == "ko" and _HANGUL.search(term)):
            return _substring(term, self.text, whole=False, ignore_case=True)
        if not re.search(r"[\u0400-\u04ff]", term):
            return _substring(term, self.text, whole=True, ignore_case=False)
        if self._words is None:
            self._words = words(self.text)
            for i, (_, _, lemmas) in enumerate(self._words):
                for lemma in lemmas:
                    self._index.setdefault(lemma, []).append(i)
        have = self._words
        wanted = _term_words(term)
        starts = sorted({i for lemma in wanted[0] for i in self._index.get(lemma, ())})
        for i in starts:
            window = have[i : i + len(wanted)]
            if len(window) == len(wanted) and all(w & h[2] for w, h in zip(wanted, window, strict=True)):
                return have[i][0], have[i + len(wanted) - 1][1]
        return None


@functools.lru_cache(maxsize=65536)
def _term_words(term: str) -> tuple[frozenset[str], ...]:
    return tuple(w[2] for w in words(term))


def find_term(term: str, text: str, lang: str) -> tuple[int, int] | None:
    """Where the glossary term occurs in a source sentence, or None."""
    return _Sentence(text).find(term, lang)


def _substring(term: str, text: str, *, whole: bool, ignore_case: bool) -> tuple[int, int] | None:
    # Korean: the term may carry particles after it, but must start a word; Latin terms
    # (do-not-translate names, codes) are whole words and case matters.
    pattern = r"(?<![^\W_])" + re.escape(term.strip()) + (r"(?![^\W_])" if whole else "")
    m = re.search(pattern, text, re.IGNORECASE if ignore_case else 0)
    return m.span() if m else None


def rendered(entry: Entry, target: str) -> bool:
    """Does the target sentence contain the required rendering (or, for do-not-translate, the
    term itself, verbatim)?"""
    if entry.dnt:
        return re.search(r"(?<![^\W_])" + re.escape(entry.source) + r"(?![^\W_])", target) is not None
    return any(re.search(_english_pattern(t), target, re.IGNORECASE) for t in entry.targets)


def _english_pattern(term: str) -> str:
    # "Kursk Region" also matches "Kursk region's", "monument" also "monuments".
    parts = [re.escape(w) for w in re.split(r"[\s-]+", term.strip()) if w]
    return r"(?<![^\W_])" + r"[\s-]+".join(parts) + r"(?:s|es|['’]s)?(?![^\W_])"
