"""Russian: name-like words and their Latin transliterations."""

from __future__ import annotations

import functools
import re

# A run of capitalised words, e.g. "Ким Чен Ын", "Курской области" stops at the lower case.
_RUN = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ-]*(?:\s+[А-ЯЁ][а-яёА-ЯЁ-]*)*")


def name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of runs of capitalised Cyrillic words (names, places, acronyms, openers)."""
    return [m.span() for m in _RUN.finditer(text)]


@functools.lru_cache(maxsize=65536)
def transliterate(word: str) -> str:
    """Wikipedia-style romanisation, the one English-language news uses most."""
    import iuliia

    return iuliia.WIKIPEDIA.translate(word)


# Schemes English-language text actually uses for Russian names; diacritics are folded away.
SCHEMES = (
    "WIKIPEDIA",
    "BGN_PCGN_ALT",
    "ICAO_DOC_9303",
    "ALA_LC_ALT",
    "TELEGRAM",
    "MOSMETRO",
    "YANDEX_MAPS",
    "GOST_779_ALT",
)
# Usual English spellings beyond the schemes: endings and clusters news writers simplify.
_ENGLISH_HABITS = (
    (r"iy$", ("y", "i", "ii", "yy")),
    (r"yy$", ("y", "iy", "i")),
    (r"kh", ("h",)),
    (r"ks", ("x",)),
    (r"ey", ("ei",)),
    (r"ts", ("tz", "z", "c")),
    (r"zh", ("j",)),
    (r"yo", ("io", "e")),
    (r"ye", ("e",)),
    # ье after a consonant: Васильев → Vasiliev, Григорьев → Grigoriev
    *((f"{c}ye", (f"{c}ie",)) for c in "bdfgklmnprstvz"),
    (r"^ye", ("e",)),
    (r"yu", ("iu", "u")),
    (r"ya", ("ia",)),
    (r"shch", ("sch",)),
    (r"v$", ("ff",)),
    (r"^g", ("h",)),
    (r"iya$", ("ia",)),  # Лигурия → Liguria  # Гамбург → Hamburg, Гарвард → Harvard
)


def renderings(word: str) -> frozenset[str]:
    """Latin spellings of a Russian word that English text accepts, folded to lower case
    letters: 'Зеленский' → {'zelenskiy', 'zelensky', 'zelenskii', 'zelenskij', …}."""
    # Case changes no scheme's choice of letters (checked on FLORES-200's Russian words), and
    # the result is folded anyway: one computation serves "Курск" and "курск".
    return _renderings(word.lower())


@functools.lru_cache(maxsize=65536)
def _renderings(word: str) -> frozenset[str]:
    import iuliia

    from mtcheck.gazetteer import fold

    base = {_letters(fold(getattr(iuliia, s).translate(word))) for s in SCHEMES}
    out = set(base)
    for pattern, letters, repls in _HABITS:
        # A spelling without the habit's letters is left as it is: no need to try the pattern.
        for form in [f for f in out if letters in f]:
            for r in repls:
                out.add(pattern.sub(r, form))
    out.discard("")
    return frozenset(out)


# The habits compiled, each with the letters its pattern needs (anchors aside).
_HABITS = tuple((re.compile(p), p.strip("^$"), repls) for p, repls in _ENGLISH_HABITS)
_NOT_LETTERS = re.compile(r"[^a-z]")


def _letters(s: str) -> str:
    return _NOT_LETTERS.sub("", s.lower())
