"""Readers of localisation formats, on the real files in tests/data/formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtcheck.documents.paired import Entry, masked_text
from mtcheck.errors import InputError
from mtcheck.pipeline import check_files
from mtcheck.types import Report
from tests.conftest import DATA

FORMATS = DATA / "formats"


def file_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def located(report: Report, rule: str) -> list[tuple[str, str, str]]:
    """(side, span text in the report, the same offsets in the file on disk) for each finding of ``rule``."""
    out = []
    for f in report.findings:
        if f.rule != rule:
            continue
        for side, span, doc in (("target", f.target_span, report.target), ("source", f.source_span, report.source)):
            if span is not None:
                out.append((side, span.text(doc.text), file_text(Path(doc.path))[span.start : span.end]))
    return out


def test_xliff_12_pairs_units_and_points_into_the_file() -> None:
    path = FORMATS / "ru-en.xlf"
    report = check_files(path)
    assert (report.source.lang, report.target.lang) == ("ru", "en")  # from source-language="ru-RU"
    assert report.source.path == report.target.path == str(path)
    assert len(report.source.text) == len(report.target.text) == len(file_text(path))
    # Four units; the last has no <target>: its bead pairs it with nothing.
    assert [(len(b.source) > 0, len(b.target) > 0) for b in report.alignment] == [(True, True)] * 3 + [(True, False)]
    assert ("target", "декабря", "декабря") in located(report, "MT401")
    sentence = "Эта инициатива вписывается в более широкие усилия Москвы."
    assert located(report, "MT101") == [("source", sentence, sentence)]
    # Markup, ids and the other language are blanked out: the target side holds no Cyrillic but the error.
    visible = report.target.text.split()
    assert "<trans-unit" not in report.target.text and "Путин" not in visible
    assert "&" in visible  # &amp; decoded
    # Inline <g> content is text on both sides.
    assert "экспертного совета" in report.source.text and "expert council" in report.target.text


def test_legacy_encoding_and_crlf_keep_offsets(tmp_path: Path) -> None:
    xliff = file_text(FORMATS / "ru-en.xlf").replace('encoding="UTF-8"', 'encoding="windows-1251"')
    path = tmp_path / "cp1251.xlf"
    path.write_bytes(xliff.replace("‘", "'").replace("’", "'").replace("\n", "\r\n").encode("cp1251"))
    report = check_files(path)
    assert [f.rule for f in report.findings].count("MT901") == 1  # one file, one notice
    (f,) = [f for f in report.findings if f.rule == "MT401"]
    assert f.target_span is not None
    decoded = path.read_bytes().decode("cp1251")
    assert decoded[f.target_span.start : f.target_span.end] == "декабря"


def test_xliff_20_korean() -> None:
    report = check_files(FORMATS / "ko-en.xlf")
    assert (report.source.lang, report.target.lang) == ("ko", "en")
    assert ("target", "12월 4일", "12월 4일") in located(report, "MT401")
    assert "전문가 위원회" in report.source.text


def test_po_entries_multiline_strings_and_empty_msgstr() -> None:
    path = FORMATS / "ru-en.po"
    report = check_files(path)
    assert (report.source.lang, report.target.lang) == ("ru", "en")
    assert [(bool(b.source), bool(b.target)) for b in report.alignment] == [(True, True), (True, True), (True, False)]
    assert located(report, "MT404") == [("target", "the", "the")]
    # The continuation lines of one msgid are one string; the quotes between them are not text.
    src = report.source.text
    assert "братство" in src and "России и КНДР" in src and '"\n"' not in src
    # Escaped quotes read as quotes, the words around them whole.
    assert '"confirms the unwavering friendship and combat' in report.target.text
    assert 'North Korea."' in report.target.text
    assert located(report, "MT101")[0][1].startswith("Эта инициатива")


def test_tmx_pairs_variants_by_language_whatever_their_order() -> None:
    report = check_files(FORMATS / "ko-en.tmx")
    assert (report.source.lang, report.target.lang) == ("ko", "en")
    assert [b.kind for b in report.alignment] == ["1-1", "1-1"]
    # The second unit lists English first; native codes (<bpt>&lt;b&gt;</bpt>) are not text.
    assert ("target", "12월 4일", "12월 4일") in located(report, "MT401")
    assert "<b>" not in report.target.text and "&lt;b&gt;" not in report.target.text


def test_json_files_are_paired_by_nested_key() -> None:
    src, tgt = FORMATS / "locales/ru/app.json", FORMATS / "locales/en/app.json"
    report = check_files(src, tgt)
    assert report.source.path == str(src) and report.target.path == str(tgt)
    # "article.dropped" is missing in English: an omission at its place in the Russian file.
    ((side, text, on_disk),) = located(report, "MT101")
    assert side == "source" and text == on_disk == "Эта инициатива вписывается в более широкие усилия Москвы."
    # "\u044dкспертного": the escape is decoded, and the finding still lands on its line.
    (untranslated,) = [f for f in report.findings if f.rule == "MT401"]
    assert untranslated.target_span is not None
    assert untranslated.target_span.text(report.target.text) == "экспертного"
    line = file_text(tgt).count("\n", 0, untranslated.target_span.start) + 1
    assert "\\u044d" in file_text(tgt).splitlines()[line - 1]
    # «…» written as \u00ab…\u00bb in the Russian file reads as the quotes.
    assert "«подтверждает нерушимую дружбу»" in report.source.text
    # Numbers and keys are not text; arrays of strings are (tags[0] = Курск ↔ Kursk).
    assert "count" not in report.source.text.split() and "Курск" in report.source.text.split()


def test_csv_and_tsv_columns_by_language() -> None:
    csv_report = check_files(FORMATS / "ru-en.csv")
    assert (csv_report.source.lang, csv_report.target.lang) == ("ru", "en")
    (f,) = [f for f in csv_report.findings if f.rule == "MT401"]
    assert f.target_span is not None and f.target_span.text(csv_report.target.text) == "Курск"
    # The doubled quotes of "" read as one quote each, and the words stay whole.
    assert '"battle brotherhood"' in csv_report.target.text
    tsv_report = check_files(FORMATS / "ko-en.tsv")
    assert (tsv_report.source.lang, tsv_report.target.lang) == ("ko", "en")
    assert located(tsv_report, "MT404") == [("target", "the", "the")]


def test_markdown_ignores_front_matter_code_and_urls() -> None:
    src, tgt = FORMATS / "article.ru.md", FORMATS / "article.en.md"
    report = check_files(src, tgt)
    text = report.target.text
    assert len(text) == len(file_text(tgt))  # blanked, not removed: offsets are the file's
    for hidden in ("Хинштейн", "https://", "памятник", "title:", "инициатива"):
        assert hidden not in text
    # The Cyrillic in code, front matter and the URL is not "untranslated text"; the doubled word is found.
    assert not [f for f in report.findings if f.rule == "MT401"]
    assert located(report, "MT404") == [("target", "the", "the")]
    assert [b.kind for b in report.alignment] == ["1-1"] * 4


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_docx_lines_are_paragraph_numbers() -> None:
    report = check_files(FORMATS / "article.ru.docx", FORMATS / "article.en.docx")
    assert (report.source.lang, report.target.lang) == ("ru", "en")
    # The English leaves out the paragraph that is the 8th of the Russian DOCX (the 2nd is empty).
    (omission,) = [f for f in report.findings if f.rule == "MT101"]
    assert omission.source_span is not None
    assert line_of(report.source.text, omission.source_span.start) == 8
    assert omission.source_span.text(report.source.text).startswith("Члены совета предложили")
    ko = check_files(FORMATS / "article.ko.docx", FORMATS / "article.en.docx")
    assert (ko.source.lang, ko.target.lang) == ("ko", "en")
    (f,) = [f for f in ko.findings if f.rule == "MT401"]
    assert f.target_span is not None and f.target_span.text(ko.target.text) == "12월 4일"
    assert line_of(ko.target.text, f.target_span.start) == 6


def test_masked_text_keeps_offsets_and_newlines() -> None:
    text = 'a "Привет" b\n"мир" c\n'
    entries = [Entry("k", "Привет мир", (3, 4, 5, 6, 7, 8, 9, 14, 15, 16))]
    masked, spans = masked_text(text, entries)
    assert len(masked) == len(text) and masked.count("\n") == 2
    assert masked.split() == ["Привет", "мир"]
    assert spans[0] is not None and spans[0].text(masked).split() == ["Привет", "мир"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unclosed.xlf", "is not well-formed XML: mismatched tag at line 3"),
        ("bomb.xlf", "declares the XML entity 'lol'"),
        ("external.tmx", "external entity 'secret' (file:///etc/passwd), which mtcheck refuses to read"),
        ("version.xlf", "XLIFF version 3.1 is not supported"),
        ("broken.po", "line 2: a string must be one quoted line"),
        ("unclosed.csv", "the quoted field opened on line 2 is never closed"),
        ("nolang.csv", "cannot tell the source and target columns"),
    ],
)
def test_malformed_bilingual_files(name: str, expected: str) -> None:
    with pytest.raises(InputError, match=re.escape(expected)):
        check_files(FORMATS / "malformed" / name)


def test_malformed_json_and_docx() -> None:
    with pytest.raises(InputError, match=r"broken.json is not valid JSON: Expecting ',' delimiter at line 3"):
        check_files(FORMATS / "locales/ru/app.json", FORMATS / "malformed/broken.json")
    with pytest.raises(InputError, match=re.escape("broken.docx is not a readable DOCX file")):
        check_files(FORMATS / "malformed/broken.docx", FORMATS / "article.en.docx")


def test_a_bilingual_file_cannot_be_half_of_a_pair() -> None:
    with pytest.raises(InputError, match="pairs its strings itself"):
        check_files(FORMATS / "ru-en.xlf", FORMATS / "article.en.md")
    with pytest.raises(InputError, match="not a bilingual file"):
        check_files(FORMATS / "article.en.md")
