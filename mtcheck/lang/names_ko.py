"""Korean names in a text (Kiwi NNP) and the English renderings each may take.

A Korean proper noun is either a Korean name (romanised by Revised Romanization, McCune–Reischauer
or personal-name habit: 김정은 → Kim Jong Un) or a Hangul transcription of a foreign name
(힌시테인 → Khinshtein), which is matched back to Latin jamo by jamo.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace

from mtcheck import gazetteer
from mtcheck.lang import ko
from mtcheck.lang.ko import KoToken
from mtcheck.lang.lattice import Choice, Lattice, Letters, Path, choices
from mtcheck.lang.name_tables import ACRONYMS, KO_SURNAMES, NAME_NOUNS, NameNoun
from mtcheck.lang.names_base import (
    ACRONYM,
    LETTER_BY_LETTER,
    PERSON,
    PLACE,
    NounPart,
    SourceName,
    compact,
    english_frequency,
)
from mtcheck.translit.judge import korean_origin
from mtcheck.translit.korean import readings, rr, transliteration

_INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIAL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINAL = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"

# Latin for each jamo, most usual first. Native: Korean names and places (RR, McCune–Reischauer
# without diacritics, personal-name habit). Foreign: what a Hangul transcription stands for.
_NATIVE_INITIAL = {
    "ㄱ": ("g", "k"), "ㄲ": ("kk", "k", "gg"), "ㄴ": ("n",), "ㄷ": ("d", "t"), "ㄸ": ("tt", "t", "dd"),
    "ㄹ": ("r", "l", "n"), "ㅁ": ("m",), "ㅂ": ("b", "p"), "ㅃ": ("pp", "p", "bb"), "ㅅ": ("s", "sh"),
    "ㅆ": ("ss", "s"), "ㅇ": ("",), "ㅈ": ("j", "ch"), "ㅉ": ("jj", "tch", "ch"), "ㅊ": ("ch",), "ㅋ": ("k",),
    "ㅌ": ("t",), "ㅍ": ("p",), "ㅎ": ("h",),
}  # fmt: skip
_NATIVE_MEDIAL = {
    "ㅏ": ("a",), "ㅐ": ("ae", "ai"), "ㅑ": ("ya",), "ㅒ": ("yae",), "ㅓ": ("eo", "o", "u"), "ㅔ": ("e",),
    "ㅕ": ("yeo", "yo", "yu", "you", "yuh"), "ㅖ": ("ye",), "ㅗ": ("o", "oh"), "ㅘ": ("wa",), "ㅙ": ("wae",),
    "ㅚ": ("oe", "oi"),
    "ㅛ": ("yo",), "ㅜ": ("u", "oo", "woo"), "ㅝ": ("wo",), "ㅞ": ("we",), "ㅟ": ("wi",), "ㅠ": ("yu", "yoo"),
    "ㅡ": ("eu", "u"), "ㅢ": ("ui", "i", "ee"), "ㅣ": ("i", "ee", "y"),
}  # fmt: skip
_NATIVE_FINAL = {
    " ": ("",), "ㄱ": ("k", "g"), "ㄴ": ("n",), "ㄷ": ("t", "d"), "ㄹ": ("l", "r"), "ㅁ": ("m",), "ㅂ": ("p", "b"),
    "ㅅ": ("t", "s"), "ㅇ": ("ng",), "ㅈ": ("t",), "ㅊ": ("t",), "ㅋ": ("k",), "ㅌ": ("t",), "ㅍ": ("p",),
    "ㅎ": ("t", "h"), "ㄲ": ("k",), "ㅆ": ("t", "ss"),
}  # fmt: skip
_FOREIGN_INITIAL = {
    "ㄱ": ("g", "k", "gh"), "ㄲ": ("k",), "ㄴ": ("n",), "ㄷ": ("d", "t"), "ㄸ": ("t",), "ㄹ": ("r", "l"),
    "ㅁ": ("m",), "ㅂ": ("b", "v", "w"), "ㅃ": ("p",), "ㅅ": ("s", "z", "th", "c", "ts"), "ㅆ": ("ss", "s"),
    "ㅇ": ("", "h"), "ㅈ": ("j", "z", "dzh", "g", "dj", "zh"), "ㅉ": ("ts", "tz", "z"),
    "ㅊ": ("ch", "ts", "tch", "c", "tz", "z", "cz"), "ㅋ": ("k", "c", "ck", "kh", "q", "ch"), "ㅌ": ("t", "th"),
    "ㅍ": ("p", "f", "ph", "v"), "ㅎ": ("h", "kh", "ch"),
}  # fmt: skip
_FOREIGN_MEDIAL = {
    "ㅏ": ("a",), "ㅐ": ("e", "a", "ai", "ay"), "ㅑ": ("ya", "ia", "ja"), "ㅒ": ("ye",),
    "ㅓ": ("o", "u", "e", "a", "er"), "ㅔ": ("e", "ei", "ey", "ai", "ay"), "ㅕ": ("yo", "ye", "io", "e"),
    "ㅖ": ("ye", "e"), "ㅗ": ("o", "au", "ow", "oh"),
    "ㅘ": ("wa", "oi", "ua"), "ㅙ": ("wae", "we"), "ㅚ": ("oe", "we", "wei"), "ㅛ": ("yo", "io", "jo"),
    "ㅜ": ("u", "oo", "ou", "w"), "ㅝ": ("wo", "wa", "uo"), "ㅞ": ("we",), "ㅟ": ("wi", "ui"),
    "ㅠ": ("yu", "iu", "ju", "u"), "ㅡ": ("", "u", "e", "o", "i"), "ㅢ": ("ui", "i"), "ㅣ": ("i", "y", "ee", "ie", "e"),
}  # fmt: skip
_FOREIGN_FINAL = {
    " ": ("",), "ㄱ": ("k", "c", "ck", "g"), "ㄴ": ("n", "ne"), "ㄹ": ("l", "ll", "r"), "ㅁ": ("m", "me"),
    "ㅂ": ("p", "b"), "ㅅ": ("t", "s"), "ㅇ": ("ng", "n"), "ㅆ": ("t",),
}  # fmt: skip
_UNKNOWN_ID = 9
# Syllables Korean given names are made of (a generous list); transcriptions use many others.
_GIVEN_NAME_SYLLABLES = frozenset(
    "가각간갑강개건걸경계고공관광교구국군권규균근금기길나남내녀년노다단달담대덕도돈동두득라란래량련렬령례록룡류"
    "륜률린림마만명모목무문미민박반방배백범법병보복본봉분빈사산삼상새생서석선설섭성세소솔송수숙순술숭슬승시식신실"
    "심아안애야양언엄여연열염엽영예오옥온완왕요용우욱운웅원월위유육윤율은을음의이익인일임자작장재전점정제조종주준"
    "중지직진질집찬창채처천철청초춘충치탁태택판평표필하학한해행향허헌혁현형혜호홍화환활황회효후훈휘희"
    # Native and rarer Sino-Korean syllables (손흥민, 한별, 하늘), none of which English transcriptions use.
    "흥흠겸결별봄빛샘협곤묵벽늘름"
)
_ORG_ENDINGS = "당부청회단교국원사군구"
# Landform nouns that end a Korean place name (한반도 = Korean peninsula, 서해안 = west coast),
# whose first syllable may look like a surname; English translates them rather than spell them.
_GEOGRAPHIC_NOUNS = (
    "반도", "해안", "연안", "해협", "산맥", "평야", "고원", "제도", "대양", "해역", "사막", "분지", "열도",
)  # fmt: skip
# Suffixes a Korean place name carries that English renders as a word or drops.
_PLACE_SUFFIXES = ("특별시", "광역시", "주", "시", "도", "군", "구")
# The suffixes of cities, counties and districts romanised on a gazetteer name (Seongnam-si),
# which English drops (Seongnam) or translates (Seongnam City).
_ROMANISED_SUFFIX = re.compile(r"-(?:si|gun|gu|teukbyeolsi|gwangyeoksi|teukbyeoljachisi)$")


def _jamo(syllable: str) -> tuple[str, str, str] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return _INITIAL[code // 588], _MEDIAL[(code % 588) // 28], _FINAL[code % 28]


def _syllable_options(syl: str, nxt: str | None, foreign: bool) -> list[str]:
    j = _jamo(syl)
    if j is None:
        return [syl.lower()]
    ini, med, fin = j
    tables = (_FOREIGN_INITIAL, _FOREIGN_MEDIAL, _FOREIGN_FINAL) if foreign else (
        _NATIVE_INITIAL, _NATIVE_MEDIAL, _NATIVE_FINAL)  # fmt: skip
    inits, meds = list(tables[0].get(ini, ("",))), list(tables[1].get(med, ("",)))
    fins = list(tables[2].get(fin, ("",)))
    if foreign and ini in "ㅅㅈㅊ" and med in "ㅑㅕㅛㅠㅒㅖ":
        # 쇼, 샤, 슈, 쥬, 챠: English and Russian sh, zh, ch before a vowel (Shoigu, Zhukov).
        inits += {"ㅅ": ["sh"], "ㅈ": ["zh", "j"], "ㅊ": ["ch"]}[ini]
        meds += [m[1:] for m in meds if m.startswith("y")]
    nj = _jamo(nxt) if nxt else None
    if fin == "ㄹ" and nj and nj[0] == "ㄹ":
        fins.append("")  # 젤렌 = Ze-len: Korean doubles an l between vowels
    if foreign and med == "ㅣ" and nxt is None:
        meds += ["iy", "yy", "ii", "yi"]  # Ukrainian and Russian -ий: Zelenskyy, Zelenskiy
    if foreign and ini in "ㅅㅈㅊ" and med == "ㅣ" and fin == " ":
        # 시/지/치 with no vowel of their own: Russian ш, ж, ч before a consonant or at the end.
        nj = _jamo(nxt) if nxt else None
        if nxt is None or (nj and nj[0] != "ㅇ"):
            whole = {"ㅅ": ("sh", "shi", "si", "sch"), "ㅈ": ("zh", "j", "ji", "zhi"), "ㅊ": ("ch", "chi", "tch")}
            return list(whole[ini])
    # Most usual first: the rank of a combination is the sum of its jamo ranks.
    ranked = sorted(
        ((a + b + c, i + m + f) for a, i in enumerate(inits) for b, m in enumerate(meds) for c, f in enumerate(fins)),
        key=lambda x: x[0],
    )
    return list(dict.fromkeys(s for _, s in ranked))


def _options(word: str, foreign: bool) -> list[list[str]]:
    word = word.replace(" ", "")
    return [_syllable_options(s, word[k + 1] if k + 1 < len(word) else None, foreign) for k, s in enumerate(word)]


@functools.lru_cache(maxsize=8192)
def pattern(word: str, foreign: bool) -> Path:
    """The renderings of a Hangul word over compact Latin: one choice per syllable."""
    return choices(*_options(word, foreign))


@functools.lru_cache(maxsize=8192)
def candidates(word: str, foreign: bool, limit: int = 4000) -> tuple[str, ...]:
    """Likely renderings, most usual first: a few options per syllable, fewer for long words."""
    opts = _options(word, foreign)
    width = 4
    while width > 1 and functools.reduce(lambda a, o: a * min(len(o), width), opts, 1) > limit:
        width -= 1
    return tuple("".join(p) for p in itertools.product(*(o[:width] for o in opts)))


# Below this, the Hangul letter model reads a word as a foreign name (런던 -0.9, 팔루 -1.1) rather
# than a Korean one (을지로 -0.4, 신라 -0.2); 93% / 97% of held-out places at 0, see translit.fit.
_FOREIGN_ORIGIN = -0.6


def loanword(word: str) -> bool:
    """Whether a Hangul word reads as a transcription: it has a syllable of the vowel ㅡ with no
    final (스, 크, 트, 르, 프), which Korean writes to spell a bare foreign consonant, or one of
    the foreign -son, -ton, -pen endings (슨, 튼, 픈, 즌: 심슨, 노튼, 오픈, 시즌), which Korean
    words do not have."""
    return any(
        (j := _jamo(s)) is not None and j[1] == "ㅡ" and (j[2] == " " or (j[2] == "ㄴ" and j[0] in "ㅅㅌㅍㅈ"))
        for s in word
    )


def _korean_person(word: str) -> tuple[frozenset[str], Path, str, frozenset[str]] | None:
    """(accepted, spellings, suggestion, surnames) for a Korean personal name: surname + one or two
    syllables."""
    # Three syllables is the Korean full name; two-syllable words are as often foreign (마틴, 심슨),
    # and organisations end in 당, 부, 청… (민주당 is a party, not Mr Min).
    if len(word) != 3 or loanword(word) or word[-1] in _ORG_ENDINGS:
        return None
    if not all(syl in _GIVEN_NAME_SYLLABLES for syl in word[1:]):
        return None  # 서머셋, 유로파, 선데이: a surname syllable, but no Korean given name
    if word.endswith(_GEOGRAPHIC_NOUNS):
        return None  # 한반도, 서해안: a place named by a landform noun, not Mr Han Ban-do
    for cut in (2, 1):
        surname = KO_SURNAMES.get(word[:cut]) if cut == 1 else None
        if surname and 2 <= len(word) - cut + 1 <= 3:
            given = word[cut:]
            spellings = (*choices([compact(s) for s in surname]), *pattern(given, False))
            sug_given = "-".join(o[0] for o in _options(given, False)).capitalize()
            accepted = frozenset(compact(s) + g for s in surname for g in candidates(given, False, 500))
            return accepted, spellings, f"{surname[0]} {sug_given}", frozenset(compact(s) for s in surname)
    return None


def is_korean_full_name(word: str) -> bool:
    """Whether ``word`` is shaped as a Korean full name: surname and given-name syllables."""
    return _korean_person(word) is not None


# Last syllables of Korean place names, each a common noun of its own (mountain, river, temple,
# palace, gate, bridge, station, stream, lake, peak, port, island, and the units of
# administration): a word Kiwi knows that ends in one is a place, not a person (한라산 is no Mr Han).
_PLACE_FINALS = frozenset("산강사궁문교역천호봉항도섬동리읍면군구시")


@functools.lru_cache(maxsize=8192)
def _common_tail(word: str) -> str | None:
    """The common noun a Korean place name ends in (마을 in 하회마을, 공원, 시장), when Kiwi reads the
    last one or two syllables on their own as a noun it knows."""
    from mtcheck.segment import kiwi

    for n in (2, 1):
        if len(word) - n < 2:
            continue
        toks = kiwi().tokenize(word[-n:])
        if len(toks) == 1 and toks[0].tag == "NNG" and toks[0].id > _UNKNOWN_ID:
            return word[-n:]
    return None


def _with_tail(word: str) -> tuple[Path, Path]:
    """A place name with its common noun translated ("Hahoe Village", "Mount Halla"): the
    romanised head with an English word after or before it."""
    tail = _common_tail(word) or ""
    head = Choice.of(sorted(readings(word[: len(word) - len(tail)]), key=len, reverse=True))
    return (head, Letters(3, 12)), (Letters(3, 8), head)


# Last syllables of the clipped names of Korean institutions: ministry (산업부, 문체부), agency (기상청),
# office (인사처), commission (금융위, 공정위), service (국정원), union (전교조), federation (경실련,
# 전경련), confederation (민노총), association (대한의협), university (서울대), prosecutors' office
# (수원지검, 대검: 검찰청), car maker (현대차, 기아차: 자동차).
_INSTITUTION_FINALS = frozenset("부청처위원조련총협대검차")


def _clipped_name(word: str, start: int) -> SourceName | None:
    """A clipped institution name (산업부 for 산업통상자원부): English translates it (Ministry of Trade,
    Industry and Energy) or uses its English abbreviation; its syllables romanised ("Saneopbu")
    are a garble, whatever the institution."""
    if not 2 <= len(word) <= 4 or word[-1] not in _INSTITUTION_FINALS or not all(_jamo(ch) for ch in word):
        return None
    if _name_noun(word) or (word[-1] == "원" and len(word) < 3):
        return None  # 공원 (park), 병원, 직원: nouns of their own, not clipped names
    if gazetteer.english_names(word) or any(word in a.ko for a in ACRONYMS):
        return None  # a place, or a name a table knows
    forms = readings(word) | {transliteration(word)} | set(candidates(word, False, 200))
    return SourceName(
        start, start + len(word), word, ACRONYM, word, frozenset(), "", strict=False, required=False,
        spelled="|".join(map(re.escape, sorted(forms, key=len, reverse=True))),
        one_word=_korean_person(word) is not None,
    )  # fmt: skip


# Words that follow a person's name in Korean news: titles, jobs, forms of address.
_PERSON_WORDS = frozenset(
    "씨 대통령 총리 장관 의원 대표 위원장 감독 선수 기자 대변인 교수 회장 사장 국왕 여왕 왕자 공주 박사 "
    "판사 검사 변호사 대사 주지사 시장 의장 단장 총재 부장 차관 사령관 장군 여사 군 양".split()
)


def _named_person(toks: tuple[KoToken, ...], k: int) -> bool:
    """Whether the proper noun at ``k`` is surely a person: a title follows it (트럼프 대통령) or it
    stands beside another proper noun (캔디스 터너)."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    prev = toks[k - 1] if k > 0 else None
    if nxt is not None and nxt.form in _PERSON_WORDS:
        return True
    return any(t is not None and t.tag == "NNP" for t in (prev, nxt))


def _name_noun(word: str) -> NameNoun | None:
    return next((n for n in NAME_NOUNS if word in n.ko), None)


def _nouns_for(word: str) -> list[NameNoun]:
    return [n for n in NAME_NOUNS if word in n.ko]


def _proper(word: str, start: int, known: bool = False) -> SourceName:
    """A Korean proper noun; ``known``: Kiwi's dictionary has it (not an unknown word)."""
    return replace(_proper_word(word, known), start=start, end=start + len(word))


# An article names its people and places again and again: each word's readings are worked out once.
@functools.lru_cache(maxsize=16384)
def _proper_word(word: str, known: bool) -> SourceName:
    start = 0
    places = gazetteer.english_names(word)
    base = word
    suffix = None
    # A city, county or district: "Seongnam", "Seongnam City". Not a province, which has its
    # own English (South Jeolla Province for Jeollanam-do) that a bare "Jeollanam" stands too near.
    if word.endswith(("시", "군", "구")) and (bare := {_ROMANISED_SUFFIX.sub("", p) for p in places} - places):
        places |= bare
        suffix = word[-1]
    # A region whose own name ends like a suffix: 콜로라도 is Colorado, not a province 콜로라.
    whole = not places and word.endswith(_PLACE_SUFFIXES) and not korean_spelling(word)
    region = region_by_sound(word) if whole else None
    if region:
        places = frozenset({region})
    if not places:
        for suf in _PLACE_SUFFIXES:
            if word.endswith(suf) and len(word) > len(suf) + 1:
                # English often drops the suffix (팔루시 → Palu) whether or not the gazetteer knows it.
                base, suffix = word[: -len(suf)], suf
                places = gazetteer.english_names(base)
                break
    acronym = next((a for a in ACRONYMS if word in a.ko), None)
    region = region or (None if places or korean_spelling(base) else region_by_sound(base) or _city_by_reading(base))
    if region:
        places = frozenset({region})
    accepted = set(compact(p) for p in places)
    person = None if places or (known and word[-1] in _PLACE_FINALS) else _korean_person(word)
    # A Korean name or a Korean place has Korean readings only; anything else may be foreign.
    # Korean places and words (a Korean place of the gazetteer, or a word Kiwi knows that is no
    # transcription: 종로, 신라, 한라산) are spelt as pronounced, across syllables (Jongno, not Jongro).
    gazetteer_place = gazetteer.is_native_place(word) or gazetteer.is_native_place(base)
    # Kiwi knows foreign names too (펜실베이니아, 팔루), and few are marked as loanwords by their
    # spelling: the letter model of Korean and foreign place names tells them apart.
    korean_letters = korean_spelling(base)
    # A word Kiwi does not know that reads as Korean and ends in a place's noun (정림사, a temple)
    # is a Korean place too.
    unknown_place = not known and len(word) >= 3 and word[-1] in _PLACE_FINALS
    korean_place = not person and (
        (gazetteer_place and not loanword(base)) or (not places and korean_letters and (known or unknown_place))
    )
    native = bool(person) or korean_place or (bool(places) and korean_letters)
    paths = [pattern(base, False)] if native else [pattern(base, True), pattern(base, False)]
    wrong: frozenset[str] = frozenset()
    if korean_place:
        paths = list(_with_tail(word)) if _common_tail(word) else []
        accepted |= readings(word) | readings(base)
        # Spelt syllable by syllable, without the sound changes it is pronounced with: Sinra, Jongro.
        wrong = frozenset(candidates(word, False, 500)) - accepted
    if suffix and not native:
        paths.append(pattern(word, True))  # 술라웨시 is Sulawesi, not Sulawe City
    if not korean_place:
        accepted |= set(candidates(base, False, 500))
    if not native:
        accepted |= set(candidates(base, True))
    kind = PLACE if places or korean_place else PERSON
    suggestion = gazetteer.usual_name(base) or region or ""
    alone: frozenset[str] = frozenset()
    if person:
        # A word read as a person may be a place Kiwi and the gazetteer do not know (백록담):
        # the word as one, pronounced as RR writes it (Baengnokdam), renders it too.
        accepted |= person[0] | readings(word)
        paths = [person[1]]
        kind, suggestion, alone = PERSON, person[2], person[3]
    if acronym:
        accepted |= {compact(e) for e in acronym.en}
        if not places:  # a country a table of abbreviations knows too (러시아 beside РФ) is a place
            kind, suggestion = ACRONYM, acronym.en[0]
    if suffix:
        nouns = _nouns_for(suffix)
        for a in list(accepted):
            accepted |= {a + compact(e) for n in nouns for e in (*n.en, *n.latin_ok)}
    if not suggestion:
        suggestion = rr(word).capitalize() if korean_place else candidates(base, True)[0].capitalize()
    return SourceName(
        start, start + len(word), word, kind, base, frozenset(accepted), suggestion,
        pattern=Lattice.of(*paths) if paths else None, strict=kind != ACRONYM,
        nearest_suggestion=kind == PERSON and not person,
        canonical=rr(word) if korean_place else candidates(base, not native)[0], native=native, alone=alone,
        wrong=wrong, wrong_reason=LETTER_BY_LETTER if wrong else "", loose=korean_place and not gazetteer_place,
        # Korean text adds the country for context (영국 총리 메이 = "Prime Minister May"), so only a
        # missing person counts.
        reliable=bool(person) or bool(places) or gazetteer_place
        or (kind == PERSON and loanword(base) and base[-1] not in _ORG_ENDINGS),
    )  # fmt: skip


# Sino-Korean words that make up translated place names ('국제주의자 공원'), with their English.
_GLOSSARY = {
    "국제": "international", "주의자": "ist", "평화": "peace", "승리": "victory", "해방": "liberation",
    "독립": "independence", "혁명": "revolution", "인민": "people's", "영웅": "heroes", "우정": "friendship",
    "친선": "friendship", "통일": "unification", "중앙": "central", "시민": "citizens", "노동자": "workers",
    "기념": "memorial", "전승": "victory", "조국": "fatherland", "자유": "freedom", "공화국": "republic",
}  # fmt: skip


def _gloss(words: list[str]) -> str | None:
    parts = [_GLOSSARY.get(w) for w in words]
    if not parts or None in parts:
        return None
    out = ""
    for p in parts:
        assert p is not None
        out = out + p if p == "ist" else (out + " " + p).strip()
    # Names of this kind honour a group: "Internationalists Square".
    return (out + "s" if out.endswith("ist") else out).title()


def _compound(words: list[tuple[str, int, int]], noun_word: str, end: int, text: str) -> SourceName | None:
    rows = _nouns_for(noun_word)
    name_en = _gloss([w for w, _, _ in words])
    if not rows or not name_en:
        return None
    from mtcheck.lang import ru

    romanized = compact(ko.romanize(noun_word))
    parts = tuple(
        NounPart(r, frozenset({x for ru_noun in r.ru for x in ru.renderings(ru_noun)} | {romanized}), name_en)
        for r in rows
    )
    # The Russian noun whose transliteration the English shows decides the English noun; the
    # matcher picks the part; the suggestion names the first.
    noun = parts[0]
    start = words[0][1]
    accepted = {compact(name_en)} | {compact(name_en + " " + e) for r in rows for e in r.en}
    accepted |= {compact(e + " of " + name_en) for r in rows for e in r.en}
    return SourceName(
        start, end, text[start:end], PLACE, " ".join(w for w, _, _ in words) + " " + noun_word,
        frozenset(accepted), f"{name_en} {noun.noun.en[0]}", noun=noun, alternatives=parts[1:],
    )  # fmt: skip


def extract(text: str) -> list[SourceName]:
    """Names of a Korean text, in order, with their accepted English renderings."""
    from mtcheck.lang.ko import tokens_many

    toks = tokens_many([text])[0]
    out: list[SourceName] = []
    skip = -1
    for k, t in enumerate(toks):
        if k == skip:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        # Kiwi splits some clipped names in two (질병청: 질병 + 청, 산업부: 산업 + 부), and places
        # it does not know from their noun (관룡사: 관룡 + 사).
        joined = (
            t.tag in ("NNG", "NNP") and nxt is not None and nxt.start == t.start + t.len and nxt.tag in ("NNG", "XSN")
        )
        # Kiwi tags a name it does not know as a common noun with the unknown-word id.
        proper = t.tag == "NNP" or (t.tag == "NNG" and t.id <= _UNKNOWN_ID and len(t.form) >= 2)
        known = t.tag == "NNP" and t.id > _UNKNOWN_ID
        if joined and nxt.form in _INSTITUTION_FINALS and (clipped := _clipped_name(t.form + nxt.form, t.start)):
            out.append(clipped)
            skip = k + 1
        elif joined and proper and len(t.form) >= 2 and nxt.form in _PLACE_FINALS and len(nxt.form) == 1:
            out.append(_proper(t.form + nxt.form, t.start))
            skip = k + 1
        elif t.tag in ("NNG", "NNP") and (clipped := _clipped_name(t.form, t.start)):
            out.append(clipped)
            if clipped.one_word:
                out.append(_proper(t.form, t.start, known=known))
        elif proper:
            name = _proper(t.form, t.start, known=known)
            if name.reliable and not name.native and name.kind != PLACE and not _named_person(toks, k):
                # A transcription may name a person or a thing (프리깃함, a frigate): only a title or
                # a second name beside it makes it a person whose absence matters.
                name = replace(name, reliable=False)
            out.append(name)
        elif t.tag.startswith("NNG") and _name_noun(t.form) and k > 0:
            # Common nouns before the name noun, inside one quotation or right after a proper noun.
            words: list[tuple[str, int, int]] = []
            m = k - 1
            while m >= 0 and toks[m].tag == "NNG" and k - m <= 3:
                words.insert(0, (toks[m].form, toks[m].start, toks[m].start + toks[m].len))
                m -= 1
            if words and (name := _compound(words, t.form, t.start + t.len, text)):
                out.append(name)
    # Korean spells out names that English abbreviates (특별군사작전 → SMO); Kiwi splits them.
    for row in ACRONYMS:
        for phrase in row.ko:
            for m in re.finditer(re.escape(phrase), text):
                if not any(n.start <= m.start() < n.end for n in out):
                    out.append(
                        SourceName(m.start(), m.end(), phrase, ACRONYM, phrase, frozenset(compact(e) for e in row.en),
                                   row.en[0], acronym=row, required=False)
                    )  # fmt: skip
    return sorted(out, key=lambda n: n.start)


# Consonant classes that a Hangul transcription keeps: Hangul cannot tell b/v/f/p apart from one
# another in a foreign name, nor d/t, g/k, l/r, s/z/j, nor write h, w, y or doubled letters.
_SKELETON_INITIAL = {
    "ㄱ": "k", "ㄲ": "k", "ㅋ": "k", "ㄷ": "t", "ㄸ": "t", "ㅌ": "t", "ㅂ": "p", "ㅃ": "p", "ㅍ": "p",
    "ㅅ": "s", "ㅆ": "s", "ㅈ": "s", "ㅉ": "s", "ㅊ": "4", "ㄴ": "n", "ㅁ": "m", "ㄹ": "l", "ㅇ": "", "ㅎ": "",
}  # fmt: skip
_SKELETON_FINAL = {"ㄱ": "k", "ㄴ": "n", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅅ": "s", "ㅆ": "s", "ㅇ": "N"}
_LATIN_SKELETON = (
    ("dzh|dj|gj|dg(?=[eiy])", "j"), ("kh", "h"), ("tch", "ch"), ("sch|sh|zh", "6"), ("ch", "4"), ("ph", "f"),
    ("ck", "k"), ("qu", "kv"), ("q", "k"), ("x", "ks"), ("ng(?![aeiouy])", "N"), (r"c(?=[eiy])", "s"), ("c", "k"),
)  # fmt: skip


_CLASSES = str.maketrans("bvfdgzjr", "ppptkssl")


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def hangul_skeletons(word: str) -> frozenset[str]:
    """Consonant skeletons a Hangul transcription spells: 시/지 before a consonant is sh (Russian
    ш), at the end sh or si; 쉬, 샤, 쇼, 슈 are sh; 츠 is ch or ts."""
    out = {""}
    word = word.replace(" ", "")
    for k, syl in enumerate(word):
        j = _jamo(syl)
        if j is None:
            continue
        ini, med, fin = j
        nxt = _jamo(word[k + 1]) if k + 1 < len(word) else None
        first = [_SKELETON_INITIAL.get(ini, "")]
        if ini == "ㅅ" and med in "ㅑㅕㅛㅠㅒㅖㅟ":
            first = ["6"]
        elif ini in "ㅅㅈ" and med == "ㅣ" and fin == " ":
            if nxt is None:
                first = ["6", "s"]
            elif nxt[0] != "ㅇ":
                first = ["6"]
        elif ini == "ㅊ" and med == "ㅡ" and fin == " ":
            first = ["4", "ts"]  # 츠 is ts as often as ch: 매사추세츠 Massachusetts, 하인츠 Heinz
        last = _SKELETON_FINAL.get(fin, "")
        out = {o + f + last for o in out for f in first}
    return frozenset(_collapse(o) for o in out)


def latin_skeletons(latin: str) -> frozenset[str]:
    """Consonant skeletons of an English spelling as Hangul would write it back: r after a vowel
    and before a consonant may be dropped (Haeder → 해더) or kept (Gorbachev → 고르바초프); g before
    e or i may be hard or soft; th is t or s; a plural s may be English's own."""
    s = compact(latin)
    for a, b in _LATIN_SKELETON:
        s = re.sub(a, b, s)
    variants = {s}
    variants |= {re.sub(r"(?<=[aeiouy])r(?![aeiouy])", "", v) for v in variants}
    variants |= {re.sub(r"g(?=[eiy])", "j", v) for v in variants}
    variants |= {v.replace("th", "s") for v in variants}
    variants |= {v[:-1] for v in variants if v.endswith("s") and len(v) > 4}
    out = set()
    for v in variants:
        v = v.replace("th", "t")
        v = re.sub("[aeiouywh]", "", v)
        v = v.translate(_CLASSES)
        out.add(_collapse(v))
    return frozenset(out)


def korean_spelling(word: str) -> bool:
    """Whether a Hangul word reads as a Korean word or place rather than a transcription."""
    return not loanword(word) and korean_origin(word) > _FOREIGN_ORIGIN


_FAMOUS_REGION = 3.0


@functools.cache
def _regions_by_sound() -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = {}
    # Regions English writes about often enough to be the one a Korean article names, not the
    # Ugandan district that shares its consonants (버지니아: Virginia, not Bushenyi).
    for region in (r for r in gazetteer.regions() if english_frequency(r) >= _FAMOUS_REGION):
        for skeleton in latin_skeletons(region):
            if len(skeleton) >= 2:
                index.setdefault(skeleton, set()).add(region)
    return {k: tuple(sorted(v)) for k, v in index.items()}


@functools.lru_cache(maxsize=8192)
def region_by_sound(word: str) -> str | None:
    """The country, state or division a Hangul transcription the gazetteer lacks spells: the one
    with its consonants that the transliteration model finds likeliest, if likely enough
    (애리조나 Arizona, 펜실베이니아 Pennsylvania)."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    index = _regions_by_sound()
    candidates = {r for skeleton in hangul_skeletons(word) for r in index.get(skeleton, ())}
    if not candidates:
        return None
    model, units = pair_model("ko"), source_units(word, "ko")
    score, best = max((model.score(units, compact(r)), r) for r in candidates)
    return best if score >= _REGION_FIT else None


# The transliteration model's score a region must reach: on the gazetteer's Korean names of
# famous regions, 91.5% of the right regions reach it and 5.6% of the others with the same
# consonants (its usual threshold, -1.3, lets 10% of those through: 로이터 would be Roi Et).
_REGION_FIT = 1.5


def _city_by_reading(word: str) -> str | None:
    """A city English writes often whose name is among the model's likeliest readings of a
    transcription the gazetteer lacks (브리스톨 Bristol, 툴사 Tulsa)."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    if not hangul_skeletons(word) & _famous_place_skeletons():
        return None  # no place English writes often has its consonants: no reading of it is one
    readings = pair_model("ko").nbest(source_units(word, "ko"), 10)
    for reading, score in readings:
        if score < readings[0][1] - _CITY_READS:
            break  # a word the letters happen to make, far less likely (Man for 마틴)
        city = reading.capitalize()
        if english_frequency(city) >= _FAMOUS_CITY and gazetteer.is_major_place(city):
            return city
    return None


_FAMOUS_CITY = 3.0
_CITY_READS = 1.5  # log: Austin reads 2.0 below Ostin for 오스틴, a person as often


@functools.cache
def _famous_place_skeletons() -> frozenset[str]:
    """Consonant skeletons of the one-word places _city_by_reading may return (842 of them): 43%
    of the transcriptions of a Korean news document share none, and need not be read by the model
    at all (its n-best search took about a second of a 5,000-sentence check)."""
    places = (p for p in gazetteer.major_places() if p.isascii() and p.isalpha())
    return frozenset(s for p in places if english_frequency(p.capitalize()) >= _FAMOUS_CITY for s in latin_skeletons(p))


def same_skeleton(word: str, latin: str) -> bool:
    """Whether an English spelling reads back to the consonants of a Hangul transcription: then
    Hangul cannot tell whether it or the nearest reading is right (웨이드: Wayde or Wade)."""
    return bool(hangul_skeletons(word) & latin_skeletons(latin))
