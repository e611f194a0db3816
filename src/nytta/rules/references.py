"""Rules about ids and links: duplicate ids, unresolved references, cycles."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic
from nytta.i18n import N_, _
from nytta.rules import graph
from nytta.rules.registry import Context, rule, suggest

#: Each kind of entity as a message names it (translated where it is shown).
_KIND_NAMES = {
    "person": N_("a person"),
    "stakeholder": N_("a stakeholder"),
    "goal": N_("a goal"),
    "benefit": N_("a benefit"),
    "indicator": N_("an indicator"),
    "cost": N_("a cost"),
    "risk": N_("a risk"),
    "proposal": N_("a proposal"),
    "intervention": N_("an intervention"),
    "output": N_("an output"),
    "change": N_("a change"),
    "effect": N_("an effect"),
}


def _kind(kind: str) -> str:
    return _(_KIND_NAMES[kind])


@rule(
    "duplicate-id",
    passing="goals:\n  - {id: service, name: Snabbare beslut}\n  - {id: rattssakerhet, name: Rättssäkerhet}",
    failing="goals:\n  - {id: service, name: Snabbare beslut}\n  - {id: service, name: Rättssäkerhet}  # <-",
)
def duplicate_id(ctx: Context) -> Iterator[Diagnostic]:
    """An id is used twice in the plan.

    People, stakeholders, goals, chain nodes, benefits, indicators, costs, risks and the
    proposals of follow-ups share one namespace, so that every reference is unambiguous.
    The finding points at the second use.
    """
    first: dict[str, str] = {}
    for ident, entity, kind in graph.entities(ctx.plan):
        if ident in first:
            yield ctx.at((*entity.path, "id"), _("id '{id}' is already used by {kind}", id=ident, kind=_kind(first[ident])))
        else:
            first[ident] = kind


@rule(
    "unknown-reference",
    passing="goals:\n  - {id: service, name: Snabbare beslut, owner: karin}",
    failing="goals:\n  - {id: service, name: Snabbare beslut, owner: karn}  # <-",
)
def unknown_reference(ctx: Context) -> Iterator[Diagnostic]:
    """A reference does not resolve, or resolves to the wrong kind.

    Owners, measurers, approvers, revisers and the authors of follow-ups must be people;
    recipients stakeholders; goal links and parents goals; chain links chain nodes,
    benefits or goals; benefit links benefits or goals; a risk affects benefits or chain
    nodes; a decision's `proposal` names a proposal. Close misspellings get a "did you
    mean" suggestion.
    """
    kinds = graph.kinds_by_id(ctx.plan)
    for ref in graph.references(ctx.plan):
        kind = kinds.get(ref.target)
        if kind is None:
            if ref.target in ctx.doc.dropped_ids:
                continue
            candidates = [i for i, k in kinds.items() if k in ref.kinds]
            message = _(
                "{what} refers to '{target}', which is not defined{suggestion}",
                what=_(ref.what),
                target=ref.target,
                suggestion=suggest(ref.target, candidates),
            )
            yield ctx.at(ref.path, message)
        elif kind not in ref.kinds:
            message = _(
                "{what} must be {wanted}, but '{target}' is {kind}",
                what=_(ref.what),
                wanted=_either(_distinct(ref.kinds)),
                target=ref.target,
                kind=_kind(kind),
            )
            yield ctx.at(ref.path, message)


def _either(kinds: list[str]) -> str:
    """``a benefit or a goal or a change``: the kinds named, in the current language."""
    text = _kind(kinds[0])
    for kind in kinds[1:]:
        text = _("{first} or {second}", first=text, second=_kind(kind))
    return text


def _distinct(kinds: tuple[str, ...]) -> list[str]:
    if set(graph.CHAIN) <= set(kinds):
        return [k for k in kinds if k not in graph.CHAIN] + ["change"]
    return list(kinds)


@rule(
    "chain-cycle",
    passing="goals:\n  - {id: service, name: Snabbare beslut}\n  - {id: delmal, name: Delmål, parent: service}",
    failing="goals:\n  - {id: service, name: Snabbare beslut, parent: delmal}\n"
    "  - {id: delmal, name: Delmål, parent: service}  # <-",
)
def chain_cycle(ctx: Context) -> Iterator[Diagnostic]:
    """The links of the plan form a cycle.

    Chain `leads_to`, benefit `leads_to` and goal `parent` must run one way, from
    interventions through changes and effects to benefits and goals. The finding points
    at the link that closes the cycle and spells the cycle out; links that cycle through
    the same ids (each reaching every other) are one finding, at the first cycle found.
    """
    links = ctx.links
    component = graph.components(links)
    reported: set[int] = set()
    state: dict[str, int] = {}  # the place on the current trail, or -1 when done
    for start in links:
        if start in state:
            continue
        state[start] = 0
        trail = [start]
        stack = [iter(links.get(start, []))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                state[trail.pop()] = -1
                continue
            target, path = step
            place = state.get(target)
            if place is None:
                state[target] = len(trail)
                trail.append(target)
                stack.append(iter(links.get(target, [])))
            elif place >= 0 and component[target] not in reported:
                reported.add(component[target])
                cycle = [*trail[place:], target]
                yield ctx.at(path, _("the links form a cycle: {cycle}", cycle=" → ".join(cycle)))
