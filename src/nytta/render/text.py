"""The human-readable ``check`` output: located findings, source excerpts and a summary."""

from __future__ import annotations

from collections.abc import Mapping

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity

_RESET = "\x1b[0m"
_SEVERITY_STYLE: dict[Severity, str] = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[33m",
}


def render_text(result: CheckResult, rules: Mapping[str, RuleInfo], *, color: bool = False) -> str:
    """Render every finding as a block, sorted by location, followed by a summary line."""
    lines: list[str] = []
    for diagnostic in sorted(result.diagnostics, key=lambda d: d.sort_key):
        lines.extend(_block(diagnostic, color))
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _block(diagnostic: Diagnostic, color: bool) -> list[str]:
    """The heading line, plus the source line and a caret when the source is known."""
    severity = _severity_label(diagnostic.severity, color)
    head = f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}: {severity} {diagnostic.rule} {diagnostic.message}"
    if diagnostic.source_line is None:
        return [head]
    source = diagnostic.source_line.rstrip("\r\n")
    return [head, f"    {source}", f"    {_caret(source, diagnostic.column)}"]


def _caret(source: str, column: int) -> str:
    """A caret under the 1-based column, keeping tabs so it lines up with the source."""
    prefix = source[: max(column - 1, 0)]
    padding = "".join(ch if ch == "\t" else " " for ch in prefix)
    return padding + " " * max(column - 1 - len(prefix), 0) + "^"


def _severity_label(severity: Severity, color: bool) -> str:
    style = _SEVERITY_STYLE.get(severity)
    if not color or style is None:
        return severity.value
    return f"{style}{severity.value}{_RESET}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _summary(result: CheckResult) -> str:
    files = _plural(len(result.files), "file")
    if not result.errors and not result.warnings:
        return f"No problems found in {files}."
    return f"{_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')} in {files}"
