"""GitLab Code Quality report: a JSON array of issues with stable fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity


def render_gitlab(result: CheckResult, rules: Mapping[str, RuleInfo]) -> str:
    """Render each finding as a Code Quality issue, sorted by location."""
    issues = [_issue(d) for d in sorted(result.diagnostics, key=lambda d: d.sort_key)]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def fingerprint(diagnostic: Diagnostic) -> str:
    """SHA-256 of file, rule, line, column and message: stable across runs."""
    parts = (
        diagnostic.file,
        diagnostic.rule,
        str(diagnostic.line),
        str(diagnostic.column),
        diagnostic.message,
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _issue(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "description": diagnostic.message,
        "check_name": diagnostic.rule,
        "fingerprint": fingerprint(diagnostic),
        "severity": "major" if diagnostic.severity is Severity.ERROR else "minor",
        "categories": ["Bug Risk"],
        "location": {"path": diagnostic.file, "lines": {"begin": diagnostic.line}},
    }
