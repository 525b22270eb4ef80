"""Korean: proper nouns (kiwipiepy NNP) and their romanisation."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from mtcheck.translit.korean import rr


class KoToken(NamedTuple):
    """One morpheme of Kiwi's analysis, offsets relative to the sentence it was remembered for."""

    form: str
    tag: str
    start: int
    len: int
    id: int


def name_words(text: str) -> list[tuple[int, int]]:
    """Spans of proper nouns as tagged by Kiwi."""
    return name_words_many([text])[0]


def name_words_many(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Proper-noun spans of many texts."""
    return [[(t.start, t.start + t.len) for t in toks if t.tag == "NNP"] for toks in tokens_many(texts)]


def tokens_many(texts: list[str]) -> list[tuple[KoToken, ...]]:
    """Kiwi's morphemes of many texts; Kiwi analyses a batch several times faster than the same
    texts one by one, and sentences the splitter already analysed are reused."""
    from mtcheck.segment import kiwi

    todo = [t for t in dict.fromkeys(texts) if t not in _TOKENS]
    if todo:
        for text, tokens in zip(todo, kiwi().tokenize(todo), strict=True):
            remember_tokens(text, tokens, 0)
    return [_TOKENS[t] if t in _TOKENS else tokens_many([t])[0] for t in texts]


# Sentence text → its morphemes, filled by the sentence splitter's analysis: the name anchors
# and the names check read them instead of analysing every sentence a second time.
_TOKENS: dict[str, tuple[KoToken, ...]] = {}
_TOKENS_LIMIT = 200_000


def remember_tokens(sentence: str, tokens: Iterable[Any], offset: int) -> None:
    """Keep Kiwi tokens (any objects with form, tag, start, len, id) whose offsets are ``offset``
    plus their position in ``sentence``."""
    if len(_TOKENS) >= _TOKENS_LIMIT:
        _TOKENS.clear()
    _TOKENS[sentence] = _joined_names(
        sentence,
        tuple(
            KoToken(t.form, t.tag, t.start - offset, t.len, t.id)
            for t in tokens
            if 0 <= t.start - offset <= len(sentence) - t.len
        ),
    )


# Kiwi cuts a Korean full name its model does not favour into pieces: 황인범 as 황인/NNP + 범/NNG,
# 설영우 as 설/영/우, 한동훈은 as 한/MM 동 후 + ᆫ (one name in five of a list of 50 athletes and
# politicians). Pieces of one syllable (a two-syllable proper noun first) that make up a
# three-syllable word of its own, shaped as surname + given name, are joined again.
_PIECE_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "MM", "MAG", "NP"})
_HANGUL3 = re.compile(r"[가-힣]{3}")


def _joined_names(sentence: str, toks: tuple[KoToken, ...]) -> tuple[KoToken, ...]:
    out: list[KoToken] = []
    i = 0
    while i < len(toks):
        end = _split_name_end(sentence, toks, i)
        if end is None:
            out.append(toks[i])
            i += 1
            continue
        start = toks[i].start
        out.append(KoToken(sentence[start : start + 3], "NNP", start, 3, 0))
        # A particle Kiwi read inside the last syllable (훈 → 후 + ᆫ) stays a particle.
        out.extend(t for t in toks[i:end] if t.tag.startswith("J"))
        i = end
    return tuple(out)


def _split_name_end(sentence: str, toks: tuple[KoToken, ...], i: int) -> int | None:
    """Where the pieces of a split name starting at token ``i`` end (the next token's index)."""
    first = toks[i]
    s = first.start
    if first.len > 2 or (s > 0 and sentence[s - 1].isalnum()) or not _HANGUL3.fullmatch(sentence[s : s + 3]):
        return None
    j = i
    while j < len(toks) and toks[j].start < s + 3:
        j += 1
    pieces = toks[i:j]
    if len(pieces) < 2 or any(p.start + p.len > s + 3 for p in pieces):
        return None  # one word Kiwi knows (전문가), or a piece running past the three syllables
    for k, p in enumerate(pieces):
        if p.tag.startswith("J") and k == len(pieces) - 1 and p.start == pieces[k - 1].start:
            continue  # inside the syllable before it (훈 → 후 + ᆫ); a particle of its own ends a shorter word
        if p.tag not in _PIECE_TAGS or (p.len > 1 and not (k == 0 and p.tag == "NNP" and p.len == 2)):
            return None
    particle = j < len(toks) and toks[j].tag.startswith("J")
    if s + 3 < len(sentence) and "가" <= sentence[s + 3] <= "힣" and not particle:
        return None  # the word goes on, and not with a particle
    from mtcheck import gazetteer
    from mtcheck.lang.names_ko import is_korean_full_name

    if first.len == 2 and gazetteer.english_names(first.form):
        return None  # 한국 + 인: a place and a suffix
    return j if is_korean_full_name(sentence[s : s + 3]) else None


def romanize(word: str) -> str:
    """Revised Romanization of Korean, with its sound changes (신라 → silla)."""
    return rr(word)


# Korean news clips a country to one syllable inside a word: 대북 제재 (sanctions on North Korea),
# 한미 동맹, 미중 무역, 방북, 탈북. What no gazetteer holds: the syllables and the words they make.
_CLIPPED_COUNTRIES = {
    "북": ("북한", "조선"),
    "남": ("한국",),
    "한": ("한국",),
    "미": ("미국",),
    "중": ("중국",),
    "일": ("일본",),
    "러": ("러시아",),
}
# Syllables that make such a word with one country: toward, visiting, pro-, anti-, fleeing, stationed in.
_CLIPPED_PREFIXES = frozenset("대방친반탈월주재")
# Words of that shape that mean something else: 대중 the public, 대미 the finale, 재미 fun, 주중 and
# 주일 weekdays and a week, 반일 half a day, 대일 a large day, 남한 (the gazetteer's own name).
_NOT_CLIPPED = frozenset({"대중", "대미", "재미", "주중", "주일", "반일", "대일", "남한", "대한", "중일", "일중"})
# Particles, and nouns Korean joins to such a word (북측 the North's side, 북핵, 미군), after it.
_CLIPPED_TAILS = tuple("에서 으로 과 와 의 은 는 이 가 을 를 에 도 로 간 측 핵 군".split())
_HANGUL_WORD = re.compile(r"[가-힣]+")


def clipped_countries(text: str) -> frozenset[str]:
    """The Korean names of the countries a text names by a clipped syllable inside a word (대북:
    북한 and 조선, the second a name of Korea too; 한미: 한국, 미국): two or three country syllables
    (남북, 한미일), or one after a prefix (대북, 방미, 탈북), with a particle or 측/핵/군 after it."""
    return frozenset().union(*(_clipped_in(word) for word in _HANGUL_WORD.findall(text)))


# News repeats its words: each is read once.
@functools.lru_cache(maxsize=65536)
def _clipped_in(word: str) -> frozenset[str]:
    core = next((word[: -len(t)] for t in _CLIPPED_TAILS if word.endswith(t) and len(word) > len(t) + 1), word)
    if core in _NOT_CLIPPED or not 2 <= len(core) <= 3:
        return frozenset()
    if all(c in _CLIPPED_COUNTRIES for c in core) and len(set(core)) == len(core):
        return frozenset().union(*(_CLIPPED_COUNTRIES[c] for c in core))
    if len(core) == 2 and core[0] in _CLIPPED_PREFIXES and core[1] in _CLIPPED_COUNTRIES:
        return frozenset(_CLIPPED_COUNTRIES[core[1]])
    return frozenset()
