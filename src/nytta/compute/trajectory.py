"""The numbers of an indicator over calendar days (format §5.1, §5.2, §5.4 and §6).

This module owns the two curves the computations need: the *planned* trajectory through
the baseline, the benefit's realisation start and the targets, and the *actual* curve
through the baseline and the actual measurements up to an as-of date. Both are piecewise
linear by calendar days and flat before their first and after their last point. It also
owns the measures taken against them on an as-of date (planned and actual gain,
achievement, progress, the least-squares forecast) and the small helpers that pick the
numeric values out of a plan (text values are not numbers and are skipped). Judging
those numbers — the status — is the business of ``status``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from nytta.load.plan import Observation
from nytta.model.bounds import limits
from nytta.model.enums import Direction
from nytta.model.plan import Benefit, Indicator
from nytta.model.types import number

Point = tuple[_dt.date, float]

#: |E| at or below this counts as "no change planned" (rule 5 of §5.3).
ZERO_GAIN = 1e-9


@dataclass(frozen=True, slots=True)
class Curve:
    """A piecewise linear function of the date through ``points`` (sorted, distinct dates)."""

    points: tuple[Point, ...]

    def at(self, day: _dt.date) -> float:
        """The curve's value on ``day``: held flat before the first and after the last point."""
        index = bisect.bisect_right(self.points, day, key=lambda point: point[0])
        if index == 0:
            return self.points[0][1]
        if index == len(self.points):
            return self.points[-1][1]
        (d0, v0), (d1, v1) = self.points[index - 1], self.points[index]
        return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days

    def total(self, first: _dt.date, last: _dt.date) -> float:
        """The sum of the curve's daily values over the days ``first``..``last`` inclusive."""
        return float(self.exact_sum(first, last))

    def exact_sum(self, first: _dt.date, last: _dt.date, offset: float = 0.0) -> Fraction:
        """The exact sum of ``curve(t) − offset`` over the days ``first``..``last`` inclusive.

        Every value is a float, a whole number over a power of two, so all of them are whole
        numbers in units of the smallest such fraction; a linear piece then sums in closed
        form over whole days, and nothing is rounded. A stretch at ``offset`` sums to 0
        exactly (the difference of two rounded totals leaves a residue such as −6.2e−13
        where no change is planned).
        """
        start, end = first.toordinal(), last.toordinal()
        ratios = [float(value).as_integer_ratio() for _, value in self.points]
        base = float(offset).as_integer_ratio()
        unit = max(denominator for _, denominator in [*ratios, base])  # every denominator divides it
        values = [n * (unit // d) - base[0] * (unit // base[1]) for n, d in ratios]
        days = [day.toordinal() for day, _ in self.points]
        numerator, denominator = _flat_sum(start, min(end, days[0] - 1), values[0]), 1
        for i in range(len(days) - 1):
            a, b = max(start, days[i]), min(end, days[i + 1] - 1)
            if b >= a:
                length = days[i + 1] - days[i]
                piece = _linear_sum(a - days[i], b - days[i], values[i] * length, values[i + 1] - values[i])
                numerator, denominator = numerator * length + piece * denominator, denominator * length
        numerator += _flat_sum(max(start, days[-1]), end, values[-1]) * denominator
        return Fraction(numerator, denominator * unit)


def _flat_sum(first: int, last: int, value: int) -> int:
    """The sum of a constant ``value`` over the day ordinals ``first``..``last`` (0 if empty)."""
    return (last - first + 1) * value if last >= first else 0


def _linear_sum(p: int, q: int, start: int, step: int) -> int:
    """The sum of ``start + step × k`` over the whole numbers k = ``p``..``q`` (p ≤ q)."""
    count = q - p + 1
    return count * start + step * ((p + q) * count // 2)


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
    """planned(t) of §5.1, or None without a numeric baseline or a numeric target.

    The realisation start holds the baseline only when it falls between the baseline and
    the first target date; a start on or after the first target would hide the targets.
    Every corner is held inside the indicator's bounds, so the whole curve is.
    """
    base = baseline_point(indicator)
    targets = target_points(indicator)
    if base is None or not targets:
        return None
    points = [base]
    start = realisation_start(benefit)
    if start is not None and base[0] < start < targets[0][0]:
        points.append((start, base[1]))
    points.extend(targets)
    bounds = limits(indicator)
    return Curve(_increasing([(day, bounds.clamp(value)) for day, value in points]))


def baseline_date(indicator: Indicator) -> _dt.date | None:
    """The baseline's date (whatever its value), or None without a baseline."""
    return indicator.baseline.date if indicator.baseline is not None else None


def is_actual_measurement(obs: Observation, indicator: Indicator, as_of: _dt.date) -> bool:
    """An *actual measurement* of §5 on ``as_of``: of kind actual, dated on or before
    ``as_of`` and after the baseline date. One on the baseline date is the baseline's own
    record and one before it is flagged by ``measurement-before-baseline``; neither counts."""
    after = baseline_date(indicator)
    return obs.is_actual and obs.date <= as_of and (after is None or obs.date > after)


def actual_points(indicator: Indicator, observations: Iterable[Observation], as_of: _dt.date) -> list[Point]:
    """The numeric actual measurements of §5 on ``as_of``, by date (last one per date wins)."""
    by_date: dict[_dt.date, float] = {}
    for obs in observations:
        value = number(obs.value)
        if value is not None and is_actual_measurement(obs, indicator, as_of):
            by_date[obs.date] = value
    return sorted(by_date.items())


def actual_curve(indicator: Indicator, observations: Iterable[Observation], as_of: _dt.date) -> Curve | None:
    """The actual curve of §6: through the baseline and the actual measurements on ``as_of``
    (those after the baseline date), held at the last one; None without a numeric baseline."""
    base = baseline_point(indicator)
    if base is None:
        return None
    return Curve((base, *actual_points(indicator, observations, as_of)))


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
    """The forecast of §5.4: the least-squares line through the baseline and the actual
    measurements (those of ``actuals`` after the baseline date) evaluated on ``day``;
    None with fewer than two of them."""
    later = [point for point in actuals if point[0] > base[0]]
    if len(later) < 2:
        return None
    return least_squares_at([base, *later], day)


@dataclass(frozen=True, slots=True)
class Measures:
    """The numbers of one indicator on an as-of date: what the status of §5.3 is judged on."""

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
        """(E, A) of §5.2; None for maintain or without baseline, target or measurement."""
        if self.sign == 0 or self.base is None or self.latest is None or self.planned is None:
            return None
        return self.sign * (self.planned - self.base[1]), self.sign * (self.latest[1] - self.base[1])

    @property
    def achievement(self) -> float | None:
        gains = self.gains
        if gains is None or abs(gains[0]) <= ZERO_GAIN:
            return None
        return 1 + (gains[1] - gains[0]) / abs(gains[0])

    @property
    def progress(self) -> float | None:
        gains = self.gains
        if gains is None or self.final is None or self.base is None or self.final[1] == self.base[1]:
            return None
        return gains[1] / (self.sign * (self.final[1] - self.base[1]))


def measure(benefit: Benefit, indicator: Indicator, observations: Iterable[Observation], as_of: _dt.date) -> Measures:
    """The numbers of ``indicator`` on ``as_of``; only its actual measurements count (of kind
    actual, dated on or before ``as_of`` and after the baseline date)."""
    targets = target_points(indicator)
    points = tuple(actual_points(indicator, observations, as_of))
    curve = planned_curve(benefit, indicator)
    planned = curve.at(points[-1][0]) if curve is not None and points else None
    return Measures(
        benefit,
        indicator,
        as_of,
        direction_sign(indicator),
        baseline_point(indicator),
        targets[-1] if targets else None,
        targets[0][0] if targets else None,
        points,
        planned,
    )


def unbounded_forecast(measures: Measures) -> float | None:
    """The least-squares forecast of §5.4 at the final target date, before the bounds."""
    if measures.base is None or measures.final is None:
        return None
    return forecast_at(measures.base, measures.actuals, measures.final[0])


def forecast(measures: Measures) -> tuple[float | None, bool | None]:
    """The forecast at the final target date, held inside the indicator's bounds, and
    whether it meets the final target (§5.4).

    For maintain it meets when it stays within the tolerance of the baseline; for a
    dis-benefit the benefit formula is kept (the harm stays within the tolerated level).
    """
    raw = unbounded_forecast(measures)
    if raw is None or measures.base is None or measures.final is None:
        return None, None
    value = limits(measures.indicator).clamp(raw)
    if measures.sign == 0:
        return value, abs(value - measures.base[1]) <= (measures.indicator.tolerance or 0.0)
    return value, measures.sign * (value - measures.final[1]) >= 0


def _increasing(points: list[Point]) -> tuple[Point, ...]:
    """Keep the points whose dates increase strictly (a misordered target is skipped)."""
    kept: list[Point] = []
    for point in points:
        if not kept or point[0] > kept[-1][0]:
            kept.append(point)
    return tuple(kept)
