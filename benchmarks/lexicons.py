"""The lexicons mtcheck ships (mtcheck/lexicons), and the held-out ones its benchmarks use.

* ru-en: IBM Model 1 on FLORES-200 dev (997 sentence pairs). No benchmark counts FLORES-200
  dev; the documents checked are FLORES-200 devtest and NTREX-128.
* ko-en: IBM Model 1 on NTREX-128 Korean-English (1,997 lines), the only Korean-English
  parallel text here. The benchmarks check NTREX-128 itself, so they never use this file for
  Korean: each NTREX-128 document is checked with a lexicon learned on the other half of the
  documents (``held_out``), two lexicons in all, split by a hash of the document id.

Reads ../shared/eval-data (or $MTCHECK_EVAL_DATA).
Usage: PYTHONPATH=. python benchmarks/lexicons.py   (rewrites mtcheck/lexicons/*.json.gz)
"""

from __future__ import annotations

import functools
import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

from mtcheck.lexicon import Lexicon, learn, save

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MTCHECK_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))
OUT = ROOT / "mtcheck" / "lexicons"
_NTREX = "ntrex128_eng_rus_kor"
_LANG_FILES = {"ru": "rus", "ko": "kor"}


def flores_dev(data: Path = DATA) -> list[tuple[str, str]]:
    folder = data / "flores200_ru_en"
    ru = (folder / "flores200.dev.rus_Cyrl").read_text(encoding="utf-8").splitlines()
    en = (folder / "flores200.dev.eng_Latn").read_text(encoding="utf-8").splitlines()
    return list(zip(ru, en, strict=True))


def ntrex(lang: str, data: Path = DATA) -> list[tuple[str, str, str]]:
    """(document id, source line, English line) of NTREX-128."""
    folder = data / _NTREX
    src = (folder / f"newstest2019-ref.{_LANG_FILES[lang]}.txt").read_text(encoding="utf-8").splitlines()
    eng = (folder / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ids = [line.split("\t")[0] for line in (folder / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()]
    return list(zip(ids, src, eng, strict=True))


def fold(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode("utf-8")) % 2


@functools.cache
def _held_out(lang: str, k: int, data: Path) -> Lexicon:
    pairs = [(s, e) for doc, s, e in ntrex(lang, data) if fold(doc) != k]
    return learn(pairs, lang, "en", about=f"NTREX-128 {lang}-en without fold {k} (benchmarks only)")


def held_out(lang: str, doc_id: str, data: Path = DATA) -> Lexicon | str:
    """The lexicon to check an NTREX-128 document of this pair with: for Korean, one that never
    saw the document; for Russian the shipped one (learned on FLORES-200 dev)."""
    return _held_out(lang, fold(doc_id), data) if lang == "ko" else "bundled"


class HeldOut:
    """A lexicon for a document that mixes NTREX-128 articles (quality.py checks the whole set
    as one document): each sentence gets the keys of the lexicon learned without its article."""

    def __init__(self, lang: str, data: Path = DATA) -> None:
        self.rows = ntrex(lang, data)
        self.lang = lang
        self.data = data
        self.source, self.target = lang, "en"

    def __len__(self) -> int:
        return len(_held_out(self.lang, 0, self.data))

    def serves(self, source: str, target: str) -> bool:
        return {source, target} == {self.lang, "en"}

    def keys_many(self, texts: Sequence[str], lang: str, side: str) -> list[frozenset[str]]:
        column = 2 if lang == "en" else 1
        folds = [fold(next((row[0] for row in self.rows if text in row[column]), self.rows[0][0])) for text in texts]
        out: list[frozenset[str]] = [frozenset()] * len(texts)
        for k in set(folds):
            mine = [i for i, f in enumerate(folds) if f == k]
            found = _held_out(self.lang, k, self.data).keys_many([texts[i] for i in mine], lang, side)
            for i, keys in zip(mine, found, strict=True):
                out[i] = keys
        return out


def main() -> int:
    if not DATA.is_dir():
        print(f"evaluation data not found at {DATA}; nothing built")
        return 0
    OUT.mkdir(exist_ok=True)
    built = {
        "ru-en": learn(
            flores_dev(),
            "ru",
            "en",
            about="IBM Model 1 on FLORES-200 dev rus_Cyrl/eng_Latn (CC BY-SA 4.0), benchmarks/lexicons.py",
        ),
        "ko-en": learn(
            [(s, e) for _, s, e in ntrex("ko")],
            "ko",
            "en",
            about="IBM Model 1 on NTREX-128 kor/eng (CC BY-SA 4.0), benchmarks/lexicons.py",
        ),
    }
    for name, lexicon in built.items():
        save(lexicon, OUT / f"{name}.json.gz")
        print(f"{name}: {len(lexicon)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
