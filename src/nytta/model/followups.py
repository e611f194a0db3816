"""The plan's follow-up occasions on a date: the latest one, the proposals still without a
decision, and the decisions taken (format §4, `follow_ups`).

Only what is known on the as-of date counts: follow-ups dated after it are left out, and so
are the decisions they record. A decision answers the proposal whose id it names in
`proposal`; a proposal written as text alone has no id, so no decision can name it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass

from nytta.model.plan import Decision, FollowUpEntry, Plan, Proposal

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class PlacedProposal:
    """A proposal with the follow-up it is written in and its data path."""

    entry: FollowUpEntry
    proposal: Proposal
    path: Path


@dataclass(frozen=True, slots=True)
class PlacedDecision:
    """A decision with the follow-up it is written in and its data path."""

    entry: FollowUpEntry
    decision: Decision
    path: Path

    @property
    def date(self) -> _dt.date:
        """The day the decision was taken; without one, its follow-up's date."""
        return self.decision.date or self.entry.date


def known(plan: Plan, as_of: _dt.date) -> list[FollowUpEntry]:
    """The follow-ups dated on or before ``as_of``, oldest first (in plan order on one date)."""
    return sorted((e for e in plan.follow_ups if e.date <= as_of), key=lambda e: e.date)


def latest(plan: Plan, as_of: _dt.date) -> FollowUpEntry | None:
    """The latest follow-up on ``as_of`` (the last written of those on its date)."""
    entries = known(plan, as_of)
    return entries[-1] if entries else None


def proposals(entry: FollowUpEntry) -> Iterator[PlacedProposal]:
    """The entry's proposals, each with its path (one written as text has no path of its own)."""
    for index, proposal in enumerate(entry.proposals):
        yield PlacedProposal(entry, proposal, proposal.path or (*entry.path, "proposals", index))


def decisions(entry: FollowUpEntry) -> Iterator[PlacedDecision]:
    """The entry's decisions, each with its path (one written as text has no path of its own)."""
    for index, decision in enumerate(entry.decisions):
        yield PlacedDecision(entry, decision, decision.path or (*entry.path, "decisions", index))


def decision_history(plan: Plan, as_of: _dt.date) -> list[PlacedDecision]:
    """Every decision known on ``as_of`` (its follow-up and the day it was taken on or before
    it), by the day it was taken."""
    found = [
        placed
        for entry in known(plan, as_of)
        for placed in decisions(entry)
        if placed.decision.date is None or placed.decision.date <= as_of
    ]
    return sorted(found, key=lambda placed: placed.date)


def open_proposals(plan: Plan, as_of: _dt.date) -> list[PlacedProposal]:
    """The proposals of the known follow-ups that no known decision answers, oldest first."""
    answered = {placed.decision.proposal for placed in decision_history(plan, as_of)}
    return [
        placed
        for entry in known(plan, as_of)
        for placed in proposals(entry)
        if placed.proposal.id is None or placed.proposal.id not in answered
    ]


def proposal_by_id(plan: Plan) -> dict[str, Proposal]:
    """Every proposal with an id, by its id (the first, when an id is written twice)."""
    found: dict[str, Proposal] = {}
    for entry in plan.follow_ups:
        for proposal in entry.proposals:
            if proposal.id is not None:
                found.setdefault(proposal.id, proposal)
    return found
