"""MT3xx: numbers, dates and amounts that the translation changed.

Values are compared as multisets within each alignment bead. A source value left without an
equal English value and an English value left without a source counterpart are paired when
they are of the same sort (an amount for an amount, a date for a date) and reported together
as a replacement; leftovers are reported alone only when written in digits, since number
words ("one of", "first", "two" for "both") are too often not figures at all.

MT303 looks at the same pairs: equal figures whose unit or currency differs (5 км → 5 miles,
5 млн рублей → $5 million), and replaced figures that keep their digits but not their scale
word (5 млн → 5 billion), which are a slipped scale rather than a wrong number.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.lang.money import currency
from mtcheck.lang.numbers import Quantity, extract, norm, render, unit_after
from mtcheck.lang.units import period_at
from mtcheck.types import Bead, Finding, Severity, Span

NUMBER = register_rule(
    Rule(
        "MT301",
        "number",
        "A number differs between source and translation",
        Severity.ERROR,
        "Amounts, percentages and counts of the source sentence are compared with those of its "
        "translation after reading scale words and number words (2,5 млн = 2.5 million, 3만 5천 = "
        "35,000, двадцать пять = twenty-five). A value with no counterpart, or one replaced by a "
        "different value, is reported. Approximation words (около, 약, about) are not compared.",
    )
)
DATE = register_rule(
    Rule(
        "MT302",
        "date",
        "A date or time differs between source and translation",
        Severity.ERROR,
        "Days and months (4 декабря, 12월 4일, December 4), years, weekdays and clock times "
        "(20:40 = 8:40 pm) of the source sentence are compared with those of its translation.",
    )
)
AMOUNT = register_rule(
    Rule(
        "MT303",
        "amount",
        "An amount changed its scale, unit or currency",
        Severity.ERROR,
        "The figure survived translation but what it counts did not: the scale word changed "
        "(5 млн → 5 billion, 3만 → 3 thousand), the unit changed without the number being "
        "converted (5 км → 5 miles; 5 км → 3 miles is a correct conversion and passes), or the "
        "currency changed (5 млн рублей → $5 million, 2억 원 → 200 million dollars).",
    )
)
# Approximate figures are rounded by translators ("около 1,5 млн" → "about 1.4 million" is
# a slip, "почти 2000" → "nearly 2,000" is not); within this margin they count as equal.
_APPROX_MARGIN = 0.1


@dataclass(frozen=True, slots=True)
class Mismatch:
    rule: Rule
    source: Quantity | None
    target: Quantity | None
    # For MT303: "scale", "unit" or "currency", with what each side says, e.g. ("RUB", "USD").
    change: str = ""
    detail: tuple[str, str] = ("", "")
    # Why the evidence is weak, when it is: the finding is then info, not an alarm.
    doubt: str = ""


def _converted(a: Quantity, x: float, b: Quantity, y: float) -> bool:
    """Equal after a unit conversion the translator made (cm → inches, °C → °F)."""
    if not (a.unit and b.unit and a.unit[0] == b.unit[0]):
        return _fahrenheit_unwritten(a, x, b, y) or _fahrenheit_unwritten(b, y, a, x)
    if a.unit[0] == "temp":
        # One scale on both sides is no conversion: -12 °C is 10.4 °F, near enough to 12 °F, not to 12 °C.
        if a.unit[1] == b.unit[1] != 0:
            return False
        return any(abs(c * 9 / 5 + 32 - f) <= 2 for c, f in ((x, y), (y, x)))
    if a.unit[1] == b.unit[1]:
        return False  # one unit: only equal figures are equal ("20 лет" is no conversion of "16 years")
    ratio = x * a.unit[1] / (y * b.unit[1]) if y else 0.0
    return 0.8 <= ratio <= 1.25


def _fahrenheit_unwritten(a: Quantity, x: float, b: Quantity, y: float) -> bool:
    """American English gives Fahrenheit without a unit: "27 градусов" against "widespread 80s"."""
    return bool(a.unit and a.unit[0] == "temp" and a.unit[1] >= 0 and b.unit is None and abs(x * 9 / 5 + 32 - y) <= 2)


def _rate_converted(a: Quantity, x: float, b: Quantity, y: float) -> bool:
    """The same rate over another period: 100 в день = 700 a week."""
    if not (a.per and b.per) or a.per == b.per or not y:
        return False
    return 0.8 <= (x / a.per) / (y / b.per) <= 1.25


_PERIOD_NAMES = {1 / 24: "hour", 1.0: "day", 7.0: "week", 30.4375: "month", 365.25: "year"}


def _period(days: float) -> str:
    return f"a {_PERIOD_NAMES.get(days, f'{days:g} days')}"


def _loose(a: Quantity, b: Quantity) -> bool:
    for x in a.keys:
        for y in b.keys:
            if isinstance(x, tuple) and isinstance(y, tuple):
                # A day and month against the month alone, or a year-less date: not a change.
                if {x[0], y[0]} == {"date", "month"} and x[1] == y[1]:
                    return True
            elif isinstance(x, tuple) or isinstance(y, tuple):
                day = x if isinstance(x, tuple) else y
                num = y if isinstance(x, tuple) else x
                if day[0] == "date" and day[2] == num:
                    return True
                # British "7.55" for 7:55
                if day[0] == "time" and any(abs(h + day[2] / 100 - num) < 1e-6 for h in (day[1], day[1] % 12)):
                    return True
            elif (
                _converted(a, x, b, y)
                or _rate_converted(a, x, b, y)
                or ((a.approx or b.approx) and abs(x - y) <= _APPROX_MARGIN * max(abs(x), abs(y)))
            ):
                return True
    return False


Pairs = list[tuple[Quantity, Quantity]]


def _equal(a: Quantity, b: Quantity) -> bool:
    return bool(set(a.keys) & set(b.keys))


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """No unit on one side, the same unit, or a temperature whose scale one side leaves unwritten."""
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return True
    return a.unit[0] == b.unit[0] == "temp" and 0.0 in (a.unit[1], b.unit[1])


def _equivalent(a: Quantity, b: Quantity) -> bool:
    """Equal after converting the unit or the period of a rate."""
    return any(
        _converted(a, x, b, y) or _rate_converted(a, x, b, y)
        for x in a.keys
        for y in b.keys
        if isinstance(x, float) and isinstance(y, float)
    )


# Pairing goes from the surest kind of match to the loosest, so that a figure is not taken by a
# weaker partner: "двух дней" pairs with "two years" (a unit changed), not with "second"; "25 см"
# with "10 inches" (converted) before "10 см" can take the 10 for a changed unit.
_TIERS = (
    lambda a, b: _equal(a, b) and a.kind == b.kind and _same_unit(a, b),
    lambda a, b: _equal(a, b) and _same_unit(a, b),
    _equivalent,
    _equal,
    _loose,
)


def _match(
    src: list[Quantity], tgt: list[Quantity], source: str = "", target: str = ""
) -> tuple[Pairs, list[Quantity], list[Quantity]]:
    """Pair equal values; return the pairs and what is left on each side. Figures written in
    digits are paired first, with figures in digits where they can be: "в четыре мяча ... 5/4"
    against "fourballs ... 5&4" leaves the word over, not the figure."""
    left_s = sorted(src, key=lambda q: not _digits(q, source))
    left_t = sorted(tgt, key=lambda q: not _digits(q, target))
    pairs: Pairs = []
    for same in _TIERS:
        for s in list(left_s):
            t = next((t for t in left_t if same(s, t)), None)
            if t is not None:
                left_s.remove(s)
                left_t.remove(t)
                pairs.append((s, t))
    return pairs, left_s, left_t


def _digits(q: Quantity, text: str) -> bool:
    return any(c.isdigit() for c in text[q.start : q.end])


# "45 miles (72 kilometres)", "€3.1bn ($3.6bn)": one amount written twice.
_OPEN_ALIAS = re.compile(
    r"\s?[\w/.°%]{0,24}\s*\(\s*(?:about|around|approximately|около|약)?\s*[$€£₽₩¥]?$", re.IGNORECASE
)
_CLOSE_ALIAS = re.compile(r"^\s?[^\d()]{0,24}\)")


def _aliases(qs: list[Quantity], text: str) -> dict[int, int]:
    """id of the quantity in brackets → id of the one it restates, and back."""
    out: dict[int, int] = {}
    for a, b in itertools.pairwise(qs):
        if _OPEN_ALIAS.search(text[a.end : b.start]) and _CLOSE_ALIAS.match(text[b.end : b.end + 26]):
            out[id(b)], out[id(a)] = id(a), id(b)
    return out


def _restated(left: list[Quantity], aliases: dict[int, int]) -> list[Quantity]:
    """Leftovers less those that restate another amount: gone when their twin was matched,
    reported once when both are left over."""
    left_ids = {id(q) for q in left}
    out: list[Quantity] = []
    for q in left:
        twin = aliases.get(id(q))
        if twin is None or (twin in left_ids and all(id(k) != twin for k in out)):
            out.append(q)
    return out


def _unit_change(s: Quantity, t: Quantity) -> bool:
    """Equal figures whose units differ and were not converted ("5 км" → "5 miles")."""
    if not (s.unit and t.unit) or s.unit == t.unit:
        return False
    if s.unit[0] != t.unit[0]:
        return True  # kilometres became kilograms
    if s.unit[0] == "temp":
        # "27 градусов" → "27 °C": a scale left unwritten is no change; 180 °C → 180 °F is one.
        return 0 not in (s.unit[1], t.unit[1]) and s.keys[0] == t.keys[0]
    x, y = s.keys[0], t.keys[0]
    return not (isinstance(x, float) and isinstance(y, float) and _converted(s, x, t, y))


def _converted_elsewhere(
    s: Quantity, t: Quantity, pairs: Pairs, left_s: list[Quantity], left_t: list[Quantity], twins: dict[int, int]
) -> bool:
    """Could the unit-changed figure be a conversion of another one? Not of its own restatement
    in brackets: in "300 km (180 miles)" → "300 km (180 km)" the 180 is no conversion of 300."""
    own = {id(s), id(t), twins.get(id(s)), twins.get(id(t))}
    sources = [p[0] for p in pairs] + left_s
    targets = [p[1] for p in pairs] + left_t
    return any(_loose(o, t) for o in sources if id(o) not in own) or any(
        _loose(s, o) for o in targets if id(o) not in own
    )


def _scale_change(s: Quantity, src: str, src_lang: str, t: Quantity, tgt: str) -> bool:
    """The figure before the scale word is kept, the scale is not: 5 млн → 5 billion, 3만 →
    3 thousand, 5 тыс. → 5. A changed figure (2,5 млн → 25 million) is a wrong number, MT301."""
    a, b = _mantissa(src[s.start : s.end], src_lang), _mantissa(tgt[t.start : t.end], "en")
    if a is None or b is None or not (a[1] or b[1]):
        return False  # no scale word on either side: nothing to have slipped
    return a[0] == b[0] and s.keys[0] != t.keys[0]


def _mantissa(written: str, lang: str) -> tuple[float, bool] | None:
    """The figure written in digits before any scale word, and whether a scale word follows."""
    m = _LEADING.match(written)
    if m is None:
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", m.group())
    value = float(digits.replace(",", ".") if lang == "ru" else digits.replace(",", ""))
    return value, m.end() < len(written.rstrip(" %"))


_SCALE_NAMES = {
    1e3: "тыс|тысяч|thousand|천",
    1e4: "만",
    1e6: "млн|миллион|million|백만",
    1e8: "억",
    1e9: "млрд|миллиард|billion|십억",
    1e12: "трлн|триллион|trillion|조",
}


def _scale_nearby(text: str, q: Quantity, other: Quantity) -> bool:
    """Is the scale that ``other`` has over ``q`` written a few words after ``q``?"""
    x, y = q.keys[0], other.keys[0]
    if not (isinstance(x, float) and isinstance(y, float)) or not x or y <= x:
        return False
    name = _SCALE_NAMES.get(norm(y / x))
    return bool(name and re.search(name, text[q.end : q.end + 30], re.IGNORECASE))


_LEADING = re.compile(r"\d+(?:[ \u00a0\u202f,.]\d+)*")


def _sort(q: Quantity) -> str:
    if q.family == "number" or q.kind == "year":
        return "year" if q.kind == "year" else "number"
    return "day" if q.kind in ("date", "day") else q.kind


def compare(source: str, source_lang: str, target: str) -> list[Mismatch]:
    """Numbers, dates and amounts that differ between a source text and its English translation."""
    src_q, tgt_q = extract(source, source_lang), extract(target, "en")
    pairs, left_s, left_t = _match(src_q, tgt_q, source, target)
    s_twins, t_twins = _aliases(src_q, source), _aliases(tgt_q, target)
    left_s = _restated(left_s, s_twins)
    left_t = _restated(left_t, t_twins)
    out: list[Mismatch] = []
    for s, t in pairs:
        # "до 25 см" → "up to 10 inches" next to "7–10 см" → "3 to 6 inches": the 10s are
        # equal by chance, and 10 inches is 25 cm converted.
        if _unit_change(s, t) and not _converted_elsewhere(s, t, pairs, left_s, left_t, s_twins | t_twins):
            # The spans take in the units: they are what changed.
            if s.shared_unit and t.shared_unit:
                continue  # the figures that the units are written after report the change
            (su, se), (tu, te) = unit_after(source, s.end), unit_after(target, t.end)
            out.append(Mismatch(AMOUNT, replace(s, end=se), replace(t, end=te), "unit", (su, tu)))
        elif _period_change(s, t):
            assert s.per and t.per
            # The spans take in the periods ("в день", "a week"): they are what changed.
            out.append(
                Mismatch(
                    AMOUNT,
                    _with_period_words(s, source, source_lang),
                    _with_period_words(t, target, "en"),
                    "period",
                    (_period(s.per), _period(t.per)),
                )
            )
        elif s.family == "number" and (money := _currency_change(s, source, t, target)):
            out.append(Mismatch(AMOUNT, s, t, "currency", money))
    for s in list(left_s):
        t = next((t for t in left_t if _sort(t) == _sort(s)), None)
        if t is not None and not (s.weak or t.weak):
            left_s.remove(s)
            left_t.remove(t)
            if s.family == "number" and _scale_change(s, source, source_lang, t, target):
                if _scale_nearby(source, s, t) or _scale_nearby(target, t, s):
                    continue  # "50 и более миллионов" = "50 million or more": the parser split it
                money = _currency_change(s, source, t, target)
                out.append(Mismatch(AMOUNT, s, t, "scale", money or ("", "")))
            else:
                doubt = _shifted_day(s, t) or _ordinal_for_count(s, t)
                out.append(Mismatch(DATE if "date" in (s.family, t.family) else NUMBER, s, t, doubt=doubt))
    # Alone, only figures written in digits count: a word may be no number at all. A figure the
    # sentence already pairs ("12번 지구 ... 12번 지구" against one "12th district") or that the
    # other side writes where the parser reads no amount ("247스포츠" / "247sports") is no change.
    matched = {k for pair in pairs for q in pair for k in q.keys}
    lone_s = [s for s in left_s if _strong(s, source) and not matched & set(s.keys) and not _written(s, target)]
    lone_t = [t for t in left_t if _strong(t, target) and not matched & set(t.keys) and not _written(t, source)]
    # Where every other figure of the sentence pair matches, a figure on one side only is more
    # often a paraphrase ("7 или 8 место" → "a wild-card spot") than a wrong figure.
    doubt = "the other figures of the sentence match" if any(_digits(a, source) for a, _ in pairs) else ""
    out += [Mismatch(DATE if s.family == "date" else NUMBER, s, None, doubt=doubt) for s in lone_s]
    out += [Mismatch(DATE if t.family == "date" else NUMBER, None, t, doubt=doubt) for t in lone_t]
    return sorted(out, key=lambda m: (m.source or m.target).start)  # type: ignore[union-attr]


def _period_change(s: Quantity, t: Quantity) -> bool:
    """The same amount (or a converted one) per another period: "2000 в день" → "2,000 a week"."""
    if not (s.per and t.per) or 0.8 <= s.per / t.per <= 1.25:
        return False
    return _equal(s, t) or any(
        _converted(s, x, t, y) for x in s.keys for y in t.keys if isinstance(x, float) and isinstance(y, float)
    )


def _with_period_words(q: Quantity, text: str, lang: str) -> Quantity:
    found = period_at(text, q.start, q.end, lang)
    return replace(q, start=min(q.start, found[1]), end=max(q.end, found[2])) if found else q


def _shifted_day(s: Quantity, t: Quantity) -> str:
    """A weekday one day off is as often a time-zone conversion as a slip."""
    x, y = s.keys[0], t.keys[0]
    if s.kind == t.kind == "weekday" and isinstance(x, tuple) and isinstance(y, tuple) and (x[1] - y[1]) % 7 in (1, 6):
        return "a weekday one day off is often a time-zone conversion"
    return ""


def _ordinal_for_count(s: Quantity, t: Quantity) -> str:
    """ "3분" against "in the fourth minute": an ordinal one off a count is how the two are said."""
    x, y = s.keys[0], t.keys[0]
    if {s.kind, t.kind} == {"ordinal", "number"} and isinstance(x, float) and isinstance(y, float) and abs(x - y) == 1:
        return "an ordinal one off a count often says the same (3 minutes played, the fourth minute)"
    return ""


_WRITTEN = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*")


def _written(q: Quantity, other: str) -> bool:
    """Are the figure's digits written on the other side, where no amount was read ("2.4Ghz",
    "7000t급", "247sports")?"""
    values = {k for k in q.keys if isinstance(k, float)}
    for m in _WRITTEN.finditer(other):
        raw = re.sub(r"[ \u00a0\u202f]", "", m.group())
        for reading in {raw.replace(",", ""), raw.replace(",", ".", 1) if raw.count(",") == 1 else ""}:
            try:
                if norm(float(reading)) in values:
                    return True
            except ValueError:
                continue
    return False


def _currency_change(s: Quantity, src: str, t: Quantity, tgt: str) -> tuple[str, str] | None:
    a, b = currency(src, s.start, s.end), currency(tgt, t.start, t.end)
    # One side silent is no change: "5 млн" may have its "долларов" three words on.
    return (a, b) if a and b and a != b else None


def _strong(q: Quantity, text: str) -> bool:
    # A lone 1 is as often "a", "top" or "single"; a lone day of month often became a weekday.
    # Zero is as often "no", "nil" or "ни одного" on the other side.
    return (
        not q.weak
        and not q.approx
        and q.value not in (0, 1)
        and q.kind not in ("day", "month")
        and any(c.isdigit() for c in text[q.start : q.end])
    )


def _amount_message(m: Mismatch, src: str, tgt: str) -> str:
    assert m.source and m.target
    st, tt = src[m.source.start : m.source.end], tgt[m.target.start : m.target.end]
    if m.change == "scale":
        money = f" (and the currency: {m.detail[0]} → {m.detail[1]})" if m.detail[0] else ""
        return f"source amount {st!r} changed its scale: {tt!r}{money}"
    if m.change == "currency":
        return f"source amount {st!r} in {m.detail[0]} is given in {m.detail[1]}: {tt!r}"
    if m.change == "period":
        return f"source rate {st!r} {m.detail[0]} is given {m.detail[1]}: {tt!r}"
    return f"source amount {st!r} is rendered as {tt!r} without converting the figure"


def _converted_suggestion(m: Mismatch) -> str | None:
    """For a unit left unconverted, the source figure in the target's unit: "3.1 miles"."""
    s, t = m.source, m.target
    if m.change != "unit" or not (s and t and s.unit and t.unit) or s.unit[0] != t.unit[0] or s.unit[0] == "temp":
        return None
    x = s.keys[0]
    if not isinstance(x, float):
        return None
    return f"{norm(x * s.unit[1] / t.unit[1]):.3g} {m.detail[1]}"


def _finding(m: Mismatch, src_text: str, tgt_text: str, s_off: int, t_off: int) -> Finding:
    s, t = m.source, m.target
    what = "date" if m.rule is DATE else "number"
    if m.rule is AMOUNT:
        msg = _amount_message(m, src_text, tgt_text)
        conf = 0.85
    elif s and t:
        msg = f"source {what} {src_text[s.start : s.end]!r} is rendered as {tgt_text[t.start : t.end]!r}"
        conf = 0.9
    elif s:
        msg = f"source {what} {src_text[s.start : s.end]!r} does not appear in the translation"
        conf = 0.6
    else:
        assert t is not None
        msg = f"{what} {tgt_text[t.start : t.end]!r} in the translation has no counterpart in the source"
        conf = 0.5
    if m.doubt:
        msg += f" ({m.doubt})"
    return m.rule.finding(
        msg,
        confidence=conf / 2 if m.doubt else conf,
        severity=Severity.INFO if m.doubt else None,
        source_span=Span(s_off + s.start, s_off + s.end) if s else None,
        target_span=Span(t_off + t.start, t_off + t.end) if t else None,
        suggestion=_converted_suggestion(m) or (render(s) if s else None),
        evidence={"source_kind": s.kind if s else None, "target_kind": t.kind if t else None}
        | ({"change": m.change, "from": m.detail[0], "to": m.detail[1]} if m.change else {})
        | ({"doubt": m.doubt} if m.doubt else {}),
    )


# Under this alignment confidence a pair may not translate each other at all: what differs
# between them is worth a look (info), not an alarm. Lower than the omission rule's 0.35:
# a wrong figure itself makes a bead less sure (its anchors no longer agree), and must not
# talk itself out of being reported.
_UNSURE = 0.3


@register_check("numbers")
def check_numbers(ctx: CheckContext) -> Iterator[Finding]:
    beads = ctx.alignment
    for pair in ctx.pairs():
        for m in compare(pair.source, ctx.source.lang, pair.target):
            if (m.source is None or m.target is None) and _next_door(ctx, beads, pair.index, m):
                continue  # the figure is in a neighbouring sentence: the alignment is off, not the figure
            f = _finding(m, pair.source, pair.target, pair.source_span.start, pair.target_span.start)
            if pair.confidence < 1.0:
                f = replace(
                    f,
                    confidence=round(f.confidence * pair.confidence, 3),
                    severity=Severity.INFO if pair.confidence < _UNSURE else f.severity,
                    evidence={**f.evidence, "alignment_confidence": pair.confidence},
                )
            yield f


def _next_door(ctx: CheckContext, beads: tuple[Bead, ...], index: int, m: Mismatch) -> bool:
    """Is a figure found on one side only written on the other side of a neighbouring bead?"""
    q = m.source or m.target
    assert q is not None
    for near in (index - 1, index + 1):
        if not 0 <= near < len(beads):
            continue
        ids, doc, lang = (
            (beads[near].target, ctx.target, "en") if m.source else (beads[near].source, ctx.source, ctx.source.lang)
        )
        if ids and any(set(q.keys) & set(o.keys) for o in extract(doc.segment_texts(ids), lang)):
            return True
    return False
