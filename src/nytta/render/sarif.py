"""SARIF 2.1.0 output: one run, one rule descriptor per known rule, one result per finding."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/nytta/nytta"

_LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.OFF: "none",
}


def render_sarif(result: CheckResult, rules: Mapping[str, RuleInfo]) -> str:
    """Render the result as a SARIF log with a single run of the ``nytta`` driver."""
    from nytta import __version__

    infos = sorted(rules.values(), key=lambda info: info.id)
    index = {info.id: position for position, info in enumerate(infos)}
    driver = {
        "name": "nytta",
        "informationUri": INFORMATION_URI,
        "version": __version__,
        "rules": [_descriptor(info) for info in infos],
    }
    results = [_result(d, index) for d in sorted(result.diagnostics, key=lambda d: d.sort_key)]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def camel_case(rule_id: str) -> str:
    """``missing-owner`` → ``MissingOwner``."""
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-"))


def _descriptor(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": camel_case(info.id),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.doc},
        "defaultConfiguration": {"level": _LEVELS[info.default_severity]},
    }


def _result(diagnostic: Diagnostic, index: Mapping[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {"ruleId": diagnostic.rule}
    if diagnostic.rule in index:
        entry["ruleIndex"] = index[diagnostic.rule]
    entry["level"] = _LEVELS[diagnostic.severity]
    entry["message"] = {"text": diagnostic.message}
    entry["locations"] = [{"physicalLocation": _physical_location(diagnostic)}]
    return entry


def _physical_location(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": diagnostic.file.replace("\\", "/")},
        "region": {
            "startLine": max(diagnostic.line, 1),
            "startColumn": max(diagnostic.column, 1),
        },
    }
