from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
DATA = Path(__file__).resolve().parent / "data"


def corpus(name: str) -> tuple[Path, Path]:
    """(source, English draft) of a bundled corpus."""
    folder = CORPORA / name
    source = next(folder.glob("source.*.txt"))
    return source, folder / "draft.en.txt"


# The bundled drafts carry three known name errors (see corpora/README.md); with them corrected
# the drafts are clean translations, which is what tests of other checks need.
NAME_FIXES = (("Khinstin", "Khinshtein"), ("SWO", "SMO"), ("In Internationals Kvir", "Internationalists Square"))


def corrected(text: str) -> str:
    for wrong, right in NAME_FIXES:
        text = text.replace(wrong, right)
    return text


def corrected_draft(folder: Path, name: str = "kursk-ru") -> Path:
    path = folder / "draft.en.txt"
    path.write_text(corrected(corpus(name)[1].read_text(encoding="utf-8")), encoding="utf-8")
    return path


def paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n\n")


@pytest.fixture
def kursk_ru() -> tuple[Path, Path]:
    return corpus("kursk-ru")


@pytest.fixture
def kursk_ko() -> tuple[Path, Path]:
    return corpus("kursk-ko")
