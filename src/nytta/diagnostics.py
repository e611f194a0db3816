"""The one Diagnostic type: every finding of every stage, consumed by every output format."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; ``off`` exists only in configuration."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A located finding: file, 1-based line and column, rule id, severity and message.

    ``path`` is the YAML path of the node (``benefits[2].owner``) or empty for file-level
    findings; ``source_line`` is the text of the offending line, for display.
    """

    file: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    path: str = ""
    source_line: str | None = None
    expected: str | None = None
    actual: str | None = None

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


def format_path(path: tuple[str | int, ...]) -> str:
    """Render a data path as ``benefits[2].indicators[0].baseline``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What outputs need to know about a rule: id, one-line summary, full documentation."""

    id: str
    summary: str
    doc: str
    default_severity: Severity


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of checking a set of files: which files were read and what was found."""

    files: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)
