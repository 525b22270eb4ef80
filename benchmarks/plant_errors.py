"""Plant errors into clean NTREX-128 documents: the generated set of issue 12.

From each language pair's NTREX-128 documents (Russian or Korean source, the English original
as the translation, paragraphs of three to six lines), with a fixed seed:

* ``omission``: one English line of a paragraph of three or more lines is dropped, so its
  source line has no translation (gold: the source line's span);
* ``addition``: one English sentence from another document (a line that ends a sentence: a
  headline would run into the next sentence) is inserted into a paragraph of three or more
  lines (gold: the inserted line's span in the translation);
* ``unit``: the unit or period of one English figure is swapped for another unit of the same
  kind without converting the figure ("six weeks" → "six months", "12 miles" → "12 km",
  "£5 a day" → "£5 a week"), only where the source line holds the same figure (gold: the
  figure and its new unit in the translation).

This module knows nothing of mtcheck: its own small tables find figures and units, so that
the set does not share the checker's blind spots (benchmarks/planted.py runs the checker).
Usage: python benchmarks/plant_errors.py [--seed N] [--per-kind N] [--out DIR]  (writes JSONL)
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

SEED = 12
PER_KIND = 320

# English units by kind: (singular, plural, size in the kind's base unit). Abbreviations
# keep one form. Swaps go to a unit of the same kind whose size differs by more than a
# third, so that no swap could pass for a rounded conversion.
UNITS: dict[str, list[tuple[str, str, float]]] = {
    "duration": [
        ("second", "seconds", 1),
        ("minute", "minutes", 60),
        ("hour", "hours", 3600),
        ("day", "days", 86400),
        ("week", "weeks", 604800),
        ("month", "months", 2629800),
        ("year", "years", 31557600),
        ("decade", "decades", 315576000),
    ],
    "length": [
        ("millimetre", "millimetres", 0.001),
        ("centimetre", "centimetres", 0.01),
        ("inch", "inches", 0.0254),
        ("foot", "feet", 0.3048),
        ("metre", "metres", 1),
        ("kilometre", "kilometres", 1000),
        ("mile", "miles", 1609.34),
        ("millimeter", "millimeters", 0.001),
        ("centimeter", "centimeters", 0.01),
        ("meter", "meters", 1),
        ("kilometer", "kilometers", 1000),
        ("km", "km", 1000),
        ("cm", "cm", 0.01),
        ("mm", "mm", 0.001),
        ("ft", "ft", 0.3048),
    ],
    "mass": [
        ("gram", "grams", 0.001),
        ("ounce", "ounces", 0.02835),
        ("pound", "pounds", 0.4536),
        ("kilogram", "kilograms", 1),
        ("kg", "kg", 1),
        ("lb", "lbs", 0.4536),
        ("tonne", "tonnes", 1000),
        ("ton", "tons", 907.2),
    ],
    "volume": [
        ("millilitre", "millilitres", 0.001),
        ("litre", "litres", 1),
        ("liter", "liters", 1),
        ("gallon", "gallons", 3.785),
    ],
    "area": [
        ("square metre", "square metres", 1),
        ("square meter", "square meters", 1),
        ("square foot", "square feet", 0.0929),
        ("acre", "acres", 4046.9),
        ("hectare", "hectares", 10000),
        ("square kilometre", "square kilometres", 1e6),
        ("square kilometer", "square kilometers", 1e6),
        ("square mile", "square miles", 2.59e6),
    ],
    "speed": [
        ("mph", "mph", 0.447),
        ("kph", "kph", 0.2778),
        ("km/h", "km/h", 0.2778),
        ("mile per hour", "miles per hour", 0.447),
        ("kilometre per hour", "kilometres per hour", 0.2778),
        ("knot", "knots", 0.5144),
        ("metre per second", "metres per second", 1),
    ],
    "temperature": [("degree Celsius", "degrees Celsius", 1), ("degree Fahrenheit", "degrees Fahrenheit", 2)],
}
# "a day", "per week", "each month" after an amount: a rate, swapped to another period.
RATE_PERIODS = [("hour", 1 / 24), ("day", 1), ("week", 7), ("month", 30.4), ("year", 365.25)]
_RATE = re.compile(r"\b(a|per|each|every)\s+(hour|day|week|month|year)\b", re.IGNORECASE)

_EN_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
# How the source may write a small figure: Russian stems and Korean native and Sino-Korean words.
_RU_NUMBERS = {
    1: r"од(?:ин|на|но|ного|ной|ном|ну)",
    2: r"дв(?:а|е|ух|ум)|двух",
    3: r"тр(?:и|ех|ёх|ем)|тр[её]х",
    4: r"четыр(?:е|ех|ёх)",
    5: r"пят(?:ь|и|ью)",
    6: r"шест(?:ь|и|ью)",
    7: r"сем(?:ь|и)",
    8: r"вос(?:емь|ьми)",
    9: r"девят(?:ь|и)",
    10: r"десят(?:ь|и)",
    12: r"двенадцат",
    20: r"двадцат",
    30: r"тридцат",
}
_KO_NUMBERS = {
    1: "한|일",
    2: "두|이",
    3: "세|삼",
    4: "네|사",
    5: "다섯|오",
    6: "여섯|육",
    7: "일곱|칠",
    8: "여덟|팔",
    9: "아홉|구",
    10: "열|십",
    20: "스무|이십",
}
_FIGURE = r"(\d[\d,.]*|" + "|".join(_EN_NUMBERS) + r")"


@dataclass(frozen=True)
class Case:
    """One document pair with one planted error; spans are [start, end) into the texts."""

    id: str
    pair: str  # "ru-en" | "ko-en"
    kind: str  # omission | addition | unit
    document: str
    source: str
    target: str
    side: str  # where the gold span is: "source" (omission) or "target"
    start: int
    end: int
    note: str = ""


def load(data: Path, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """NTREX-128 as documents: (id, [(source line, English line), …]) in order."""
    folder = data / "ntrex128_eng_rus_kor"
    src = (folder / f"newstest2019-ref.{ {'ru': 'rus', 'ko': 'kor'}[lang] }.txt").read_text(encoding="utf-8")
    eng = (folder / "newstest2019-src.eng.txt").read_text(encoding="utf-8")
    ids = (folder / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[str, str]]] = {}
    for doc_id, s, e in zip(ids, src.splitlines(), eng.splitlines(), strict=True):
        docs.setdefault(doc_id.split("\t")[0], []).append((" ".join(s.split()), " ".join(e.split())))
    return list(docs.items())


def paragraphs(lines: list[tuple[str, str]], rng: random.Random) -> list[list[tuple[str, str]]]:
    """Lines grouped into paragraphs of three to six lines, the way an article is laid out: a
    line without a full stop (a headline) is a paragraph of its own, or it would run into the
    next line as one sentence; a short last group joins the one before."""
    out: list[list[tuple[str, str]]] = []
    size = rng.randint(3, 6)
    for src, eng in lines:
        if not out or len(out[-1]) >= size or not _ends_sentence(out[-1][-1][1]):
            out.append([])
            size = rng.randint(3, 6)
        out[-1].append((src, eng))
    if len(out) > 1 and len(out[-1]) < 3 and _ends_sentence(out[-2][-1][1]):
        last = out.pop()
        out[-1] += last
    return out


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…][\"'”’»)]*$", line))


def render(pars: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The document text (sentences joined by a space, paragraphs by a blank line) and each
    sentence's span."""
    text, spans = "", []
    for p, sentences in enumerate(pars):
        if p:
            text += "\n\n"
        row = []
        for k, sentence in enumerate(sentences):
            if k:
                text += " "
            row.append((len(text), len(text) + len(sentence)))
            text += sentence
        spans.append(row)
    return text + "\n", spans


def _sides(pars: list[list[tuple[str, str]]]) -> tuple[list[list[str]], list[list[str]]]:
    return [[s for s, _ in p] for p in pars], [[e for _, e in p] for p in pars]


def omissions(docs: list, lang: str, rng: random.Random, n: int) -> Iterator[Case]:
    for k in range(n):
        doc_id, pars = _pick_paragraph_doc(docs, rng)
        src, tgt = _sides(pars)
        p = rng.choice([i for i, par in enumerate(pars) if len(par) >= 3])
        line = rng.randrange(len(pars[p]))
        dropped = tgt[p].pop(line)
        s_text, s_spans = render(src)
        t_text, _ = render(tgt)
        start, end = s_spans[p][line]
        yield Case(
            f"{lang}-omission-{k}", f"{lang}-en", "omission", doc_id, s_text, t_text, "source", start, end, dropped
        )


def additions(docs: list, lang: str, rng: random.Random, n: int) -> Iterator[Case]:
    for k in range(n):
        doc_id, pars = _pick_paragraph_doc(docs, rng)
        other = rng.choice([d for d in docs if d[0] != doc_id])[1]
        extra = rng.choice(other)[1]
        if not _ends_sentence(extra):
            # A headline (no full stop) would run into the next sentence as one: what it adds is
            # no sentence. Another line of the same document instead, drawn apart so that the
            # cases after this one stay as they were.
            extra = random.Random(f"{doc_id}-{k}").choice([e for _, e in other if _ends_sentence(e)])
        src, tgt = _sides(pars)
        p = rng.choice([i for i, par in enumerate(pars) if len(par) >= 3])
        at = rng.randint(0, len(pars[p]))
        tgt[p].insert(at, extra)
        s_text, _ = render(src)
        t_text, t_spans = render(tgt)
        start, end = t_spans[p][at]
        yield Case(
            f"{lang}-addition-{k}", f"{lang}-en", "addition", doc_id, s_text, t_text, "target", start, end, extra
        )


def _pick_paragraph_doc(docs: list, rng: random.Random) -> tuple[str, list[list[tuple[str, str]]]]:
    while True:
        doc_id, lines = rng.choice(docs)
        pars = paragraphs(lines, random.Random(doc_id))
        if any(len(p) >= 3 for p in pars):
            return doc_id, pars


def _value(word: str) -> float | None:
    w = word.lower()
    if w in _EN_NUMBERS:
        return float(_EN_NUMBERS[w])
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return None


def _in_source(value: float, written: str, source: str, lang: str) -> bool:
    """Does the source line hold this figure (as digits, or as a small number word)?"""
    digits = written.replace(",", "")
    if re.search(rf"(?<![\d.,]){re.escape(digits)}(?![\d])", re.sub(r"(?<=\d)[ \u00a0,](?=\d{3})", "", source)):
        return True
    if value == int(value) and re.search(rf"(?<![\d.,]){int(value)}(?![\d])", source):
        return True
    words = (_RU_NUMBERS if lang == "ru" else _KO_NUMBERS).get(int(value)) if value == int(value) else None
    if not words:
        return False
    boundary = r"(?<![а-яё])" if lang == "ru" else r"(?<![가-힣])"
    return bool(re.search(rf"{boundary}(?:{words})", source, re.IGNORECASE))


@dataclass(frozen=True)
class _Site:
    start: int  # the figure's start in the line
    end: int  # the unit's end
    unit_start: int
    singular: bool
    kind: str
    unit: str  # the unit as written
    size: float


def unit_sites(line: str) -> Iterator[_Site]:
    """Figures followed by a unit ("6 weeks", "six-week", "12 km", "£5 a day")."""
    for kind, units in UNITS.items():
        forms = sorted({f for s, p, _ in units for f in (s, p)}, key=len, reverse=True)
        size_of = {f: size for s, p, size in units for f in (s, p)}
        singulars = {s for s, _, _ in units}
        alternation = "|".join(re.escape(f) for f in forms)
        for m in re.finditer(rf"(?<![\w.,-]){_FIGURE}(\s|-)({alternation})(?![\w/])", line, re.IGNORECASE):
            unit = m.group(3)
            if kind == "temperature" or unit.lower() in size_of:
                hyphen = m.group(2) == "-"
                # "a 100-mile race": an adjective keeps the singular whatever the figure
                singular = hyphen or (unit.lower() in singulars and unit.lower() not in {p for _, p, _ in units})
                yield _Site(m.start(), m.end(), m.start(3), singular, kind, unit, size_of[unit.lower()])
    for m in _RATE.finditer(line):
        before = line[max(0, m.start() - 30) : m.start()]
        if re.search(r"\d[\d,.]*\s*(?:million|billion|bn|m)?\s*(?:\w+\s)?$", before):
            size = dict(RATE_PERIODS)[m.group(2).lower()]
            yield _Site(m.start(), m.end(), m.start(2), True, "rate", m.group(2), size)


def _swaps(site: _Site) -> list[str]:
    if site.kind == "rate":
        return [p for p, size in RATE_PERIODS if not 0.75 <= size / site.size <= 1.34]
    out = []
    for singular, plural, size in UNITS[site.kind]:
        if not 0.75 <= size / site.size <= 1.34:
            form = singular if site.singular else plural
            if site.unit[:1].isupper():
                form = form[:1].upper() + form[1:]
            out.append(form)
    return out


def unit_swaps(docs: list, lang: str, rng: random.Random, n: int) -> Iterator[Case]:
    """Every eligible figure and unit, each swapped to up to three other units, sampled to n."""
    candidates = []
    for d, (_, lines) in enumerate(docs):
        for i, (src, eng) in enumerate(lines):
            for site in unit_sites(eng):
                figure = re.match(_FIGURE, eng[site.start :], re.IGNORECASE)
                if site.kind == "rate":
                    ok = bool(re.search(_SOURCE_RATE[lang], src))
                else:
                    value = _value(figure.group(1)) if figure else None
                    ok = value is not None and _in_source(value, figure.group(1), src, lang)
                if ok:
                    swaps = _swaps(site)
                    for new in rng.sample(swaps, min(3, len(swaps))):
                        candidates.append((d, i, site, new))
    rng.shuffle(candidates)
    for k, (d, i, site, new) in enumerate(candidates[:n]):
        doc_id, lines = docs[d]
        pars = paragraphs(lines, random.Random(doc_id))
        src, tgt = _sides(pars)
        p, at = _locate(pars, i)
        line = tgt[p][at]
        tgt[p][at] = line[: site.unit_start] + new + line[site.unit_start + len(site.unit) :]
        s_text, _ = render(src)
        t_text, t_spans = render(tgt)
        base = t_spans[p][at][0]
        end = base + site.unit_start + len(new)
        note = f"{line[site.start : site.end]} → {tgt[p][at][site.start : site.unit_start + len(new)]}"
        yield Case(
            f"{lang}-unit-{k}", f"{lang}-en", "unit", doc_id, s_text, t_text, "target", base + site.start, end, note
        )


# Rates in the source: "в день", "в неделю", "ежемесячно", "하루", "매주", "연간"...
_SOURCE_RATE = {
    "ru": r"(?:в|за|на)\s+(?:час|день|сутки|неделю|месяц|год)|ежедневн|еженедельн|ежемесячн|ежегодн|в год",
    "ko": r"하루|매일|매주|매달|매월|매년|연간|월간|주당|시간당|일일|한 달에|1년에|연",
}


def _locate(pars: list[list[tuple[str, str]]], index: int) -> tuple[int, int]:
    for p, par in enumerate(pars):
        if index < len(par):
            return p, index
        index -= len(par)
    raise IndexError(index)


def generate(data: Path, lang: str, seed: int = SEED, per_kind: int = PER_KIND) -> list[Case]:
    docs = load(data, lang)
    rng = random.Random(f"{seed}-{lang}")
    cases = list(omissions(docs, lang, rng, per_kind))
    cases += additions(docs, lang, rng, per_kind)
    cases += unit_swaps(docs, lang, rng, per_kind)
    return cases


def clean_documents(data: Path, lang: str) -> list[tuple[str, str, str, int]]:
    """Each NTREX document unchanged, in the same paragraphs as the unit swaps: (id, source,
    target, source lines)."""
    out = []
    for doc_id, lines in load(data, lang):
        src, tgt = _sides(paragraphs(lines, random.Random(doc_id)))
        out.append((doc_id, render(src)[0], render(tgt)[0], len(lines)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval-data")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-kind", type=int, default=PER_KIND)
    parser.add_argument("--out", type=Path, required=True, help="folder for ru-en.jsonl and ko-en.jsonl")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ("ru", "ko"):
        cases = generate(args.data, lang, args.seed, args.per_kind)
        with (args.out / f"{lang}-en.jsonl").open("w", encoding="utf-8") as f:
            for case in cases:
                f.write(json.dumps(asdict(case), ensure_ascii=False) + "\n")
        kinds = {k: sum(c.kind == k for c in cases) for k in ("omission", "addition", "unit")}
        print(f"{lang}-en: {kinds}")


if __name__ == "__main__":
    main()
