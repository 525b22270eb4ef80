"""The rule registry: stable codes, names and explanations, and the checks that emit them.

A code is never reused: retiring a rule leaves its code unused for good.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from mtcheck.types import Bead, Document, Finding, Severity, Span

if TYPE_CHECKING:
    from mtcheck.glossary import Glossary

FAMILIES = {
    "MT1": "alignment",
    "MT2": "names, places, transliteration, acronyms",
    "MT3": "numbers, dates, units, amounts",
    "MT4": "script and garbling",
    "MT5": "translation-model similarity",
    "MT6": "document consistency and glossary",
    "MT9": "input problems",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    title: str
    severity: Severity
    explanation: str

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:3]]

    def finding(
        self,
        message: str,
        *,
        confidence: float,
        source_span: Span | None = None,
        target_span: Span | None = None,
        suggestion: str | None = None,
        evidence: dict[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=self.code,
            name=self.name,
            severity=self.severity if severity is None else severity,
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            message=message,
            suggestion=suggestion,
            source_span=source_span,
            target_span=target_span,
            evidence=evidence or {},
        )


@dataclass(frozen=True)
class Translations:
    """Machine translations of every segment, for the MT5xx checks: ``forward[i]`` is
    source segment i translated into the target language, ``back[j]`` target segment j
    translated into the source language; either is None when no model served it."""

    forward: tuple[str, ...] | None = None
    back: tuple[str, ...] | None = None
    forward_signature: str = ""
    back_signature: str = ""


@dataclass(frozen=True)
class CheckContext:
    source: Document
    target: Document
    alignment: tuple[Bead, ...]
    glossary: Glossary | None = None  # the user glossary and do-not-translate terms, if any
    translations: Translations | None = None

    def pairs(self) -> Iterator[AlignedText]:
        """Each bead with text on both sides; omissions and additions are MT1xx's business."""
        for index, bead in enumerate(self.alignment):
            src = self.source.span_of(bead.source)
            tgt = self.target.span_of(bead.target)
            if src is not None and tgt is not None:
                yield AlignedText(bead, src, src.text(self.source.text), tgt, tgt.text(self.target.text), index)


@dataclass(frozen=True)
class AlignedText:
    bead: Bead
    source_span: Span
    source: str
    target_span: Span
    target: str
    index: int = 0  # the bead's place in CheckContext.alignment, for looking at its neighbours

    @property
    def confidence(self) -> float:
        """How sure the alignment is that these two texts translate each other (the bead's
        posterior): a finding that compares them is no surer than this."""
        return self.bead.confidence


class Check(Protocol):
    def __call__(self, ctx: CheckContext) -> Iterable[Finding]: ...


_RULES: dict[str, Rule] = {}
_CHECKS: list[tuple[str, Check]] = []


def register_rule(rule: Rule) -> Rule:
    if rule.code in _RULES:
        raise ValueError(f"rule code {rule.code} is already registered")
    if any(r.name == rule.name for r in _RULES.values()):
        raise ValueError(f"rule name {rule.name} is already registered")
    _RULES[rule.code] = rule
    return rule


def register_check(name: str) -> Callable[[Check], Check]:
    def wrap(fn: Check) -> Check:
        _CHECKS.append((name, fn))
        return fn

    return wrap


def all_rules() -> list[Rule]:
    _load_builtin()
    return sorted(_RULES.values(), key=lambda r: r.code)


def all_checks() -> list[tuple[str, Check]]:
    _load_builtin()
    return list(_CHECKS)


def get_rule(key: str) -> Rule:
    """Look a rule up by code ("MT101", case-insensitive) or name ("omission")."""
    _load_builtin()
    wanted = key.strip()
    by_code = _RULES.get(wanted.upper())
    if by_code:
        return by_code
    for rule in _RULES.values():
        if rule.name == wanted.lower():
            return rule
    keys = [*_RULES, *(r.name for r in _RULES.values())]
    close = difflib.get_close_matches(wanted, keys, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; run `mtcheck rules` for the list"
    raise KeyError(f"no rule {key!r}{hint}")


def _load_builtin() -> None:
    # Importing the modules registers their rules and checks; done on first use so that
    # importing the registry alone stays cheap.
    from mtcheck.checks import alignment, glossary, inputs, names, nonword, numbers, script, similarity  # noqa: F401
