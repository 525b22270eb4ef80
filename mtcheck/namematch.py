"""Match the names of a source passage with the name-like spans of its English translation.

Order of evidence: an accepted rendering (transliteration schemes, gazetteer, tables) first; then
an English acronym spelled letter by letter from a source acronym; then a common noun of a place
name transliterated into the name; then near misses by edit distance (rapidfuzz), where a near
miss that English usage knows (wordfreq) is a conventional spelling and one it does not know is a
garble. Source names with no rendering at all, and English place names with no source, are left.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from mtcheck.anchors import skeleton
from mtcheck.lang.name_tables import ACRONYMS, Acronym
from mtcheck.lang.names_base import (
    ACRONYM,
    PERSON,
    PLACE,
    NounPart,
    SourceName,
    compact,
    english_frequency,
    starts_sentence,
)

GARBLED, ACRONYM_LETTERS, COMMON_NOUN, MISSING, UNEXPECTED = (
    "garbled",
    "acronym",
    "common-noun",
    "missing",
    "unexpected",
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What English adds to a place name to make its people or adjective: Russia → Russian.
_DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ns", "ans", "ians", "s", "ese", "i", "is"})
_LONGEST_ENDING = max(map(len, _DEMONYM_ENDINGS))
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = frozenset(" \"'“‘(«—–-\u00a0")
# Near misses: at or above this rapidfuzz ratio (0-100) an English word renders the source name.
_NEAR = 75.0
# A word English text uses this often (Zipf) is a spelling in its own right, not a garble.
_KNOWN = 2.0
_MAX_WINDOW = 4
# Spellings Russian transliteration never produces (and a Hangul reading may not): an English name
# with them is the name's own Latin spelling (Kovacic, Widodo, Jagr, Mantouvalos), not a garble.
_ORIGINAL = tuple(
    re.compile(x)
    for x in (
        r"c(?!h)",
        "q",
        "w",
        "x",
        "j",
        "z",
        "ou",
        "ee",
        "oo",
        "ph",
        "th",
        "ck",
        r"(?<![kszc])h",
        r"[^aeiou]y[^aeiou]",
        "ey$",
    )
)
_DOUBLE = re.compile(r"([a-z])\1")
# Russian case endings a transliterated form may keep (Кокоде → Kokode for Kokoda).
_CASE_ENDING = re.compile(r"(?:a|u|e|y|i|om|oy|oj|ym|ov|ami|akh|ykh)$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence or quotation
    capital: bool  # asked of every token by every step of match()


@dataclass(frozen=True, slots=True)
class NameIssue:
    kind: str  # GARBLED, ACRONYM_LETTERS, COMMON_NOUN, MISSING, UNEXPECTED
    source: SourceName | None
    target: tuple[int, int] | None  # span in the English text
    suggestion: str | None
    evidence: dict[str, object]
    # A missing name with nothing else in its place is most often a pronoun or a paraphrase;
    # only a missing name next to an unexplained English name (a swap) is likely wrong.
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Rendering:
    """An accepted match: how one source name was rendered in the English text."""

    source: SourceName
    target: tuple[int, int]
    text: str


def english_tokens(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        initial = starts_sentence(text, m.start(), _OPENERS)
        out.append(Token(m.start(), m.start() + len(word), word, initial, word[:1].isupper()))
    return out


def _windows(tokens: list[Token], text: str, size: int) -> list[tuple[int, int]]:
    """Index ranges [i, j) of up to ``size`` tokens joined by spaces or hyphens only."""
    out = []
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + size) + 1):
            gap = text[tokens[j - 2].end : tokens[j - 1].start]
            # "U.S.", "U.N.": initials joined by full stops are one word.
            initials = gap == "." and len(tokens[j - 2].text) == len(tokens[j - 1].text) == 1
            if j > i + 1 and gap.strip(" -\u00a0") and not initials:
                break
            out.append((i, j))
    return out


def original_spelling(c: str, form: str) -> bool:
    """Whether an English spelling has letters that the accepted form, a transliteration, lacks."""
    if any(p.search(c) and not p.search(form) for p in _ORIGINAL):
        return True
    return any(m.group() not in form for m in _DOUBLE.finditer(c))


@dataclass(frozen=True)
class _Matcher:
    """What _accepts needs of one name, worked out once: a name is tried against every window
    of every sentence it is aligned with, and Korean names accept hundreds of spellings."""

    pattern: re.Pattern[str] | None
    case_stem: str | None
    demonym_stems: frozenset[str]
    stem_heads: frozenset[str]  # first three letters of the stems: most windows fail on these
    choices: tuple[str, ...]


@functools.lru_cache(maxsize=8192)
def _matcher(name: SourceName) -> _Matcher:
    case_stem = None
    if name.canonical and not name.pattern:
        stem = _CASE_ENDING.sub("", name.canonical)
        case_stem = stem if len(stem) >= 4 else None
    stems: frozenset[str] = frozenset()
    if name.kind != PERSON or name.pattern:
        stems = frozenset(a[:-1] if a[-1] in "aeiouy" else a for a in name.accepted if len(a) >= 4)
    return _Matcher(
        re.compile(name.pattern) if name.pattern else None,
        case_stem,
        stems,
        frozenset(st[:3] for st in stems),
        tuple(sorted(name.accepted)),
    )


def _accepts(name: SourceName, c: str, m: _Matcher | None = None) -> bool:
    m = m or _matcher(name)
    if c in name.accepted or (m.pattern and m.pattern.fullmatch(c)):
        return True
    if c.endswith("s") and c[:-1] in name.accepted:  # English plural: Upanishads
        return True
    if m.case_stem and c.startswith(m.case_stem) and c[len(m.case_stem) :] in ("", "a", "e", "i", "o", "u", "y"):
        return True
    # Demonyms and plurals: Russia → Russian, Ukraine → Ukrainian, Korea → Koreans.
    return c[:3] in m.stem_heads and any(
        c[:k] in m.demonym_stems and c[k:] in _DEMONYM_ENDINGS
        for k in range(max(len(c) - _LONGEST_ENDING, 1), len(c) + 1)
    )


@functools.lru_cache(maxsize=65536)
def _skeleton(s: str) -> str:
    return skeleton(s)


# English spelling and Russian transcription of English names brought to one sound code:
# Wade/Уэйд, Fleetwood/Флитвуд, Humphrey/Хамфри, Cromwell/Кромвель, Spain/Испания.
_SOUND_RULES = (
    (r"^u(?=[aeio])|(?<=[^aeiouy])u(?=[aeio])", "w"),  # Уэйд, Уилсон: Russian for W
    ("dzh", "j"), ("tch", "ch"), ("wh", "w"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kv"), ("q", "k"),
    ("x", "ks"), (r"c(?=[eiy])", "s"), ("ch", "4"), (r"c", "k"), ("kh", "h"), ("sh", "6"), ("zh", "6"), ("w", "v"),
    ("z", "s"), (r"([a-z])\1", r"\1"),
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def sound(latin: str) -> str:
    """Consonant code of a Latin spelling; vowels carry too little across the two orthographies."""
    s = latin.lower()
    for a, b in _SOUND_RULES:
        s = re.sub(a, b, s)
    return re.sub(r"[aeiouy]", "", s)


def same_sound(a: str, b: str) -> bool:
    """Whether two spellings share a consonant code, allowing a case ending on one of them."""
    x, y = sound(a), sound(b)
    if len(x) < 2 or len(y) < 2:
        return False
    short, long_ = sorted((x, y), key=len)
    return x == y or (len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 1)


def _best(name: SourceName, c: str) -> tuple[float, str]:
    from rapidfuzz import fuzz, process

    choices = _matcher(name).choices
    if not choices:
        return 0.0, ""
    hit = process.extractOne(c, choices, scorer=fuzz.ratio)
    return (hit[1], hit[0]) if hit else (0.0, "")


def _acronym_issue(tok: Token, names: list[SourceName], src: str, lang: str) -> NameIssue | None:
    from mtcheck.lang.names_ru import acronym_latin

    word = tok.text
    if not (2 <= len(word) <= 6 and word.isupper()):
        return None
    rows: list[tuple[Acronym, str, SourceName | None]] = [
        (n.acronym, n.text, n) for n in names if n.kind == ACRONYM and n.acronym
    ]
    if lang == "ko":
        # The Korean text spells the name out; the English acronym was transliterated from Russian.
        spelled = {n.acronym: n for n in names if n.acronym}
        rows += [(a, r, spelled.get(a)) for a in ACRONYMS if any(k in src for k in a.ko) for r in a.ru]
    for row, ru_acronym, name in rows:
        if acronym_latin(ru_acronym).fullmatch(word) and compact(word) not in {compact(e) for e in row.en}:
            return NameIssue(
                ACRONYM_LETTERS,
                name,
                (tok.start, tok.end),
                " / ".join(row.en[:2]),
                {"source_acronym": ru_acronym, "transliteration": word, "accepted": list(row.en)},
            )
    return None


def _noun_issue(name: SourceName, tokens: list[Token], free: set[int], tgt: str) -> NameIssue | None:
    from rapidfuzz import fuzz

    parts: list[NounPart] = ([name.noun] if name.noun else []) + list(name.alternatives)
    for k, tok in enumerate(tokens):
        if k not in free or not tok.capital:
            continue
        c = compact(tok.text)
        if len(c) < 3 or c in {compact(e) for p in parts for e in p.noun.en}:
            continue
        for part in parts:
            score = max((fuzz.ratio(c, x) for x in part.latin), default=0.0)
            if score >= 66 and english_frequency(tok.text) < _KNOWN:
                lo, hi = _capital_run(tokens, k, tgt)
                text = tgt[tokens[lo].start : tokens[hi].end]
                noun_en = part.noun.en[0]
                return NameIssue(
                    COMMON_NOUN,
                    name,
                    (tokens[lo].start, tokens[hi].end),
                    f"{noun_en} {part.name_en}" if part.noun.before else f"{part.name_en} {noun_en}",
                    {"noun": tok.text, "transliteration_of": sorted(part.latin), "english_noun": part.noun.en[0],
                     "rendering": text},
                )  # fmt: skip
    return None


def _capital_run(tokens: list[Token], k: int, text: str) -> tuple[int, int]:
    lo = hi = k
    while lo > 0 and tokens[lo - 1].capital and not text[tokens[lo - 1].end : tokens[lo].start].strip(" -"):
        lo -= 1
    while (
        hi + 1 < len(tokens) and tokens[hi + 1].capital and not text[tokens[hi].end : tokens[hi + 1].start].strip(" -")
    ):
        hi += 1
    return lo, hi


def _near(
    name: SourceName,
    tokens: list[Token],
    free: set[int],
    tgt: str,
    windows: list[tuple[int, int]],
    compacts: dict[tuple[int, int], str],
) -> tuple[str, tuple[int, int], str] | None:
    """('garbled' | 'ok', span, closest accepted form) for the best capitalised near miss among
    ``windows`` (of up to three tokens, with their compact forms in ``compacts``)."""
    best: tuple[float, tuple[int, int], str, str] | None = None
    for i, j in windows:
        if not all(k in free and tokens[k].capital for k in range(i, j)):
            continue
        text = tgt[tokens[i].start : tokens[j - 1].end]
        c = compacts[(i, j)]
        if len(c) < 3:
            continue
        score, form = _best(name, c)
        if best is None or score > best[0]:
            best = (score, (i, j), form, text)
    if best is None:
        return None
    score, (i, j), form, text = best
    c = compact(text)
    # Korean name syllables are often English words too (Kim, Jang, Un, Moon): no exemption there.
    syllabic = name.native and name.kind == PERSON
    known = not syllabic and all(english_frequency(t.text) >= _KNOWN for t in tokens[i:j])
    same_sound = _skeleton(c) == _skeleton(form) and len(_skeleton(c)) >= 3
    span = (tokens[i].start, tokens[j - 1].end)
    # A Hangul reading has many spellings: compare with the nearest; Russian with the plain one.
    original = not name.native and original_spelling(c, form if name.pattern else (name.canonical or form))
    if name.pattern and not name.native:
        # Hangul cannot write an English r before a consonant or an h (버나스톤 = Burnaston): an
        # English spelling that only adds those is the name's own.
        original = original or _unwritable(c) == _unwritable(form)
    if score >= _NEAR and len(c) >= 4:
        garbled = name.strict and not known and not original and len(name.canonical or name.text) >= 3
        return (GARBLED if garbled else "ok"), span, form
    if same_sound or ((known or original) and score >= 55):
        return "ok", span, form
    # An English name and its Russian transcription (Wade/Уэйд): same consonants, other letters.
    if name.canonical and not name.pattern:  # Hangul readings are sound patterns already
        for k in sorted(free):
            tok = tokens[k]
            if tok.capital and _same_sound_any(compact(tok.text), name):
                return "ok", (tok.start, tok.end), form
    return None


def _unwritable(s: str) -> str:
    """A spelling without what Hangul cannot write: r before consonants, h, doubled letters, final e."""
    return re.sub(r"e$", "", re.sub(r"([a-z])\1", r"\1", re.sub("[rh]", "", s)))


def _same_hangul_skeleton(name: SourceName, english: str) -> bool:
    from mtcheck.lang.names_ko import same_skeleton

    return same_skeleton(name.key, english)


def _same_sound_any(c: str, name: SourceName) -> bool:
    return any(same_sound(c, f) for f in (name.canonical, *_matcher(name).choices[:12]))


def match(names: list[SourceName], src: str, lang: str, tgt: str) -> tuple[list[Rendering], list[NameIssue]]:
    """Renderings found for the source names, and the problems."""
    tokens = english_tokens(tgt)
    found: dict[int, Rendering] = {}
    issues: list[NameIssue] = []
    windows = _windows(tokens, tgt, _MAX_WINDOW)
    # Windows are joined by spaces, hyphens or initials' full stops only, which compact() drops:
    # a window's compact form is its tokens' joined.
    token_compacts = [compact(t.text) for t in tokens]
    compacts = {(i, j): "".join(token_compacts[i:j]) for i, j in windows}
    # 1. Accepted renderings, longest first so that "Kursk Region" wins over "Kursk".
    by_size = sorted(windows, key=lambda w: w[0] - w[1])
    # A person or place is mostly written with a capital somewhere ("de Gaulle"): trying those
    # windows first saves most of the work on long sentences. Lower case comes second, for
    # loanwords Korean extraction takes for names (메트로폴리스, metropolis).
    caps = [t.capital for t in tokens]
    capitalised = [(i, j) for i, j in by_size if any(caps[i:j])]
    lower = [(i, j) for i, j in by_size if not any(caps[i:j])]
    taken = [False] * len(tokens)
    for n_id, name in enumerate(names):
        m = _matcher(name)
        for i, j in itertools.chain(capitalised, lower) if name.kind in (PERSON, PLACE) else by_size:
            if not any(taken[i:j]) and _accepts(name, compacts[(i, j)], m):
                span = (tokens[i].start, tokens[j - 1].end)
                found[n_id] = Rendering(name, span, tgt[span[0] : span[1]])
                taken[i:j] = [True] * (j - i)
                break
    free = {k for k, t in enumerate(taken) if not t}
    # 2. English acronyms spelled letter by letter from a source acronym.
    for k, tok in enumerate(tokens):
        if k in free and (issue := _acronym_issue(tok, names, src, lang)):
            issues.append(issue)
            free.discard(k)
            for n_id, name in enumerate(names):
                if issue.source is name:
                    found.setdefault(n_id, Rendering(name, (tok.start, tok.end), tok.text))
    # 3. Common nouns of place names transliterated into the name.
    for n_id, name in enumerate(names):
        if not name.noun:
            continue
        near = free
        if n_id in found:
            # "Ulitca Lenina": the name part is fine, the noun beside it is transliterated.
            r = found[n_id]
            ks = [k for k, t in enumerate(tokens) if r.target[0] <= t.start < r.target[1]]
            lo, hi = _capital_run(tokens, ks[0], tgt)
            near = {k for k in range(lo, hi + 1) if k in free or k in ks}
        if issue := _noun_issue(name, tokens, near, tgt):
            issues.append(issue)
            assert issue.target is not None
            found[n_id] = Rendering(name, issue.target, tgt[issue.target[0] : issue.target[1]])
            free -= {k for k, t in enumerate(tokens) if issue.target[0] <= t.start < issue.target[1]}
    # 4. Near misses: garbled, or a conventional spelling.
    near_windows = [(i, j) for i, j in windows if j - i <= 3]
    for n_id, name in enumerate(names):
        if n_id in found:
            continue
        near = _near(name, tokens, free, tgt, near_windows, compacts)
        if near is None:
            continue
        verdict, span, form = near
        found[n_id] = Rendering(name, span, tgt[span[0] : span[1]])
        free -= {k for k, t in enumerate(tokens) if span[0] <= t.start < span[1]}
        if verdict == GARBLED:
            # A Hangul transcription has many readings: the one nearest the garble is the suggestion.
            suggestion = form.capitalize() if name.nearest_suggestion else name.suggestion
            evidence: dict[str, object] = {"closest_accepted": form, "tried": _tried(name)}
            # A foreign name in Hangul loses letters (웨이드: Wayde or Wade): an English spelling
            # that reads back to the same Hangul consonants is most likely the name's own.
            weak = lang == "ko" and not name.native and _same_hangul_skeleton(name, tgt[span[0] : span[1]])
            if weak:
                evidence["same_hangul_consonants"] = True
            issues.append(NameIssue(GARBLED, name, span, suggestion, evidence, weak=weak))
    # 5. Source names with no rendering; a name met again in the same passage counts once.
    rendered_keys = {names[n].key for n in found}
    others = _unexplained(tokens, free, src, lang)
    for n_id, name in enumerate(names):
        if n_id not in found and name.required and name.key not in rendered_keys:
            evidence = {"tried": _tried(name)}
            if others:
                evidence["unexplained_english"] = others
            issues.append(
                NameIssue(MISSING, name, None, name.suggestion, evidence, weak=not (others and name.reliable))
            )
            rendered_keys.add(name.key)
    # 6. English place names that no source word stands for.
    for k in sorted(free):
        tok = tokens[k]
        if tok.capital and not tok.initial and (issue := _unexpected(tok, src)):
            issues.append(issue)
    return sorted(found.values(), key=lambda r: r.target), issues


def _unexplained(tokens: list[Token], free: set[int], src: str, lang: str) -> list[str]:
    """English name-like words that render no source name: capitalised inside a sentence, not
    everyday words, and not a transliteration of any source word."""
    from rapidfuzz import fuzz

    from mtcheck.lang import ru

    words = [ru.transliterate(w) for w in re.findall(r"[А-ЯЁа-яё]{3,}", src)] if lang == "ru" else []
    words += re.findall(r"[A-Za-z]{3,}", src)
    out = []
    for k in sorted(free):
        tok = tokens[k]
        if not tok.capital or tok.initial or len(tok.text) < 2 or english_frequency(tok.text) >= 4.5:
            continue
        c = compact(tok.text)
        if any(fuzz.ratio(c, compact(w)) >= 60 or same_sound(c, compact(w)) for w in words):
            continue
        out.append(tok.text)
    return out


def _tried(name: SourceName) -> list[str]:
    # Ties broken by the text: set order changes from process to process (hash seeds).
    return sorted(name.accepted, key=lambda s: (len(s), s))[:8]


def _unexpected(tok: Token, src: str) -> NameIssue | None:
    from mtcheck import gazetteer

    if english_frequency(tok.text) >= 5.0 or len(tok.text) < 3:
        return None
    local = gazetteer.source_names(tok.text)
    if not local:
        return None
    low = src.lower()
    if any(n[: max(2, min(4, len(n) - 1))] in low for n in local):
        return None
    # A capital standing for its country: "Moscow" for Russia, "Pyongyang" for North Korea.
    if any(n[: max(2, min(4, len(n) - 1))] in low for n in gazetteer.country_of_capital(tok.text)):
        return None
    return NameIssue(UNEXPECTED, None, (tok.start, tok.end), None, {"place": tok.text})


__all__ = ["PERSON", "PLACE", "NameIssue", "Rendering", "english_tokens", "match"]
