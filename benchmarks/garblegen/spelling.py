"""Spelling tools of the generator: which Latin spellings render a Cyrillic or Hangul word, how
close a spelling sounds to the source, and the naive renderings a sloppy translator produces.

Cyrillic: a spelling is an accepted rendering when it can be read letter by letter through the
union of the common schemes (BGN/PCGN, ISO 9 without diacritics, GOST, ICAO, scholarly, the
Wikipedia and news practice), schemes mixed freely ("Yurii", "Iuriy"). Hangul: the consonant
skeleton by sound class (ㅂ/ㅍ are b, p, v or f; 으 is epenthetic), which is all a Hangul
spelling of a foreign name says about its Latin spelling.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import iuliia
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# Per Cyrillic letter, every Latin rendering some common scheme or English practice uses.
_CYR: dict[str, tuple[str, ...]] = {
    "а": ("a",),
    "б": ("b",),
    "в": ("v",),
    "г": ("g",),
    "д": ("d",),
    "е": ("e", "ye", "je", "ie"),
    "ё": ("yo", "jo", "io", "e", "ye"),
    "ж": ("zh",),
    "з": ("z",),
    "и": ("i",),
    "й": ("y", "i", "j", ""),
    "к": ("k",),
    "л": ("l",),
    "м": ("m",),
    "н": ("n",),
    "о": ("o",),
    "п": ("p",),
    "р": ("r",),
    "с": ("s",),
    "т": ("t",),
    "у": ("u",),
    "ф": ("f",),
    "х": ("kh", "h", "x"),
    "ц": ("ts", "tz", "c", "tc"),
    "ч": ("ch", "tch", "tsh"),
    "ш": ("sh",),
    "щ": ("shch", "sch", "shh", "sh"),
    "ъ": ("", "'", '"', "y"),
    "ы": ("y", "i", "yi"),
    "ь": ("", "'", "y", "i"),
    "э": ("e", "eh"),
    "ю": ("yu", "iu", "ju", "u"),
    "я": ("ya", "ia", "ja", "a"),
}
# Letter groups read as one: the adjective endings and кс.
_CYR_GROUPS: dict[str, tuple[str, ...]] = {
    "ий": ("iy", "ii", "ij", "i", "y", "yi", "iy"),
    "ый": ("y", "yy", "yi", "iy", "ii", "ij", "i"),
    "кс": ("ks", "x"),
    "ье": ("ye", "ie", "'e", "e", "je", "'ye"),
    "ьи": ("yi", "ii", "'i", "i"),
}
_FOLD = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "’": "'", "ʹ": "'", "ʺ": '"', "”": '"', "ĭ": "i"})


def fold(text: str) -> str:
    """Latin text without diacritics (č → ch, ë → e), for comparing spellings."""
    text = text.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=50_000)
def _cyr_regex(word: str) -> re.Pattern[str]:
    word = word.lower()
    parts: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _CYR_GROUPS and (pair not in ("ий", "ый") or i + 2 == len(word) or not word[i + 2].isalpha()):
            parts.append("(?:" + "|".join(map(re.escape, _CYR_GROUPS[pair])) + ")")
            i += 2
            continue
        c = word[i]
        if c in _CYR:
            parts.append("(?:" + "|".join(map(re.escape, _CYR[c])) + ")")
        elif c in "- ":
            parts.append("[- ]?")
        else:
            parts.append(re.escape(c))
        i += 1
    return re.compile("".join(parts), re.IGNORECASE)


def cyr_accepts(cyrillic: str, latin: str) -> bool:
    """Whether ``latin`` is a rendering of ``cyrillic`` by some common scheme (mixed freely)."""
    return _cyr_regex(cyrillic).fullmatch(fold(latin)) is not None


_SCHEMES = (
    iuliia.WIKIPEDIA,
    iuliia.BGN_PCGN,
    iuliia.MOSMETRO,
    iuliia.YANDEX_MAPS,
    iuliia.ICAO_DOC_9303,
    iuliia.GOST_52535,
    iuliia.ALA_LC_ALT,
)


@functools.lru_cache(maxsize=50_000)
def renders(cyrillic: str) -> tuple[str, ...]:
    """The scheme renderings of a Cyrillic word, diacritics and apostrophes folded away."""
    out = {fold(s.translate(cyrillic)).replace("'", "").replace('"', "") for s in _SCHEMES}
    return tuple(sorted(out))


def translit(cyrillic: str) -> str:
    """The Wikipedia scheme's rendering (Sergey, Galazhinsky), the one English news prints most."""
    return iuliia.WIKIPEDIA.translate(cyrillic)


_ACRONYM_LETTERS = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "Yo", "Ж": "Zh", "З": "Z", "И": "I",
    "Й": "Y", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ф": "F", "Х": "Kh", "Ц": "Ts", "Ч": "Ch", "Ш": "Sh", "Щ": "Shch", "Ы": "Y", "Э": "E",
    "Ю": "Yu", "Я": "Ya",
}  # fmt: skip


def acronym_letters(acronym: str) -> str:
    """An abbreviation spelled letter by letter, the way a naive translator writes it: ЖКХ →
    ZhKKh, СПбГУ → SPbGU (a lower-case letter stays lower-case)."""
    out = []
    for c in acronym:
        latin = _ACRONYM_LETTERS.get(c.upper(), c)
        out.append(latin.lower() if c.islower() else latin)
    return "".join(out)


_MATCH_RULES = (
    (r"shch|sch|shh", "ш"),
    (r"sh", "ш"),
    (r"tch|ch", "ч"),
    (r"dzh|dj|zh|j", "ж"),
    (r"kh", "h"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"ck", "k"),
    (r"ts|tz", "ц"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"q", "k"),
    (r"x", "ks"),
    (r"w", "v"),
    (r"ee|ea", "i"),
    (r"oo|ou", "u"),
    (r"y", "i"),
    (r"(.)\1", r"\1"),
)


@functools.lru_cache(maxsize=200_000)
def match_key(latin: str) -> str:
    """A rough sound key of a Latin spelling: the transliteration digraphs and English letter
    habits folded together, so that Dzhonson and Johnson, Vashington and Washington meet."""
    s = re.sub(r"[^a-z]", "", fold(latin).lower())
    for pattern, repl in _MATCH_RULES:
        s = re.sub(pattern, repl, s)
    return s


def cyr_similarity(cyrillic: str, latin: str) -> float:
    """0-100: how close a Latin spelling sounds to the Cyrillic word's renderings."""
    key = match_key(latin)
    return max(fuzz.ratio(match_key(r), key) for r in renders(cyrillic))


def cyr_distance(cyrillic: str, latin: str) -> int:
    """Edits between the spelling's sound key and the nearest rendering's."""
    key = match_key(latin)
    return min(Levenshtein.distance(match_key(r), key) for r in renders(cyrillic))


# ---- Hangul -------------------------------------------------------------------------------------

_INITIAL = "K K N T T L M P P S S _ J J J K T P H".split()
_FINAL = "_ K K KS N NJ N T L LK LM LP LS LT LP L M P PS T T G T T K T P T".split()


def jamo_skeleton(hangul: str) -> str:
    """The consonant classes of a Hangul word in order (vowels dropped: a foreign name's vowels
    in Hangul say little about its Latin vowels): 트럼프 → TLMP, 스미르노바 → SMLNP."""
    out: list[str] = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        initial, final = code // 588, code % 28
        out.append(_INITIAL[initial])
        out.append(_FINAL[final])
    return re.sub(r"(.)\1+", r"\1", "".join(out).replace("_", ""))


_EN_SKELETON_RULES = (
    (r"tch|ch|dg|j|z|ts|tz", "J"),
    (r"sh|sch|s|ss|c(?=[eiy])|x(?=$)", "S"),
    (r"ph|f|v|b|p", "P"),
    (r"(?<=.)th", "S"),  # Smith 스미스, Arthur 아서; Thomas 토머스 below
    (r"th|t|d", "T"),
    (r"ck|c|k|g|q|x", "K"),
    (r"l|r", "L"),
    (r"ng", "G"),
    (r"n", "N"),
    (r"m", "M"),
    (r"h", "H"),
)
_EN_SKELETON = tuple((re.compile(p), cls) for p, cls in _EN_SKELETON_RULES)


def en_skeleton(latin: str, rhotic: bool = True) -> str:
    """The consonant classes of a Latin spelling, as jamo_skeleton gives them for Hangul; with
    ``rhotic`` False an r before a consonant or at the end is silent, as Hangul writes English."""
    s = re.sub(r"[^a-z]", "", fold(latin).lower())
    s = re.sub(r"gh", "", s)
    if not rhotic:
        s = re.sub(r"r(?=[^aeiouy]|$)", "", s)
    out = []
    i = 0
    while i < len(s):
        for pattern, cls in _EN_SKELETON:
            m = pattern.match(s, i)
            if m:
                out.append(cls)
                i += len(m.group(0))
                break
        else:
            i += 1  # a vowel, w or y: no consonant class
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def ko_similarity(hangul: str, latin: str) -> float:
    """0-100: how well the Latin spelling's consonants fit the Hangul word's."""
    skel = jamo_skeleton(hangul)
    return max(fuzz.ratio(skel, en_skeleton(latin, r)) for r in (True, False))


def ko_distance(hangul: str, latin: str) -> int:
    skel = jamo_skeleton(hangul)
    return min(Levenshtein.distance(skel, en_skeleton(latin, r)) for r in (True, False))


@functools.lru_cache(maxsize=50_000)
def ko_rr(hangul: str) -> str:
    """Revised Romanization with its sound changes across syllables (ko-pron): 신라 → silla."""
    from ko_pron import romanise

    return romanise(hangul, "rr").replace("-", "")


@functools.lru_cache(maxsize=50_000)
def ko_mr(hangul: str) -> str:
    """McCune-Reischauer (ko-pron), diacritics and apostrophes folded: 부산 → pusan."""
    from ko_pron import romanise

    return fold(romanise(hangul, "mr")).replace("'", "").replace("-", "")


def ko_letterwise(hangul: str) -> str:
    """Each syllable romanized on its own, the sound changes between syllables ignored: the
    letter-by-letter reading (신라 → sinra, 독립문 → dokripmun)."""
    return "".join(ko_rr(ch) if "가" <= ch <= "힣" else ch for ch in hangul)


def ko_accepts(hangul: str, latin: str) -> bool:
    """Whether ``latin`` is the RR or McCune-Reischauer reading of a Korean word."""
    key = re.sub(r"[^a-z]", "", fold(latin).lower())
    return key in (ko_rr(hangul), ko_mr(hangul))
