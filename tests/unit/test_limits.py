"""Resource limits: each oversized input of issue 15 is generated here (never committed) and
either refused at once with one clear line or read in bounded pieces."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from mtcheck.config import parse_config
from mtcheck.documents.docx import read_docx_text
from mtcheck.documents.inputs import extract
from mtcheck.errors import InputError
from mtcheck.limits import MIB, Limits, applied, human_size, parse_size
from mtcheck.pipeline import check_files
from mtcheck.segment import MAX_SENTENCE, split_sentences_many
from mtcheck.types import Span
from tests.conftest import DATA, corpus, one_line_error, run_cli

DOCX = DATA / "formats" / "article.en.docx"


def test_sizes_parse_in_binary_units() -> None:
    assert parse_size("50M") == 50 * MIB
    assert parse_size("1.5G") == 1536 * MIB
    assert parse_size("200kB") == 200 * 1024
    assert parse_size(4096) == 4096
    for bad in ("lots", "-1M", "0", "5 parsecs", True):
        with pytest.raises(ValueError):
            parse_size(bad)  # type: ignore[arg-type]
    assert human_size(100 * MIB) == "100 MiB"
    assert human_size(1536) == "1.5 KiB"


def test_a_100_mb_text_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.en.txt"
    with big.open("wb") as fh:
        fh.truncate(100 * MIB)  # sparse: no 100 MB written to the disk
    code, _, err = run_cli("check", corpus("kursk-ru")[0], big)
    assert code == 2
    line = one_line_error(err)
    assert "big.en.txt is too large (100 MiB; the limit is 50 MiB, raise it with --max-size" in line


def test_max_size_from_the_option_and_the_config(tmp_path: Path) -> None:
    source, draft = corpus("kursk-ru")  # 5.6 KiB and 3.3 KiB
    code, _, err = run_cli("check", source, draft, "--max-size", "4k")
    assert code == 2
    assert "source.ru.txt is too large (5.6 KiB; the limit is 4 KiB" in one_line_error(err)
    config = tmp_path / "mtcheck.toml"
    config.write_text('max-size = "4k"\n', encoding="utf-8")
    assert run_cli("check", source, draft, "--config", config)[0] == 2
    assert run_cli("check", source, draft, "--config", config, "--max-size", "1M")[0] == 1  # the option wins
    code, _, err = run_cli("check", source, draft, "--max-size", "lots")
    assert code == 2
    assert "--max-size: 'lots' is not a size" in one_line_error(err)
    with pytest.raises(InputError, match="max-sentences must be a positive whole number"):
        parse_config({"max-sentences": "many"})


def _bomb(path: Path, inflated: int) -> None:
    """A DOCX whose main part inflates to ``inflated`` bytes of spaces (about 4.5 MB on disk
    for 1 GiB)."""
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
            z.writestr(name, src.read(name))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (16 * MIB)
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)


def test_a_1_gb_docx_zip_bomb_is_refused_before_anything_is_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "bomb.docx"
    _bomb(bomb, 1024 * MIB)
    assert bomb.stat().st_size < 10 * MIB

    def inflate(*_args: object) -> None:
        raise AssertionError("the DOCX was opened for reading")

    monkeypatch.setattr("docx.Document", inflate)
    with pytest.raises(InputError, match=r"bomb.docx \(uncompressed\) is too large \(1,024 MiB; the limit is 50 MiB"):
        read_docx_text(str(bomb))


def test_a_docx_that_understates_its_size_cannot_inflate_past_it(tmp_path: Path) -> None:
    """The zip directory claims 1,000 bytes for a part that inflates to 10 MiB: zipfile stops
    at the declared size, and the check fails on the damaged part with one line."""
    with zipfile.ZipFile(DOCX) as src:
        parts = {
            name: src.read(name) for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels")
        }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
        z.writestr("word/document.xml", b"<w:document>" + b" " * (10 * MIB))
    data = bytearray(buffer.getvalue())
    name = b"word/document.xml"
    # (signature, where the name starts, where the uncompressed size is): local and central headers
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 1000)
            at = data.find(signature, at + 4)
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"liar\.docx is not a readable DOCX file"):
        read_docx_text(str(liar))


def test_a_line_of_ten_million_characters_is_split_into_bounded_sentences() -> None:
    line = "word " * 2_000_000  # no sentence punctuation at all
    (sentences,) = split_sentences_many(line, "en", [Span(0, len(line))])
    assert len(line) == 10_000_000
    assert all(0 < len(s) <= MAX_SENTENCE for s in sentences)
    assert len(sentences) == pytest.approx(len(line) / MAX_SENTENCE, rel=0.02)
    assert "".join(line[s.start : s.end] + " " for s in sentences) == line  # nothing lost
    punctuated = "The council met on Monday. " * 370_371  # ten million characters, 370k sentences
    with applied(Limits(max_sentences=1_000_000)):
        (sentences,) = split_sentences_many(punctuated, "en", [Span(0, len(punctuated))])
    assert len(sentences) == 370_371  # the line is cut for the splitter between sentences


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("ru", "Совет собрался в понедельник без точки "), ("ko", "위원회는 월요일에 모였다 마침표 없이 ")],
)
def test_long_russian_and_korean_lines_are_cut_too(lang: str, sentence: str) -> None:
    line = sentence * (30_000 // len(sentence))
    (sentences,) = split_sentences_many(line, lang, [Span(0, len(line))])
    assert all(0 < len(s) <= MAX_SENTENCE for s in sentences)
    assert sum(len(s) for s in sentences) >= len(line.replace(" ", "")) * 0.99


def test_a_500k_sentence_document_is_refused_at_the_sentence_limit(tmp_path: Path) -> None:
    paragraph = " ".join(f"The council met on day {n}." for n in range(10))
    big = tmp_path / "long.en.txt"
    big.write_text("\n\n".join([paragraph] * 50_000), encoding="utf-8")  # 500,000 sentences, 13 MB
    with pytest.raises(InputError, match=r"long.en.txt holds more than 100,000 sentences or strings"):
        check_files(corpus("kursk-ru")[0], big)
    code, _, err = run_cli("check", *corpus("kursk-ru"), "--max-sentences", "10")
    assert code == 2
    assert "holds more than 10 sentences or strings (raise the limit with --max-sentences" in one_line_error(err)


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    for depth in (1_000_000, 101):
        deep.write_text('{"a": ' * depth + '"Привет"' + "}" * depth, encoding="utf-8")
        with pytest.raises(InputError, match="nested more than 100 levels deep"):
            extract(deep)
    deep.write_text('{"a": ' * 99 + '"Привет"' + "}" * 99, encoding="utf-8")
    (entry,) = extract(deep).source
    assert entry.key == ".".join(["a"] * 99)
    assert entry.value == "Привет"


def test_deeply_nested_xml_is_refused(tmp_path: Path) -> None:
    xlf = tmp_path / "deep.xlf"
    inner = "<g>" * 100_000 + "Привет" + "</g>" * 100_000
    xlf.write_text(
        f'<xliff version="1.2"><file source-language="ru" target-language="en"><body>'
        f'<trans-unit id="1"><source>{inner}</source><target>Hello</target></trans-unit></body></file></xliff>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="nests elements more than 256 levels deep"):
        extract(xlf)


def test_a_po_file_of_a_million_entries_is_refused_while_it_is_read(tmp_path: Path) -> None:
    po = tmp_path / "huge.po"
    entry = 'msgid "Совет {n}"\nmsgstr "Council {n}"\n\n'
    po.write_text("".join(entry.format(n=n) for n in range(1_000_000)), encoding="utf-8")  # 42 MB
    with pytest.raises(InputError, match=r"huge.po holds more than 100,000 sentences or strings"):
        extract(po)


def test_alignment_band_stops_growing_at_the_cell_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A translation whose halves come in the other order pushes the DP's path along the edge
    of its band, which doubles each time: without a budget 2,000 sentences a side reached
    4 million cells (and 8,000 reached 16 million, a gigabyte of bead costs)."""
    from mtcheck import align
    from mtcheck.align import Units, align_units

    n = 2_000
    src = Units.build(["x" * 10] * (n // 2) + ["x" * 300] * (n // 2), [frozenset()] * n)
    tgt = Units.build(["y" * 300] * (n // 2) + ["y" * 10] * (n // 2), [frozenset()] * n)
    unbounded: dict[str, int] = {}
    align_units(src, tgt, stats=unbounded)
    assert unbounded["band"] >= 256  # the band does grow on this input
    monkeypatch.setattr(align, "_MAX_CELLS", 200_000)
    stats: dict[str, int] = {}
    beads = align_units(src, tgt, stats=stats)
    widest = (200_000 // (n + 1) - 1) // 2
    assert stats["band"] == widest
    assert stats["cells"] <= 3 * 200_000  # every pass within the budget
    assert sorted(i for b in beads for i in b.source) == list(range(n))
    assert sorted(j for b in beads for j in b.target) == list(range(n))
