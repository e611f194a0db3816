"""Follow-up status of indicators, benefits and plans on an as-of date (format §5.2–§5.5).

This module owns the gains, achievement and progress of an indicator, its status in the
order §5.3 fixes, its forecast, next due date and overdue flag, and a reason a person can
read (expected, actual, difference or ratio, and the threshold that decided), in the
current language with its numbers (``1 234,5`` in Swedish, ``1234.5`` in English). It also
owns the roll-up: a benefit takes its primary indicator's status or else the worst of its
indicators, a plan the worst of its benefits. Only actual measurements dated on or
before the as-of date count.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from nytta.compute.trajectory import (
    ZERO_GAIN,
    Measures,
    Point,
    forecast,
    is_actual_measurement,
    measure,
    realisation_start,
    unbounded_forecast,
)
from nytta.i18n import _, language, n_
from nytta.load.plan import Observation, PlanDocument
from nytta.model.bounds import limits
from nytta.model.enums import IndicatorKind, Polarity
from nytta.model.plan import Benefit, Indicator, Thresholds
from nytta.model.schedule import is_overdue, next_due
from nytta.results.status import (
    WORST_FIRST,
    BenefitStatus,
    DatedValue,
    IndicatorStatus,
    PlanStatus,
    Status,
    status_label,
)

Verdict = tuple[Status, str]

NBSP = "\u00a0"


def plan_status(
    doc: PlanDocument,
    as_of: _dt.date,
    thresholds: Thresholds | None = None,
    *,
    fallback: Thresholds | None = None,
) -> PlanStatus:
    """The status of a loaded plan on ``as_of``; ``thresholds`` replaces the plan's own,
    ``fallback`` (say, from ``nytta.toml``) applies only when the plan has none.

    Raises ValueError when the document holds no plan (it could not be loaded).
    """
    plan = doc.plan
    if plan is None:
        raise ValueError(f"{doc.file}: the plan could not be loaded, so it has no status")
    limits = thresholds or plan.plan.thresholds or fallback or Thresholds()
    benefits = tuple(benefit_status(b, doc, as_of, limits) for b in plan.benefits)
    status, reason = worst_of([(b.id, b.status) for b in benefits], "benefit")
    pair = (limits.on_track, limits.at_risk)
    return PlanStatus(doc.file, plan.plan.id, plan.plan.title, as_of, pair, status, reason, benefits)


def benefit_status(benefit: Benefit, doc: PlanDocument, as_of: _dt.date, thresholds: Thresholds) -> BenefitStatus:
    """The benefit's primary indicator's status (unless qualitative), else the worst of its indicators."""
    indicators = tuple(indicator_status(benefit, i, doc.observations_of(i.id), as_of, thresholds) for i in benefit.indicators)
    primary = [i for i in indicators if i.primary and i.status is not Status.QUALITATIVE]
    if primary:
        first = primary[0]
        status, reason = first.status, _("primary indicator {id}: {reason}", id=first.id, reason=first.reason)
    else:
        status, reason = worst_of([(i.id, i.status) for i in indicators], "indicator")
    return BenefitStatus(benefit.id, benefit.name, benefit.polarity, benefit.category, status, reason, indicators)


def worst_of(items: Sequence[tuple[str, Status]], noun: str) -> Verdict:
    """The worst ranked status among ``items`` (qualitative ones do not count), with a reason;
    ``noun`` is ``benefit`` or ``indicator``."""
    ranked = [(WORST_FIRST.index(s), name, s) for name, s in items if s is not Status.QUALITATIVE]
    benefits = noun == "benefit"
    if ranked:
        name, status = min(ranked, key=lambda r: r[0])[1:]
        count, shown = len(ranked), _status_word(status)
        if benefits:
            text = n_(
                "worst of {n} benefit(s): {name} is {status}",
                "worst of {n} benefit(s): {name} is {status}",
                count,
                name=name,
                status=shown,
            )
        else:
            text = n_(
                "worst of {n} indicator(s): {name} is {status}",
                "worst of {n} indicator(s): {name} is {status}",
                count,
                name=name,
                status=shown,
            )
        return status, text
    if items:
        return Status.QUALITATIVE, _("only qualitative benefits") if benefits else _("only qualitative indicators")
    return Status.NO_DATA, _("no benefits") if benefits else _("no indicators")


def _status_word(status: Status) -> str:
    """A status inside a reason: its code in English (``at_risk``), its words otherwise."""
    return status.value if language() == "en" else status_label(status)


def indicator_status(
    benefit: Benefit,
    indicator: Indicator,
    observations: Iterable[Observation],
    as_of: _dt.date,
    thresholds: Thresholds,
) -> IndicatorStatus:
    """The status of one indicator of ``benefit`` from its merged ``observations`` on ``as_of``.

    Only its actual measurements count: of kind actual, dated on or before ``as_of`` and
    after the baseline date (§5).
    """
    actual = sorted((o for o in observations if is_actual_measurement(o, indicator, as_of)), key=lambda o: o.date)
    due = next_due(benefit, indicator, [o.date for o in actual])
    schedule = (due, is_overdue(indicator, due, as_of))
    if is_qualitative(indicator):
        return _qualitative(indicator, actual, schedule)
    facts = measure(benefit, indicator, actual, as_of)
    status, reason = classify(facts, thresholds)
    gains = facts.gains or (None, None)
    projected, meets = forecast(facts)
    projected = _finite(projected)
    if projected is None:
        meets = None
    else:
        reason = _with_bound_note(reason, facts, projected)
    return IndicatorStatus(
        indicator.id,
        indicator.name,
        indicator.unit,
        indicator.direction,
        indicator.primary,
        _dated(facts.base),
        _dated(facts.final),
        _dated(facts.latest),
        _finite(facts.planned),
        _finite(gains[0]),
        _finite(gains[1]),
        _finite(facts.achievement),
        _finite(facts.progress),
        status,
        reason,
        projected,
        meets,
        *schedule,
    )


def _finite(value: float | None) -> float | None:
    """A computed figure, or None when it overflowed: values near the float limit (±1.8e308)
    make differences and ratios infinite or NaN, which are no numbers to report. A negative
    zero (−1 × 0.0, the gain of a measurement equal to the baseline on a decrease
    indicator) is reported as 0."""
    return None if value is None or not math.isfinite(value) else value + 0.0


def _with_bound_note(reason: str, facts: Measures, projected: float) -> str:
    """``reason`` with a note when the forecast was held at one of the indicator's bounds."""
    raw = unbounded_forecast(facts)
    bounds = limits(facts.indicator)
    bound = bounds.crossed(raw) if raw is not None else None
    if bound is None:
        return reason
    if not bound.from_unit:
        note = _("the forecast is bounded at {value} (the indicator's bounds)", value=_num(projected))
    elif bound is bounds.lower:
        note = _("the forecast is bounded at {value} (the unit cannot be negative)", value=_num(projected))
    else:
        note = _("the forecast is bounded at {value} (a percentage is at most 100)", value=_num(projected))
    return _("{reason}; {note}", reason=reason, note=note)


def classify(facts: Measures, thresholds: Thresholds) -> Verdict:
    """The status of §5.3 (the first rule that matches wins) and the reason for it."""
    rules: tuple[Callable[[Measures], Verdict | None], ...] = (
        _rule_missing,
        _rule_no_measurement,
        _rule_maintain,
        _rule_final_target,
        _rule_flat_plan,
    )
    for rule in rules:
        verdict = rule(facts)
        if verdict is not None:
            return verdict
    return _rule_thresholds(facts, thresholds)


def is_qualitative(indicator: Indicator) -> bool:
    """An indicator of ``kind: qualitative``: followed up by judgement, status ``qualitative``
    whatever else it has or lacks (values, numbers, baseline, targets) (§5.3)."""
    return indicator.kind is IndicatorKind.QUALITATIVE


def _qualitative(indicator: Indicator, actual: Sequence[Observation], schedule: tuple[_dt.date | None, bool]) -> IndicatorStatus:
    base, final = indicator.baseline, indicator.final_target
    return IndicatorStatus(
        indicator.id,
        indicator.name,
        indicator.unit,
        indicator.direction,
        indicator.primary,
        _written(base.value, base.date) if base else None,
        _written(final.value, final.date) if final else None,
        _written(actual[-1].value, actual[-1].date) if actual else None,
        None,
        None,
        None,
        None,
        None,
        Status.QUALITATIVE,
        _("qualitative indicator: followed up by judgement, not against a planned trajectory"),
        None,
        None,
        *schedule,
    )


def _dated(point: Point | None) -> DatedValue | None:
    return DatedValue(point[1] + 0.0, point[0]) if point is not None else None


def _written(value: float | str, day: _dt.date) -> DatedValue:
    """A value as the plan gives it (text stays text; a negative zero is 0)."""
    return DatedValue(value + 0.0 if isinstance(value, float) else value, day)


def _num(value: float) -> str:
    """A figure for a reason: at most two decimals, no trailing zeros; in Swedish with a
    decimal comma, thousands grouped by a no-break space and a minus sign (``−1 234,5``)."""
    if language() != "sv":
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")


def _share(value: float) -> str:
    """A share as a whole percentage for a reason: ``91 %``."""
    return f"{value * 100:.0f}{NBSP if language() == 'sv' else ' '}%"


def _rule_missing(facts: Measures) -> Verdict | None:
    indicator = facts.indicator
    if facts.base is None:
        if indicator.baseline is None:
            return Status.NO_BASELINE, _("no baseline (nollmätning), so there is nothing to compare against")
        return Status.NO_BASELINE, _("the baseline {value} is not a number", value=repr(indicator.baseline.value))
    if facts.final is None:
        if not indicator.targets:
            return Status.NO_TARGET, _("no target value, so there is no planned trajectory")
        return Status.NO_TARGET, _("no target with a numeric value, so there is no planned trajectory")
    return None


def _rule_no_measurement(facts: Measures) -> Verdict | None:
    if facts.latest is not None:
        return None
    realisation = realisation_start(facts.benefit)
    start = realisation or facts.first_target
    if start is not None and facts.as_of < start:
        if realisation is not None:
            text = _("no measurement yet; the realisation start {start} is after {as_of}", start=start, as_of=facts.as_of)
        else:
            text = _("no measurement yet; the first target date {start} is after {as_of}", start=start, as_of=facts.as_of)
        return Status.NOT_STARTED, text
    if realisation is not None:
        text = _(
            "no actual measurement on or before {as_of}; the realisation start {start} has passed", start=start, as_of=facts.as_of
        )
    else:
        text = _(
            "no actual measurement on or before {as_of}; the first target date {start} has passed", start=start, as_of=facts.as_of
        )
    return Status.NO_DATA, text


def _rule_maintain(facts: Measures) -> Verdict | None:
    if facts.sign != 0 or facts.base is None or facts.latest is None:
        return None
    tolerance = facts.indicator.tolerance or 0.0
    (day, value), difference = facts.latest, facts.latest[1] - facts.base[1]
    within = within_tolerance(value, facts.base[1], tolerance)
    figures = {
        "value": _num(value),
        "unit": facts.indicator.unit,
        "date": day,
        "baseline": _num(facts.base[1]),
        "difference": _num(difference),
        "tolerance": _num(tolerance),
    }
    if within:
        text = _(
            "{value} {unit} at {date} vs baseline {baseline}: difference {difference}, within the tolerance ±{tolerance}",
            **figures,
        )
    else:
        text = _(
            "{value} {unit} at {date} vs baseline {baseline}: difference {difference}, outside the tolerance ±{tolerance}",
            **figures,
        )
    return (Status.ON_TRACK if within else Status.OFF_TRACK), text


def within_tolerance(value: float, baseline: float, tolerance: float) -> bool:
    """|value − baseline| ≤ tolerance for the numbers as the plan writes them (their shortest
    decimal form): 8.71 against a baseline of 3 is within a tolerance of 5.71, although the
    float difference is 5.710000000000001."""
    return abs(Decimal(repr(value)) - Decimal(repr(baseline))) <= Decimal(repr(tolerance))


def _rule_final_target(facts: Measures) -> Verdict | None:
    if facts.benefit.polarity is not Polarity.BENEFIT or facts.latest is None or facts.final is None:
        return None
    (day, value), (due, goal) = facts.latest, facts.final
    figures = {"value": _num(value), "unit": facts.indicator.unit, "date": day, "target": _num(goal), "due": due}
    if facts.sign * (value - goal) >= 0:
        return Status.ACHIEVED, _("{value} {unit} at {date} meets the final target {target} due {due}", **figures)
    if facts.as_of > due and day >= due:
        gap = _num(abs(value - goal))
        return Status.MISSED, _(
            "{value} {unit} at {date} misses the final target {target} due {due} by {gap}", gap=gap, **figures
        )
    return None


def _rule_flat_plan(facts: Measures) -> Verdict | None:
    gains = facts.gains
    if gains is None or abs(gains[0]) > ZERO_GAIN or facts.latest is None or facts.planned is None:
        return None
    ok = gains[1] >= 0
    text = _(
        "{value} {unit} vs planned {planned} at {date}: no change planned yet; actual gain {gain} {relation} 0",
        value=_num(facts.latest[1]),
        unit=facts.indicator.unit,
        planned=_num(facts.planned),
        date=facts.latest[0],
        gain=_num(gains[1]),
        relation="≥" if ok else "<",
    )
    return (Status.ON_TRACK if ok else Status.OFF_TRACK), text


def _rule_thresholds(facts: Measures, thresholds: Thresholds) -> Verdict:
    achievement, gains = facts.achievement, facts.gains
    assert achievement is not None and gains is not None and facts.latest is not None and facts.planned is not None
    high, low = _share(thresholds.on_track), _share(thresholds.at_risk)
    if achievement >= thresholds.on_track:
        status, rule = Status.ON_TRACK, _("on track ≥ {high}", high=high)
    elif achievement >= thresholds.at_risk:
        status, rule = Status.AT_RISK, _("at risk: ≥ {low}, < {high}", low=low, high=high)
    else:
        status, rule = Status.OFF_TRACK, _("off track < {low}", low=low)
    share = _share(achievement)
    improving = facts.benefit.polarity is Polarity.BENEFIT and gains[0] > 0
    ratio = _("{share} of planned improvement", share=share) if improving else _("achievement {share}", share=share)
    (day, value), difference = facts.latest, facts.latest[1] - facts.planned
    text = _(
        "{value} {unit} vs planned {planned} at {date} (difference {difference}): {ratio}, {rule}",
        value=_num(value),
        unit=facts.indicator.unit,
        planned=_num(facts.planned),
        date=day,
        difference=("+" if difference > 0 else "") + _num(difference),
        ratio=ratio,
        rule=rule,
    )
    return status, text
