from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.documents.text import build_document, decode_bytes, read_text, split_paragraphs
from mtcheck.errors import InputError
from mtcheck.lang.detect import check_pair, detect_lang

RU = "Губернатор Курской области Александр Хинштейн объявил о планах установить памятник."


def test_utf8_bom_is_stripped_and_offsets_count_from_the_text() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + RU.encode("utf-8"), "f")
    assert decoded.text == RU
    assert not decoded.detected


def test_cp1251_is_detected() -> None:
    decoded = decode_bytes((RU + " " + RU).encode("cp1251"), "f")
    assert decoded.text.startswith(RU)
    assert decoded.detected
    assert decoded.encoding == "cp1251"


def test_euc_kr_is_detected() -> None:
    ko = "블라디미르 푸틴 러시아 대통령은 김정은 북한 국무위원장에게 새해 축전을 보냈다."
    decoded = decode_bytes(ko.encode("euc-kr"), "f")
    assert decoded.text == ko
    assert decoded.detected


@pytest.mark.parametrize("data", [b"", b"  \n\n \t", b"\xef\xbb\xbf"])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(InputError, match="is empty"):
        decode_bytes(data, "f")


def test_binary_input() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 8, "f")


def test_paragraphs_keep_offsets_with_crlf() -> None:
    text = "Заголовок\r\n\r\nПервый абзац. Второе предложение.\r\n  \r\nВторой абзац."
    spans = split_paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Заголовок",
        "Первый абзац. Второе предложение.",
        "Второй абзац.",
    ]
    doc = build_document("x", "ru", text)
    assert [s.text for s in doc.segments][1:3] == ["Первый абзац.", "Второе предложение."]
    for seg in doc.segments:
        assert text[seg.span.start : seg.span.end] == seg.text


def test_read_text_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    ("text", "lang"),
    [(RU, "ru"), ("김정은 북한 국무위원장에게 보낸 새해 축전", "ko"), ("Kursk Governor Alexander Khinstin", "en")],
)
def test_language_from_script(text: str, lang: str) -> None:
    assert detect_lang(text, "f") == lang


def test_unsupported_scripts() -> None:
    with pytest.raises(InputError, match="Han script"):
        detect_lang("普京在新年贺词中感谢朝鲜军人", "f")
    with pytest.raises(InputError, match="Greek script"):
        detect_lang("Ο Πούτιν ευχαρίστησε τους στρατιώτες", "f")
    with pytest.raises(InputError, match="no letters"):
        detect_lang("12 345 — 67,8", "f")


def test_language_pairs() -> None:
    check_pair("ru", "en")
    check_pair("en", "ko")
    with pytest.raises(InputError, match="same language"):
        check_pair("ru", "ru")
    with pytest.raises(InputError, match="one side must be English"):
        check_pair("ru", "ko")
