"""MT601: one source name spelt two ways in one document, and which of the two is the slip.

A translator who garbles a name mostly does it once: the same source name is spelt right in the
other sentences (Robinson … Robynson … Robinson). Within a passage of one document (mentions at
most 40 sentences apart) the spellings of one source name (one lemma) are compared word by word;
of two spellings of the same word, the one the
document writes more often stands, and on a tie the one that reads better as a rendering of the
source (the transliteration model's score) and as English (usage: Trump over Tramp, Fred over Fed);
a spelling written less often stands only where it reads far better (a slip copied: Ros, Ros, Ross).
Every occurrence of the other spelling is flagged, with the standing one as the suggestion, not
merely whichever came second. A slip the matcher did not take for a rendering at all (Hot, an
English word) is found the same way: a word of a sentence that leaves the name unrendered, one
slip from the document's spelling of it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from mtcheck.checks.registry import Rule
from mtcheck.lang.names_base import PLACE, SourceName, compact
from mtcheck.namematch import Rendering, english_tokens, name_like, own_letters
from mtcheck.translit.judge import usage
from mtcheck.types import Finding, Span


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A source name's rendering in one alignment bead, with the bead's offsets."""

    rendering: Rendering
    source_offset: int
    target_offset: int
    bead: int  # the alignment bead's index in the document
    flagged: bool = False  # another name finding is on this rendering already


# Spellings of one word stay close (Khinshtein/Khinshteyn 90, Shoigu/Shoygu 83); different words
# for one place do not ("Wales"/"Welsh", "Naples"/"Napoli", 60-67).
_SAME_WORD = 75
# Zipf frequency at which both spellings are English words in their own right, and the gap in
# usage within which two names are as common as each other.
_BOTH_ENGLISH = 1.5
_COMPARABLE = 1.5
# Zipf frequency from which two close spellings are both names English writes often enough to be
# two people's (Reed 4.0 and Reid 3.9, Alan and Allan); a rare name spelt two ways for one source
# word in one passage is a slip more often than two people (Tellis 1.6, Telles 1.9 for Теллис).
_BOTH_NAMES = 2.5
# English endings that make another word of a name, not another spelling: Russia/Russian,
# Ukraine/Ukrainian, China/Chinese, Israel/Israeli, Korea/Koreans, Kursk/Kursks.
_ENGLISH_ENDINGS = ("", "n", "an", "ian", "ean", "ns", "ans", "ians", "s", "es", "ese", "i", "ic", "ish")
# Endings a Russian case form spelt out shares with English derivatives (Kenyi, Richarda, Moskvy).
_CASE_LIKE = frozenset({"", "i"})
# Zipf frequency from which both a word and its derivative are English words (German 5.3,
# Catalan 3.4, Russian 5.1); a Russian case form spelt out is not (Richarda, Kurska, Moskvy).
_DERIVED_WORDS = 2.5
# Zipf frequency from which two spellings are both English words, and from which both are
# everyday words (island 5.0, Ireland 4.7; Fed 4.5 and Fred 4.2 are not both).
_BOTH_WORDS = 3.0
_EVERYDAY = 4.5
# How much more often (Zipf) English writes a name than the spelling that outweighs it for it to be
# another person's name (Wade 4.0 beside Wayde 1.8), not a slip as common as the name (Hamel 2.5
# beside Hammel 2.2 for Хаммел).
_MORE_COMMON = 1.0
# How much English usage (Zipf) counts against the model's score when two spellings tie.
_USAGE_WEIGHT = 0.5
# A tie goes to the spelling that reads better by this much, else to the first written: on the
# generated garbles the right spelling leads the slip by it in 97% (ru) and 94% (ko) of pairs,
# while two accepted transliterations (Khinshtein/Khinshteyn) stay within it.
_CLEARLY_BETTER = 0.5
# A spelling the document writes less often still stands where it reads far better than the one
# written most often, which it trails by at most half (Ross twice beside Ros three times for Росс):
# a translator who slips once may copy the slip, but a slip seldom reads better than the name.
_FAR_BETTER = 1.5
# Model scores of two English names within this of each other render the source equally well
# (Reed 2.5 / Reid 1.9 for Рид, Alan 2.3 / Allan 1.7 for Алан; for Hangul Reed/Reid 0.67,
# Nicholas/Nicolas 0.64, John/Jon 0.6); Jones/Jonas for 존스 are 0.91 apart, a vowel slipped.
_EQUALLY_WELL = 0.8
# Beads between two mentions of a name beyond which they may be two people (an article of news
# names its people again within a few dozen sentences).
_PASSAGE = 40
_WORD = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class Unrendered:
    """A source name that one alignment bead leaves without a rendering, with the bead's English."""

    name: SourceName
    source_offset: int
    target: str
    target_offset: int
    bead: int
    taken: tuple[tuple[int, int], ...]  # spans of the bead's English that render its other names


def unrendered_slips(
    rule: Rule, renderings: Mapping[str, Sequence[Occurrence]], unrendered: Sequence[Unrendered], lang: str
) -> Iterator[Finding]:
    """``rule``'s findings on a source name that a bead leaves unrendered while its English holds a
    word one slip from the name's rendering in the rest of the passage, which the model reads worse
    (Hot where the document writes Holt for 홀트, Scherzel beside Scherzer for 슈어저): a garble too
    near an English word, or a reading too doubtful, for the matcher to take it for the name's."""
    from rapidfuzz import fuzz

    aliases = _aliases({*renderings, *(u.name.key for u in unrendered)}, lang)
    renderings = _merged(renderings, lang)
    for u in unrendered:
        key = aliases.get(u.name.key, u.name.key)
        seen = [o for o in renderings.get(key, ()) if abs(o.bead - u.bead) <= _PASSAGE and not o.flagged]
        if not seen:
            continue
        _, support, written = _spellings(seen)
        credit = _credit(key, lang)
        for tok in english_tokens(u.target):
            c = compact(tok.text)
            if not tok.capital or len(c) < 3 or c in support:
                continue
            if overlaps((tok.start, tok.end), u.taken):
                continue
            rivals = [w for w in support if fuzz.ratio(c, w) >= _SAME_WORD and _derived(c, w) is None]
            if not rivals:
                continue
            right = max(rivals, key=lambda w: (support[w], credit(w)))
            # A spelling the model reads as well may be the name's own (Reid beside Reed for Рид);
            # one English writes far more often as a name is another person's (Wade, Wayde).
            if credit(c, usage_weight=0.0) >= credit(right, usage_weight=0.0) or _common_name(c, right):
                continue
            yield rule.finding(
                f"{tok.text!r} here, {written[right]!r} elsewhere ({support[right]}×) for the same source name "
                f"{u.name.text!r}",
                confidence=0.6,
                source_span=Span(u.source_offset + u.name.start, u.source_offset + u.name.end),
                target_span=Span(u.target_offset + tok.start, u.target_offset + tok.end),
                suggestion=written[right],
                evidence={
                    "key": u.name.key,
                    "other": {"text": written[right], "count": support[right]},
                    "unrendered": True,
                    "model_scores": {
                        tok.text: round(credit(c, usage_weight=0.0), 2),
                        written[right]: round(credit(right, usage_weight=0.0), 2),
                    },
                },
            )
            break


def surname_renderings(r: Rendering, keys: frozenset[str], lang: str) -> list[tuple[str, Rendering]]:
    """A person's full-name rendering as a rendering of the surname too, where the document also
    names the person by the surname alone under a key of its own: the last word of a name in words
    (이안 비티, Ian Beattie: 비티, Beattie), the first syllable of a Korean name in one (문재인,
    Moon Jae-in: 문, Moon). Each pair is the surname's key and the English word that reads best as
    it, so that "Mon" for 문 is weighed against the document's "Moon"."""
    words = r.source.key.split()
    surnames = [words[-1]] if len(words) > 1 and words[-1] in keys else []
    if lang == "ko" and r.source.native and len(words) == 1 and 2 <= len(words[0]) <= 4 and words[0][0] in keys:
        surnames.append(words[0][0])
    written = _words(r.text)
    if not written:
        return []
    out = []
    for key in surnames:
        credit = _credit(key, lang)
        word = written[max(written, key=lambda c: credit(c, usage_weight=0.0))]
        start = r.text.find(word)
        out.append((key, Rendering(r.source, (r.target[0] + start, r.target[0] + start + len(word)), word)))
    return out


def inconsistent(rule: Rule, renderings: Mapping[str, Sequence[Occurrence]], lang: str) -> Iterator[Finding]:
    """``rule``'s findings on the spellings of each source name (``renderings`` by name key, in
    document order) that another spelling of the same word outweighs."""
    for key, seen in _merged(renderings, lang).items():
        for passage in _passages([o for o in seen if not o.flagged]):
            yield from _for_name(rule, key, passage, lang)


# Korean particles Kiwi leaves on a name it does not know (챔버스와: Chambers and).
_KO_PARTICLES = frozenset("와과의는은이가를을에도로만")
# Russian case endings the analyser leaves on a foreign name it cannot decline (Флейсом, Бине), each
# with the endings the name's own form may have in their place: a man's Флейс, Бин, Сергей, Игорь,
# a woman's Анна, Мария. A woman's surname is not a case of her husband's: Иванова, Ивановой go to
# Иванова only, never to Иванов (and an ending after -ов, -ин is left alone where it could be one).
_RU_CASES = {
    "ом": ("", "ь", "й"),
    "ем": ("", "ь", "й"),
    "ём": ("", "ь", "й"),
    "ым": ("",),
    "а": ("", "ь", "й"),
    "я": ("ь", "й"),
    "у": ("", "а", "я", "ь", "й"),
    "ю": ("я", "ь", "й"),
    "е": ("", "а", "я", "ь", "й"),
    "ы": ("а",),
    "и": ("я", "ь"),
    "ой": ("а",),
    "ей": ("я",),
}
_RU_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)$")


def _aliases(keys: Iterable[str], lang: str) -> dict[str, str]:
    """The name keys that are another key with a particle or a case ending left on it (챔버스와 for
    챔버스, флейсом for флейс, бине for бин) → that key, where exactly one key fits."""
    keys = set(keys)
    out: dict[str, set[str]] = {}
    for key in keys:
        if lang == "ko":
            stems = [key[:-1]] if key[-1] in _KO_PARTICLES and len(key) >= 3 else []
        else:
            stems = []
            for ending, own in _RU_CASES.items():
                stem = key[: -len(ending)]
                if not key.endswith(ending) or len(stem) < 3 or " " in key:
                    continue
                if ending in ("а", "у") and _RU_SURNAME.search(stem):
                    continue  # Иванова, Иванову: a woman's surname as well as a man's case
                stems += [stem + e for e in own]
        fits = {s for s in stems if s in keys and s != key}
        if fits:
            out[key] = fits

    # A form may fit two keys that are themselves one name (Бине: Бин and Бина, Бина a case of Бин).
    def root(key: str, seen: frozenset[str] = frozenset()) -> str | None:
        fits = out.get(key)
        if not fits:
            return key
        roots = {root(f, seen | {key}) for f in fits if f not in seen}
        return roots.pop() if len(roots) == 1 else None

    resolved = {key: root(key) for key in out}
    return {k: r for k, r in resolved.items() if r is not None and r != k}


def _merged(renderings: Mapping[str, Sequence[Occurrence]], lang: str) -> Mapping[str, Sequence[Occurrence]]:
    """The renderings with a name that carries a particle or a case ending counted with the same
    name written without it elsewhere in the document."""
    aliases = _aliases(renderings, lang)
    if not aliases:
        return renderings
    out = {k: list(v) for k, v in renderings.items() if k not in aliases}
    for key, to in aliases.items():
        out[to] = sorted(out[to] + list(renderings[key]), key=lambda o: o.bead)
    return out


def _passages(seen: list[Occurrence]) -> Iterator[list[Occurrence]]:
    """The occurrences in runs where each is at most ``_PASSAGE`` beads after the one before: a
    long document's far-apart parts (a digest of articles) may name two people one source
    spelling stands for (Long Lartin prison and Latin America, both 라틴)."""
    run: list[Occurrence] = []
    for o in seen:
        if run and o.bead - run[-1].bead > _PASSAGE:
            yield run
            run = []
        run.append(o)
    if run:
        yield run


def _words(text: str) -> dict[str, str]:
    """The compact forms of a rendering's words (three letters or more) → the words as written."""
    out: dict[str, str] = {}
    for word in _WORD.split(text):
        c = compact(word)
        if len(c) >= 3:
            out.setdefault(c, word.strip(".,;:'\"()"))
    return out


def _for_name(rule: Rule, key: str, seen: list[Occurrence], lang: str) -> Iterator[Finding]:
    if len({o.rendering.text for o in seen}) < 2:
        return
    words, support, written = _spellings(seen)
    first_at: dict[str, int] = {}
    for o, w in zip(seen, words, strict=True):
        for c in w:
            first_at.setdefault(c, o.target_offset + o.rendering.target[0])
    credit = _credit(key, lang)
    # Of two spellings of a place, the big place the gazetteer knows is its English name (Palu,
    # not Paru for 팔루), however well the model reads the other: a place is written one way, and two
    # places one source word stands for are rarer than two people.
    places = {c for c, w in written.items() if _major_place(w)} if seen[0].rendering.source.kind == PLACE else set()
    # The spelling of each word that stands against all its rivals, for every word that loses:
    # the place's name; else the one written most often; on a tie the first written, unless
    # another reads clearly better; and one written less often, but at least half as often, that
    # reads far better than that.
    loses: dict[str, str] = {}
    for c in support:
        group = [c, *(r for r in support if r != c and (_place_and_slip(c, r, places) or _rivals(c, r, credit)))]
        # Of a place's spellings, the gazetteer's stands however often the draft writes another.
        group = [x for x in group if x in places] or group
        top = max(support[x] for x in group)
        tied = sorted((x for x in group if support[x] == top), key=first_at.__getitem__)
        best = tied[0]
        for x in tied[1:]:
            # Where the source script cannot show a doubled letter, usage tells (Scott, not Scot, for 스콧).
            if credit(x) > credit(best) + _CLEARLY_BETTER or (
                _doubled(x, best) and usage(x) > usage(best) + _MORE_COMMON
            ):
                best = x
        close = [x for x in group if 2 * support[x] >= top and credit(x) > credit(best) + _FAR_BETTER]
        if close:
            best = max(close, key=credit)
        if best != c and not _common_name(c, best):
            loses[c] = best
    for o, w in zip(seen, words, strict=True):
        wrong = [c for c in w if c in loses]
        if not wrong:
            continue
        c = wrong[0]
        right = loses[c]
        r = o.rendering
        suggestion = r.text.replace(w[c], written[right], 1)
        yield rule.finding(
            f"{r.text!r} here, {written[right]!r} elsewhere ({support[right]}×) for the same source name "
            f"{r.source.text!r}",
            confidence=0.7,
            source_span=Span(o.source_offset + r.source.start, o.source_offset + r.source.end),
            target_span=Span(o.target_offset + r.target[0], o.target_offset + r.target[1]),
            suggestion=suggestion,
            evidence={
                "key": key,
                "other": {"text": written[right], "start": first_at[right], "count": support[right]},
                "count": support[c],
                "model_scores": {written[x]: round(credit(x, usage_weight=0.0), 2) for x in (c, right)},
            },
        )


def _spellings(seen: Sequence[Occurrence]) -> tuple[list[dict[str, str]], Counter[str], dict[str, str]]:
    """The occurrences' words (compact → as written), how many times each compact word is
    written, and each as first written."""
    words = [_words(o.rendering.text) for o in seen]
    support = Counter(c for w in words for c in w)
    written = {c: w[c] for w in reversed(words) for c in w}
    return words, support, written


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``span`` shares a character with any of ``spans`` (offsets into one text)."""
    return any(a < span[1] and span[0] < b for a, b in spans)


# A name is weighed in each of the passes above (rivals, slips of unrendered sentences, a surname's
# word), and again in the next document of a scan: its model scores are worked out once a process.
@functools.lru_cache(maxsize=1024)
def _credit(key: str, lang: str) -> Callable[..., float]:
    """How well a spelling reads as a rendering of the source name (the transliteration model's
    score) and as English (usage, weighted)."""
    from mtcheck.translit.judge import pair_model
    from mtcheck.translit.units import source_units

    model = pair_model(lang)
    units = source_units(key, lang)

    # Each spelling is weighed against every rival and again for the evidence: score it once.
    @functools.cache
    def fit(word: str) -> float:
        return max(-10.0, model.score(units, word))

    def credit(word: str, usage_weight: float = _USAGE_WEIGHT) -> float:
        return fit(word) + usage_weight * usage(word)

    return credit


def _major_place(word: str) -> bool:
    """A country or a city of 100,000 people or more: a smaller place's name is too often a
    person's too (Manga beside Menga, 멘가)."""
    from mtcheck import gazetteer

    return gazetteer.is_major_place(word)


def _rivals(a: str, b: str, credit: Callable[..., float]) -> bool:
    """Two compact words that spell the same word of a name two ways."""
    from rapidfuzz import fuzz

    if fuzz.ratio(a, b) < _SAME_WORD:
        return False
    # Germany/German, Russia/Russian, Catalonia/Catalan: a word and its derivative. An ending
    # that a Russian case form spelt out also has (Kenya/Kenyi, Richard/Richarda) only where
    # English writes both words.
    derived = _derived(a, b)
    if (
        derived is not None
        and not _doubled(a, b)
        and (derived not in _CASE_LIKE or min(usage(a), usage(b)) >= _DERIVED_WORDS)
    ):
        return False
    # Two words of English's own (Europe/Euro) or two of its names (Reed/Reid for Рид, Alan/Allan):
    # most likely two things one source word stands for, unless one renders the source clearly
    # worse (Fed for Фред, Ros for Росс: a letter of the source dropped).
    if min(usage(a), usage(b)) >= _EVERYDAY:
        return False  # Island/Ireland for 아일랜드: two everyday words are two words
    if _doubled(a, b) and abs(usage(a) - usage(b)) >= _MORE_COMMON:
        # A doubled letter written once (Ros for 로스, which Hangul cannot show), where English
        # writes one far more often; two spellings it writes alike are two names (Alan, Allan).
        return True
    words = min(usage(a), usage(b)) >= _BOTH_WORDS
    # A slip is far rarer than the name it garbles (Tromp 2.1 beside Trump 4.9); two people's
    # names are about as common as each other (Reed 4.0, Reid 3.9).
    comparable = abs(usage(a) - usage(b)) < _COMPARABLE
    names = min(usage(a), usage(b)) >= _BOTH_NAMES and comparable and name_like(a) and name_like(b)
    if names and (own_letters(a, b) or own_letters(b, a)):
        return False  # letters no transliteration writes make a name's own spelling (Rahm, Ram)
    return not (words or names) or abs(credit(a, usage_weight=0.0) - credit(b, usage_weight=0.0)) >= _EQUALLY_WELL


def _place_and_slip(a: str, b: str, places: set[str]) -> bool:
    """One is a big place the gazetteer knows and the other, no place and seldom written, spells
    the same word."""
    from rapidfuzz import fuzz

    # Not a word English writes in its own right (Europa of the Europa League beside Europe).
    slip = b if a in places else a
    return (
        (a in places) != (b in places)
        and fuzz.ratio(a, b) >= _SAME_WORD
        and _derived(a, b) is None
        and usage(slip) < _BOTH_WORDS
    )


def _common_name(loser: str, winner: str) -> bool:
    """A name English writes more often than the spelling that outweighs it is another person's,
    not a slip of it (coach Will Wade beside player Wayde Sims, both Уэйд); slips are rare."""
    return (
        usage(loser) > usage(winner) + _MORE_COMMON
        and min(usage(loser), usage(winner)) >= _BOTH_ENGLISH
        and name_like(loser)
    )


def _doubled(a: str, b: str) -> bool:
    """One is the other with a letter doubled: Ros/Ross, Mitchel/Mitchell, Tennesse/Tennessee."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[:k] + long_[k + 1 :] == short and long_[k] == long_[k - 1] for k in range(1, len(long_))
    )


def _derived(a: str, b: str) -> str | None:
    """The English ending that tells them apart, where after what they share (three letters at
    least) one ends in an ending of names and the other in at most a few letters: Russia/Russian,
    Ukraine/Ukrainian, Germany/German, Catalonia/Catalan, China/Chinese, Israel/Israeli; not
    Woods/Woos."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    if k < 3:
        return None
    short, long_ = sorted((a[k:], b[k:]), key=len)
    if len(short) == len(long_) > 1:
        return None  # a vowel changed inside an ending is a slip (Gendan for Gendon), no derivative
    if short and len(long_) == len(short) + 1 and long_[1:] == short:
        # One letter put into the word, not after it, is a slip (Kieran for Kiernan, whose
        # shared "Kier" leaves "an" and "nan"); a derivative adds its ending (Russia/Russian).
        return None
    if long_ in _ENGLISH_ENDINGS:
        return long_
    # The stem's own end that a derivative replaces holds a vowel (Germany's y, Catalonia's onia); a
    # run of consonants dropped is a slip (Woos for Woods).
    return short if short in _ENGLISH_ENDINGS and len(long_) <= 4 and re.search("[aeiouy]", long_) else None
