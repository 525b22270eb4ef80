from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.config import find_config, load_config, parse_config
from mtcheck.errors import InputError
from mtcheck.types import Finding, Severity


def finding(rule: str, name: str, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(rule, name, severity, 0.9, "m")


def test_disable_by_code_or_name_and_override_severity() -> None:
    config = parse_config({"disable": ["omission"], "severity": {"MT102": "error", "repetition": "info"}})
    kept = config.apply(
        [finding("MT101", "omission", Severity.ERROR), finding("MT102", "addition"), finding("MT404", "repetition")],
        "ru",
    )
    assert [(f.rule, f.severity) for f in kept] == [("MT102", Severity.ERROR), ("MT404", Severity.INFO)]


def test_language_opt_out_applies_to_that_source_language_only() -> None:
    config = parse_config({"languages": {"ko": {"disable": ["MT102"]}}})
    assert config.apply([finding("MT102", "addition")], "ko") == []
    assert len(config.apply([finding("MT102", "addition")], "ru")) == 1


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"disabel": ["MT101"]}, "unknown key"),
        ({"disable": ["MT999"]}, "no rule 'MT999'"),
        ({"disable": "MT101"}, "must be a list of strings"),
        ({"severity": {"MT101": "fatal"}}, "unknown severity 'fatal'"),
    ],
)
def test_bad_config_is_a_clear_error(table: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_config(table)


def test_found_in_pyproject_tool_table_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\ndisable = ["MT404"]\n', encoding="utf-8")
    nested = tmp_path / "docs" / "ru"
    nested.mkdir(parents=True)
    path = find_config(nested)
    assert path == (tmp_path / "pyproject.toml").resolve()
    assert load_config(path).disabled == frozenset({"MT404"})


def test_mtcheck_toml_wins_and_glossary_is_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\ndisable = ["MT404"]\n', encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    config = load_config(find_config(tmp_path))
    assert config.disabled == frozenset()
    assert config.glossary == tmp_path.resolve() / "terms.csv"


def test_invalid_toml(tmp_path: Path) -> None:
    bad = tmp_path / "mtcheck.toml"
    bad.write_text("disable = [", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_config(bad)


def test_lexicon_is_a_path_relative_to_the_config_or_none(tmp_path: Path) -> None:
    from mtcheck.config import NO_LEXICON

    (tmp_path / "mtcheck.toml").write_text('lexicon = "tm/lexicon.json.gz"\n', encoding="utf-8")
    assert load_config(find_config(tmp_path)).lexicon == tmp_path.resolve() / "tm" / "lexicon.json.gz"
    assert parse_config({"lexicon": "none"}).lexicon == NO_LEXICON
    assert parse_config({}).lexicon is None
    with pytest.raises(InputError, match="lexicon must be a path"):
        parse_config({"lexicon": 3})
