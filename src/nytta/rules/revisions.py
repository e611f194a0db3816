"""Change control: goal posts that move in an approved plan must be explained (re-baselining)."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic
from nytta.i18n import N_, _
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, rule

_TARGET_MOVED = "- {date: 2026-12-31, value: 25}"
#: What unrecorded-revision says about each kind of change that moves the goal posts.
_UNEXPLAINED = {
    "baseline-changed": N_(
        "baseline changed for '{id}' ({old} → {new}) since the compared revision, "
        "but the plan has no new revisions entry explaining it"
    ),
    "target-changed": N_(
        "target changed for '{id}' ({old} → {new}) since the compared revision, "
        "but the plan has no new revisions entry explaining it"
    ),
    "target-added": N_(
        "target added for '{id}' ({old} → {new}) since the compared revision, "
        "but the plan has no new revisions entry explaining it"
    ),
    "target-removed": N_(
        "target removed for '{id}' ({old} → {new}) since the compared revision, "
        "but the plan has no new revisions entry explaining it"
    ),
}
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
            message = _(_UNEXPLAINED[change.kind], id=change.subject, old=change.old or "–", new=change.new or "–")
            yield ctx.at(change.path, message)
