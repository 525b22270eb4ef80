"""Project configuration: ``mtcheck.toml`` or ``[tool.mtcheck]`` in ``pyproject.toml``.

```toml
[tool.mtcheck]
disable = ["MT404"]                 # rule codes or names switched off
glossary = "glossary.csv"           # relative to the config file
lexicon = "tm-lexicon.json.gz"      # `mtcheck lexicon learn`; "none": no lexicon; default: the bundled one

[tool.mtcheck.severity]             # per-rule severity overrides
MT102 = "error"
repetition = "info"

[tool.mtcheck.languages.ko]         # per-language opt-outs
disable = ["MT402"]
```

``max-size = "50M"`` and ``max-sentences = 100000`` set the input limits (:mod:`mtcheck.limits`).

Unknown keys are errors, so a typo does not silently switch a check back on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError
from mtcheck.limits import Limits, parse_size
from mtcheck.types import Finding, Severity

CONFIG_NAMES = ("mtcheck.toml", "pyproject.toml")
NO_LEXICON = Path("none")
_KNOWN_KEYS = {
    "disable",
    "severity",
    "glossary",
    "lexicon",
    "languages",
    "scan",
    "baseline",
    "suppress",
    "do-not-translate",
    "max-size",
    "max-sentences",
}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    disabled: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()
    lang_disabled: tuple[tuple[str, frozenset[str]], ...] = ()
    glossary: Path | None = None
    # A lexicon file for the alignment; NO_LEXICON for none; None: the one mtcheck ships.
    lexicon: Path | None = None
    do_not_translate: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    # Sections other features read (scan, baseline, suppress), kept raw for them.
    extra: dict[str, Any] = field(default_factory=dict)

    def enabled(self, rule: str, lang: str | None = None) -> bool:
        off = set(self.disabled)
        for code_lang, codes in self.lang_disabled:
            if code_lang == lang:
                off |= codes
        return rule not in off

    def apply(self, findings: list[Finding], source_lang: str) -> list[Finding]:
        """Drop disabled rules and apply severity overrides."""
        overrides = dict(self.severity)
        out = []
        for f in findings:
            if not self.enabled(f.rule, source_lang):
                continue
            # Keys were normalised to codes; Severity.INFO is 0, so no truthiness tests here.
            sev = overrides.get(f.rule)
            out.append(replace(f, severity=sev) if sev is not None else f)
        return out


def find_config(start: Path) -> Path | None:
    """The nearest mtcheck.toml, or pyproject.toml with a [tool.mtcheck] table, upwards."""
    folder = start if start.is_dir() else start.parent
    for here in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = here / name
            if candidate.is_file() and (name == "mtcheck.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        tool = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return False
    return isinstance(tool, dict) and "mtcheck" in tool


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read config {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"config {path} is not valid TOML: {exc}") from None
    except RecursionError:
        raise InputError(f"config {path} nests arrays or tables too deeply to read") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = _table(tool.get("mtcheck", {}) if isinstance(tool, dict) else None, str(path), "[tool.mtcheck]")
    return parse_config(data, path)


def parse_config(table: dict[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "config"
    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    from mtcheck.checks.registry import get_rule

    def rule_key(key: str) -> str:
        try:
            rule = get_rule(key)
        except KeyError as exc:
            raise InputError(f"{where}: {exc.args[0]}") from None
        return rule.code

    disabled = frozenset(rule_key(k) for k in _str_list(table.get("disable", []), where, "disable"))
    severity: list[tuple[str, Severity]] = []
    for key, value in _table(table.get("severity", {}), where, "severity").items():
        try:
            severity.append((rule_key(key), Severity.parse(str(value))))
        except ValueError as exc:
            raise InputError(f"{where}: severity of {key}: {exc}") from None
    lang_disabled = []
    for lang, sub in _table(table.get("languages", {}), where, "languages").items():
        sub = _table(sub, where, f"languages.{lang}")
        codes = frozenset(rule_key(k) for k in _str_list(sub.get("disable", []), where, f"languages.{lang}"))
        lang_disabled.append((str(lang), codes))
    glossary = table.get("glossary")
    if glossary is not None and not isinstance(glossary, str):
        raise InputError(f"{where}: glossary must be a path to a glossary file")
    base = path.parent if path else Path.cwd()
    lexicon = table.get("lexicon")
    if lexicon is not None and not isinstance(lexicon, str):
        raise InputError(f'{where}: lexicon must be a path to a lexicon file, or "none"')
    extra = {k: table[k] for k in ("scan", "baseline", "suppress") if k in table}
    limits = Limits()
    try:
        if "max-size" in table:
            limits = replace(limits, max_bytes=parse_size(table["max-size"]))
        if "max-sentences" in table:
            limits = replace(limits, max_sentences=_positive(table["max-sentences"]))
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
    return Config(
        path=path,
        disabled=disabled,
        severity=tuple(severity),
        lang_disabled=tuple(lang_disabled),
        glossary=(base / glossary) if glossary else None,
        lexicon=None if not lexicon else NO_LEXICON if lexicon == "none" else base / lexicon,
        do_not_translate=tuple(_str_list(table.get("do-not-translate", []), where, "do-not-translate")),
        limits=limits,
        extra=extra,
    )


def _table(value: Any, where: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{where}: {key} must be a table")
    return value


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: {key} must be a list of strings")
    return value


def _positive(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"max-sentences must be a positive whole number, not {value!r}")
    return value
