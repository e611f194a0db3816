"""JUnit XML output: one test case per checked file, one failure per error finding; the
warnings in each case's output, introduced in the current language. File names and
messages show their control characters as escapes: XML 1.0 cannot hold most of them, and a
report that does not parse is no report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity
from nytta.i18n import _
from nytta.render.visible import visible

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

SUITE_NAME = "nytta check"


def render_junit(result: CheckResult, rules: Mapping[str, RuleInfo]) -> str:
    """Render the result as ``<testsuites>`` with a single ``nytta check`` suite."""
    import xml.etree.ElementTree as ET

    by_file = _group_by_file(result)
    failed = sum(1 for found in by_file.values() if any(_is_error(d) for d in found))
    counts = {"tests": str(len(by_file)), "failures": str(failed), "errors": "0"}
    root = ET.Element("testsuites", counts)
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    for file, found in by_file.items():
        _testcase(suite, file, found)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _is_error(diagnostic: Diagnostic) -> bool:
    return diagnostic.severity is Severity.ERROR


def _group_by_file(result: CheckResult) -> dict[str, list[Diagnostic]]:
    """Findings per file: every checked file, plus any other file a finding names."""
    groups: dict[str, list[Diagnostic]] = {file: [] for file in result.files}
    for diagnostic in sorted(result.diagnostics, key=lambda d: d.sort_key):
        groups.setdefault(diagnostic.file, []).append(diagnostic)
    return groups


def _describe(diagnostic: Diagnostic) -> str:
    location = f"{visible(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}"
    return f"{location} {diagnostic.rule} {visible(diagnostic.message)}"


def _testcase(suite: Element, file: str, found: list[Diagnostic]) -> None:
    import xml.etree.ElementTree as ET

    case = ET.SubElement(suite, "testcase", {"classname": visible(file), "name": visible(file)})
    for diagnostic in found:
        if _is_error(diagnostic):
            failure = ET.SubElement(case, "failure", {"type": diagnostic.rule, "message": visible(diagnostic.message)})
            failure.text = _describe(diagnostic)
    warnings = [d for d in found if d.severity is Severity.WARNING]
    if warnings:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(_("warning: {finding}", finding=_describe(d)) for d in warnings)
