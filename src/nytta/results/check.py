"""The result of ``nytta check``: the findings, the rules they name, and what was skipped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nytta.diagnostics import CheckResult, RuleInfo


@dataclass(frozen=True)
class CheckReport:
    result: CheckResult
    rules: Mapping[str, RuleInfo]
    skipped: tuple[str, ...] = ()  # YAML files that are not plans
    strict: bool = False

    @property
    def failed(self) -> bool:
        """Errors, or with ``strict`` warnings too."""
        return self.result.errors > 0 or (self.strict and self.result.warnings > 0)
