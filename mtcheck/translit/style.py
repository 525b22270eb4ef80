"""Letter n-gram models that tell two kinds of spelling apart.

* Latin: does a spelling read like a transliteration from Russian (Khinshteyn, Galazhinsky) or like
  a name in its own spelling (Loesch, Fichte, Lantagne, Cromwell)? A misspelt transliteration
  still reads like a transliteration (Khinstin), so a near miss in original style is most likely
  the name's own spelling and one in transliteration style a garble.
* Cyrillic: is a name Russian (Кирпотин, Галажинский) or a foreign name in Russian letters
  (Тамасесе, Фихте)? English writes the first by transliteration only and the second in its own
  spelling.

Each side is a trigram model with add-k smoothing fitted by mtcheck.translit.fit; a score is the
log-likelihood ratio per letter of the two models.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

ORDER = 3


@dataclass
class CharLM:
    counts: dict[str, dict[str, int]]  # context (ORDER-1 letters) → next letter → count
    vocab: int
    k: float = 0.1

    @classmethod
    def fit(cls, words: Iterable[str], k: float = 0.1) -> CharLM:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        letters: set[str] = set()
        for w in words:
            padded = "^" * (ORDER - 1) + w + "$"
            letters |= set(w)
            for i in range(ORDER - 1, len(padded)):
                counts[padded[i - ORDER + 1 : i]][padded[i]] += 1
        return cls({c: dict(r) for c, r in counts.items()}, len(letters) + 1, k)

    def logprob(self, word: str) -> float:
        padded = "^" * (ORDER - 1) + word + "$"
        lp = 0.0
        for i in range(ORDER - 1, len(padded)):
            row = self.counts.get(padded[i - ORDER + 1 : i], {})
            total = sum(row.values()) if row else 0
            lp += math.log((row.get(padded[i], 0) + self.k) / (total + self.k * self.vocab))
        return lp

    def to_json(self) -> dict[str, object]:
        return {"counts": self.counts, "vocab": self.vocab, "k": self.k}

    @classmethod
    def from_json(cls, d: dict[str, object]) -> CharLM:
        return cls(d["counts"], int(d["vocab"]), float(d["k"]))  # type: ignore[arg-type]


@dataclass
class StyleModel:
    """Two letter models; score > 0 when a word reads more like ``first`` than ``second``."""

    first: CharLM
    second: CharLM

    def score(self, word: str) -> float:
        if not word:
            return 0.0
        return (self.first.logprob(word) - self.second.logprob(word)) / (len(word) + 1)

    def to_json(self) -> dict[str, object]:
        return {"first": self.first.to_json(), "second": self.second.to_json()}

    @classmethod
    def from_json(cls, d: dict[str, dict[str, object]]) -> StyleModel:
        return cls(CharLM.from_json(d["first"]), CharLM.from_json(d["second"]))
