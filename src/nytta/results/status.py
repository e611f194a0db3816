"""Follow-up status as data: indicators, benefits and plans on an as-of date (format §5.3).

``nytta.compute.status`` fills these; renderers read them. The order of §5.3 for the
worst-of lives here too, with the count of benefits by status, and how a status reads
for people (:func:`status_label`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from nytta.i18n import N_, _
from nytta.model.enums import Category, Direction, Polarity
from nytta.results.plans import Unreadable


class Status(str, Enum):
    NO_BASELINE = "no_baseline"
    NO_TARGET = "no_target"
    NOT_STARTED = "not_started"
    NO_DATA = "no_data"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"
    MISSED = "missed"
    QUALITATIVE = "qualitative"


#: The order of §5.3 for the worst-of, worst first; qualitative is not ranked.
WORST_FIRST: tuple[Status, ...] = (
    Status.MISSED,
    Status.OFF_TRACK,
    Status.AT_RISK,
    Status.NO_DATA,
    Status.NO_BASELINE,
    Status.NO_TARGET,
    Status.NOT_STARTED,
    Status.ON_TRACK,
    Status.ACHIEVED,
)


#: How each status reads for people (``on track``), shown through ``_()``.
STATUS_LABELS: dict[Status, str] = {
    Status.NO_BASELINE: N_("no baseline"),
    Status.NO_TARGET: N_("no target"),
    Status.NOT_STARTED: N_("not started"),
    Status.NO_DATA: N_("no data"),
    Status.ON_TRACK: N_("on track"),
    Status.AT_RISK: N_("at risk"),
    Status.OFF_TRACK: N_("off track"),
    Status.ACHIEVED: N_("achieved"),
    Status.MISSED: N_("missed"),
    Status.QUALITATIVE: N_("qualitative"),
}


def status_label(status: Status) -> str:
    """The status in words of the current language: ``on track``, ``enligt plan``."""
    return _(STATUS_LABELS[status])


class TrendDirection(str, Enum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


#: How each direction of a trend reads for people, shown through ``_()``.
TREND_LABELS: dict[TrendDirection, str] = {
    TrendDirection.BETTER: N_("better"),
    TrendDirection.SAME: N_("same"),
    TrendDirection.WORSE: N_("worse"),
}


def trend_label(direction: TrendDirection | None) -> str:
    """The direction in words of the current language (``better``, ``bättre``); "–" for none."""
    return "–" if direction is None else _(TREND_LABELS[direction])


@dataclass(frozen=True, slots=True)
class Trend:
    """The status at the previous follow-up (``since``) and how today's compares with it:
    no direction when either status says nothing of how far the realisation has come."""

    since: _dt.date
    previous_status: Status
    direction: TrendDirection | None


@dataclass(frozen=True, slots=True)
class DatedValue:
    """A baseline, target or measurement: its value (text when not a number) and date."""

    value: float | str
    date: _dt.date


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    """Where one indicator stands on the as-of date, with the figures that decided it."""

    id: str
    name: str
    unit: str
    direction: Direction
    primary: bool
    baseline: DatedValue | None
    target: DatedValue | None  # the final target
    latest: DatedValue | None  # the latest actual measurement on or before the as-of date
    planned: float | None  # planned(m_d)
    planned_gain: float | None  # E
    actual_gain: float | None  # A
    achievement: float | None
    progress: float | None
    status: Status
    reason: str
    forecast: float | None
    forecast_meets_target: bool | None
    next_due: _dt.date | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class BenefitStatus:
    id: str
    name: str
    polarity: Polarity
    category: Category | None
    status: Status
    reason: str
    indicators: tuple[IndicatorStatus, ...]
    trend: Trend | None = None


@dataclass(frozen=True, slots=True)
class PlanStatus:
    file: str
    id: str
    title: str
    as_of: _dt.date
    thresholds: tuple[float, float]  # (on_track, at_risk) as applied
    status: Status
    reason: str
    benefits: tuple[BenefitStatus, ...]
    trend: Trend | None = None


def count_by_status(benefits: Iterable[BenefitStatus]) -> dict[Status, int]:
    """How many benefits have each status, in the order first seen."""
    counts: dict[Status, int] = {}
    for benefit in benefits:
        counts[benefit.status] = counts.get(benefit.status, 0) + 1
    return counts


@dataclass(frozen=True)
class StatusReport:
    """The statuses of the readable plans on ``as_of``, and the plans that could not be read."""

    as_of: _dt.date
    statuses: tuple[PlanStatus, ...]
    unreadable: tuple[Unreadable, ...]
