"""JUnit XML: one test case per checked file pair; its findings are the failure.

Warnings fail the case as errors do, since CI systems show failures, not warnings; info
findings alone do not fail it and are listed in its output. ``--fail-on`` decides the exit
status as for every format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from mtcheck.fingerprint import location
from mtcheck.report.base import LineIndex
from mtcheck.types import Finding, PairFailure, Report, Severity

# Characters XML 1.0 cannot hold at all, even escaped; a damaged input may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(f: Finding, report: Report) -> str:
    _side, doc, span = location(f, report)
    if span is None:
        text = f"{doc.path} {f.rule} {f.name} [{f.severity.label}] {f.message}"
    else:
        line, col = LineIndex(doc.text).position(span.start)
        text = f"{doc.path}:{line}:{col} {f.rule} {f.name} [{f.severity.label}] {f.message}: {span.text(doc.text)!r}"
    return text + (f"\n    suggestion: {f.suggestion}" if f.suggestion else "")


def render_junit(reports: Sequence[Report], failures: Sequence[PairFailure] = ()) -> str:
    suites = ET.Element("testsuites", name="mtcheck")
    suite = ET.SubElement(suites, "testsuite", name="mtcheck")
    failing_cases = 0
    for report in reports:
        name = (
            report.source.path
            if report.source.path == report.target.path
            else f"{report.source.path} → {report.target.path}"
        )
        case = ET.SubElement(suite, "testcase", classname="mtcheck", name=_xml(name))
        failing = any(f.severity >= Severity.WARNING for f in report.findings)
        if failing:
            failing_cases += 1
            counts = report.counts()
            summary = f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
            lines = [_line(f, report) for f in report.findings]
            failure = ET.SubElement(case, "failure", message=summary, type="mtcheck.findings")
            failure.text = _xml("\n".join(lines))
        infos = [] if failing else [_line(f, report) for f in report.findings]
        if report.notices or infos:
            ET.SubElement(case, "system-out").text = _xml("\n".join([*infos, *report.notices]))
    for failed in failures:
        # A pair that could not be checked is a test that errored, not one that failed.
        case = ET.SubElement(suite, "testcase", classname="mtcheck", name=_xml(failed.label))
        ET.SubElement(case, "error", message=_xml(failed.message), type="mtcheck.error").text = _xml(failed.message)
    tests = str(len(reports) + len(failures))
    suite.set("tests", tests)
    suite.set("failures", str(failing_cases))
    suite.set("errors", str(len(failures)))
    suites.set("tests", tests)
    suites.set("failures", str(failing_cases))
    suites.set("errors", str(len(failures)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
