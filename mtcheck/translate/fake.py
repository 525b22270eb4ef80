"""A translator for tests of everything around the model: a lookup table, and a count of
calls so that tests can assert the cache spared the model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mtcheck.translate.base import TranslatorSignature


@dataclass
class FakeTranslator:
    """Returns ``table[(src, tgt)][text]``; a text not in the table comes back unchanged
    (what an untrained model often does with a name), so a missing entry is visible."""

    table: Mapping[tuple[str, str], Mapping[str, str]] = field(default_factory=dict)
    name: str = "fake"
    calls: int = 0
    texts_translated: int = 0

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        self.calls += 1
        self.texts_translated += len(texts)
        lookup = self.table.get((src, tgt), {})
        return [lookup.get(t, t) for t in texts]

    def signature(self) -> TranslatorSignature:
        return TranslatorSignature("fake", self.name)
