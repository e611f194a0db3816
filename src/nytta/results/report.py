"""What a report renders: one analysed plan, or the plans of a portfolio followed up."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from nytta.results.analysis import PlanAnalysis
from nytta.results.followup import FollowUp


@dataclass(frozen=True)
class PlanReport:
    analysis: PlanAnalysis
    lang: str


@dataclass(frozen=True)
class PortfolioReport:
    followed: tuple[FollowUp, ...]
    as_of: _dt.date
    lang: str
