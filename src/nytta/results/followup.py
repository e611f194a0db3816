"""A plan followed up for a portfolio: its status and the few facts the portfolio shows."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from nytta.diagnostics import Diagnostic
from nytta.results.calc import Calculation
from nytta.results.status import PlanStatus


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """What the portfolio report needs of a plan besides its status."""

    title: str
    organisation: str | None
    language: str
    categories: tuple[str | None, ...]  # each benefit's category
    calc: Calculation | None  # None when the plan has no calculation block
    proposals: tuple[tuple[_dt.date, str], ...] = ()  # the open proposals: their follow-up's date, their text


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One plan file followed up. Without a status the plan could not be read, and
    ``problem`` is the first finding that says why."""

    file: str
    status: PlanStatus | None = None
    summary: PlanSummary | None = None
    problem: Diagnostic | None = None
