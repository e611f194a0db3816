"""`nytta diff` output: text for the terminal, Markdown for a merge-request comment, JSON.

Text and Markdown are in the current language, with every value as the plan writes it —
all its decimals — in the language's way (``99 850,25`` in Swedish, ``99850.25`` in
English). JSON keeps the kinds as codes and the values in their machine form. What the
plans say is shown through :func:`~nytta.render.visible.visible` in text and through
:func:`~nytta.render.markdown_text.md_text` in Markdown.
"""

from __future__ import annotations

from nytta.diagnostics import format_path
from nytta.i18n import N_, _, language, n_
from nytta.render.markdown_text import md_code, md_text
from nytta.render.numbers import number
from nytta.render.registry import RenderOptions
from nytta.render.visible import visible
from nytta.results.diff import Added, Change, Dated, DiffReport, Shown, as_written

#: Each kind of change in words, shown through ``_()``.
LABELS = {
    "benefit-added": N_("benefit added"),
    "benefit-removed": N_("benefit removed"),
    "indicator-added": N_("indicator added"),
    "indicator-removed": N_("indicator removed"),
    "owner-changed": N_("owner changed"),
    "baseline-changed": N_("baseline changed"),
    "target-changed": N_("target changed"),
    "target-added": N_("target added"),
    "target-removed": N_("target removed"),
    "measurements-added": N_("measurements added"),
}


def written(value: object, lang: str) -> str:
    """A plan's value with every decimal it was written with; in Swedish grouped, with a decimal comma."""
    if lang != "sv" or isinstance(value, bool) or not isinstance(value, (int, float)):
        return as_written(value)
    text = as_written(value)
    if "e" in text or "n" in text:  # 1e+16, inf, nan: as they are, with a decimal comma
        return text.replace(".", ",")
    decimals = len(text.partition(".")[2].rstrip("0")) if isinstance(value, float) else 0
    return number(value, lang, decimals)


def shown(value: Shown, lang: str) -> str:
    """What a change says was there or is there, in the current language."""
    if isinstance(value, Dated):
        text = written(value.value, lang)
        return f"{text} ({value.date})" if value.date is not None else text
    if isinstance(value, Added):
        return _("{count} (latest {latest})", count=value.count, latest=shown(value.latest, lang))
    return value


def _values(change: Change, lang: str) -> str:
    if change.old is not None and change.new is not None and change.kind != "measurements-added":
        return f"{shown(change.old, lang)} → {shown(change.new, lang)}"
    value = change.new or change.old
    return shown(value, lang) if value else ""


def text(report: DiffReport, options: RenderOptions) -> str:
    changes, old, new, lang = report.changes, visible(report.old), visible(report.new), language()
    if not changes:
        return _("No changes between {old} and {new}.", old=old, new=new) + "\n"
    lines = [n_("{n} change from {old} to {new}:", "{n} changes from {old} to {new}:", len(changes), old=old, new=new)]
    for change in changes:
        mark = "  " + _("(needs a revision entry once approved)") if change.moves_goal_posts else ""
        lines.append(f"  {_(LABELS[change.kind])}: {visible(change.subject)}: {visible(_values(change, lang))}{mark}")
    return "\n".join(lines) + "\n"


def md(report: DiffReport, options: RenderOptions) -> str:
    changes, old, new, lang = report.changes, report.old, report.new, language()
    head = "### " + _("Benefit plan changes") + f"\n\n{md_code(old)} → {md_code(new)}\n\n"
    if not changes:
        return head + _("No changes.") + "\n"
    rows = ["| " + " | ".join((_("Change"), _("Subject"), _("Value"))) + " |", "|---|---|---|"]
    for change in changes:
        flag = " ⚠" if change.moves_goal_posts else ""
        rows.append(f"| {_(LABELS[change.kind])}{flag} | {md_code(change.subject)} | {md_text(_values(change, lang))} |")
    note = "\n\n⚠ " + _("moves a goal post: an approved plan needs a `revisions` entry for it.") + "\n"
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
                "old": None if c.old is None else str(c.old),
                "new": None if c.new is None else str(c.new),
                "path": format_path(c.path) if c.path is not None else None,
                "moves_goal_posts": c.moves_goal_posts,
            }
            for c in changes
        ],
    }
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"
