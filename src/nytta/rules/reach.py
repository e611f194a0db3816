"""Rules about the effect chain (effektkedja): goals reached, interventions and benefits connected."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model.enums import ChainType
from nytta.rules import graph
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, rule


@rule(
    "missing-goal",
    passing=benefit_block(),
    failing=benefit_block(drop=("goals: [service]",), mark="- id: kortare-tid"),
)
def missing_goal(ctx: Context) -> Iterator[Diagnostic]:
    """A benefit reaches no goal, directly or through `leads_to`.

    A benefit is a benefit because it contributes to a goal of the organisation: link it
    with `goals`, or through `leads_to` to a benefit that reaches one.
    """
    reaches_goal = graph.reaching(ctx.links, {goal.id for goal in ctx.plan.goals} | ctx.doc.dropped_ids)
    for benefit in ctx.benefits():
        if ctx.doc.was_dropped((*benefit.path, "goals")) or ctx.doc.was_dropped((*benefit.path, "leads_to")):
            continue
        if benefit.id not in reaches_goal:
            yield ctx.at(benefit.path, _("benefit '{id}' reaches no goal", id=benefit.id))


@rule(
    "orphan-intervention",
    severity=Severity.WARNING,
    passing="chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}",
    failing="chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}\n"
    "  - {id: utbildning, type: intervention, name: Utbilda handläggare}  # <-",
)
def orphan_intervention(ctx: Context) -> Iterator[Diagnostic]:
    """A chain intervention leads to no benefit.

    Every intervention (insats) should lead, through outputs, changes and effects, to at
    least one benefit; otherwise it is work whose value the plan does not show.
    """
    reaches_benefit = graph.reaching(ctx.links, {b.id for b in ctx.plan.benefits} | ctx.doc.dropped_ids)
    for node in ctx.plan.chain:
        if node.type is ChainType.INTERVENTION and node.id not in reaches_benefit:
            yield ctx.at(node.path, _("intervention '{id}' leads to no benefit", id=node.id))


@rule(
    "unreached-benefit",
    severity=Severity.WARNING,
    passing="chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}",
    failing="chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [service]}\n"
    + benefit_block(mark="- id: kortare-tid"),
)
def unreached_benefit(ctx: Context) -> Iterator[Diagnostic]:
    """No chain node leads to a benefit.

    When the plan has an effect chain, each benefit should be the end of it: some
    intervention, change or effect leads to it (directly, or through a benefit it
    reaches).
    """
    if not ctx.plan.chain:
        return
    reached = graph.reachable(ctx.links, {node.id for node in ctx.plan.chain})
    for benefit in ctx.benefits():
        if benefit.id not in reached:
            yield ctx.at(benefit.path, _("no chain node leads to benefit '{id}'", id=benefit.id))
