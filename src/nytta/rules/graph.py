"""The plan's id namespace and link graph, shared by the rules about references and reach.

Every entity with an id lives in one namespace. References are listed with the kinds
they may resolve to, and the links of the effect chain (chain `leads_to`, benefit
`leads_to`, goal `parent`) form a directed graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from nytta.i18n import N_
from nytta.model.plan import Node, Plan

Path = tuple[str | int, ...]
Links = dict[str, list[tuple[str, Path]]]

PERSON = ("person",)
GOAL = ("goal",)
CHAIN = ("intervention", "output", "change", "effect")
BENEFIT = ("benefit",)


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference written at `path` to `target`, which must be one of `kinds`; `what` names
    it in a message (marked for translation, translated where it is shown)."""

    path: Path
    target: str
    kinds: tuple[str, ...]
    what: str


def entities(plan: Plan) -> Iterator[tuple[str, Node, str]]:
    """Every (id, entity, kind) of the plan, in document order."""
    for person in plan.people:
        yield person.id, person, "person"
    for stakeholder in plan.stakeholders:
        yield stakeholder.id, stakeholder, "stakeholder"
    for goal in plan.goals:
        yield goal.id, goal, "goal"
    for node in plan.chain:
        yield node.id, node, node.type.value
    for benefit in plan.benefits:
        yield benefit.id, benefit, "benefit"
    for benefit in plan.benefits:
        for indicator in benefit.indicators:
            yield indicator.id, indicator, "indicator"
    for cost in plan.costs:
        yield cost.id, cost, "cost"
    for risk in plan.risks:
        yield risk.id, risk, "risk"
    for entry in plan.follow_ups:
        for proposal in entry.proposals:
            if proposal.id is not None:
                yield proposal.id, proposal, "proposal"


def kinds_by_id(plan: Plan) -> dict[str, str]:
    """The kind of each id (the first use when an id is duplicated)."""
    table: dict[str, str] = {}
    for ident, _, kind in entities(plan):
        table.setdefault(ident, kind)
    return table


def _ref(node: Node, key: str, target: str | None, kinds: tuple[str, ...], what: str) -> list[Reference]:
    return [Reference((*node.path, key), target, kinds, what)] if target else []


def _refs(node: Node, key: str, targets: list[str], kinds: tuple[str, ...], what: str) -> list[Reference]:
    return [Reference((*node.path, key, i), t, kinds, what) for i, t in enumerate(targets)]


def references(plan: Plan) -> Iterator[Reference]:
    """Every reference of the plan with the kinds it may resolve to."""
    info = plan.plan
    yield from _ref(info, "change_owner", info.change_owner, PERSON, N_("the change owner"))
    yield from _ref(info, "project_manager", info.project_manager, PERSON, N_("the project manager"))
    for approval in info.approvals:
        yield from _ref(approval, "by", approval.by, PERSON, N_("an approval's 'by'"))
    for goal in plan.goals:
        yield from _ref(goal, "parent", goal.parent, GOAL, N_("a goal's parent"))
        yield from _ref(goal, "owner", goal.owner, PERSON, N_("a goal's owner"))
    for node in plan.chain:
        yield from _refs(node, "leads_to", node.leads_to, CHAIN + BENEFIT + GOAL, N_("a chain link"))
        yield from _ref(node, "owner", node.owner, PERSON, N_("a chain node's owner"))
    for benefit in plan.benefits:
        yield from _ref(benefit, "owner", benefit.owner, PERSON, N_("a benefit owner"))
        for i, recipient in enumerate(benefit.recipients):
            written_as_text = not recipient.path
            path = (*benefit.path, "recipients", i) if written_as_text else (*recipient.path, "stakeholder")
            yield Reference(path, recipient.stakeholder, ("stakeholder",), N_("a recipient"))
        yield from _refs(benefit, "goals", benefit.goals, GOAL, N_("a benefit's goal"))
        yield from _refs(benefit, "leads_to", benefit.leads_to, BENEFIT + GOAL, N_("a benefit link"))
        for indicator in benefit.indicators:
            yield from _ref(indicator, "measured_by", indicator.measured_by, PERSON, N_("an indicator's measurer"))
    for risk in plan.risks:
        yield from _refs(risk, "affects", risk.affects, BENEFIT + CHAIN, N_("a risk's 'affects'"))
        yield from _ref(risk, "owner", risk.owner, PERSON, N_("a risk owner"))
    for revision in plan.revisions:
        yield from _ref(revision, "by", revision.by, PERSON, N_("a revision's 'by'"))
    for entry in plan.follow_ups:
        yield from _ref(entry, "author", entry.author, PERSON, N_("a follow-up's author"))
        for decision in entry.decisions:
            yield from _ref(decision, "proposal", decision.proposal, ("proposal",), N_("a decision's proposal"))


def links(plan: Plan) -> Links:
    """The directed link graph: id → [(linked id, path of the link)]."""
    graph: dict[str, list[tuple[str, Path]]] = {}
    for node in plan.chain:
        graph.setdefault(node.id, []).extend((t, (*node.path, "leads_to", i)) for i, t in enumerate(node.leads_to))
    for benefit in plan.benefits:
        graph.setdefault(benefit.id, []).extend((t, (*benefit.path, "leads_to", i)) for i, t in enumerate(benefit.leads_to))
        graph[benefit.id].extend((g, (*benefit.path, "goals", i)) for i, g in enumerate(benefit.goals))
    for goal in plan.goals:
        if goal.parent:
            graph.setdefault(goal.id, []).append((goal.parent, (*goal.path, "parent")))
    return graph


def reachable(graph: Links, starts: set[str]) -> set[str]:
    """Every id reachable from any of `starts` by one or more links."""
    seen: set[str] = set()
    stack = [target for start in starts for target, _ in graph.get(start, [])]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(target for target, _ in graph.get(current, []))
    return seen


def reaching(graph: Links, targets: set[str]) -> set[str]:
    """Every id from which one or more links lead to any of `targets`."""
    reverse: Links = {}
    for source, edges in graph.items():
        for target, path in edges:
            reverse.setdefault(target, []).append((source, path))
    return reachable(reverse, targets)


def components(graph: Links) -> dict[str, int]:
    """The strongly connected component of every id in the graph (linked ids included),
    numbered: two ids share one when each reaches the other. Tarjan's algorithm, with a
    list for the call stack, so it takes time in proportion to the ids and links."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph.get(root, [])))]
        _visit(root, index, low, stack)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    _close(node, stack, component, index[node])
            elif step[0] not in index:
                _visit(step[0], index, low, stack)
                work.append((step[0], iter(graph.get(step[0], []))))
            elif step[0] not in component:  # on the stack: in the component being found
                low[node] = min(low[node], index[step[0]])
    return component


def _visit(node: str, index: dict[str, int], low: dict[str, int], stack: list[str]) -> None:
    index[node] = low[node] = len(index)
    stack.append(node)


def _close(node: str, stack: list[str], component: dict[str, int], number: int) -> None:
    """Give ``number`` to the component whose first visited id is ``node``: the stack down to it."""
    while True:
        member = stack.pop()
        component[member] = number
        if member == node:
            return
