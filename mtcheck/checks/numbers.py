"""MT3xx: numbers and dates that the translation changed.

Values are compared as multisets within each alignment bead. A source value left without an
equal English value and an English value left without a source counterpart are paired when
they are of the same sort (an amount for an amount, a date for a date) and reported together
as a replacement; leftovers are reported alone only when written in digits, since number
words ("one of", "first", "two" for "both") are too often not figures at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtcheck.checks.registry import CheckContext, Rule, register_check, register_rule
from mtcheck.lang.numbers import Quantity, extract, render
from mtcheck.types import Finding, Severity, Span

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
# Approximate figures are rounded by translators ("около 1,5 млн" → "about 1.4 million" is
# a slip, "почти 2000" → "nearly 2,000" is not); within this margin they count as equal.
_APPROX_MARGIN = 0.1


@dataclass(frozen=True, slots=True)
class Mismatch:
    rule: Rule
    source: Quantity | None
    target: Quantity | None


def _converted(a: Quantity, x: float, b: Quantity, y: float) -> bool:
    """Equal after a unit conversion the translator made (cm → inches, °C → °F)."""
    if not (a.unit and b.unit and a.unit[0] == b.unit[0]):
        return False
    if a.unit[0] == "temp":
        return any(abs(c * 9 / 5 + 32 - f) <= 2 for c, f in ((x, y), (y, x)))
    ratio = x * a.unit[1] / (y * b.unit[1]) if y else 0.0
    return 0.8 <= ratio <= 1.25


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
            elif _converted(a, x, b, y) or (
                (a.approx or b.approx) and abs(x - y) <= _APPROX_MARGIN * max(abs(x), abs(y))
            ):
                return True
    return False


def _match(src: list[Quantity], tgt: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Pair equal values; return what is left on each side."""
    left_s, left_t = list(src), list(tgt)
    for same in (lambda a, b: bool(set(a.keys) & set(b.keys)), _loose):
        for s in list(left_s):
            t = next((t for t in left_t if same(s, t)), None)
            if t is not None:
                left_s.remove(s)
                left_t.remove(t)
    return left_s, left_t


def _sort(q: Quantity) -> str:
    if q.family == "number" or q.kind == "year":
        return "year" if q.kind == "year" else "number"
    return "day" if q.kind in ("date", "day") else q.kind


def compare(source: str, source_lang: str, target: str) -> list[Mismatch]:
    """Numbers and dates that differ between a source text and its English translation."""
    left_s, left_t = _match(extract(source, source_lang), extract(target, "en"))
    out: list[Mismatch] = []
    for s in list(left_s):
        t = next((t for t in left_t if _sort(t) == _sort(s)), None)
        if t is not None and not (s.weak or t.weak):
            left_s.remove(s)
            left_t.remove(t)
            out.append(Mismatch(DATE if "date" in (s.family, t.family) else NUMBER, s, t))
    # Alone, only figures written in digits count: a word may be no number at all.
    out += [Mismatch(DATE if s.family == "date" else NUMBER, s, None) for s in left_s if _strong(s, source)]
    out += [Mismatch(DATE if t.family == "date" else NUMBER, None, t) for t in left_t if _strong(t, target)]
    return sorted(out, key=lambda m: (m.source or m.target).start)  # type: ignore[union-attr]


def _strong(q: Quantity, text: str) -> bool:
    # A lone 1 is as often "a", "top" or "single"; a lone day of month often became a weekday.
    return (
        not q.weak
        and not q.approx
        and q.value != 1
        and q.kind not in ("day", "month")
        and any(c.isdigit() for c in text[q.start : q.end])
    )


def _finding(m: Mismatch, src_text: str, tgt_text: str, s_off: int, t_off: int) -> Finding:
    s, t = m.source, m.target
    what = "date" if m.rule is DATE else "number"
    if s and t:
        msg = f"source {what} {src_text[s.start : s.end]!r} is rendered as {tgt_text[t.start : t.end]!r}"
        conf = 0.9
    elif s:
        msg = f"source {what} {src_text[s.start : s.end]!r} does not appear in the translation"
        conf = 0.6
    else:
        assert t is not None
        msg = f"{what} {tgt_text[t.start : t.end]!r} in the translation has no counterpart in the source"
        conf = 0.5
    return m.rule.finding(
        msg,
        confidence=conf,
        source_span=Span(s_off + s.start, s_off + s.end) if s else None,
        target_span=Span(t_off + t.start, t_off + t.end) if t else None,
        suggestion=render(s) if s else None,
        evidence={"source_kind": s.kind if s else None, "target_kind": t.kind if t else None},
    )


@register_check("numbers")
def check_numbers(ctx: CheckContext) -> Iterator[Finding]:
    for bead in ctx.alignment:
        src_span = ctx.source.span_of(bead.source)
        tgt_span = ctx.target.span_of(bead.target)
        if src_span is None or tgt_span is None:
            continue
        src_text = src_span.text(ctx.source.text)
        tgt_text = tgt_span.text(ctx.target.text)
        for m in compare(src_text, ctx.source.lang, tgt_text):
            yield _finding(m, src_text, tgt_text, src_span.start, tgt_span.start)
