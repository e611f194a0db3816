"""The ``check --format json`` contract (plan format, section 7)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo

JSON_FORMAT_VERSION = 1


def render_json(result: CheckResult, rules: Mapping[str, RuleInfo]) -> str:
    """Render the result as the versioned JSON document, findings sorted by location."""
    document = {
        "version": JSON_FORMAT_VERSION,
        "files": len(result.files),
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [_finding(d) for d in sorted(result.diagnostics, key=lambda d: d.sort_key)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _finding(diagnostic: Diagnostic) -> dict[str, Any]:
    finding: dict[str, Any] = {
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "path": diagnostic.path,
    }
    if diagnostic.expected is not None:
        finding["expected"] = diagnostic.expected
    if diagnostic.actual is not None:
        finding["actual"] = diagnostic.actual
    return finding
