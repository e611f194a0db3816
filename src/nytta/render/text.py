"""The human-readable ``check`` output: located findings, source excerpts and a summary,
in the current language (severities and the summary; findings come translated)."""

from __future__ import annotations

from collections.abc import Mapping

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity
from nytta.i18n import N_, _, n_

_RESET = "\x1b[0m"
_SEVERITY_STYLE: dict[Severity, str] = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[33m",
}
#: A severity as the text output names it, shown through ``_()``.
SEVERITY_WORDS: dict[Severity, str] = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}


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


def severity_word(severity: Severity) -> str:
    """``error``, ``warning`` in the current language (``fel``, ``varning``)."""
    return _(SEVERITY_WORDS[severity]) if severity in SEVERITY_WORDS else severity.value


def _severity_label(severity: Severity, color: bool) -> str:
    style = _SEVERITY_STYLE.get(severity)
    if not color or style is None:
        return severity_word(severity)
    return f"{style}{severity_word(severity)}{_RESET}"


def _summary(result: CheckResult) -> str:
    count = len(result.files)
    if not result.errors and not result.warnings:
        return n_("No problems found in {n} file.", "No problems found in {n} files.", count)
    return _(
        "{errors}, {warnings} in {files}",
        errors=n_("{n} error", "{n} errors", result.errors),
        warnings=n_("{n} warning", "{n} warnings", result.warnings),
        files=n_("{n} file", "{n} files", count),
    )
