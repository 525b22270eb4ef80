"""Currencies written next to an amount: "5 млн рублей", "$5 million", "5억 원", "€3".

Only the currency is read here; the amount itself comes from :mod:`mtcheck.lang.numbers`.
"""

from __future__ import annotations

import re

# Words and signs after the amount ("5 млн долларов", "5 million dollars", "5억 원").
_AFTER: list[tuple[str, str]] = [
    ("USD", r"\$|долл\.|доллар\w*|dollars?|USD|달러|불(?![가-힣])"),
    ("RUB", r"₽|руб\.|рубл[ьяейю]\w*|р\.(?!(?-i:\s?[А-ЯЁ]))|roubles?|rubles?|RUB|루블"),
    ("KRW", r"₩|원(?![가-힣])|원[은이을의으에]|won\b|KRW"),
    ("EUR", r"€|евро|euros?|EUR|유로"),
    ("GBP", r"£|фунт\w*\s+стерлинг\w*|pounds?\s+sterling|GBP|파운드"),
    ("CNY", r"юан\w*|yuan|CNY|위안"),
    ("JPY", r"¥|иен\w*|йен\w*|yen|JPY|엔(?![가-힣])"),
]
_AFTER_RE = re.compile(r"\s?(?:" + "|".join(f"({p})" for _, p in _AFTER) + r")", re.IGNORECASE)
# Signs and codes before it ("$5", "US$ 5", "₩5,000", "€3").
_BEFORE: list[tuple[str, str]] = [
    ("USD", r"US\$|(?<![A-Za-z])\$|USD"),  # not A$, C$, HK$: other dollars
    ("RUB", r"₽|RUB"),
    ("KRW", r"₩|KRW"),
    ("EUR", r"€|EUR"),
    ("GBP", r"£|GBP"),
    ("JPY", r"¥|JPY"),
]
_BEFORE_RE = re.compile(r"(?:" + "|".join(f"({p})" for _, p in _BEFORE) + r")\s?$")
# The amount's span already holds its scale word ("5 млн" of "5 млн долларов"); a country
# may stand between it and the currency ("5 million US dollars").
_GAP = re.compile(r"\s?(?:US|U\.S\.|американских|США)?", re.IGNORECASE)


def currency(text: str, start: int, end: int) -> str | None:
    """ISO code of the currency written right before or right after text[start:end]."""
    if m := _BEFORE_RE.search(text, max(0, start - 4), start):
        return _BEFORE[(m.lastindex or 1) - 1][0]
    gap = _GAP.match(text, end)
    at = gap.end() if gap else end
    if m := _AFTER_RE.match(text, at):
        return _AFTER[(m.lastindex or 1) - 1][0]
    return None
