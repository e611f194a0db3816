"""Change control: goal posts that move in an approved plan must be explained (re-baselining)."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, rule

_TARGET_MOVED = "- {date: 2026-12-31, value: 25}"
_REVISED = (
    "revisions:\n  - {date: 2026-03-01, by: karin, reason: Målvärdet sänks efter ny lagstiftning,"
    " changes: Målvärde 20 → 25 dagar}"
)


@rule(
    "unrecorded-revision",
    compares_with_previous=True,
    passing=benefit_block(replace={"- {date: 2026-12-31, value: 20}": _TARGET_MOVED}) + _REVISED,
    failing=benefit_block(replace={"- {date: 2026-12-31, value: 20}": _TARGET_MOVED}, mark="value: 25"),
)
def unrecorded_revision(ctx: Context) -> Iterator[Diagnostic]:
    """A baseline or target changed in an approved plan without a revision entry.

    Once a plan has an approval, its goal posts are fixed: a changed baseline (nollmätning),
    target value or target date (målvärde, delmål) must be explained by a new entry in
    `revisions` (date, by, reason, changes). Only `nytta check --since GITREV` runs this
    rule: it compares each plan with its version at that git revision and points at the
    changed value.
    """
    previous = ctx.previous
    if previous is None or previous.plan is None or not previous.plan.plan.approvals:
        return
    from nytta.rules.changes import compare

    earlier = {(r.date, r.reason) for r in previous.plan.revisions}
    if any((r.date, r.reason) not in earlier for r in ctx.plan.revisions):
        return
    for change in compare(previous.plan, ctx.plan):
        if change.moves_goal_posts and change.path is not None:
            yield ctx.at(
                change.path,
                f"{change.kind.replace('-', ' ')} for '{change.subject}' ({change.old or '–'} → {change.new or '–'}) "
                "since the compared revision, but the plan has no new revisions entry explaining it",
            )
