"""Units, measures and periods written after a figure, in Russian, Korean and English.

A unit is read as (dimension, size in the dimension's base unit): "12 км", "12 km" and
"12 킬로미터" give ("length", 1000.0); "шесть недель", "six weeks" and "6주" ("duration",
604800.0). Two figures of one dimension compare after conversion, so 12 km → 7.5 miles
passes and 12 km → 12 miles does not. A rate per period ("2000 рублей в день", "$5 a week",
"하루에 5만 원") carries the period apart, in days, so "per day" against "a week" is a change
even when the amount is the same.

Why a table here and not pint or CLDR (both measured): CLDR (babel) names units in Russian
and Korean only in the nominative plural forms, and a Russian text needs every case
("километрах", "неделями") and the short forms that news writes ("км/ч", "кв. м", "тыс. га");
pint knows no Russian or Korean words and no pyeong or geun; and neither knows that 시속
before a distance makes a speed. The sizes are the standard ones (SI and the international
yard and pound); Korean traditional units (평, 근, 돈, 리) and the Russian сотка are the only
entries no library holds. Compatibility characters (㎞, ㏊, ㎏) are read through NFKC.
"""

from __future__ import annotations

import re
import unicodedata

Unit = tuple[str, float]

_DAY = 86400.0
# After a one-syllable Korean unit comes a particle or nothing Hangul ("30평이며", "6주간").
_KO = (
    r"(?=이며|이고|이나|이다|입니다|인|이었|였|이|을|를|은|는|의|에|로|으로|과|와|도|만|씩|짜리|가|동안|째|뒤|후|전"
    r"|마다|밖에|까지|부터|보다|이상|이하|이내|내|가량|정도|쯤|넘게|간|[^가-힣]|$)"
)
# (pattern, dimension, size). Longer and compound units first: "км/ч" must not stop at "км".
UNITS: list[tuple[str, str, float]] = [
    # speed (base: m/s)
    (
        r"км/ч|км в час|километр\w* в час|km/h|kph|kmh|kilomet(?:re|er)s? (?:per|an|a) hour|킬로미터/시",
        "speed",
        1 / 3.6,
    ),
    (r"mph|miles (?:per|an|a) hour|мил[ьи] в час", "speed", 0.44704),
    (r"м/с|метр\w* в секунду|m/s|met(?:re|er)s? per second|미터/초", "speed", 1.0),
    (r"узл(?:а|ов)|узел|knots?|노트", "speed", 0.514444),
    # energy before power: "кВт·ч" must not stop at "кВт"
    (r"ТВт[·*]?ч|TWh|테라와트시", "energy", 3.6e12),
    (r"ГВт[·*]?ч|GWh|기가와트시", "energy", 3.6e9),
    (r"МВт[·*]?ч|MWh|메가와트시", "energy", 3.6e6),
    (r"кВт[·*]?ч|kWh|киловатт-час\w*|kilowatt[- ]hours?|킬로와트시", "energy", 3.6e3),
    # power (base: W)
    (r"ГВт|GW|гигаватт\w*|gigawatts?|기가와트", "power", 1e9),
    (r"МВт|MW|мегаватт\w*|megawatts?|메가와트", "power", 1e6),
    (r"кВт|kW|киловатт\w*|kilowatts?|킬로와트", "power", 1e3),
    (r"Вт|W|ватт\w*|watts?|와트", "power", 1.0),
    # voltage (base: V); the letters in their case only: "в" is also a preposition ("2 в 1")
    (r"(?-i:кВ|kV)|киловольт\w*|kilovolts?|킬로볼트", "voltage", 1e3),
    (r"(?-i:В|V)|вольт\w*|volts?|볼트", "voltage", 1.0),
    # frequency (base: Hz)
    (r"ГГц|GHz|гигагерц\w*|gigahertz|기가헤르츠", "frequency", 1e9),
    (r"МГц|MHz|мегагерц\w*|megahertz|메가헤르츠", "frequency", 1e6),
    (r"кГц|kHz|килогерц\w*|kilohertz|킬로헤르츠", "frequency", 1e3),
    (r"Гц|Hz|герц\w*|hertz|헤르츠", "frequency", 1.0),
    # data rates before data sizes: "Мбит/с" must not stop at "Мб"
    (r"Гбит/с|Gbit/s|Gbps|Gb/s", "data rate", 1e9),
    (r"Мбит/с|Mbit/s|Mbps|Mb/s", "data rate", 1e6),
    (r"Кбит/с|kbit/s|kbps|Kb/s", "data rate", 1e3),
    (r"ТБ|TB|терабайт\w*|terabytes?|테라바이트", "data", 1e12),
    (r"ГБ|GB|гигабайт\w*|gigabytes?|기가바이트", "data", 1e9),
    (r"МБ|MB|мегабайт\w*|megabytes?|메가바이트", "data", 1e6),
    (r"КБ|KB|килобайт\w*|kilobytes?|킬로바이트", "data", 1e3),
    # area (base: m²)
    (
        r"кв\.?\s?км|км²|km²|km2|квадратн\w+ километр\w*|square[ -]kilomet(?:re|er)s?|sq\.? ?km|제곱킬로미터",
        "area",
        1e6,
    ),
    (r"кв\.?\s?м|м²|m²|квадратн\w+ метр\w*|square[ -]met(?:re|er)s?|sq\.? ?m|제곱미터", "area", 1.0),
    (r"кв\.?\s?мил\w*|квадратн\w+ мил\w*|square[ -]miles?|sq\.? ?mi", "area", 2589988.0),
    (r"square[ -](?:feet|foot)|sq\.? ?ft|квадратн\w+ фут\w*|제곱피트", "area", 0.092903),
    (r"га|гектар\w*|ha|hectares?|헥타르", "area", 1e4),
    (r"сот(?:ка|ки|ок|кам|ках|ку|кой)|ares?", "area", 100.0),
    (r"акр\w*|acres?|에이커", "area", 4046.86),
    (rf"평{_KO}", "area", 3.305785),
    # volume (base: litre)
    (r"куб\.?\s?м|м³|m³|кубическ\w+ метр\w*|cubic met(?:re|er)s?|세제곱미터", "volume", 1000.0),
    (r"мл|ml|миллилитр\w*|millilit(?:re|er)s?|밀리리터", "volume", 0.001),
    (r"л|l|литр\w*|lit(?:re|er)s?|리터", "volume", 1.0),
    (r"галлон\w*|gallons?|갤런", "volume", 3.78541),
    (r"баррел\w*|barrels?|배럴", "volume", 158.987),
    # length (base: m)
    (r"км|km|километр\w*|킬로미터|kilomet(?:re|er)s?", "length", 1000.0),
    (r"см|cm|сантиметр\w*|센티미터|센티|centimet(?:re|er)s?", "length", 0.01),
    (r"мм|mm|миллиметр\w*|밀리미터|millimet(?:re|er)s?", "length", 0.001),
    (r"м|m|метр\w*|미터|met(?:re|er)s?", "length", 1.0),
    (r"дюйм\w*|inch(?:es)?|인치", "length", 0.0254),
    (r"фут\w*|feet|foot|ft|피트", "length", 0.3048),
    (r"ярд\w*|yards?|yd|야드", "length", 0.9144),
    (r"мил[ьяеи]\w*|miles?|mi|마일", "length", 1609.34),
    # mass (base: kg)
    (r"кг|kg|килограмм\w*|킬로그램|킬로|kilo(?:gram)?s?", "mass", 1.0),
    (r"мг|mg|миллиграмм\w*|milligrams?|밀리그램", "mass", 1e-6),
    (r"грамм\w*|grams?|g|그램", "mass", 0.001),
    (r"тонн\w*|tonnes?|tons?|톤", "mass", 1000.0),
    (r"фунт\w*(?!\s+стерлинг)|pounds?(?!\s+sterling)|lbs?|파운드", "mass", 0.4536),
    (r"унци\w*|ounces?|oz|온스", "mass", 0.02835),
    (rf"근{_KO}", "mass", 0.6),
    (rf"돈{_KO}", "mass", 0.00375),
    # temperature: the size says the scale (1 Celsius, -1 Fahrenheit, 0 not written)
    (r"°\s?[CС]|градус\w*\s(?:по\s)?Цельси\w*|도|degrees? Celsius|섭씨", "temp", 1.0),
    (r"°\s?F|degrees? Fahrenheit|градус\w*\s(?:по\s)?Фаренгейт\w*|화씨", "temp", -1.0),
    (r"°|градус\w*|degrees?", "temp", 0.0),
    # durations (base: second); Russian "летний" is the "-year" of "30-летний" (30-year-old)
    (r"секунд\w*|сек\.?|seconds?|secs?|초" + _KO, "duration", 1.0),
    (r"минут\w*|мин\.?|minutes?|mins?|분" + _KO, "duration", 60.0),
    # The adjectives too: the rest of "двухчасовой", "пятидневная" after the figure's stem.
    (r"час(?:а|ов\w*|ами|ах|ам)?|ч\.?|hours?|hrs?|시간", "duration", 3600.0),
    (
        r"сут(?:ки|ок|кам|ках)|суточн\w*|дн(?:я|ей|ям|ями|ях)|день|дневн\w*|days?|일간|일" + _KO + "|날",
        "duration",
        _DAY,
    ),
    (r"недел\w*|нед\.|weeks?|wks?|주(?:간|일)?" + _KO, "duration", 7 * _DAY),
    (r"месяц\w*|месячн\w*|мес\.|months?|mths?|개월|달" + _KO, "duration", 30.4375 * _DAY),
    (
        r"лет(?:ний|него|нему|ним|нем|няя|нюю|ней|нее|ние|них|ними)?|год(?:а|у|ом|ы|ов|ам|ами|ах)?|годичн\w*"
        r"|years?|yrs?"
        rf"|년간|년{_KO}|세{_KO}|살{_KO}",
        "duration",
        365.25 * _DAY,
    ),
    (r"десятилет\w*|decades?|десятилетий", "duration", 3652.5 * _DAY),
    (r"век(?:а|ов)?|столети\w*|centur(?:y|ies)|세기", "duration", 36525 * _DAY),
]
# Korean particles attach to units ("20km로", "5미터를"), so a Hangul letter may follow the
# Latin or Cyrillic ones; the one-syllable Hangul units say which may follow (_KO).
UNIT_RE = re.compile(
    r"\s?(?:-|‐)?(?:" + "|".join(f"({p})" for p, _, _ in UNITS) + r")(?![A-Za-z\u00c0-\u024fА-Яа-яЁё\d_²³])",
    re.IGNORECASE,
)
# "시속 135킬로미터": Korean writes a speed as a distance after 시속 (per hour).
_KO_PER_HOUR = "시속"

# A rate's period, in days: after the amount ("в день", "a week", "per year", "annually",
# "ежемесячно") or, in Korean, before it ("하루에", "주당", "연간", "매달").
_PERIODS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
_RATE_AFTER = [
    (r"в час|в сутки|за час|per hour|an hour|a hour|hourly|시간당", "hour"),
    (r"в день|за день|в сутки|ежедневно|per day|a day|each day|every day|daily|하루에|일당|매일", "day"),
    (r"в неделю|за неделю|еженедельно|per week|a week|each week|every week|weekly|주당|매주", "week"),
    (r"в месяц|за месяц|ежемесячно|per month|a month|each month|every month|monthly|월당|매달|매월", "month"),
    (r"в год|за год|ежегодно|per year|a year|each year|every year|annually|a annum|per annum|yearly|연간|매년", "year"),
]
_RATE_AFTER_RE = re.compile(
    r"^[\s\w.$€£₽₩¥%-]{0,30}?(?<![\w])(?:" + "|".join(f"({p})" for p, _ in _RATE_AFTER) + r")(?![\w])",
    re.IGNORECASE,
)
# The period may be an average's ("하루 평균 200만 명", "연평균 3%").
_KO_RATE_BEFORE = re.compile(
    r"(?:(하루에?|일당|매일|일(?=\s?평균))|(주당|매주|일주일에)|(월당|매달|매월|한 달에|월)"
    r"|(연간|매년|연|1년에|한 해에?))\s*(?:평균\s*)?$"
)


# "7000t급": the tonne symbol, only right after the figure (a lone "t" is anything else).
_TONNE = re.compile(r"t(?![A-Za-z\u00c0-\u024fА-Яа-яЁё\d_])")
# Russian "г" after a figure is a gram ("300 г муки") or, after a year, "год" ("в 2021 г.",
# "400 г. н. э."): a four-digit figure from 1000 to 2100 or one before an era is the year.
_GRAM = re.compile(r"\s?г(?!\w)")
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(1\d{3}|20\d{2}|2100)$")
_ERA = re.compile(r"\.?\s*(?:до\s+)?н\.\s?э")


def gram_end(text: str, end: int) -> int | None:
    """Where a gram's "г" after the figure ending at ``end`` ends, or None."""
    m = _GRAM.match(text, end)
    if m is None or _YEAR_BEFORE.search(text, max(0, end - 5), end) or _ERA.match(text, m.end()):
        return None
    return m.end()


def _symbol(text: str, end: int) -> tuple[Unit, str, int] | None:
    """A unit the table cannot read by itself, its symbol and where it ends: the tonne's "t"
    and the Russian gram's "г", each only where the text around says so."""
    if _TONNE.match(text, end):
        return ("mass", 1000.0), "t", end + 1
    if gram := gram_end(text, end):
        return ("mass", 0.001), "г", gram
    return None


def unit_at(text: str, end: int, start: int | None = None) -> Unit | None:
    """The unit written right after a figure that ends at ``end``, if any."""
    if symbol := _symbol(text, end):
        return symbol[0]
    m = UNIT_RE.match(_compat(text, end), 0)
    if not m:
        return None
    dimension, size = UNITS[(m.lastindex or 1) - 1][1:]
    if dimension == "length" and start is not None and _KO_PER_HOUR in text[max(0, start - 6) : start]:
        return ("speed", size / 3600)
    return (dimension, size)


def unit_span(text: str, end: int) -> tuple[str, int]:
    """The unit written right after a figure ending at ``end`` and where it ends."""
    if symbol := _symbol(text, end):
        return symbol[1:]
    window = _compat(text, end)
    m = UNIT_RE.match(window, 0)
    if not m:
        return ("", end)
    grown = len(window) - len(text[end : end + 40])  # what NFKC added (㎞ → km)
    stop = max(m.end() - grown, 1) if grown else m.end()
    return (text[end : end + stop].strip(" -‐"), end + stop)


def _compat(text: str, end: int) -> str:
    """The text after the figure with compatibility units spelled out (㎞ → km, ㏊ → ha)."""
    window = text[end : end + 40]
    if not any("\u3380" <= c <= "\u33ff" for c in window[:3]):
        return window
    return unicodedata.normalize("NFKC", window[:3]) + window[3:]


def period_of(text: str, start: int, end: int, lang: str) -> float | None:
    """The period of a rate, in days, written around a figure; None when it is no rate."""
    found = period_at(text, start, end, lang)
    return found[0] if found else None


def period_at(text: str, start: int, end: int, lang: str) -> tuple[float, int, int] | None:
    """The period of a rate written around a figure and where its words are: (days, start, end)."""
    if lang == "ko" and (m := _KO_RATE_BEFORE.search(text, max(0, start - 10), start)):
        return list(_PERIODS.values())[(m.lastindex or 1)], m.start(m.lastindex or 1), m.end(m.lastindex or 1)
    m = _RATE_AFTER_RE.match(text[end : end + 45])
    if not m:
        return None
    group = m.lastindex or 1
    return _PERIODS[_RATE_AFTER[group - 1][1]], end + m.start(group), end + m.end(group)
