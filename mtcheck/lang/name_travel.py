"""Whether an English word travels: the test behind mtcheck.namematch.name_like, worked out once
for every word the test is asked about, and shipped.

Names travel: text in other languages writes John, Gary and Anderson about as often as English
does, while committee, treasury or reverend are English words only (wordfreq, eight European
languages; the third most frequent of them against English). Asked live, the test loads eight
wordfreq lists besides English's, about 1.4 s in every process: more than the rest of a short
check's name work. The table holds, for the wordfreq version it was built from, the words of
English's list in letters a-z (and the apostrophe of they're, O'Neill), between the bounds where
name_like asks, that travel. Another wordfreq version, or another word, is asked live.

    python -m mtcheck.lang.name_travel   # rebuild the table after a wordfreq upgrade
"""

from __future__ import annotations

import functools
import gzip
import re
from importlib import metadata
from pathlib import Path

NAME_LANGS = ("de", "fr", "es", "it", "nl", "pt", "pl", "sv")
# The bounds of mtcheck.namematch.name_like's question: zipf below which a capitalised word is no
# everyday English word, and from which a word is English's glue (in 7.4, from 6.5; John 5.1).
RARE = 2.5
FUNCTION_WORD = 6.0
TRAVELS = 0.65  # names: John 0.34, Anderson 0.53, Smith 0.64; words: island 0.71, committee 1.65
TABLE = Path(__file__).with_name("data") / "travelling.txt.gz"
_LETTERS = re.compile(r"[a-z']+")


def travels(word: str, en: float) -> bool:
    """Whether ``word`` (lower case, English zipf ``en`` between RARE and FUNCTION_WORD) travels."""
    table = _table()
    if table is not None and _LETTERS.fullmatch(word):
        return word in table
    return travels_live(word, en)


def travels_live(word: str, en: float) -> bool:
    from wordfreq import zipf_frequency

    others = sorted(zipf_frequency(word, lang) for lang in NAME_LANGS)
    return en - others[-3] < TRAVELS


@functools.cache
def _table() -> frozenset[str] | None:
    """The words that travel, or None where the table is missing or from another wordfreq."""
    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as f:
            header, *words = f.read().split("\n")
    except OSError:
        return None
    if header != _header():
        return None
    return frozenset(w for w in words if w)


def _header() -> str:
    return f"# wordfreq {metadata.version('wordfreq')}"


def build(path: Path = TABLE) -> int:
    """Write the table for the installed wordfreq; returns how many words travel."""
    from wordfreq import get_frequency_dict, zipf_frequency

    asked = {w: zipf_frequency(w, "en") for w in get_frequency_dict("en") if _LETTERS.fullmatch(w)}
    out = sorted(w for w, en in asked.items() if RARE <= en < FUNCTION_WORD and travels_live(w, en))
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join([_header(), *out]) + "\n")
    return len(out)


if __name__ == "__main__":
    print(f"{build()} words travel; written to {TABLE}")
