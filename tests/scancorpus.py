"""Scan corpora of many pairs in many formats, built from real translations (tests/data/parallel):
FLORES-200 Russian/English and NTREX-128 Korean/English, a few sentences a pair, with errors
put into some drafts (a changed number, a Russian word left in the English, a dropped
sentence) so that the reports have findings to compare. Used by the scan tests and by
benchmarks/scan_speed.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

DATA = Path(__file__).resolve().parent / "data" / "parallel"
Pair = list[tuple[str, str]]  # (source sentence, English sentence)


def sentences(name: str, lang: str) -> list[tuple[str, str]]:
    src = (DATA / f"{name}.{lang}.txt").read_text(encoding="utf-8").splitlines()
    eng = (DATA / f"{name}.en.txt").read_text(encoding="utf-8").splitlines()
    return list(zip(src, eng, strict=True))


def damaged(pair: Pair, k: int) -> Pair:
    """Pair number ``k`` with, for some k, one error put into its English."""
    out = list(pair)
    if k % 4 == 1 and len(out) > 2:
        out[1] = (out[1][0], "")  # an omission: the second sentence is gone from the draft
    if k % 4 == 2:
        for i, (s, e) in enumerate(out):
            digit = re.search(r"\d", e)
            if digit:
                changed = str((int(digit.group()) + 3) % 10)
                out[i] = (s, e[: digit.start()] + changed + e[digit.end() :])
                break
    if k % 4 == 3:
        # A source word left in the English, as a hurried translator leaves one.
        word = next(iter(re.findall(r"\b[а-яё]{5,}\b", out[0][0])), None)
        if word:
            out[0] = (out[0][0], out[0][1].replace(" ", f" {word} ", 1))
    return out


def _side(pair: Pair, i: int) -> list[str]:
    return [p[i] for p in pair if p[i]]


def write_txt(folder: Path, name: str, pair: Pair, lang: str) -> None:
    (folder / "txt" / lang).mkdir(parents=True, exist_ok=True)
    (folder / "txt" / "en").mkdir(parents=True, exist_ok=True)
    (folder / "txt" / lang / f"{name}.txt").write_text(" ".join(_side(pair, 0)) + "\n", encoding="utf-8")
    (folder / "txt" / "en" / f"{name}.txt").write_text(" ".join(_side(pair, 1)) + "\n", encoding="utf-8")


def write_md(folder: Path, name: str, pair: Pair, lang: str) -> None:
    (folder / "md").mkdir(parents=True, exist_ok=True)
    for i, code in ((0, lang), (1, "en")):
        lines = _side(pair, i)
        body = f"# {lines[0]}\n\n{' '.join(lines[1:])}\n"
        (folder / "md" / f"{name}.{code}.md").write_text(body, encoding="utf-8")


def write_json(folder: Path, name: str, pair: Pair, lang: str) -> None:
    for i, code in ((0, lang), (1, "en")):
        (folder / "locales" / code).mkdir(parents=True, exist_ok=True)
        data = {"article": {f"s{n}": p[i] for n, p in enumerate(pair) if p[i]}}
        (folder / "locales" / code / f"{name}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
        )


def write_docx(folder: Path, name: str, pair: Pair, lang: str) -> None:
    from docx import Document

    (folder / "word").mkdir(parents=True, exist_ok=True)
    for i, code in ((0, lang), (1, "en")):
        doc = Document()
        for line in _side(pair, i):
            doc.add_paragraph(line)
        doc.save(str(folder / "word" / f"{name}.{code}.docx"))


def _bilingual(folder: Path, name: str, suffix: str, text: str) -> None:
    (folder / "l10n").mkdir(parents=True, exist_ok=True)
    (folder / "l10n" / f"{name}.{suffix}").write_text(text, encoding="utf-8")


def write_xliff(folder: Path, name: str, pair: Pair, lang: str) -> None:
    units = "".join(
        f'<trans-unit id="s{n}"><source>{escape(s)}</source>'
        + (f"<target>{escape(e)}</target>" if e else "")
        + "</trans-unit>\n"
        for n, (s, e) in enumerate(pair)
    )
    _bilingual(
        folder,
        name,
        "xlf",
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file source-language="{lang}" target-language="en" datatype="plaintext" original="{name}"><body>\n'
        f"{units}</body></file></xliff>\n",
    )


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(folder: Path, name: str, pair: Pair, lang: str) -> None:
    entries = "".join(f"msgid {_po_string(s)}\nmsgstr {_po_string(e)}\n\n" for s, e in pair)
    header = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    _bilingual(folder, name, "po", header + entries)


def write_table(folder: Path, name: str, pair: Pair, lang: str, delimiter: str = ",") -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow([lang, "en"])
    writer.writerows(pair)
    _bilingual(folder, name, "csv" if delimiter == "," else "tsv", buf.getvalue())


def write_tsv(folder: Path, name: str, pair: Pair, lang: str) -> None:
    write_table(folder, name, pair, lang, "\t")


def write_tmx(folder: Path, name: str, pair: Pair, lang: str) -> None:
    # A unit needs both languages: a sentence dropped from the draft leaves no unit at all.
    units = "".join(
        f'<tu tuid="{n}"><tuv xml:lang="{lang}"><seg>{escape(s)}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{escape(e)}</seg></tuv></tu>\n'
        for n, (s, e) in enumerate(pair)
        if e
    )
    _bilingual(
        folder,
        name,
        "tmx",
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="test" '
        f'creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="{lang}" '
        f'datatype="plaintext"/><body>\n{units}</body></tmx>\n',
    )


WRITERS: dict[str, Callable[[Path, str, Pair, str], None]] = {
    "txt": write_txt,
    "md": write_md,
    "json": write_json,
    "xliff": write_xliff,
    "po": write_po,
    "csv": write_table,
    "tsv": write_tsv,
    "tmx": write_tmx,
    "docx": write_docx,
}

CONFIG = """\
[[scan.pairs]]
source = "txt/ru/*.txt"
target = "txt/en/*.txt"
source-lang = "ru"
target-lang = "en"

[[scan.pairs]]
source = "txt/ko/*.txt"
target = "txt/en/*.txt"

[[scan.pairs]]
source = "md/*.ru.md"
target = "md/*.en.md"
source-lang = "ru"
target-lang = "en"

[[scan.pairs]]
source = "locales/ru/*.json"
target = "locales/en/*.json"

[[scan.pairs]]
source = "word/*.ru.docx"
target = "word/*.en.docx"
source-lang = "ru"
target-lang = "en"

[[scan.pairs]]
files = "l10n/*"
"""


def build_corpus(
    root: Path,
    pairs: int = 32,
    per_pair: int = 4,
    formats: tuple[str, ...] = tuple(WRITERS),
    korean: int = 3,
    broken: bool = True,
    ru: list[tuple[str, str]] | None = None,
    ko: list[tuple[str, str]] | None = None,
) -> Path:
    """``pairs`` Russian/English pairs of ``per_pair`` sentences each (``ru``, default the FLORES
    lines in tests/data), in ``formats`` in turn, plus ``korean`` Korean/English pairs (``ko``,
    default the NTREX lines in tests/data) and, with ``broken``, one XLIFF file that is not XML.
    Returns the mtcheck.toml listing them."""
    root.mkdir(parents=True, exist_ok=True)
    ru = ru or sentences("flores-dev", "ru")
    for k in range(pairs):
        start = (k * per_pair) % (len(ru) - per_pair)
        pair = damaged(ru[start : start + per_pair], k)
        fmt = formats[k % len(formats)]
        WRITERS[fmt](root, f"doc{k:03d}", pair, "ru")
    ko = ko or sentences("ntrex", "ko")
    for k in range(korean):
        start = (k * per_pair) % (len(ko) - per_pair)
        pair = damaged(ko[start : start + per_pair], k)
        WRITERS[("txt", "tsv", "xliff")[k % 3]](root, f"ko{k:03d}", pair, "ko")
    if broken:
        _bilingual(root, "broken", "xlf", '<?xml version="1.0"?>\n<xliff version="1.2"><file><body><trans-unit>\n')
    config = root / "mtcheck.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return config
