"""MT403: English tokens that are no words: garbled transliterations, typos, MT inventions.

A token below a frequency floor is suspect. A capitalised one may be a rare name, so it is
accepted when a word of the aligned source sentence, transliterated, has the same consonant
skeleton ("Khinstin" ← Хинштейн, "Kursk" ← 쿠르스크). Reported as info: rare words do exist.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from mtcheck.anchors import skeleton
from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.lang.names_base import english_frequency as zipf
from mtcheck.types import Bead, Finding, Severity, Span

NON_WORD = register_rule(
    Rule(
        "MT403",
        "non-word",
        "Token in the translation is not an English word",
        Severity.INFO,
        "A word of the translation is not in the English word-frequency lists (wordfreq) and, "
        "if capitalised, does not match the transliteration of any word of its source sentence. "
        "Typical causes: a misspelling, a garbled transliteration such as 'Kvir' for 'сквер' "
        "(square), or a word the machine translation made up. Rare words and foreign names do "
        "occur, hence the low severity.",
    )
)
# Below this Zipf value a word is unlisted or as rare as a misspelling that made it into the
# lists; measured on FLORES/NTREX English, where the hits under 1.0 are almost all typos.
FLOOR = 1.0
_MIN_LEN = 3
# Parts of a compound: long and common enough that a typo rarely splits into two of them
# ("breakast" is "break" + "ast": no).
_MIN_PART = 4
_COMMON = 3.5
_COMMON_AFTER_PREFIX = 3.0  # re- + a listed verb form is tighter than any two words glued
_PREFIXES = ("re", "de", "un", "non", "pre", "over", "under", "anti", "counter", "co", "mis", "post", "self")
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z\u00c0-\u024f]+(?:[-'’][A-Za-z\u00c0-\u024f]+)*")
_SOURCE_WORD = {
    "ru": re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*"),
    "ko": re.compile(r"[\uac00-\ud7a3]+"),
}
# Part of an address, handle or file name: not prose.
_CODE_LIKE = re.compile(r"[/@#_\\]|\w\.\w|www|\.com")


@register_check("non-words")
def check_non_words(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.target.lang != "en":
        return
    text = ctx.target.text
    beads = {j: b for b in ctx.alignment for j in b.target}
    starts = [s.span.start for s in ctx.target.segments]
    sources: dict[int, tuple[str, set[str]]] = {}  # by target segment, built on demand
    for m in _WORD.finditer(text):
        for start, end in _parts(m):
            word = text[start:end]
            if not _suspect(word, text, start, end):
                continue
            seg = bisect.bisect_right(starts, start) - 1
            if seg not in sources:
                sources[seg] = _aligned_source(ctx, beads.get(seg))
            if _explained(word, *sources[seg]):
                continue
            yield NON_WORD.finding(
                f"{word!r} is not an English word"
                + (" and matches no name of the source sentence" if word[0].isupper() else ""),
                confidence=0.5,
                target_span=Span(start, end),
                evidence={"zipf": zipf(word)},
            )


def _parts(m: re.Match[str]) -> Iterator[tuple[int, int]]:
    """The hyphen-separated parts of a rare token ("Ednan-Laperouse"), possessive 's dropped."""
    token = re.sub(r"['’]s$", "", m.group())
    if zipf(token) >= FLOOR:
        return
    for part in re.finditer(r"[^-'’]+", token):
        yield m.start() + part.start(), m.start() + part.end()


def _suspect(word: str, text: str, start: int, end: int) -> bool:
    if len(word) < _MIN_LEN or zipf(word) >= FLOOR or _compound(word.lower()):
        return False
    if word.isupper() or (sum(c.isupper() for c in word) > 1 and not word.istitle()):
        return False  # acronyms and brand spellings (NATO, AfCFTA) are MT2xx's to judge
    chunk_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    chunk_end = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return not _CODE_LIKE.search(text[chunk_start:chunk_end])


def _compound(word: str) -> bool:
    """Made of common words: "fourballs", "homewear", "reinjecting" are English, if unlisted."""
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _MIN_PART and zipf(rest) >= _COMMON_AFTER_PREFIX:
            return True
    return any(
        zipf(word[:i]) >= _COMMON and zipf(word[i:]) >= _COMMON for i in range(_MIN_PART, len(word) - _MIN_PART + 1)
    )


def _aligned_source(ctx: CheckContext, bead: Bead | None) -> tuple[str, set[str]]:
    """The aligned source text (lower case) and the skeletons of its words, romanised."""
    span = ctx.source.span_of(bead.source) if bead else None
    pattern = _SOURCE_WORD.get(ctx.source.lang)
    if span is None or pattern is None:
        return "", set()
    source = span.text(ctx.source.text)
    romanise = _romaniser(ctx.source.lang)
    words = pattern.findall(source)
    # "Лонг-Лартин" is "Long Lartin" in English: its parts count as words too.
    words += [part for w in words if "-" in w for part in w.split("-")]
    return source.lower(), {sk for w in words if (sk := _skeleton(romanise(w)))}


def _romaniser(lang: str) -> Callable[[str], str]:
    if lang == "ko":
        from mtcheck.lang.ko import romanize

        return romanize
    from mtcheck.lang.ru import transliterate

    return transliterate


def _skeleton(latin: str) -> str:
    # Korean has no f (ㅍ is p), so 세이풀로 must meet "Sayfullo".
    return skeleton(latin.lower().replace("ph", "p").replace("f", "p"))


def _explained(word: str, source: str, skeletons: set[str]) -> bool:
    """The source has the word itself (in Latin letters), or a source word transliterates to it."""
    if re.search(rf"(?<![^\W\d_]){re.escape(word.lower())}(?![^\W\d_])", source):
        return True
    if not word[0].isupper():
        return False  # a lower-case word is no name: no transliteration excuses it
    sk = _skeleton(word)
    return not sk or any(_same_name(sk, s) for s in skeletons)


def _same_name(a: str, b: str) -> bool:
    """Do two consonant skeletons plausibly spell one name?"""
    n = min(3, len(a))
    # Inflection and spelling shift the end of a name (Хинштейна, Khinstin): the head decides.
    if len(b) >= n and a[:n] == b[:n] and abs(len(a) - len(b)) <= 3:
        return True
    if min(len(a), len(b)) < 3:
        return False
    # One consonant dropped on one side (Burnaston, 버나스톤 "beonaseuton"), the first one kept:
    # "Kvir" against сквер ("skver") loses the first one and stays a garble. One only: "kpl"
    # is in any long enough word (기념비를, "knmpl").
    if a[0] == b[0] and abs(len(a) - len(b)) == 1 and (_subsequence(a, b) or _subsequence(b, a)):
        return True
    # Cz-, K-, Ch- heads for one sound (Czeisler, 체이슬러).
    return a[1:3] == b[1:3] and {a[0], b[0]} <= set("ckj")


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)
