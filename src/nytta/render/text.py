"""The human-readable ``check`` output: located findings, source excerpts and a summary,
in the current language (severities and the summary; findings come translated).

Its size follows the input's: a file's first :data:`MAX_PER_FILE` findings are shown, the
rest counted by rule in one line (``--format json`` lists them all), and a long source line
is shown only around the column. What the plan says is shown through
:func:`~nytta.render.visible.visible`, so its control characters are seen, not obeyed.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence

from nytta.diagnostics import CheckResult, Diagnostic, RuleInfo, Severity
from nytta.i18n import N_, _, n_
from nytta.render.visible import visible

_RESET = "\x1b[0m"
_SEVERITY_STYLE: dict[Severity, str] = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[33m",
}
#: A severity as the text output names it, shown through ``_()``.
SEVERITY_WORDS: dict[Severity, str] = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}


#: Findings shown for one file; the others are counted by rule.
MAX_PER_FILE = 200
#: A source line longer than this is shown as the characters either side of the column.
MAX_SOURCE = 200
SOURCE_SIDE = 80
_CUT = "…"


def render_text(result: CheckResult, rules: Mapping[str, RuleInfo], *, color: bool = False) -> str:
    """Render the findings as blocks, sorted by location, at most MAX_PER_FILE of them per
    file, followed by a summary line."""
    lines: list[str] = []
    ordered = sorted(result.diagnostics, key=lambda d: d.sort_key)
    for file, group in itertools.groupby(ordered, key=lambda d: d.file):
        found = list(group)
        for diagnostic in found[:MAX_PER_FILE]:
            lines.extend(_block(diagnostic, color))
        if len(found) > MAX_PER_FILE:
            lines.append(_not_shown(file, found[MAX_PER_FILE:]))
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _not_shown(file: str, rest: Sequence[Diagnostic]) -> str:
    """One line for the findings of a file past MAX_PER_FILE, counted by rule."""
    counts = Counter(diagnostic.rule for diagnostic in rest)
    by_rule = ", ".join(f"{rule} ×{count}" for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return n_(
        "{file}: {n} more finding not shown ({rules}); --format json lists every finding",
        "{file}: {n} more findings not shown ({rules}); --format json lists every finding",
        len(rest),
        file=visible(file),
        rules=by_rule,
    )


def _block(diagnostic: Diagnostic, color: bool) -> list[str]:
    """The heading line, plus the source line and a caret when the source is known."""
    severity = _severity_label(diagnostic.severity, color)
    where = f"{visible(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}"
    head = f"{where}: {severity} {diagnostic.rule} {visible(diagnostic.message)}"
    if diagnostic.source_line is None:
        return [head]
    source, column = excerpt(diagnostic.source_line.rstrip("\r\n"), diagnostic.column)
    return [head, f"    {source}", f"    {_caret(source, column)}"]


def excerpt(source: str, column: int) -> tuple[str, int]:
    """The source line as shown (around ``column`` when it is long, controls made visible)
    and the 1-based column the caret goes under in it."""
    start, end = 0, len(source)
    if end > MAX_SOURCE:
        start = max(0, min(column - 1, end) - SOURCE_SIDE)
        end = min(end, start + 2 * SOURCE_SIDE)
    before = (_CUT if start else "") + visible(source[start : max(column - 1, start)])
    after = visible(source[max(column - 1, start) : end]) + (_CUT if end < len(source) else "")
    return before + after, len(before) + 1 + max(column - 1 - len(source), 0)


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
