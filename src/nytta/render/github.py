"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding.

The message and the file name are data of the command: escaped as the runner expects
(``%``, CR, LF), and their control characters shown as escapes, as in every human format.
"""

from __future__ import annotations

from collections.abc import Mapping

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity
from nytta.render.visible import visible


def render_github(result: CheckResult, rules: Mapping[str, RuleInfo]) -> str:
    """Render each finding as a workflow command line, sorted by location."""
    lines = [_command(d) for d in sorted(result.diagnostics, key=lambda d: d.sort_key)]
    return "".join(line + "\n" for line in lines)


def escape_data(value: str) -> str:
    """Escape a command's message part the way the Actions runner expects."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value: as data, plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(diagnostic: Diagnostic) -> str:
    kind = "warning" if diagnostic.severity is Severity.WARNING else "error"
    properties = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", visible(diagnostic.file, keep_breaks=True)),
            ("line", str(diagnostic.line)),
            ("col", str(diagnostic.column)),
            ("title", diagnostic.rule),
        )
    )
    return f"::{kind} {properties}::{escape_data(visible(diagnostic.message, keep_breaks=True))}"
