"""Follow up many plans: each plan's status and, for the portfolio report, its nyttokalkyl
and the few facts the portfolio shows.

Each plan file is loaded, followed up and let go in turn (see ``nytta.batch``: in file
order, over the CPU cores for a large portfolio), so only these small results stay in
memory, never the plans.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nytta.batch import in_order
from nytta.compute.calc import Calculation, calculation_or_none
from nytta.compute.status import PlanStatus, plan_status
from nytta.diagnostics import Diagnostic
from nytta.load.files import Candidate, discover
from nytta.load.plan import PlanDocument, load_plan
from nytta.model.plan import Thresholds


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """What the portfolio report needs of a plan besides its status."""

    title: str
    organisation: str | None
    language: str
    categories: tuple[str | None, ...]  # each benefit's category
    calc: Calculation | None  # None when the plan has no calculation block


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One plan file followed up. Without a status the plan could not be read, and
    ``problem`` is the first finding that says why."""

    file: str
    status: PlanStatus | None = None
    summary: PlanSummary | None = None
    problem: Diagnostic | None = None


def follow_up(
    paths: list[Path], as_of: _dt.date, fallback: Thresholds | None = None, *, summaries: bool = False,
) -> Iterator[FollowUp]:
    """Each plan under ``paths`` followed up on ``as_of``, in file order; ``fallback``
    thresholds apply to plans without their own. YAML files found by search that are not plans are
    left out. Raises ``MissingPath`` (before loading anything) for a path that does not exist."""
    followed = in_order(_follow_up_file, discover(paths), as_of, fallback, summaries)
    return (f for f in followed if f is not None)


def _follow_up_file(candidate: Candidate, as_of: _dt.date, fallback: Thresholds | None, summaries: bool) -> FollowUp | None:
    doc = load_plan(candidate.path, candidate.display, explicit=candidate.explicit)
    if doc is None:
        return None
    return follow_up_document(doc, as_of, fallback, summaries=summaries)


def follow_up_document(
    doc: PlanDocument, as_of: _dt.date, fallback: Thresholds | None = None, *, summaries: bool = False,
) -> FollowUp:
    """One loaded plan followed up (see :func:`follow_up`)."""
    if doc.plan is None:
        return FollowUp(doc.file, problem=doc.diagnostics[0] if doc.diagnostics else None)
    status = plan_status(doc, as_of, fallback=fallback)
    return FollowUp(doc.file, status, summarise(doc, as_of) if summaries else None)


def summarise(doc: PlanDocument, as_of: _dt.date) -> PlanSummary:
    plan = doc.plan
    assert plan is not None
    calc = calculation_or_none(doc, as_of)
    categories = tuple(b.category.value if b.category else None for b in plan.benefits)
    return PlanSummary(plan.plan.title, plan.plan.organisation, str(plan.plan.language.value), categories, calc)
