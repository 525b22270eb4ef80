"""Numbers, dates and times in Russian, Korean and English text, with their values and spans.

Every quantity carries one or more comparison keys: a float for amounts ("2,5 млн" and
"2.5 million" both give 2500000.0) and tuples for calendar items (("date", 12, 4) for
"4 декабря", "12월 4일" and "December 4"). Ambiguous writings get several keys ("3,500" in
Russian may be 3.5 or 3500; "8:40" may be morning or evening) so that a comparison never
fails on a reading the writer did not mean.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from mtcheck.lang.units import period_of, unit_at, unit_span

Key = float | tuple[str, int, int]
DATE_KINDS = frozenset({"year", "date", "month", "weekday", "time", "day"})
MONTH_NAMES = "January February March April May June July August September October November December".split()
WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    kind: str  # number, percent, ordinal, or one of DATE_KINDS
    keys: tuple[Key, ...]  # the first is the most likely reading
    approx: bool = False
    # Written as a word that is often not a number at all ("one of", "first", 한): it may
    # match, but never raises a finding by itself.
    weak: bool = False
    unit: tuple[str, float] | None = None  # (dimension, factor to the base unit)
    per: float | None = None  # for a rate ("в день", "a week"): its period in days
    # The unit is written after a later figure ("5–10 км", "60×100 см"), which carries its change.
    shared_unit: bool = False

    @property
    def value(self) -> Key:
        return self.keys[0]

    @property
    def family(self) -> str:
        return "date" if self.kind in DATE_KINDS else "number"


def norm(value: float) -> float:
    # Scaled decimals (1.2 * 1e9) must compare equal however they were computed.
    return float(f"{value:.9g}")


# --- shared pieces ----------------------------------------------------------------------

_SPACE = "[ \u00a0\u202f]"
# A phone number with its leading zero ("0800 555 111") is one figure on every side.
_PHONE = rf"0\d{{2,4}}(?:{_SPACE}\d{{3,4}})+(?![\d,.]\d)"
_DIGITS = {
    # Russian groups thousands with (no-break) spaces and uses the comma for decimals.
    "ru": re.compile(rf"{_PHONE}|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,.]\d)|\d+(?:[.,]\d+)?"),
    # Also "0800 555 111", "116 123": groups of three after a space read as one figure, the
    # way the Russian side writes them, so that a phone number is one number on both sides.
    "en": re.compile(
        rf"{_PHONE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,.]\d)|\d+(?:\.\d+)?"
    ),
    "ko": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
}
_SCALES = {
    "ru": [
        (r"тыс(?:\.|яч[аиуе]?\w*)?", 1e3),
        (r"млн\.?|миллион\w*", 1e6),
        (r"млрд\.?|миллиард\w*", 1e9),
        (r"трлн\.?|триллион\w*", 1e12),
    ],
    "en": [(r"thousand", 1e3), (r"million|mln|(?<=\d)m\b", 1e6), (r"billion|bn", 1e9), (r"trillion|tn", 1e12)],
}
_PERCENT = re.compile(r"\s?(?:%|процент\w*|percent|per cent|퍼센트|프로)", re.IGNORECASE)
_APPROX_BEFORE = {
    "ru": re.compile(
        r"(?:около|более|свыше|почти|примерно|порядка|приблизительно|менее|больше|меньше|не менее|не более|"
        r"до|от|чуть|свыше|около|почти что|несколько)\s*$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?:about|around|approximately|roughly|some|more than|over|nearly|almost|less than|fewer than|up to|"
        r"at least|under|close to|upwards of|just|estimated|an estimated|some)\s*(?:\$|€|£)?\s*$",
        re.IGNORECASE,
    ),
    "ko": re.compile(r"(?:약|최소|최대|거의|대략|무려)\s*$"),
}
_APPROX_AFTER = {
    "ru": re.compile(r"^\s*(?:с лишним|с небольшим)", re.IGNORECASE),
    "en": re.compile(r"^(?:\+|-plus|\s*or more|\s*or so)", re.IGNORECASE),
    "ko": re.compile(r"^\s*(?:여|이상|이하|가량|정도|쯤|미만|남짓|넘게|넘는|안팎|내외)"),
}
_LETTER_BEFORE = re.compile(r"[A-Za-zА-Яа-яЁё][-‐]?$")
_LABEL_BEFORE = re.compile(r"[A-Za-zА-Яа-яЁё][-‐]$")
# "p109", "p.109", "pp.12": a page number glued to its abbreviation is still a number.
_PAGE_BEFORE = re.compile(r"(?<![A-Za-z])pp?\.?$")
_LATIN_AFTER = re.compile(r"^[A-Za-z]")
_CYRILLIC_AFTER = re.compile(r"^[А-Яа-яЁё]{3,}")
_PRODUCT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?:\s?[×xхXХ*]\s?\d+(?:[.,]\d+)?)+(?![\w])")
_EN_SUFFIX_OK = re.compile(
    r"^(?:st|nd|rd|th|s|km|kg|m|bn|mln|tn|k|cm|mm|ft|lb|mph|am|pm|p\.m|a\.m|GB|MB|kW|MW|million|billion|trillion)\b"
)


def _approx(text: str, start: int, end: int, lang: str) -> bool:
    before = text[max(0, start - 24) : start]
    return bool(_APPROX_BEFORE[lang].search(before) or _APPROX_AFTER[lang].search(text[end : end + 8]))


def _parse_digits(raw: str, lang: str) -> tuple[float, ...]:
    """All plausible readings of a written number, most likely first."""
    s = re.sub(_SPACE, "", raw)
    if lang == "ru":
        if re.fullmatch(r"\d{1,3},\d{3}", s):
            return (float(s.replace(",", ".")), float(s.replace(",", "")))
        return (float(s.replace(",", ".")),)
    return (float(s.replace(",", "")),)


def _pick(cands: list[Quantity]) -> list[Quantity]:
    """Longest non-overlapping candidates, earlier patterns first on ties."""
    chosen: list[Quantity] = []
    for q in sorted(cands, key=lambda q: (-(q.end - q.start), q.start)):
        if all(q.end <= c.start or q.start >= c.end for c in chosen):
            chosen.append(q)
    return sorted(chosen, key=lambda q: q.start)


# --- calendar items ---------------------------------------------------------------------

_RU_MONTHS = [
    r"январ[ьяеюё]\w*",
    r"феврал[ьяеюё]\w*",
    r"март(?:а|е|у|ом)?",
    r"апрел[ьяеюё]\w*",
    r"ма(?:й|я|е|ю|ем)",
    r"июн[ьяеюё]\w*",
    r"июл[ьяеюё]\w*",
    r"август(?:а|е|у|ом)?",
    r"сентябр[ьяеюё]\w*",
    r"октябр[ьяеюё]\w*",
    r"ноябр[ьяеюё]\w*",
    r"декабр[ьяеюё]\w*",
]
_RU_MONTH = "(" + "|".join(f"(?:{m})" for m in _RU_MONTHS) + ")"
_RU_WEEKDAYS = [
    r"понедельник\w*",
    r"вторник\w*",
    r"(?<=в )среду|(?<=во )среду|сред(?:ам|ой)(?= и| по)|(?<=по )средам",
    r"четверг\w*",
    r"пятниц\w*",
    r"суббот\w*",
    r"воскресень\w*",
]
_EN_MONTH = (
    r"(January|February|March|April|"
    r"(?:(?<=in )|(?<=of )|(?<=by )|(?<=until )|(?<=since )|(?<=early )|(?<=late )|(?<=mid-))May|"
    r"June|July|August|September|October|November|December|"
    + (r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
)
_EN_MONTH_MAY = r"(January|February|March|April|May|June|July|August|September|October|November|December|" + (
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_NOT_WORD = r"(?<![\w-])"
_END = r"(?![\w])"


def _ru_month(word: str) -> int:
    return next(i + 1 for i, m in enumerate(_RU_MONTHS) if re.fullmatch(m, word.lower()))


def _en_month(word: str) -> int:
    w = word.rstrip(".").lower()[:3]
    return next(i + 1 for i, m in enumerate(MONTH_NAMES) if m.lower().startswith(w))


def _date(m: re.Match[str], month: int, day_group: int, month_group: int, year_group: int) -> list[Quantity]:
    day = int(m.group(day_group))
    if not 1 <= day <= 31:
        return []
    out = [Quantity(m.start(), max(m.end(day_group), m.end(month_group)), "date", (("date", month, day),))]
    if m.group(year_group):
        out.append(Quantity(m.start(year_group), m.end(year_group), "year", (float(m.group(year_group)),)))
    return out


def _time(hour: int, minute: int, text: str, end: int) -> tuple[Key, ...]:
    after = text[end : end + 12].lower()
    if re.match(r"\s*(?:p\.?\s?m\.?|вечера|дня|오후)", after) and hour < 12:
        hour += 12
    elif re.match(r"\s*(?:a\.?\s?m\.?|утра|ночи|오전)", after) and hour == 12:
        hour = 0
    elif not re.match(r"\s*(?:a\.?\s?m\.?|утра|ночи)", after) and 1 <= hour <= 12:
        # No half of the day written: both readings stay open.
        return (("time", hour, minute), ("time", (hour + 12) % 24, minute))
    return (("time", hour % 24, minute),)


_EN_MILITARY_TIME = re.compile(
    r"(?<![\d:,.])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|KST|hrs\b|hours\b|h\b))"
)

# One pass for all seven days; the group that matched (d0…d6) is the day.
_RU_WEEKDAY_RE = re.compile(
    _NOT_WORD + "(?:" + "|".join(f"(?P<d{i}>{p})" for i, p in enumerate(_RU_WEEKDAYS)) + ")" + _END, re.IGNORECASE
)
_EN_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(f"(?P<d{i}>{n}s?)" for i, n in enumerate(WEEKDAY_NAMES)) + r")\b")


def _calendar(text: str, lang: str) -> list[Quantity]:
    out: list[Quantity] = []
    # Numeric dates: 04.12.2024 (day first) or 12/4/2024 (either order).
    for m in re.finditer(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])", text):
        a, b = int(m.group(1)), int(m.group(3))
        orders = [(b, a)] if m.group(2) == "." else [(a, b), (b, a)]
        keys = tuple(("date", mo, d) for mo, d in orders if 1 <= mo <= 12 and 1 <= d <= 31)
        if keys:
            out.append(Quantity(m.start(), m.start(4) - 1, "date", keys))
            out.append(Quantity(m.start(4), m.end(), "year", (float(m.group(4)),)))
    for m in re.finditer(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])", text):
        out.append(Quantity(m.start(), m.end(), "time", _time(int(m.group(1)), int(m.group(2)), text, m.end())))
    if lang == "ru":
        flags = re.IGNORECASE
        for m in re.finditer(rf"(?<!\d)(\d{{1,2}})(?:-?го)?\s+{_RU_MONTH}{_END}(?:\s+(\d{{4}}))?", text, flags):
            out += _date(m, _ru_month(m.group(2)), 1, 2, 3)
        for m in re.finditer(rf"{_NOT_WORD}{_RU_MONTH}{_END}", text, flags):
            out.append(Quantity(m.start(), m.end(), "month", (("month", _ru_month(m.group(1)), 0),)))
        for m in _RU_WEEKDAY_RE.finditer(text):
            out.append(Quantity(m.start(), m.end(), "weekday", (("weekday", int(m.lastgroup[1:]), 0),)))
        for m in re.finditer(r"(?<![\d,.])(\d{4})(?:-?(?:е|х|м|го|й|ом))?(?=\s*(?:год|гг?\.|г\b))", text):
            out.append(Quantity(m.start(1), m.end(1), "year", (float(m.group(1)),)))
        for m in re.finditer(r"(?<=\s)(?:в|во)\s+(\d{1,2})\s+час", text):
            hour = int(m.group(1))
            out.append(Quantity(m.start(1), m.end(1), "time", _time(hour, 0, text, m.end() + 4)))
        # "в 7 утра", "около 8 вечера": the hour with its half of the day is a clock time ("7 a.m.").
        for m in re.finditer(r"(?<![\d:.,])(1[0-2]|[1-9])(?=\s+(?:утра|вечера)(?![а-яё]))", text, flags):
            out.append(Quantity(m.start(), m.end(), "time", _time(int(m.group(1)), 0, text, m.end())))
    elif lang == "en":
        for m in re.finditer(rf"\b{_EN_MONTH_MAY}\s+(\d{{1,2}})(?:st|nd|rd|th)?{_END}(?:,?\s+(\d{{4}})(?!\d))?", text):
            out += _date(m, _en_month(m.group(1)), 2, 1, 3)
        for m in re.finditer(
            rf"(?<![\d,.])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH_MAY}(?:,?\s+(\d{{4}})(?!\d))?", text
        ):
            out += _date(m, _en_month(m.group(2)), 1, 2, 3)
        for m in re.finditer(rf"\b{_EN_MONTH}(?![\w])", text):
            out.append(Quantity(m.start(), m.end(), "month", (("month", _en_month(m.group(1)), 0),)))
        for m in _EN_WEEKDAY_RE.finditer(text):
            out.append(Quantity(m.start(), m.end(), "weekday", (("weekday", int(m.lastgroup[1:]), 0),)))
        # "5am", "7 p.m.", and British clock times with a dot between hours and minutes: "7.55am".
        for m in re.finditer(r"(?<![\d:,.])(1[0-2]|0?[1-9])(?:\.([0-5]\d))?\s?([ap])\.?\s?m\b\.?", text, re.I):
            hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
            out.append(Quantity(m.start(), m.end(), "time", (("time", hour, int(m.group(2) or 0)),)))
        for m in re.finditer(r"(?<![\d,.$€£])\b(1[89]\d\d|20\d\d)(?:s|'s)?\b(?![,.]\d|\s?%)", text):
            year = float(m.group(1))
            # "the 1800s" is also "the 19th century" ("с начала 19 века")
            century = (year // 100 + 1,) if m.group().endswith("00s") else ()
            out.append(Quantity(m.start(1), m.end(1), "year", (year, *century)))
        # "1200 GMT", "0930 hours": a clock time without its colon
        for m in _EN_MILITARY_TIME.finditer(text):
            out.append(Quantity(m.start(), m.end(1) + 2, "time", (("time", int(m.group(1)), int(m.group(2))),)))
    else:
        for m in re.finditer(r"(?<![\d.])(\d{4})년", text):
            out.append(Quantity(m.start(), m.end(), "year", (float(m.group(1)),)))
        for m in re.finditer(r"(?<![\d.])(\d{1,2})월\s*(\d{1,2})일", text):
            mo, d = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                out.append(Quantity(m.start(), m.end(), "date", (("date", mo, d),)))
        for m in re.finditer(r"(?<![\d.])(\d{1,2})월(?!\s*\d)", text):
            if 1 <= int(m.group(1)) <= 12:
                out.append(Quantity(m.start(), m.end(), "month", (("month", int(m.group(1)), 0),)))
        for m in re.finditer(r"(?<![\d.월])(\d{1,2})일(?![간째])", text):
            if 1 <= int(m.group(1)) <= 31 and not _ko_day_count(text, m.start(), m.end()):
                out.append(Quantity(m.start(), m.end(), "day", (float(m.group(1)),)))
        for i, name in enumerate("월화수목금토일"):
            for m in re.finditer(rf"{name}요일", text):
                out.append(Quantity(m.start(), m.end(), "weekday", (("weekday", i, 0),)))
        for m in re.finditer(
            r"(오전|오후|새벽|아침|저녁|밤)?\s*(?<![\d.])(\d{1,2})시(?!간|대|즌)(?:\s*(\d{1,2})분)?", text
        ):
            hour, minute = int(m.group(2)), int(m.group(3) or 0)
            half = m.group(1)
            if half in ("오후", "저녁", "밤") and hour < 12:
                keys: tuple[Key, ...] = (("time", hour + 12, minute),)
            elif half:
                keys = (("time", hour, minute),)
            else:
                keys = _time(hour, minute, text, m.end())
            if hour <= 24:
                out.append(Quantity(m.start(2), m.end(), "time", keys))
    return out


# "3일이 걸린다", "60일 대기", "주 4일 근무": a number of days, not the 3rd of a month.
_KO_DAYS_AFTER = re.compile(
    r"(?:이|을|를|동안|만에|만|째|뒤|후|전|이내|내내|씩|이상|넘게|가량|정도|마다|밖에|간)(?![가-힣])|동안"
)
_KO_DAYS_BEFORE = re.compile(r"(?:주|하루|한 달에?|매주)\s?$")


def _ko_day_count(text: str, start: int, end: int) -> bool:
    return bool(_KO_DAYS_AFTER.match(text, end) or _KO_DAYS_BEFORE.search(text[max(0, start - 5) : start]))


# --- amounts ----------------------------------------------------------------------------


_DOZEN = -12  # a multiplier, not an addend: "four dozen"


class _WordTable:
    """Word patterns and their values; the first pattern that matches a whole word wins. One
    alternation tried by the regex engine instead of a Python loop over dozens of patterns."""

    def __init__(self, spec: dict[str, int]) -> None:
        self.values = list(spec.values())
        self.regex = re.compile("|".join(f"(?P<w{i}>{k})" for i, k in enumerate(spec)))

    def __call__(self, word: str) -> int | None:
        m = self.regex.fullmatch(word)
        return self.values[int(m.lastgroup[1:])] if m and m.lastgroup else None


def _word_table(spec: dict[str, int]) -> _WordTable:
    if any(re.compile(k).groups for k in spec):
        raise ValueError("word patterns must use non-capturing groups only")
    return _WordTable(spec)


_RU_WORDS = _word_table(
    {
        r"од(?:ин|на|но|ного|ной|ному|ним|ну|ном)": 1,
        r"дв(?:а|е|ух|ум|умя)": 2,
        r"тр(?:и|[её]х|[её]м|емя)": 3,
        r"четыр(?:е|[её]х|[её]м|ьмя)": 4,
        r"пят(?:ь|и|ью)": 5,
        r"шест(?:ь|и|ью)": 6,
        r"сем(?:ь|и)": 7,
        r"вос(?:емь|ьми|емью)": 8,
        r"девят(?:ь|и|ью)": 9,
        r"десят(?:ь|и|ью)": 10,
        r"одиннадцат(?:ь|и|ью)": 11,
        r"двенадцат(?:ь|и|ью)": 12,
        r"тринадцат(?:ь|и|ью)": 13,
        r"четырнадцат(?:ь|и|ью)": 14,
        r"пятнадцат(?:ь|и|ью)": 15,
        r"шестнадцат(?:ь|и|ью)": 16,
        r"семнадцат(?:ь|и|ью)": 17,
        r"восемнадцат(?:ь|и|ью)": 18,
        r"девятнадцат(?:ь|и|ью)": 19,
        r"двадцат(?:ь|и|ью)": 20,
        r"тридцат(?:ь|и|ью)": 30,
        r"сорок(?:а)?": 40,
        r"пят(?:ьдесят|идесяти)": 50,
        r"шест(?:ьдесят|идесяти)": 60,
        r"сем(?:ьдесят|идесяти)": 70,
        r"вос(?:емьдесят|ьмидесяти)": 80,
        r"девяност(?:о|а)": 90,
        r"ст(?:о|а)": 100,
        r"дв(?:ести|ухсот)": 200,
        r"тр(?:иста|[её]хсот)": 300,
        r"четыр(?:еста|[её]хсот)": 400,
        r"пят(?:ьсот|исот)": 500,
        r"шест(?:ьсот|исот)": 600,
        r"сем(?:ьсот|исот)": 700,
        r"вос(?:емьсот|ьмисот)": 800,
        r"девят(?:ьсот|исот)": 900,
        r"тысяч\w*": 1000,
        r"миллион\w*": 1_000_000,
        r"миллиард\w*": 1_000_000_000,
        r"дюжин\w*": _DOZEN,
    }
)
_RU_ORDINALS = _word_table(
    {
        rf"{stem}(?:ый|ой|ий|ая|ья|ое|ье|ого|ьего|ому|ьему|ом|ьем|ую|ью|ых|ьих|ым|ьим|ыми|ые|ьи|ьей)": v
        for stem, v in [
            ("перв", 1),
            ("втор", 2),
            ("трет", 3),
            ("четв[её]рт", 4),
            ("пят", 5),
            ("шест", 6),
            ("седьм", 7),
            ("восьм", 8),
            ("девят", 9),
            ("десят", 10),
            ("одиннадцат", 11),
            ("двенадцат", 12),
            ("тринадцат", 13),
            ("четырнадцат", 14),
            ("пятнадцат", 15),
            ("шестнадцат", 16),
            ("семнадцат", 17),
            ("восемнадцат", 18),
            ("девятнадцат", 19),
            ("двадцат", 20),
            ("тридцат", 30),
            ("сороков", 40),
            ("пятидесят", 50),
            ("шестидесят", 60),
            ("семидесят", 70),
            ("восьмидесят", 80),
            ("девяност", 90),
            ("сот", 100),
            ("тысячн", 1000),
            ("миллионн", 1_000_000),
        ]
    }
)
_EN_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_WORDS = {w: i for i, w in enumerate(_EN_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_EN_TENS)}
_EN_WORDS |= {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": _DOZEN}
_EN_ORDINALS = {
    w: i + 1
    for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())
}
# Words that may carry a figure but usually do not ("half the city", "twice as likely"): weak.
_EN_FRACTIONS = {
    "half": 0.5,
    "quarter": 0.25,
    "decade": 10,
    "decades": 10,
    "double": 2,
    "doubled": 2,
    "twice": 2,
    "triple": 3,
    "tripled": 3,
}
_RU_FRACTIONS = {
    "десятилетие": 10,
    "десятилетия": 10,
    "вдвое": 2,
    "дважды": 2,
    "втрое": 3,
    "трижды": 3,
    "вчетверо": 4,
    "впятеро": 5,
    "вдесятеро": 10,
    # "за сутки" is "in the past 24 hours" as often as "in a day"
    "сутки": 24,
    "суток": 24,
}


def _combine(values: list[int]) -> float:
    """Read a run of number words: 'пять тысяч двадцать' → 5020, 'four dozen' → 48."""
    total, cur = 0.0, 0.0
    for v in values:
        if v in (100, _DOZEN):
            cur = (cur or 1) * (100 if v == 100 else 12)
        elif v >= 1000:
            total += (cur or 1) * v
            cur = 0
        else:
            cur += v
    return total + cur


def _joins(prev: int, v: int) -> bool:
    """Whether two adjacent number words belong to one numeral ("twenty five", not "three one")."""
    if v in (100, _DOZEN) or v >= 1000:
        return prev < v or v == _DOZEN
    if 20 <= prev < 100 and prev % 10 == 0:
        return 1 <= v <= 9
    return (prev >= 100 and v < 100) or (prev >= 1000 and v < 1000)


Token = tuple[int, int, int]


def _word_runs(text: str, word_re: str, lookup: Callable[[str], int | None]) -> Iterator[list[Token]]:
    """Runs of number words joined by spaces, hyphens or 'and' that read as one numeral."""
    run: list[Token] = []
    last_end = -1
    for m in re.finditer(word_re, text):
        if run and m.group().lower() == "and":
            continue  # "two hundred and five"
        v = lookup(m.group().lower())
        joined = run and re.fullmatch(r"[\s-]+(?:and\s+)?", text[last_end : m.start()])
        if run and (v is None or not joined or not _joins(run[-1][2], v)):
            yield run
            run = []
        if v is not None:
            run.append((m.start(), m.end(), v))
        last_end = m.end()
    if run:
        yield run


# Cached: the same words come back in every sentence, and each lookup tries every pattern.
@functools.lru_cache(maxsize=65536)
def _ru_lookup(word: str) -> int | None:
    return _RU_WORDS(word)


# The whole gap: "1,000 mi) long and 800 km" is no range, and 1,000 is not in km.
_BARE = re.compile(r"\d+(?:[.,]\d+)?")
# Lists too: "17, 18 и 20 лет" are all ages.
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|~|до|to|and|или|or|и|,\s*(?:и|and)?)\s*", re.IGNORECASE)


def _unit(text: str, end: int, start: int | None = None) -> tuple[str, float] | None:
    return unit_at(text, end, start)


def unit_after(text: str, end: int) -> tuple[str, int]:
    """The unit written right after a number ending at ``end`` ("км", "miles") and its end."""
    return unit_span(text, end)


def _ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """'от 340 до 500 млн', '5–10 см': the head of a range shares the tail's scale and unit."""
    out = list(qs)
    for i in range(len(out) - 2, -1, -1):
        head, tail = out[i], out[i + 1]
        gap = text[head.end : tail.start]
        if head.kind != "number" or tail.kind != head.kind or not _RANGE_GAP.fullmatch(gap):
            continue
        if "," in gap and not all(_BARE.fullmatch(text[q.start : q.end]) for q in (head, tail)):
            continue  # "£125m, three years ago": a comma lists bare figures only
        v, t = head.keys[0], tail.keys[0]
        if not (isinstance(v, float) and isinstance(t, float)):
            continue
        keys = head.keys
        for scale in (1e3, 1e6, 1e9):
            if t >= scale > v * 10 and v * scale > t / 100:
                keys += (norm(v * scale),)
        shared = head.unit is None and tail.unit is not None
        out[i] = replace(head, keys=keys, unit=head.unit or tail.unit, per=head.per or tail.per, shared_unit=shared)
    return out


_ORDINAL_SUFFIX = {"en": r"(?:st|nd|rd|th)\b", "ru": r"-?(?:й|я|е|го|му|м|ю|х|ми)\b"}


def _amounts_digits(text: str, lang: str) -> list[Quantity]:
    out: list[Quantity] = []
    scales = _SCALES.get(lang, [])
    # "25-тысячная толпа", "a 5-million-strong army": the hyphen joins figure and scale.
    scale_re = re.compile(r"[\s-]?(?:" + "|".join(f"({p})" for p, _ in scales) + r")(?![\w])", re.IGNORECASE)
    # "60×100 см", "21х17х4" (a Cyrillic х), "4x4": each side of a product is a figure,
    # whatever letter stands for "by"; weak without a unit after it, since "a 4x4" is as often
    # a car as a size, but "60×100 см" is a size and 60×10 cm another one.
    products = [m.span() for m in _PRODUCT.finditer(text)]
    for a, b in products:
        # The unit after the product is every side's: 60 of "60×100 см" is 60 cm too.
        size_unit = _unit(text, b, b)
        for d in re.finditer(r"\d+(?:[.,]\d+)?", text[a:b]):
            values = _parse_digits(d.group(), lang)
            end = a + d.end()
            keys = tuple(norm(v) for v in values)
            unit = size_unit or _unit(text, end, end)
            shared = size_unit is not None and end < b
            out.append(
                Quantity(a + d.start(), end, "number", keys, weak=size_unit is None, unit=unit, shared_unit=shared)
            )
    for m in _DIGITS[lang].finditer(text):
        start, end = m.span()
        # "Северный поток-2", "Су-27", "COVID-19": part of a name; it may match the other
        # side's "Nord Stream 2", but is never reported by itself.
        before = text[max(0, start - 2) : start]
        label = bool(_LABEL_BEFORE.search(before))
        if ((_LETTER_BEFORE.search(before) and not label) or (start and text[start - 1] in ".,")) and not (
            _PAGE_BEFORE.search(text[max(0, start - 4) : start])
        ):
            continue
        after = text[end : end + 12]
        # "3D", "5G", "A380": a code, on every side; "5km", "3pm" are figures.
        if _LATIN_AFTER.match(after) and not _EN_SUFFIX_OK.match(after) and not _unit(text, end):
            continue
        # "0ведены": a typo or a code, not a figure; "5млн", "2км", "90х" are figures.
        if _CYRILLIC_AFTER.match(after) and not _unit(text, end) and not (scales and scale_re.match(text, end)):
            continue
        if any(a <= start < b for a, b in products):
            continue
        values = _parse_digits(m.group(), lang)
        kind = "number"
        if scales and (sm := scale_re.match(text, end)):
            scaled = tuple(v * scales[(sm.lastindex or 1) - 1][1] for v in values)
            if _metres(sm.group(), text, start):
                values += scaled  # "100m": metres first, millions ("2.4m people") second
            else:
                values, end = scaled, sm.end()
        if pm := _PERCENT.match(text, end):
            kind, end = "percent", pm.end()
        elif re.match(_ORDINAL_SUFFIX.get(lang, "$^"), text[end : end + 3]):
            kind = "ordinal"
        keys = tuple(norm(v) for v in values)
        if kind == "percent":
            keys += tuple(norm(v / 100) for v in values)
        out.append(
            Quantity(start, end, kind, keys, _approx(text, start, end, lang), label, unit=_unit(text, end, start))
        )
    return out


# "£100m", "$5M" are millions; "the 100m freestyle" is metres, "2.4m people" millions again.
_CURRENCY_BEFORE = re.compile(r"[$€£¥₩₽]\s?$")


def _metres(scale: str, text: str, start: int) -> bool:
    return scale.strip(" -").lower() == "m" and not _CURRENCY_BEFORE.search(text[max(0, start - 4) : start])


def _words_quantity(text: str, run: list[Token], lang: str) -> Quantity | None:
    # A leading "thousand"/"миллионов" counts only with an article: "thousands of" is vague.
    article = re.search(r"\ba\s+$", text[max(0, run[0][0] - 3) : run[0][0]]) if lang == "en" else None
    while run and (run[0][2] >= 100 or run[0][2] == _DOZEN) and not article:
        run = run[1:]
    if not run:
        return None
    s, e, vals = run[0][0], run[-1][1], [t[2] for t in run]
    if article:
        s = max(0, s - 3) + article.start()
    # "в два раза больше" is "twice" or "double", which English seldom writes as a figure.
    twice = vals == [2] and lang == "ru" and bool(_RU_TIMES.match(text, e))
    weak = vals == [1] or twice
    return Quantity(s, e, "number", (norm(_combine(vals)),), _approx(text, s, e, lang), weak, _unit(text, e, s))


_RU_TIMES = re.compile(r"\s+раза?(?![а-яё])", re.IGNORECASE)


# "двухчасовой", "стометровый": a figure inside a compound word; it may match, never flags.
_RU_COMPOUND = re.compile(
    r"(?<![а-яё])(одно|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|двадцати|тридцати|сорока|"
    r"пятидесяти|ста|сто|тысяче)(?=[а-яё]{4,})",
    re.IGNORECASE,
)
_RU_COMPOUND_VALUES = {
    "одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "десяти": 10, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
    "ста": 100, "сто": 100, "тысяче": 1000,
}  # fmt: skip
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_EN_FRACTION_RE = re.compile(r"\b(a|one|two|three)[\s-](thirds?|quarters?)\b", re.IGNORECASE)


# "XI, XII и XIII века", "X–XI вв. и XIV в.": every numeral of the list is a century.
_ROMAN_ONE = re.compile(r"(?<![\w-])([IVXLC]+)(?:-?[а-я]{1,3})?(?![\w])")
_ROMAN_RUN = re.compile(
    r"(?<![\w-])[IVXLC]+(?:-?[а-я]{1,3})?(?:\s*(?:,|и|или|–|—|-)\s*[IVXLC]+(?:-?[а-я]{1,3})?)*"
    r"(?P<tail>\s+(?:век|столети|съезд|созыв|вв?\.))"
)


def _roman(s: str) -> int:
    vals = [_ROMAN[c] for c in s]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def _amounts_words(text: str, lang: str) -> list[Quantity]:
    out: list[Quantity] = []
    if lang == "ru":
        for m in _RU_COMPOUND.finditer(text):
            v = _RU_COMPOUND_VALUES[m.group(1).lower()]
            # "двухметровый", "пятидневная": the rest of the word is the unit
            out.append(Quantity(m.start(), m.end(), "number", (float(v),), weak=True, unit=_unit(text, m.end())))
        for run in _ROMAN_RUN.finditer(text):
            for m in _ROMAN_ONE.finditer(text, run.start(), run.start("tail")):
                out.append(Quantity(m.start(), m.end(), "ordinal", (float(_roman(m.group(1))),)))
        for m in re.finditer(
            r"(?<![а-яё])(?:(одн[аиу]|две|тр[иеё]х?)\s+)?(трет|четверт)(?:ь|и|ей|ью)(?![а-яё])", text, re.I
        ):
            num = 2 if (m.group(1) or "").lower() == "две" else 3 if m.group(1) and m.group(1)[1] == "р" else 1
            # "в последней трети" (the final third) without a numeral is rarely a figure
            value = norm(num / (3 if m.group(2) == "трет" else 4))
            unit = _unit(text, m.end())
            out.append(Quantity(m.start(), m.end(), "number", (value,), weak=not m.group(1), unit=unit))
        for m in re.finditer(r"(?<![\d,.])([1-9]0)-?е(?=\s+год)", text):
            v = float(m.group(1))
            out.append(Quantity(m.start(), m.end(), "year", (v, 1900 + v, 2000 + v)))
    else:
        for m in _EN_FRACTION_RE.finditer(text):
            num = 1 if m.group(1).lower() in ("a", "one") else _EN_WORDS[m.group(1).lower()]
            den = 3 if m.group(2).lower().startswith("third") else 4
            # "a third" may as well be the ordinal ("a third term")
            out.append(Quantity(m.start(), m.end(), "number", (norm(num / den), float(den))))
    lookup = _ru_lookup if lang == "ru" else _EN_WORDS.get
    for run in _word_runs(text, r"[A-Za-zА-Яа-яЁё]+", lookup):
        if q := _words_quantity(text, run, lang):
            out.append(q)
    for m in re.finditer(r"[A-Za-zА-Яа-яЁё]+", text):
        if found := _one_word(m.group().lower(), lang):
            kind, value, weak = found
            # "half an hour", "a quarter-hour": a fraction of a unit
            unit = _fraction_unit(text, m.end()) if kind == "number" and value < 1 else None
            out.append(Quantity(m.start(), m.end(), kind, (value,), weak=weak, unit=unit))
    return out


def _fraction_unit(text: str, end: int) -> tuple[str, float] | None:
    article = re.match(r"\s(?:an?)(?=\s)", text[end : end + 4])
    return _unit(text, end + article.end() if article else end)


_EN_ORDINALS_TABLE = _word_table(_EN_ORDINALS)
# Collective numerals: "шестеро задержанных" is six people detained.
_RU_COLLECTIVE = _word_table(
    {
        r"дво(?:е|их|им|ими)": 2,
        r"тро(?:е|их|им|ими)": 3,
        r"четвер(?:о|ых|ым|ыми)": 4,
        r"пятер(?:о|ых|ым|ыми)": 5,
        r"шестер(?:о|ых|ым|ыми)": 6,
        r"семер(?:о|ых|ым|ыми)": 7,
        r"восьмер(?:о|ых|ым|ыми)": 8,
        r"девятер(?:о|ых|ым|ыми)": 9,
        r"десятер(?:о|ых|ым|ыми)": 10,
    }
)


# Cached: the same words come back in every sentence, and each lookup tries every pattern.
@functools.lru_cache(maxsize=65536)
def _one_word(w: str, lang: str) -> tuple[str, float, bool] | None:
    """(kind, value, weak) of a lower-case word that is a number by itself: an ordinal, a
    fraction, "полтора"."""
    v = (_RU_ORDINALS if lang == "ru" else _EN_ORDINALS_TABLE)(w)
    if v is not None:
        return "ordinal", float(v), v <= 2
    weak = _RU_FRACTIONS if lang == "ru" else _EN_FRACTIONS
    if w in weak:
        return "number", float(weak[w]), True
    if lang == "ru" and re.fullmatch(r"полтор(?:а|ы|ух)", w):
        return "number", 1.5, False
    if lang == "ru" and (v := _RU_COLLECTIVE(w)) is not None:
        return "number", float(v), False
    if lang == "ru" and re.fullmatch(r"половин\w*", w):
        return "number", 0.5, True
    return None


# Korean: digits or Sino-Korean numerals grouped by 십/백/천 and the myriads 만/억/조.
_KO_SINO = dict(zip("일이삼사오육칠팔구", range(1, 10), strict=True))
_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
_KO_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# MT output often spaces units off ("22 억 5 천만"), so a space may precede a unit.
_KO_GROUP = rf"(?:{_KO_NUM}\s?[십백천]?|{_KO_NUM}?\s?[십백천])\s?[만억조]?|{_KO_NUM}?\s?[만억조]"
_KO_AMOUNT = re.compile(rf"(?<![\d.,])(?:(?:{_KO_GROUP})\s?)*(?:{_KO_GROUP}|{_KO_NUM}(?![\d.,]))")
_KO_COUNTERS = (
    "명|개|번|차례|가지|곳|건|척|대|채|마리|권|살|세|배|년|달|주|일|시간|분|초|회|개국|개월|편|장|발|톤|원|달러|위|등|층|호|"
    "킬로|미터|%"
)
_KO_SINO_WORD = re.compile(rf"(?<![가-힣])([일이삼사오육칠팔구십백천만억]+)(?=\s?(?:{_KO_COUNTERS}))")
_KO_NATIVE_TENS = {
    "열": 10,
    "스물": 20,
    "스무": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
_KO_NATIVE = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
}
# "열 다섯 마리" is fifteen: a native ten and its unit.
_KO_NATIVE_RE = re.compile(
    r"(?<![가-힣])(?:(열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s?)?(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무)\s?"
    r"(?=(?:명|개|번|차례|가지|곳|마리|사람|살|시간|달|해|척|대|채|권|잔|병|배)(?![가-힣]*[었였했]))"
    # a counter ends its word or takes a particle: "열대성" is tropical, not ten of anything
    r"(?!(?:대|해|배|병|달)(?!이|을|를|은|는|의|에|와|과|도|만|씩|째|가|로|[^가-힣]|$))"
    # and "세대" (a generation, a household) and "열대" (tropical) are three or ten of something only
    # when spaced: "세 대를" three cars, "열대 폭풍" a tropical storm
    r"(?<![세열](?=대))"
)
# Native words that count days: "이틀 동안" is two days, "나흘 뒤" four days later.
_KO_DAY_COUNTS = {
    "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "아흐레": 9, "열흘": 10,
    "보름": 15,
}  # fmt: skip
_KO_DAY_COUNT_RE = re.compile(
    r"(?<![가-힣])(" + "|".join(_KO_DAY_COUNTS) + r")(?=[^가-힣]|간|동안|이|을|를|은|는|의|에|만|째|$)"
)
# "팔 년", "육 개월": a Sino-Korean digit spelt out before a period; weak, as 사, 오 and 구 are words too.
_KO_SINO_PERIOD = re.compile(
    r"(?<![가-힣\d])([삼사오육칠팔구십])\s?(?=(?:년|개월|시간|주(?=\s?(?:간|동안|남|후|뒤|전|째|만에)))(?![가-힣]*[었였했]))"
)


# "3인조" trio, "2년마다" biennial, "2차 경기" return match, "2배" double: rarely digits in English.
_KO_IDIOM = re.compile(r"인조|년마다|차(?![가-힣])|배|분의|학년|학기")


def _ko_value(raw: str) -> float:
    total, chunk, cur = 0.0, 0.0, None
    for tok in re.findall(r"\d+(?:\.\d+)?|[일이삼사오육칠팔구]|[십백천만억조]", raw.replace(",", "")):
        if tok in _KO_SMALL:
            chunk += (cur if cur is not None else 1) * _KO_SMALL[tok]
            cur = None
        elif tok in _KO_BIG:
            chunk += cur or 0
            total += (chunk or 1) * _KO_BIG[tok]
            chunk, cur = 0.0, None
        else:
            cur = float(_KO_SINO.get(tok, 0) or tok)
    return total + chunk + (cur or 0)


_KO_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
# Figures grouped by spaces the way English and Russian write them: thousands ("116 123") and
# phone numbers ("0800 555 111"). Other spaced digits are two figures ("220 2/3 이닝").
_KO_GROUPED = re.compile(r"0\d{2,4}(?:\s\d{3,4})+|\d{1,3}(?:\s\d{3})+")


def _ko_pieces(m: re.Match[str]) -> Iterator[tuple[int, int]]:
    """The figures of one Korean amount match: split where digits meet digits across a space,
    unless the digits are grouped."""
    start, raw = m.start(), m.group().rstrip()
    cuts = [g.span() for g in _KO_DIGIT_GAP.finditer(raw)]
    if not cuts or _KO_GROUPED.fullmatch(raw):
        yield start, start + len(raw)
        return
    left = 0
    for a, b in cuts:
        grouped = _KO_GROUPED.match(raw, left)
        if grouped and grouped.end() > a:
            continue
        yield start + left, start + a
        left = b
    yield start + left, start + len(raw)


def _amounts_ko(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for s, e in (span for m in _KO_AMOUNT.finditer(text) for span in _ko_pieces(m)):
        raw = text[s:e]
        if _LETTER_BEFORE.search(text[max(0, s - 2) : s]) or (
            _LATIN_AFTER.match(text[e : e + 3]) and not _EN_SUFFIX_OK.match(text[e : e + 12]) and not _unit(text, e)
        ):
            continue
        value = float(re.sub(r"\s", "", raw)) if _KO_GROUPED.fullmatch(raw) else _ko_value(raw)
        kind = "number"
        keys: tuple[float, ...] = (norm(value),)
        if pm := _PERCENT.match(text, e):
            kind, e = "percent", pm.end()
            keys += (norm(value / 100),)
        elif text.startswith("번째", e) or (s >= 1 and text[s - 1] == "제"):
            kind = "ordinal"
        # 10대 / 20대: teenagers, people in their twenties; 1 is as often "a"/"top" as a figure.
        weak = value == 1 or (text.startswith("대", e) and value % 10 == 0) or bool(_KO_IDIOM.match(text, e))
        out.append(Quantity(s, e, kind, keys, _approx(text, s, e, "ko"), weak, _unit(text, e, s)))
    for m in re.finditer(r"(?<![\d.])(\d+)\s?분의\s?(\d+)", text):
        out.append(Quantity(m.start(), m.end(), "number", (norm(int(m.group(2)) / int(m.group(1))),)))
    for m in _KO_SINO_WORD.finditer(text):
        if re.search(r"[십백천만억]", m.group(1)) and len(m.group(1)) >= 2:
            s, e = m.span(1)
            out.append(Quantity(s, e, "number", (norm(_ko_value(m.group(1))),), _approx(text, s, e, "ko")))
    for m in _KO_NATIVE_RE.finditer(text):
        v = _KO_NATIVE_TENS.get(m.group(1) or "", 0) + _KO_NATIVE[m.group(2)]
        s, e = m.start(1) if m.group(1) else m.start(2), m.end(2)
        kind = "ordinal" if text.startswith("번째", m.end()) or text.startswith(" 번째", e) else "number"
        # As in English and Russian: "second", "twice" and "double" (두 번째, 두 번, 두 배) seldom stay figures.
        weak = v == 1 or (v == 2 and text.startswith("번", m.end())) or bool(_KO_IDIOM.match(text, m.end()))
        out.append(Quantity(s, e, kind, (float(v),), _approx(text, s, e, "ko"), weak, _unit(text, e, s)))
    for m in _KO_SINO_PERIOD.finditer(text):
        s, e = m.span(1)
        value = 10.0 if m.group(1) == "십" else float(_KO_SINO[m.group(1)])
        out.append(Quantity(s, e, "number", (value,), weak=True, unit=_unit(text, e, s)))
    for m in _KO_DAY_COUNT_RE.finditer(text):
        v = _KO_DAY_COUNTS[m.group(1)]
        out.append(Quantity(m.start(), m.end(), "number", (float(v),), weak=v == 1, unit=("duration", 86400.0)))
    return out


def extract(text: str, lang: str) -> list[Quantity]:
    """Every number, date and time in ``text``; numbers inside dates belong to the date."""
    return list(_extract(text, lang))


# Alignment reads each sentence's figures as anchors and the number check reads them again in
# the aligned pairs, most of which are the same sentences: one reading serves both.
@functools.lru_cache(maxsize=16384)
def _extract(text: str, lang: str) -> tuple[Quantity, ...]:
    calendar = _pick(_calendar(text, lang))
    amounts = _amounts_ko(text) if lang == "ko" else _amounts_digits(text, lang) + _amounts_words(text, lang)
    free = [a for a in amounts if all(a.end <= c.start or a.start >= c.end for c in calendar)]
    free = [_with_period(text, q, lang) for q in _compound_measures(text, _halves(text, _pick(free), lang))]
    measured = [_signed(text, q) for q in _ranges(text, free) if not _zero_mark(text, q)]
    return tuple(sorted(calendar + measured, key=lambda q: q.start))


# A temperature below zero: a minus sign or word before the figure ("−15 °C", "минус 15", "영하
# 12도", "minus 12 degrees"), or words after its unit ("12 degrees below zero", "15 градусов
# мороза"). A dropped "minus" is a wrong forecast, so the sign is part of the figure; elsewhere a
# hyphen before a figure is as often a range or a code (5-10, Су-57), and no sign is read.
_MINUS_BEFORE = re.compile(r"(?:(?<![\w\d.,])[-−]|(?<!\w)(?:минус|minus|영하)\s?)$", re.IGNORECASE)
_MINUS_AFTER = re.compile(r"\s+(?:below zero|ниже нуля|мороза)\b", re.IGNORECASE)
_SIGN_WORD = re.compile(r"(?:below|above|ниже|выше)\s$", re.IGNORECASE)


def _zero_mark(text: str, q: Quantity) -> bool:
    """The zero of "below zero", "выше нуля": a sign, not a figure of its own."""
    return text[q.start : q.end].lower() in ("zero", "нуля") and bool(_SIGN_WORD.search(text, 0, q.start))


def _signed(text: str, q: Quantity) -> Quantity:
    if not (q.unit and q.unit[0] == "temp" and q.keys and all(isinstance(k, float) and k > 0 for k in q.keys)):
        return q
    before = _MINUS_BEFORE.search(text, max(0, q.start - 8), q.start)
    after = _MINUS_AFTER.match(text, unit_span(text, q.end)[1])
    if not (before or after):
        return q
    return replace(q, start=before.start() if before else q.start, keys=tuple(-k for k in q.keys))


# "an hour and a half", "a year and a half": 1.5 of the unit, where no figure is written.
_A_UNIT_AND_A_HALF = re.compile(r"\b(?:an?|one)\s+(?=[a-z]+\s+and\s+a\s+half\b)", re.IGNORECASE)
_AND_A_HALF = {
    "en": re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE),
    "ru": re.compile(r"\s+с\s+половиной\b", re.IGNORECASE),
}
# Korean "2시간 반", "1년 반": half a unit more; 반 ends its word or takes a particle.
_KO_HALF = re.compile(r"\s?반(?![가-힣])|\s?반(?=[이은을에의만도])")


def _halves(text: str, qs: list[Quantity], lang: str) -> list[Quantity]:
    """A half added to a figure and its unit, as one figure: "two and a half hours", "an hour
    and a half", "2시간 반" (otherwise 2 and a loose 0.5, or nothing but the half)."""
    out: list[Quantity] = []
    skip: set[int] = set()
    for k, q in enumerate(qs):
        if k in skip:
            continue
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if lang == "ko":
            duration = q.unit and q.unit[0] == "duration" and isinstance(q.value, float)
            if duration and _KO_HALF.match(text, unit_span(text, q.end)[1]):
                q = replace(q, keys=(norm(q.value + 0.5),), weak=False)
            out.append(q)
            continue
        half_next = nxt is not None and _is_half(text, nxt) and isinstance(q.value, float)
        and_half = half_next and _AND_A_HALF[lang].match(text, unit_span(text, q.end)[1] if q.unit else q.end)
        if nxt and and_half and and_half.end() == nxt.end:
            # "two and a half million", "двух с половиной миллионов": the scale is the whole figure's.
            scale, end = _scale_after(text, nxt.end, lang)
            value = norm((q.value + 0.5) * scale)
            out.append(replace(q, end=end, keys=(value,), unit=q.unit or nxt.unit, weak=False))
            skip.add(k + 1)
            continue
        if lang == "en" and _is_half(text, q):
            a = _A_UNIT_AND_A_HALF.search(text, max(0, q.start - 30))
            a = a if a and a.end() < q.start else None
            unit = _unit(text, a.end() - 1) if a else None
            if a and unit and _AND_A_HALF[lang].match(text, unit_span(text, a.end() - 1)[1]):
                out.append(replace(q, start=a.start(), keys=(1.5,), unit=unit, weak=False))
                continue
        out.append(q)
    return out


_SCALE_AFTER = {
    lang: [(re.compile(rf"\s+(?:{p})(?!\w)", re.IGNORECASE), f) for p, f in scales] for lang, scales in _SCALES.items()
}


def _scale_after(text: str, end: int, lang: str) -> tuple[float, int]:
    """The scale word right after ``end`` ("million", "миллионов") and where it ends."""
    for pattern, factor in _SCALE_AFTER[lang]:
        if m := pattern.match(text, end):
            return factor, m.end()
    return 1.0, end


def _is_half(text: str, q: Quantity) -> bool:
    return q.keys == (0.5,) and text[q.start : q.end].lower() in ("half", "половиной")


def _compound_measures(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Two units of one length, duration or mass as one figure: "1 м 82 см", "6 feet 6 inches",
    "6-foot-6", "1시간 30분", "2 pounds 3 ounces"."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        r = qs[i + 1] if i + 1 < len(qs) else None
        if r is not None and q.unit and q.unit[0] in _COMPOUND_KINDS and isinstance(q.value, float):
            gap = text[unit_span(text, q.end)[1] : r.start]
            small = r.unit
            if small is None and q.unit[1] == _FOOT and gap == "-":
                small = ("length", _INCH)
            if (
                re.fullmatch(r"[\s-]*|\s+(?:and|и)\s+", gap)
                and small
                and small[0] == q.unit[0]
                and isinstance(r.value, float)
                and r.kind == q.kind == "number"
                and r.value * small[1] < q.unit[1]
            ):
                value = norm(q.value + r.value * small[1] / q.unit[1])
                out.append(replace(q, end=r.end, keys=(value,), weak=q.weak and r.weak))
                i += 2
                continue
        out.append(q)
        i += 1
    return out


_FOOT, _INCH = 0.3048, 0.0254
_COMPOUND_KINDS = frozenset({"length", "duration", "mass"})


def _with_period(text: str, q: Quantity, lang: str) -> Quantity:
    """An amount that is a rate ("2000 рублей в день") carries its period; a duration's own
    unit is no rate ("три дня в неделю" is three days, a week's worth)."""
    if q.kind not in ("number", "percent") or (q.unit and q.unit[0] == "duration"):
        return q  # a percentage may be a rate too: "연 3.5%", "3.5% a year" (an interest rate)
    per = period_of(text, q.start, q.end, lang)
    return replace(q, per=per) if per else q


def render(q: Quantity) -> str:
    """How the quantity is written in English."""
    v = q.value
    if isinstance(v, tuple):
        kind, a, b = v
        if kind == "date":
            return f"{MONTH_NAMES[a - 1]} {b}"
        if kind == "month":
            return MONTH_NAMES[a - 1]
        if kind == "weekday":
            return WEEKDAY_NAMES[a]
        return f"{a:02d}:{b:02d}"
    if q.kind == "year":
        return f"{v:.0f}"
    suffix = "%" if q.kind == "percent" else ""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale and (v / scale) * 100 == round((v / scale) * 100):
            return f"{norm(v / scale):g} {word}{suffix}"
    return (f"{v:,.0f}" if v == int(v) else f"{v:,}") + suffix
