"""Tests of the ``check`` output formats: text, json, github, sarif, gitlab and junit."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import DATA
from nytta import __version__
from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity
from nytta.render.github import render_github
from nytta.render.gitlab import render_gitlab
from nytta.render.json_out import render_json
from nytta.render.junit import render_junit
from nytta.render.registry import RENDERERS, RenderOptions
from nytta.render.sarif import render_sarif
from nytta.render.text import render_text
from nytta.results.check import CheckReport

SARIF_SCHEMA_PATH = DATA / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[")

RULES: dict[str, RuleInfo] = {
    "share-sum": RuleInfo(
        "share-sum", "Shares of recipients sum to more than 1.", "Shares must sum to at most 1.", Severity.ERROR
    ),
    "missing-owner": RuleInfo("missing-owner", "The benefit has no owner.", "Every benefit needs an owner.", Severity.ERROR),
    "risk-incomplete": RuleInfo(
        "risk-incomplete", "Incomplete risk: owner or mitigation missing.", "Risks need both.", Severity.WARNING
    ),
}

OWNER = Diagnostic(
    file="plans/a.yaml",
    line=14,
    column=7,
    rule="missing-owner",
    message="Benefit 'x' has no owner (nyttoägare).",
    path="benefits[2].owner",
    source_line="  - id: x",
)
RISK = Diagnostic(
    file="plans/a.yaml",
    line=3,
    column=1,
    rule="risk-incomplete",
    message="Risk 'r1' has no mitigation.",
    severity=Severity.WARNING,
    path="risks[0]",
)


def small_result() -> CheckResult:
    """Two findings in one of two files, given out of order."""
    return CheckResult(files=("plans/a.yaml", "plans/b.yaml"), diagnostics=(OWNER, RISK))


# --- registry ---------------------------------------------------------------------------


def test_registry_has_every_format() -> None:
    assert set(RENDERERS["check"]) == {"text", "json", "github", "sarif", "gitlab", "junit"}
    for render in RENDERERS["check"].values():
        assert isinstance(render(CheckReport(small_result(), RULES), RenderOptions()), str)


# --- text -------------------------------------------------------------------------------


def test_text_exact_output() -> None:
    expected = (
        "plans/a.yaml:3:1: warning risk-incomplete Risk 'r1' has no mitigation.\n"
        "plans/a.yaml:14:7: error missing-owner Benefit 'x' has no owner (nyttoägare).\n"
        "      - id: x\n"
        "          ^\n"
        "1 error, 1 warning in 2 files\n"
    )
    assert render_text(small_result(), RULES) == expected


def test_text_caret_keeps_tabs_aligned() -> None:
    finding = Diagnostic("p.yaml", 2, 3, "schema", "Bad.", source_line="\t\tkey: 1")
    lines = render_text(CheckResult(("p.yaml",), (finding,)), RULES).splitlines()
    assert lines[1] == "    \t\tkey: 1"
    assert lines[2] == "    \t\t^"


@pytest.mark.parametrize(
    ("errors", "warnings", "files", "summary"),
    [
        (0, 0, 1, "No problems found in 1 file."),
        (0, 0, 3, "No problems found in 3 files."),
        (1, 2, 3, "1 error, 2 warnings in 3 files"),
        (2, 1, 1, "2 errors, 1 warning in 1 file"),
        (0, 2, 2, "0 errors, 2 warnings in 2 files"),
    ],
)
def test_text_summary_pluralisation(errors: int, warnings: int, files: int, summary: str) -> None:
    found = [Diagnostic("a.yaml", i + 1, 1, "schema", "E.") for i in range(errors)]
    found += [Diagnostic("a.yaml", 100 + i, 1, "risk-incomplete", "W.", severity=Severity.WARNING) for i in range(warnings)]
    names = tuple(f"f{i}.yaml" for i in range(files))
    output = render_text(CheckResult(names, tuple(found)), RULES)
    assert output.splitlines()[-1] == summary


def test_text_colour_only_when_asked() -> None:
    plain = render_text(small_result(), RULES, color=False)
    coloured = render_text(small_result(), RULES, color=True)
    assert not ANSI.search(plain)
    assert ANSI.search(coloured)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


# --- json -------------------------------------------------------------------------------


def test_json_contract() -> None:
    output = render_json(small_result(), RULES)
    assert output.endswith("}\n")
    assert "nyttoägare" in output  # not escaped as \u00e4
    document = json.loads(output)
    assert list(document) == ["version", "files", "errors", "warnings", "findings"]
    assert document["version"] == 1
    assert document["files"] == 2
    assert document["errors"] == 1
    assert document["warnings"] == 1
    assert document["findings"] == [
        {
            "file": "plans/a.yaml",
            "line": 3,
            "column": 1,
            "rule": "risk-incomplete",
            "severity": "warning",
            "message": "Risk 'r1' has no mitigation.",
            "path": "risks[0]",
        },
        {
            "file": "plans/a.yaml",
            "line": 14,
            "column": 7,
            "rule": "missing-owner",
            "severity": "error",
            "message": "Benefit 'x' has no owner (nyttoägare).",
            "path": "benefits[2].owner",
        },
    ]


def test_json_counts_files_not_findings() -> None:
    result = CheckResult(("a.yaml", "b.yaml", "c.yaml"), (OWNER,))
    document = json.loads(render_json(result, RULES))
    assert (document["files"], document["errors"], document["warnings"]) == (3, 1, 0)
    assert len(document["findings"]) == 1


def test_json_expected_and_actual_only_when_present() -> None:
    finding = Diagnostic("a.yaml", 1, 1, "share-sum", "Too much.", expected="<= 1", actual="1.2")
    document = json.loads(render_json(CheckResult(("a.yaml",), (finding,)), RULES))
    assert document["findings"][0]["expected"] == "<= 1"
    assert document["findings"][0]["actual"] == "1.2"
    only_actual = Diagnostic("a.yaml", 1, 1, "share-sum", "Too much.", actual="1.2")
    document = json.loads(render_json(CheckResult(("a.yaml",), (only_actual,)), RULES))
    assert "expected" not in document["findings"][0]
    assert document["findings"][0]["actual"] == "1.2"


# --- github -----------------------------------------------------------------------------


def test_github_lines() -> None:
    lines = render_github(small_result(), RULES).splitlines()
    assert lines == [
        "::warning file=plans/a.yaml,line=3,col=1,title=risk-incomplete::Risk 'r1' has no mitigation.",
        "::error file=plans/a.yaml,line=14,col=7,title=missing-owner::Benefit 'x' has no owner (nyttoägare).",
    ]


def test_github_escaping() -> None:
    finding = Diagnostic("dir:x,y%.yaml", 2, 5, "schema", "50% done\r\nnext: a, b")
    output = render_github(CheckResult(("dir:x,y%.yaml",), (finding,)), RULES)
    assert output == ("::error file=dir%3Ax%2Cy%25.yaml,line=2,col=5,title=schema::50%25 done%0D%0Anext: a, b\n")


# --- sarif ------------------------------------------------------------------------------


def sarif_schema() -> dict[str, object]:
    return json.loads(SARIF_SCHEMA_PATH.read_text(encoding="utf-8"))


def test_sarif_validates_against_schema() -> None:
    schema = sarif_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    assert validator_class is jsonschema.Draft4Validator
    log = json.loads(render_sarif(small_result(), RULES))
    validator_class(schema).validate(log)


def test_sarif_schema_rejects_a_broken_log() -> None:
    log = json.loads(render_sarif(small_result(), RULES))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_sarif_rules_and_rule_index() -> None:
    log = json.loads(render_sarif(small_result(), RULES))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "nytta"
    assert driver["version"] == __version__
    descriptors = driver["rules"]
    assert [d["id"] for d in descriptors] == ["missing-owner", "risk-incomplete", "share-sum"]
    owner = descriptors[0]
    assert owner["name"] == "MissingOwner"
    assert owner["shortDescription"]["text"] == "The benefit has no owner."
    assert owner["fullDescription"]["text"] == "Every benefit needs an owner."
    assert owner["defaultConfiguration"]["level"] == "error"
    assert descriptors[1]["defaultConfiguration"]["level"] == "warning"
    assert len(run["results"]) == 2
    for result in run["results"]:
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"]
    error = next(r for r in run["results"] if r["ruleId"] == "missing-owner")
    assert error["level"] == "error"
    assert error["message"]["text"] == "Benefit 'x' has no owner (nyttoägare)."
    location = error["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "plans/a.yaml"
    assert location["region"] == {"startLine": 14, "startColumn": 7}


def test_sarif_unknown_rule_has_no_index_and_forward_slashes() -> None:
    finding = Diagnostic("plans\\b.yaml", 1, 1, "yaml-syntax", "Cannot parse.")
    log = json.loads(render_sarif(CheckResult(("plans\\b.yaml",), (finding,)), RULES))
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "yaml-syntax"
    assert "ruleIndex" not in result
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "plans/b.yaml"
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


# --- gitlab -----------------------------------------------------------------------------


def test_gitlab_issues() -> None:
    issues = json.loads(render_gitlab(small_result(), RULES))
    assert isinstance(issues, list)
    assert len(issues) == 2
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    by_rule = {issue["check_name"]: issue for issue in issues}
    assert by_rule["missing-owner"]["severity"] == "major"
    assert by_rule["risk-incomplete"]["severity"] == "minor"
    assert by_rule["missing-owner"]["location"] == {"path": "plans/a.yaml", "lines": {"begin": 14}}
    assert by_rule["missing-owner"]["description"] == "Benefit 'x' has no owner (nyttoägare)."


def test_gitlab_fingerprints_stable_and_distinct() -> None:
    first = [i["fingerprint"] for i in json.loads(render_gitlab(small_result(), RULES))]
    again = [i["fingerprint"] for i in json.loads(render_gitlab(small_result(), RULES))]
    assert first == again
    assert len(set(first)) == len(first)
    moved = Diagnostic("plans/a.yaml", 14, 8, OWNER.rule, OWNER.message)
    other = json.loads(render_gitlab(CheckResult(("plans/a.yaml",), (moved,)), RULES))
    assert other[0]["fingerprint"] not in first


# --- junit ------------------------------------------------------------------------------


def test_junit_structure_and_counts() -> None:
    second_error = Diagnostic("plans/a.yaml", 20, 3, "share-sum", "Shares sum to 1.2.")
    result = CheckResult(("plans/a.yaml", "plans/b.yaml"), (OWNER, RISK, second_error))
    root = ET.fromstring(render_junit(result, RULES))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "nytta check"
    assert suite.get("tests") == "2"
    assert suite.get("failures") == "1"
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"plans/a.yaml", "plans/b.yaml"}
    assert cases["plans/a.yaml"].get("classname") == "plans/a.yaml"
    failures = cases["plans/a.yaml"].findall("failure")
    assert len(failures) == 2
    assert len(suite.findall(".//failure")) == 2
    assert [f.get("type") for f in failures] == ["missing-owner", "share-sum"]
    assert failures[0].text == ("plans/a.yaml:14:7 missing-owner Benefit 'x' has no owner (nyttoägare).")
    out = cases["plans/a.yaml"].find("system-out")
    assert out is not None and "risk-incomplete" in (out.text or "")
    assert cases["plans/b.yaml"].findall("failure") == []
    assert cases["plans/b.yaml"].find("system-out") is None


def test_junit_escapes_markup() -> None:
    message = 'Value <script>&" is bad'
    finding = Diagnostic("a.yaml", 1, 1, "schema", message)
    output = render_junit(CheckResult(("a.yaml",), (finding,)), RULES)
    assert "<script>" not in output
    (failure,) = ET.fromstring(output).iter("failure")
    assert failure.get("message") == message
    assert failure.text is not None and failure.text.endswith(message)
