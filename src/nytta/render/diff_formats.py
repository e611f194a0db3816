"""`nytta diff` output: text for the terminal, Markdown for a merge-request comment, JSON."""

from __future__ import annotations

from nytta.diagnostics import format_path
from nytta.render.registry import RenderOptions
from nytta.results.diff import Change, DiffReport

LABELS = {
    "benefit-added": "benefit added",
    "benefit-removed": "benefit removed",
    "indicator-added": "indicator added",
    "indicator-removed": "indicator removed",
    "owner-changed": "owner changed",
    "baseline-changed": "baseline changed",
    "target-changed": "target changed",
    "target-added": "target added",
    "target-removed": "target removed",
    "measurements-added": "measurements added",
}


def _values(change: Change) -> str:
    if change.old is not None and change.new is not None and change.kind != "measurements-added":
        return f"{change.old} → {change.new}"
    return change.new or change.old or ""


def text(report: DiffReport, options: RenderOptions) -> str:
    changes, old, new = report.changes, report.old, report.new
    if not changes:
        return f"No changes between {old} and {new}.\n"
    lines = [f"{len(changes)} change{'s' if len(changes) != 1 else ''} from {old} to {new}:"]
    for change in changes:
        mark = "  (needs a revision entry once approved)" if change.moves_goal_posts else ""
        lines.append(f"  {LABELS[change.kind]}: {change.subject}: {_values(change)}{mark}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def md(report: DiffReport, options: RenderOptions) -> str:
    changes, old, new = report.changes, report.old, report.new
    head = f"### Benefit plan changes\n\n`{_cell(old)}` → `{_cell(new)}`\n\n"
    if not changes:
        return head + "No changes.\n"
    rows = ["| Change | Subject | Value |", "|---|---|---|"]
    for change in changes:
        flag = " ⚠" if change.moves_goal_posts else ""
        rows.append(f"| {LABELS[change.kind]}{flag} | `{_cell(change.subject)}` | {_cell(_values(change))} |")
    note = "\n\n⚠ moves a goal post: an approved plan needs a `revisions` entry for it.\n"
    return head + "\n".join(rows) + (note if any(c.moves_goal_posts for c in changes) else "\n")


def json(report: DiffReport, options: RenderOptions) -> str:
    import json as _json

    changes, old, new = report.changes, report.old, report.new
    data = {
        "old": old,
        "new": new,
        "changes": [
            {
                "kind": c.kind,
                "subject": c.subject,
                "old": c.old,
                "new": c.new,
                "path": format_path(c.path) if c.path is not None else None,
                "moves_goal_posts": c.moves_goal_posts,
            }
            for c in changes
        ],
    }
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"
