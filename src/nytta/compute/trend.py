"""The trend of a plan and its benefits: their status now beside their status at the
previous follow-up.

The previous follow-up is the latest ``follow_ups`` entry dated before the as-of date, or,
when the plan records none, the end of the quarter before the as-of date. The earlier
status is the ordinary status computation run on that date over the measurements known
then (dated on or before it). Two statuses are compared on the scale of §5.3 when both
say how far the realisation has come (missed, off track, at risk, on track, achieved);
otherwise the trend has no direction.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from nytta.compute.status import plan_status
from nytta.load.plan import PlanDocument
from nytta.model import followups
from nytta.model.plan import Thresholds
from nytta.results.status import WORST_FIRST, BenefitStatus, PlanStatus, Status, Trend, TrendDirection

#: The statuses that say how far the realisation has come, comparable with each other.
COMPARABLE: frozenset[Status] = frozenset({Status.MISSED, Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.ACHIEVED})


def previous_quarter_end(as_of: _dt.date) -> _dt.date | None:
    """The last day of the latest quarter that ended before ``as_of`` (None before year 1)."""
    if as_of.year == _dt.MINYEAR and as_of.month <= 3:
        return None
    quarter_start = _dt.date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
    return quarter_start - _dt.timedelta(days=1)


def previous_follow_up(doc: PlanDocument, as_of: _dt.date) -> _dt.date | None:
    """The date of the latest follow-up before ``as_of``, else the quarter end before it;
    None when no day comes before ``as_of``."""
    if as_of == _dt.date.min:
        return None
    day_before = as_of - _dt.timedelta(days=1)
    entry = followups.latest(doc.plan, day_before) if doc.plan is not None else None
    return entry.date if entry is not None else previous_quarter_end(as_of)


def known_on(doc: PlanDocument, day: _dt.date) -> PlanDocument:
    """The document with only the measurements dated on or before ``day``."""
    kept = [o for o in doc.observations if o.date <= day]
    return dataclasses.replace(doc, observations=kept, _by_indicator=None)


def direction(previous: Status, now: Status) -> TrendDirection | None:
    """Better, same or worse on the scale of §5.3; None unless both are comparable."""
    if previous not in COMPARABLE or now not in COMPARABLE:
        return None
    before, after = WORST_FIRST.index(previous), WORST_FIRST.index(now)
    if after == before:
        return TrendDirection.SAME
    return TrendDirection.BETTER if after > before else TrendDirection.WORSE


def trend(since: _dt.date, previous: Status, now: Status) -> Trend:
    return Trend(since, previous, direction(previous, now))


def with_trend(
    status: PlanStatus,
    doc: PlanDocument,
    *,
    thresholds: Thresholds | None = None,
    fallback: Thresholds | None = None,
) -> PlanStatus:
    """``status`` (the plan's status on its as-of date) with the trend of the plan and of
    each benefit since the previous follow-up."""
    since = previous_follow_up(doc, status.as_of)
    if since is None:
        return status
    before = plan_status(known_on(doc, since), since, thresholds, fallback=fallback)
    earlier = {b.id: b.status for b in before.benefits}
    benefits = tuple(_benefit_with_trend(b, since, earlier) for b in status.benefits)
    plan_trend = trend(since, before.status, status.status)
    return dataclasses.replace(status, benefits=benefits, trend=plan_trend)


def _benefit_with_trend(benefit: BenefitStatus, since: _dt.date, earlier: dict[str, Status]) -> BenefitStatus:
    previous = earlier.get(benefit.id)
    if previous is None:
        return benefit
    return dataclasses.replace(benefit, trend=trend(since, previous, benefit.status))
