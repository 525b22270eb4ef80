"""The working copy: edits kept in the loaded file's coordinates compose like edits to the text
itself, and saving changes the file's bytes in the edited spans only, whatever its encoding,
byte-order mark or line ends; it refuses when the file changed on disk."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.review.working import DraftChanged, Edit, LoadedDraft, add, apply, backup_path, load_draft, one_line
from tests.conftest import corpus


def test_edits_compose_like_edits_to_the_text() -> None:
    """Random edits on Russian and English text, each made in working coordinates: the kept
    edits always rebuild exactly the text the edits made, never overlap, and remember the
    loaded text they replace."""
    rng = random.Random(13)
    words = ["Хинштейн", "Khinshteyn", "SMO", "", " ", "сквер", "Square", "—"]
    for path in corpus("kursk-ru"):
        loaded = path.read_text(encoding="utf-8")[:600]
        for _ in range(200):
            edits: tuple[Edit, ...] = ()
            working = loaded
            for _ in range(6):
                start = rng.randrange(len(working) + 1)
                end = min(len(working), start + rng.randrange(12))
                text = rng.choice(words)
                edits = add(loaded, edits, start, end, text)
                working = working[:start] + text + working[end:]
                assert apply(loaded, edits) == working
                assert all(a.end < b.start for a, b in itertools.pairwise(edits))
                assert all(loaded[e.start : e.end] == e.original and e.text != e.original for e in edits)


def test_an_edit_undone_by_hand_disappears() -> None:
    loaded = "Kursk Governor Alexander Khinstin announced plans."
    edits = add(loaded, (), 25, 33, "Khinshteyn")
    assert edits == (Edit(25, 33, "Khinshteyn", "Khinstin"),)
    assert add(loaded, edits, 25, 35, "Khinstin") == ()


def draft_file(tmp_path: Path, text: str, encoding: str) -> LoadedDraft:
    path = tmp_path / "draft.txt"
    path.write_bytes(text.encode(encoding))
    loaded = load_draft(path, text, encoding)
    assert isinstance(loaded, LoadedDraft)
    return loaded


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8", "kursk-ru"),
        ("utf-8-sig", "kursk-ru"),
        ("cp1251", "kursk-ru"),
        ("euc-kr", "kursk-ko"),
        ("utf-16", "kursk-ko"),
    ],
)
def test_saving_changes_the_edited_bytes_only(tmp_path: Path, encoding: str, name: str) -> None:
    # The sources hold the non-Latin text the encodings exist for; CRLF line ends on top.
    text = corpus(name)[0].read_text(encoding="utf-8").replace("\n", "\r\n")
    draft = draft_file(tmp_path, text, encoding)
    original = draft.path.read_bytes()
    first = text.index("\r\n\r\n") + 4
    second = text.index("\r\n\r\n", first) + 4
    edits = add(text, (), first, first + 4, "Заголовок")
    # The second edit is made in the working text, which the first one lengthened.
    grown = len("Заголовок") - 4
    edits = add(text, edits, second + 9 + grown, second + 9 + grown, " (правка)")
    assert edits[1].start == second + 9
    saved = draft.save(edits)
    new = draft.path.read_bytes()
    assert new.decode(encoding) == apply(text, edits)
    # Outside the edited spans the bytes are the original's: up to the first edit, between the
    # two, after the second. (Encoding a piece alone adds the byte-order mark the file holds once.)
    bom = len("".encode(encoding))
    head = len(text[:first].encode(encoding))
    tail = len(text[second + 9 :].encode(encoding)) - bom
    between = original[len(text[: first + 4].encode(encoding)) : len(text[: second + 9].encode(encoding))]
    assert new[:head] == original[:head]
    assert new[-tail:] == original[-tail:]
    assert new[head + len("Заголовок".encode(encoding)) - bom :].startswith(between)
    assert (
        len(new)
        == head
        + len("Заголовок".encode(encoding))
        - bom
        + len(between)
        + len(" (правка)".encode(encoding))
        - bom
        + tail
    )
    assert backup_path(draft.path).read_bytes() == original
    assert saved.text == apply(text, edits) and saved.data == new


def test_utf8_save_is_a_byte_splice(tmp_path: Path) -> None:
    """For UTF-8 the rule reads plainly: the new file is the old one with the edited bytes
    swapped, nothing else touched (CRLF, the BOM and the trailing newline stay)."""
    text = corpus("kursk-ru")[1].read_text(encoding="utf-8").replace("\n", "\r\n")
    draft = draft_file(tmp_path, text, "utf-8-sig")
    original = draft.path.read_bytes()
    at = text.index("Khinstin")
    draft.save(add(text, (), at, at + len("Khinstin"), "Khinshteyn"))
    assert draft.path.read_bytes() == original.replace(b"Khinstin", b"Khinshteyn", 1)


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    draft = draft_file(tmp_path, "Kursk Governor Alexander Khinstin.\n", "utf-8")
    draft.path.chmod(0o640)
    draft.save(add(draft.text, (), 25, 33, "Khinshteyn"))
    assert draft.path.stat().st_mode & 0o777 == 0o640


def test_save_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    draft = draft_file(tmp_path, "Kursk Governor Alexander Khinstin.\n", "utf-8")
    draft.path.write_text("Kursk Governor Alexander Khinstin.\nAnother line.\n", encoding="utf-8")
    with pytest.raises(DraftChanged, match="changed on disk since mtcheck loaded it; not saved"):
        draft.save(add(draft.text, (), 25, 33, "Khinshteyn"))
    assert draft.path.read_text(encoding="utf-8").endswith("Another line.\n")
    assert not backup_path(draft.path).exists()


def test_an_edit_the_encoding_cannot_hold_is_refused(tmp_path: Path) -> None:
    draft = draft_file(tmp_path, "Губернатор Хинштейн.\n", "cp1251")
    with pytest.raises(InputError, match="cannot be encoded as cp1251; nothing was written"):
        draft.saved_bytes(add(draft.text, (), 11, 19, "힌시테인"))
    with pytest.raises(UnicodeEncodeError):
        "힌시테인".encode("cp1251")


def test_a_draft_that_does_not_round_trip_cannot_be_edited(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Khinstin\n")
    assert isinstance(load_draft(path, "Khinstin changed\n", "utf-8"), str)


def test_one_line() -> None:
    assert one_line("Khinshteyn\r\nannounced\nplans\r") == "Khinshteyn announced plans "
