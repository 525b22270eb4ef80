"""The JSON Schema of the report contract (tests/data/schemas/mtcheck-report-1.schema.json,
written from DESIGN.md) accepts mtcheck's reports and rejects reports that break the contract,
so that the fuzz tests' check against it means something."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import DATA, corpus, run_cli

SCHEMA = json.loads((DATA / "schemas" / "mtcheck-report-1.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("schema") / "report.json"
    code, _, err = run_cli("check", *corpus("kursk-ru"), "--format", "json", "--output", out)
    assert code == 1, err
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_schema_is_valid_and_accepts_a_real_report(report: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert report["findings"], "the Kursk draft has its seven name errors"
    assert not list(Draft202012Validator(SCHEMA).iter_errors(report))


def _set(path: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is KeyError:
            del node[last]
        else:
            node[int(last) if isinstance(node, list) else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (_set("schema", "mtcheck.report/2"), "another schema version"),
        (_set("summary", KeyError), "no summary"),
        (_set("findings/0/severity", "fatal"), "an unknown severity"),
        (_set("findings/0/rule", "X201"), "a rule code outside MTnnn"),
        (_set("findings/0/confidence", 1.5), "a confidence above 1"),
        (_set("findings/0/target/text", KeyError), "a span without its text"),
        (_set("findings/0/target/start", -1), "a negative offset"),
        (_set("findings/0/target", None), "a name finding with no span at all"),
        (_set("alignment/0/score", "high"), "a score that is no number"),
        (_set("segments/source/0/id", "0"), "a segment id that is no integer"),
        (_set("source/lang", "de"), "an unsupported language"),
    ],
)
def test_the_schema_rejects_a_broken_report(report: dict[str, Any], change: Any, what: str) -> None:
    broken = copy.deepcopy(report)
    if what == "a name finding with no span at all":
        broken["findings"][0]["source"] = None
    change(broken)
    assert list(Draft202012Validator(SCHEMA).iter_errors(broken)), what


def test_readme_of_the_schemas_names_the_report_schema() -> None:
    assert "mtcheck-report-1.schema.json" in (Path(DATA) / "schemas" / "README.md").read_text(encoding="utf-8")
