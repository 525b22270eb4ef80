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


def paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n\n")


@pytest.fixture
def kursk_ru() -> tuple[Path, Path]:
    return corpus("kursk-ru")


@pytest.fixture
def kursk_ko() -> tuple[Path, Path]:
    return corpus("kursk-ko")


# Sentences of the bundled Kursk corpora that several test modules use.
RU_GOVERNOR = (
    "4 декабря губернатор Курской области Александр Хинштейн объявил о планах установить памятник "
    "«боевому братству» КНДР и России."
)
EN_GOVERNOR = (
    "On December 4, Kursk Governor Alexander Khinstin announced plans to erect a monument commemorating "
    "the ‘battle brotherhood’ between North Korea and Russia."
)
