"""Follow-up status of indicators, benefits and plans on an as-of date (format §5.2–§5.5).

This module owns the gains, achievement and progress of an indicator, its status in the
order §5.3 fixes, the forecast, next due date and overdue flag, and the reason a person
can read (expected, actual, difference or ratio, and the threshold that decided). It
also owns how statuses roll up: a benefit takes its primary indicator's status or the
worst of its indicators, a plan the worst of its benefits. Only actual measurements
dated on or before the as-of date count.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from nytta.compute import reasons
from nytta.compute.schedule import is_overdue, next_due
from nytta.compute.trajectory import (
    Point,
    actual_points,
    baseline_point,
    direction_sign,
    least_squares_at,
    number,
    planned_curve,
    realisation_start,
    target_points,
)
from nytta.load.plan import Observation, PlanDocument
from nytta.model.enums import Category, Direction, IndicatorKind, Polarity
from nytta.model.plan import Benefit, Indicator, Thresholds

#: |E| at or below this counts as "no change planned" (rule 5 of §5.3).
ZERO_GAIN = 1e-9


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
    Status.MISSED, Status.OFF_TRACK, Status.AT_RISK, Status.NO_DATA, Status.NO_BASELINE,
    Status.NO_TARGET, Status.NOT_STARTED, Status.ON_TRACK, Status.ACHIEVED,
)


@dataclass(frozen=True, slots=True)
class DatedValue:
    """A value on a date: a baseline, a target or a measurement (text when not a number)."""

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
    target: DatedValue | None
    latest: DatedValue | None
    planned: float | None
    planned_gain: float | None
    actual_gain: float | None
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


@dataclass(frozen=True, slots=True)
class PlanStatus:
    file: str
    id: str
    title: str
    as_of: _dt.date
    thresholds: tuple[float, float]
    status: Status
    reason: str
    benefits: tuple[BenefitStatus, ...]


@dataclass(frozen=True, slots=True)
class Facts:
    """The numeric facts of one indicator on the as-of date, before classification."""

    benefit: Benefit
    indicator: Indicator
    as_of: _dt.date
    sign: int
    base: Point | None
    final: Point | None
    first_target: _dt.date | None
    actuals: tuple[Point, ...]
    planned: float | None

    @property
    def latest(self) -> Point | None:
        return self.actuals[-1] if self.actuals else None

    @property
    def gains(self) -> tuple[float, float] | None:
        """(E, A) of §5.2, or None for maintain or without baseline, target or measurement."""
        if self.sign == 0 or self.base is None or self.latest is None or self.planned is None:
            return None
        b = self.base[1]
        return self.sign * (self.planned - b), self.sign * (self.latest[1] - b)

    @property
    def achievement(self) -> float | None:
        gains = self.gains
        if gains is None or abs(gains[0]) <= ZERO_GAIN:
            return None
        planned, actual = gains
        return 1 + (actual - planned) / abs(planned)

    @property
    def progress(self) -> float | None:
        gains = self.gains
        if gains is None or self.final is None or self.base is None or self.final[1] == self.base[1]:
            return None
        return gains[1] / (self.sign * (self.final[1] - self.base[1]))


def plan_status(doc: PlanDocument, as_of: _dt.date, thresholds: Thresholds | None = None) -> PlanStatus:
    """The status of a loaded plan on ``as_of``; ``thresholds`` replaces the plan's own.

    Raises ValueError when the document holds no plan (it could not be loaded).
    """
    plan = doc.plan
    if plan is None:
        raise ValueError(f"{doc.file}: the plan could not be loaded, so it has no status")
    limits = thresholds or plan.plan.thresholds or Thresholds()
    benefits = tuple(benefit_status(b, doc, as_of, limits) for b in plan.benefits)
    status, reason = worst_of([(b.id, b.status) for b in benefits], "benefit")
    pair = (limits.on_track, limits.at_risk)
    return PlanStatus(doc.file, plan.plan.id, plan.plan.title, as_of, pair, status, reason, benefits)


def benefit_status(benefit: Benefit, doc: PlanDocument, as_of: _dt.date, thresholds: Thresholds) -> BenefitStatus:
    indicators = tuple(
        indicator_status(benefit, i, doc.observations_of(i.id), as_of, thresholds) for i in benefit.indicators
    )
    primary = [i for i in indicators if i.primary and i.status is not Status.QUALITATIVE]
    if primary:
        status, reason = primary[0].status, f"primary indicator {primary[0].id}: {primary[0].reason}"
    else:
        status, reason = worst_of([(i.id, i.status) for i in indicators], "indicator")
    return BenefitStatus(benefit.id, benefit.name, benefit.polarity, benefit.category, status, reason, indicators)


def worst_of(items: Sequence[tuple[str, Status]], noun: str) -> tuple[Status, str]:
    """The worst ranked status among ``items`` (qualitative ones do not count), with a reason."""
    ranked = [(WORST_FIRST.index(s), name, s) for name, s in items if s is not Status.QUALITATIVE]
    if ranked:
        _, name, status = min(ranked, key=lambda r: r[0])
        return status, f"worst of {len(ranked)} {noun}(s): {name} is {status.value}"
    if items:
        return Status.QUALITATIVE, f"only qualitative {noun}s"
    return Status.NO_DATA, f"no {noun}s"


def indicator_status(
    benefit: Benefit, indicator: Indicator, observations: Iterable[Observation], as_of: _dt.date,
    thresholds: Thresholds,
) -> IndicatorStatus:
    """The status of one indicator of ``benefit`` from its merged ``observations`` on ``as_of``."""
    actual = sorted((o for o in observations if o.is_actual and o.date <= as_of), key=lambda o: o.date)
    due = next_due(benefit, indicator, [o.date for o in actual])
    schedule = (due, is_overdue(indicator, due, as_of))
    if is_qualitative(indicator, actual):
        return _qualitative(indicator, actual, schedule)
    facts = gather(benefit, indicator, actual, as_of)
    status, reason = classify(facts, thresholds)
    gains = facts.gains
    return IndicatorStatus(
        indicator.id, indicator.name, indicator.unit, indicator.direction, indicator.primary,
        _dated(facts.base), _dated(facts.final), _dated(facts.latest), facts.planned,
        gains[0] if gains else None, gains[1] if gains else None, facts.achievement, facts.progress,
        status, reason, *forecast(facts), *schedule,
    )


def gather(benefit: Benefit, indicator: Indicator, actual: Sequence[Observation], as_of: _dt.date) -> Facts:
    """Collect the numeric facts of an indicator from its actual measurements up to ``as_of``."""
    targets = target_points(indicator)
    points = tuple(actual_points(actual, as_of))
    curve = planned_curve(benefit, indicator)
    planned = curve.at(points[-1][0]) if curve is not None and points else None
    return Facts(
        benefit, indicator, as_of, direction_sign(indicator), baseline_point(indicator),
        targets[-1] if targets else None, targets[0][0] if targets else None, points, planned,
    )


def classify(facts: Facts, thresholds: Thresholds) -> tuple[Status, str]:
    """The status of §5.3 (first matching rule wins) and the reason for it."""
    for rule in (_rule_missing, _rule_no_measurement, _rule_maintain, _rule_final_target, _rule_flat_plan):
        verdict = rule(facts)
        if verdict is not None:
            return verdict
    return _rule_thresholds(facts, thresholds)


def forecast(facts: Facts) -> tuple[float | None, bool | None]:
    """The forecast of §5.4 at the final target date and whether it meets the final target.

    The line runs through the baseline and every actual measurement; there is none
    unless at least two actual measurements are dated after the baseline.
    """
    if facts.base is None or facts.final is None:
        return None, None
    if sum(1 for d, _ in facts.actuals if d > facts.base[0]) < 2:
        return None, None
    value = least_squares_at([facts.base, *facts.actuals], facts.final[0])
    if value is None:
        return None, None
    if facts.sign == 0:
        return value, abs(value - facts.base[1]) <= (facts.indicator.tolerance or 0.0)
    return value, facts.sign * (value - facts.final[1]) >= 0


def is_qualitative(indicator: Indicator, actual: Sequence[Observation]) -> bool:
    """A qualitative indicator whose values (baseline, targets, measurements) are not all numbers."""
    if indicator.kind is not IndicatorKind.QUALITATIVE:
        return False
    values = [indicator.baseline.value] if indicator.baseline is not None else []
    values += [t.value for t in indicator.targets] + [o.value for o in actual]
    return not values or any(number(v) is None for v in values)


def _qualitative(
    indicator: Indicator, actual: Sequence[Observation], schedule: tuple[_dt.date | None, bool]
) -> IndicatorStatus:
    base, final = indicator.baseline, indicator.final_target
    return IndicatorStatus(
        indicator.id, indicator.name, indicator.unit, indicator.direction, indicator.primary,
        DatedValue(base.value, base.date) if base else None,
        DatedValue(final.value, final.date) if final else None,
        DatedValue(actual[-1].value, actual[-1].date) if actual else None,
        None, None, None, None, None, Status.QUALITATIVE, reasons.qualitative(),
        None, None, *schedule,
    )


def _dated(point: Point | None) -> DatedValue | None:
    return DatedValue(point[1], point[0]) if point is not None else None


def _rule_missing(facts: Facts) -> tuple[Status, str] | None:
    if facts.base is None:
        return Status.NO_BASELINE, reasons.no_baseline(facts.indicator)
    if facts.final is None:
        return Status.NO_TARGET, reasons.no_target(facts.indicator)
    return None


def _rule_no_measurement(facts: Facts) -> tuple[Status, str] | None:
    if facts.latest is not None:
        return None
    start = realisation_start(facts.benefit)
    label = "realisation start" if start is not None else "first target date"
    start = start or facts.first_target
    if start is not None and facts.as_of < start:
        return Status.NOT_STARTED, reasons.not_started(label, start, facts.as_of)
    return Status.NO_DATA, reasons.no_data(label, start, facts.as_of)


def _rule_maintain(facts: Facts) -> tuple[Status, str] | None:
    if facts.sign != 0 or facts.base is None or facts.latest is None:
        return None
    tolerance = facts.indicator.tolerance or 0.0
    within = abs(facts.latest[1] - facts.base[1]) <= tolerance
    text = reasons.maintain(facts.indicator.unit, facts.latest, facts.base[1], tolerance, within)
    return (Status.ON_TRACK if within else Status.OFF_TRACK), text


def _rule_final_target(facts: Facts) -> tuple[Status, str] | None:
    if facts.benefit.polarity is not Polarity.BENEFIT or facts.latest is None or facts.final is None:
        return None
    unit, latest, final = facts.indicator.unit, facts.latest, facts.final
    if facts.sign * (latest[1] - final[1]) >= 0:
        return Status.ACHIEVED, reasons.achieved(unit, latest, final)
    if facts.as_of > final[0] and latest[0] >= final[0]:
        return Status.MISSED, reasons.missed(unit, latest, final)
    return None


def _rule_flat_plan(facts: Facts) -> tuple[Status, str] | None:
    gains = facts.gains
    if gains is None or abs(gains[0]) > ZERO_GAIN or facts.latest is None or facts.planned is None:
        return None
    ok = gains[1] >= 0
    text = reasons.flat_plan(facts.indicator.unit, facts.latest, facts.planned, gains[1], ok)
    return (Status.ON_TRACK if ok else Status.OFF_TRACK), text


def _rule_thresholds(facts: Facts, thresholds: Thresholds) -> tuple[Status, str]:
    achievement = facts.achievement
    assert achievement is not None and facts.latest is not None and facts.planned is not None
    if achievement >= thresholds.on_track:
        status = Status.ON_TRACK
    elif achievement >= thresholds.at_risk:
        status = Status.AT_RISK
    else:
        status = Status.OFF_TRACK
    improvement = facts.benefit.polarity is Polarity.BENEFIT and (facts.gains or (0.0, 0.0))[0] > 0
    text = reasons.against_plan(
        facts.indicator.unit, facts.latest, facts.planned, achievement, improvement,
        status.value, (thresholds.on_track, thresholds.at_risk),
    )
    return status, text
