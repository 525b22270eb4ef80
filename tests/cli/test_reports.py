"""Report formats, baselines, suppressions and scan, through the command line."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from mtcheck.report import write_atomic
from tests.conftest import CORPORA, DATA, corpus, corrected, corrected_draft, one_line_error
from tests.conftest import run_cli as run

FORMATS = DATA / "formats"
SARIF_SCHEMA = json.loads((DATA / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def faulty_draft(folder: Path, year: str = "12월 4일", drop: int = 6) -> Path:
    """The Kursk English draft with a paragraph dropped (MT101), a doubled word (MT404) and the
    Korean date left as is (MT401 against the Korean source)."""
    # From the draft with its name errors corrected, so that the planted errors are all there is.
    parts = corrected(corpus("kursk-ru")[1].read_text(encoding="utf-8")).split("\n\n")
    parts[4] = parts[4].replace("December 4", year)
    parts[2] = parts[2].replace("highlighted the role", "highlighted the role role")
    path = folder / "draft.en.txt"
    path.write_text("\n\n".join(parts[:drop] + parts[drop + 1 :]), encoding="utf-8")
    return path


def sarif_of(*args: str | Path) -> dict:
    code, out, err = run("check", *args, "--format", "sarif")
    assert code in (0, 1), err
    return json.loads(out)


def test_sarif_validates_and_locates(tmp_path: Path) -> None:
    source = corpus("kursk-ko")[0]
    draft = faulty_draft(tmp_path)
    sarif = sarif_of(source, draft)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    run_ = sarif["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert {"MT101", "MT401", "MT404"} <= set(rules)
    assert rules["MT101"]["help"]["text"] and rules["MT101"]["defaultConfiguration"]["level"] == "error"
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    assert {"MT101", "MT401", "MT404"} <= set(by_rule)
    region = by_rule["MT401"]["locations"][0]["physicalLocation"]["region"]
    lines = draft.read_text(encoding="utf-8").splitlines()
    line = lines[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "12월 4일" == region["snippet"]["text"]
    assert by_rule["MT401"]["level"] == "error" and by_rule["MT404"]["level"] == "warning"
    # An omission lives in the source file only.
    omission = by_rule["MT101"]["locations"][0]["physicalLocation"]
    assert omission["artifactLocation"]["uri"].endswith("kursk-ko/source.ko.txt")
    # The source span of an untranslated phrase is a related location.
    assert by_rule["MT401"]["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "12월 4일"
    for result in run_["results"]:
        assert result["ruleIndex"] == list(rules).index(result["ruleId"])


def test_sarif_fingerprints_are_stable_and_follow_the_span_text(tmp_path: Path) -> None:
    source = corpus("kursk-ko")[0]
    first = sarif_of(source, faulty_draft(tmp_path))["runs"][0]["results"]
    second = sarif_of(source, faulty_draft(tmp_path))["runs"][0]["results"]

    def prints(results: list[dict]) -> dict[str, str]:
        return {r["ruleId"]: r["partialFingerprints"]["mtcheck/v1"] for r in results}

    assert prints(first) == prints(second)
    assert len(set(prints(first).values())) == len(first)
    # Another untranslated date: the MT401 fingerprint changes, the others do not.
    changed = prints(sarif_of(source, faulty_draft(tmp_path, year="12월 5일"))["runs"][0]["results"])
    assert changed["MT401"] != prints(first)["MT401"]
    assert changed["MT404"] == prints(first)["MT404"]


def test_sarif_for_a_bilingual_file_validates() -> None:
    sarif = sarif_of(FORMATS / "ru-en.xlf")
    jsonschema.validate(sarif, SARIF_SCHEMA)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "MT401"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["snippet"]["text"]) == (11, "декабря")


def test_junit_one_case_per_file_with_findings_as_failure(tmp_path: Path) -> None:
    out = tmp_path / "junit.xml"
    code, _, _ = run("check", corpus("kursk-ko")[0], faulty_draft(tmp_path), "--format", "junit", "--output", out)
    assert code == 1
    root = ET.parse(out).getroot()
    (case,) = root.iter("testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("message", "").startswith("2 error(s), 1 warning(s)")
    assert "MT401 untranslated" in (failure.text or "") and "'12월 4일'" in (failure.text or "")
    clean = tmp_path / "clean.xml"
    assert (
        run("check", corpus("kursk-ru")[0], corrected_draft(tmp_path), "--format", "junit", "--output", clean)[0] == 0
    )
    (case,) = ET.parse(clean).getroot().iter("testcase")
    assert case.find("failure") is None


def test_baseline_hides_known_findings_and_shows_new_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = corpus("kursk-ko")[0]
    draft = faulty_draft(tmp_path)
    baseline = tmp_path / ".mtcheck-baseline.json"
    code, _, err = run("baseline", "create", source, draft, "--output", baseline)
    assert code == 0, err
    # MT301 on the untranslated date is folded into the MT401 finding on the same span.
    assert "3 finding(s) recorded" in err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert {e["rule"] for e in data["findings"]} == {"MT101", "MT401", "MT404"}
    code, out, _ = run("check", source, draft, "--baseline", baseline, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["findings"] == []
    assert "3 finding(s) already in the baseline were not reported" in report["notices"]
    # A new problem elsewhere is reported; the old ones stay hidden.
    text = draft.read_text(encoding="utf-8").replace("remarks come amid", "remarks come amid amid")
    draft.write_text(text, encoding="utf-8")
    code, out, _ = run("check", source, draft, "--baseline", baseline, "--format", "json")
    assert code == 0  # a doubled word is a warning
    assert [(f["rule"], f["target"]["text"]) for f in json.loads(out)["findings"]] == [("MT404", "amid")]
    # The config can name the baseline too.
    (tmp_path / "mtcheck.toml").write_text('baseline = ".mtcheck-baseline.json"\n', encoding="utf-8")
    assert len(json.loads(run("check", source, draft, "--format", "json")[1])["findings"]) == 1
    code, _, err = run("check", source, draft, "--baseline", tmp_path / "missing.json")
    assert code == 2 and "does not exist" in one_line_error(err)


def test_suppressions_need_a_reason(tmp_path: Path) -> None:
    source = corpus("kursk-ko")[0]
    draft = faulty_draft(tmp_path)
    config = tmp_path / "mtcheck.toml"
    config.write_text(
        '[[suppress]]\nrule = "untranslated"\ntext = "12월  4일"\nreason = "dates stay in the original here"\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", source, draft, "--config", config, "--format", "json")
    report = json.loads(out)
    # The date check on the same span went into the suppressed MT401 finding with it: a date
    # kept in the original on purpose has no English date to compare.
    assert sorted(f["rule"] for f in report["findings"]) == ["MT101", "MT404"]
    assert "1 finding(s) suppressed by the config" in report["notices"]
    config.write_text('[[suppress]]\nrule = "MT401"\n', encoding="utf-8")
    code, _, err = run("check", source, draft, "--config", config)
    assert code == 2 and "suppress #1 needs a reason" in one_line_error(err)


def test_scan_pairs_files_by_path_and_checks_bilingual_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "locales").mkdir(parents=True)
    for lang in ("ru", "en"):
        (repo / "locales" / lang / "app").mkdir(parents=True)
        (repo / "locales" / lang / "app" / "main.json").write_bytes((FORMATS / f"locales/{lang}/app.json").read_bytes())
    (repo / "docs").mkdir()
    (repo / "docs" / "kursk.ru.txt").write_bytes((CORPORA / "kursk-ru" / "source.ru.txt").read_bytes())
    (repo / "docs" / "kursk.en.txt").write_text(corrected_draft(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "l10n").mkdir()
    (repo / "l10n" / "ko-en.xlf").write_bytes((FORMATS / "ko-en.xlf").read_bytes())
    (repo / "pyproject.toml").write_text(
        "[tool.mtcheck]\n"
        "[[tool.mtcheck.scan.pairs]]\nsource = 'locales/ru/**/*.json'\ntarget = 'locales/en/**/*.json'\n"
        "[[tool.mtcheck.scan.pairs]]\nsource = 'docs/*.ru.txt'\ntarget = 'docs/*.en.txt'\n"
        "source-lang = 'ru'\ntarget-lang = 'en'\n"
        "[[tool.mtcheck.scan.pairs]]\nfiles = 'l10n/*.xlf'\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(repo)
    out = repo / "scan.xml"
    code, _, err = run("scan", "--format", "junit", "--output", out)
    assert code == 1, err
    cases = {c.get("name"): c.find("failure") is not None for c in ET.parse(out).getroot().iter("testcase")}
    assert cases == {
        "locales/ru/app/main.json → locales/en/app/main.json": True,
        "docs/kursk.ru.txt → docs/kursk.en.txt": False,
        "l10n/ko-en.xlf": True,
    }
    code, out_text, _ = run("scan", "--format", "sarif")
    sarif = json.loads(out_text)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"locales/ru/app/main.json", "locales/en/app/main.json", "l10n/ko-en.xlf"}
    # Accept today's findings: the next scan is clean, until something new appears.
    assert run("baseline", "create")[0] == 0
    config = repo / "pyproject.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "[tool.mtcheck]\n", "[tool.mtcheck]\nbaseline = '.mtcheck-baseline.json'\n"
        ),
        encoding="utf-8",
    )
    assert run("scan")[0] == 0
    draft = repo / "docs" / "kursk.en.txt"
    draft.write_text(draft.read_text(encoding="utf-8").replace("On December 4", "On 4 декабря"), encoding="utf-8")
    code, out_text, _ = run("scan", "--format", "json")
    assert code == 1
    findings = [f for r in json.loads(out_text)["reports"] for f in r["findings"]]
    assert [(f["rule"], f["target"]["text"]) for f in findings] == [("MT401", "декабря")]


def test_scan_without_pairs_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text('disable = ["MT404"]\n', encoding="utf-8")
    code, _, err = run("scan", "--config", config)
    assert code == 2 and "no [[scan.pairs]]" in one_line_error(err)


@pytest.mark.parametrize(
    ("args", "culprit"),
    [
        (("malformed/unclosed.xlf",), "unclosed.xlf is not well-formed XML"),
        (("malformed/bomb.xlf",), "bomb.xlf declares the XML entity"),
        (("malformed/external.tmx",), "external.tmx declares the external entity"),
        (("malformed/broken.po",), "broken.po: line 2"),
        (("malformed/unclosed.csv",), "unclosed.csv: the quoted field"),
        (("locales/ru/app.json", "malformed/broken.json"), "broken.json is not valid JSON"),
        (("malformed/broken.docx", "article.en.docx"), "broken.docx is not a readable DOCX file"),
    ],
)
def test_malformed_inputs_exit_2_with_one_line(args: tuple[str, ...], culprit: str) -> None:
    code, _, err = run("check", *(FORMATS / a for a in args))
    assert code == 2
    assert culprit in one_line_error(err)


def digest(paths: list[Path]) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_running_twice_never_changes_the_inputs(tmp_path: Path) -> None:
    inputs = sorted(p for p in FORMATS.rglob("*") if p.is_file())
    before = digest(inputs)
    for _ in range(2):
        for args in (
            ("ru-en.xlf",),
            ("ko-en.xlf",),
            ("ru-en.po",),
            ("ko-en.tmx",),
            ("ru-en.csv",),
            ("ko-en.tsv",),
            ("locales/ru/app.json", "locales/en/app.json"),
            ("article.ru.md", "article.en.md"),
            ("article.ru.docx", "article.en.docx"),
        ):
            for fmt in ("text", "sarif", "html"):
                code, _, err = run("check", *(FORMATS / a for a in args), "--format", fmt, "-o", tmp_path / "r")
                assert code in (0, 1), err
    assert digest(inputs) == before


def test_write_atomic_leaves_no_half_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("previous report\n", encoding="utf-8")

    def crash(_fd: int) -> None:
        raise KeyboardInterrupt  # the user pressed ^C after the bytes were written, before the rename

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "x" * 1_000_000)
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]


def test_a_killed_process_leaves_no_half_report(tmp_path: Path) -> None:
    # A hard crash (no cleanup at all) in the middle of writing: the report is either the old
    # one or absent, never a prefix of the new one.
    target = tmp_path / "report.json"
    script = (
        "import os, sys\n"
        "from mtcheck.report import write_atomic\n"
        "real = os.fsync\n"
        "os.fsync = lambda fd: os._exit(9)\n"
        "write_atomic(sys.argv[1], 'y' * 2_000_000)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run([sys.executable, "-c", script, str(target)], env=env, check=False)
    assert proc.returncode == 9
    assert not target.exists()
