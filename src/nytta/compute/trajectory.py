"""Value curves of an indicator over calendar days (format §5.1 and §6).

This module owns the two curves the computations need: the *planned* trajectory through
the baseline, the benefit's realisation start and the targets, and the *actual* curve
through the baseline and the actual measurements up to an as-of date. Both are piecewise
linear by calendar days and flat before their first and after their last point. It also
owns the least-squares line that the forecast of §5.4 extrapolates, and the small helpers
that pick the numeric values out of a plan (text values are not numbers and are skipped).
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nytta.load.plan import Observation
from nytta.model.enums import Direction
from nytta.model.plan import Benefit, Indicator

Point = tuple[_dt.date, float]


@dataclass(frozen=True, slots=True)
class Curve:
    """A piecewise linear function of the date through ``points`` (sorted, distinct dates)."""

    points: tuple[Point, ...]

    def at(self, day: _dt.date) -> float:
        """The curve's value on ``day``: held flat before the first and after the last point."""
        dates = [d for d, _ in self.points]
        index = bisect.bisect_right(dates, day)
        if index == 0:
            return self.points[0][1]
        if index == len(self.points):
            return self.points[-1][1]
        (d0, v0), (d1, v1) = self.points[index - 1], self.points[index]
        return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days

    def total(self, first: _dt.date, last: _dt.date) -> float:
        """The sum of the curve's daily values over the days ``first``..``last`` inclusive."""
        total = 0.0
        day = first
        while day <= last:
            total += self.at(day)
            day += _dt.timedelta(days=1)
        return total


def number(value: float | str | None) -> float | None:
    """The value as a float, or None when it is text (not a number) or absent."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def direction_sign(indicator: Indicator) -> int:
    """``dir`` of §5.2: +1 for increase, −1 for decrease, 0 for maintain (no better way)."""
    return {Direction.INCREASE: 1, Direction.DECREASE: -1}.get(indicator.direction, 0)


def baseline_point(indicator: Indicator) -> Point | None:
    """The baseline as (date, value), or None when it is absent or not a number."""
    if indicator.baseline is None:
        return None
    value = number(indicator.baseline.value)
    return None if value is None else (indicator.baseline.date, value)


def target_points(indicator: Indicator) -> list[Point]:
    """The targets with numeric values, in the order written (the last is the final one)."""
    points = [(t.date, number(t.value)) for t in indicator.targets]
    return [(d, v) for d, v in points if v is not None]


def realisation_start(benefit: Benefit) -> _dt.date | None:
    return benefit.realisation.start if benefit.realisation is not None else None


def realisation_end(benefit: Benefit) -> _dt.date | None:
    return benefit.realisation.end if benefit.realisation is not None else None


def planned_curve(benefit: Benefit, indicator: Indicator) -> Curve | None:
    """planned(t) of §5.1, or None without a numeric baseline or a numeric target."""
    base = baseline_point(indicator)
    targets = target_points(indicator)
    if base is None or not targets:
        return None
    points = [base]
    start = realisation_start(benefit)
    if start is not None and start > base[0]:
        points.append((start, base[1]))
    points.extend(targets)
    return Curve(_increasing(points))


def actual_points(observations: Iterable[Observation], as_of: _dt.date) -> list[Point]:
    """Numeric actual measurements dated on or before ``as_of``, by date (last one per date wins)."""
    by_date: dict[_dt.date, float] = {}
    for obs in observations:
        value = number(obs.value)
        if obs.is_actual and obs.date <= as_of and value is not None:
            by_date[obs.date] = value
    return sorted(by_date.items())


def actual_curve(indicator: Indicator, observations: Iterable[Observation], as_of: _dt.date) -> Curve | None:
    """The actual curve of §6: through the baseline and the actual measurements ≤ ``as_of``.

    Held at the last measurement after it; None without a numeric baseline. Measurements
    dated on or before the baseline date do not move the curve.
    """
    base = baseline_point(indicator)
    if base is None:
        return None
    later = [p for p in actual_points(observations, as_of) if p[0] > base[0]]
    return Curve((base, *later))


def least_squares_at(points: Sequence[Point], day: _dt.date) -> float | None:
    """The value on ``day`` of the least-squares line through ``points`` (x in days).

    None when the points do not span more than one date (no line is determined).
    """
    if not points:
        return None
    origin = points[0][0]
    xs = [float((d - origin).days) for d, _ in points]
    ys = [v for _, v in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    return mean_y + sxy / sxx * ((day - origin).days - mean_x)


def forecast_at(base: Point, actuals: Sequence[Point], day: _dt.date) -> float | None:
    """The forecast of §5.4: the least-squares line through the baseline and ``actuals``
    evaluated on ``day``; None unless at least two actuals are dated after the baseline."""
    if sum(1 for d, _ in actuals if d > base[0]) < 2:
        return None
    return least_squares_at([base, *actuals], day)


def _increasing(points: list[Point]) -> tuple[Point, ...]:
    """Keep the points whose dates increase strictly (a misordered target is skipped)."""
    kept: list[Point] = []
    for point in points:
        if not kept or point[0] > kept[-1][0]:
            kept.append(point)
    return tuple(kept)
