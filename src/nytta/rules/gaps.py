"""Gaps in a periodic series: the periods between two measurements of an indicator with a
`frequency` that have no measurement of their own (the rule `measurement-gap`).

The periods follow the next-due arithmetic of format §5.5: after a measurement, the next
is due one interval later, then two, and so on (calendar months, month ends kept). The next
measurement stands for the due date nearest to it, so a late or an early measurement is
not a gap; the due dates before that one had no measurement of their own. The report's
data quality section lists the same gaps (``series_gaps``, ``period_label``).
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _, n_
from nytta.load.plan import Observation, PlanDocument
from nytta.model.enums import Frequency
from nytta.model.plan import Indicator
from nytta.model.schedule import add_months
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, rule

#: Up to this many missing periods are named one by one; more as the first to the last.
LISTED = 3
_MEASURED = "- {date: 2026-09-30, value: 25}"


@dataclass(frozen=True, slots=True)
class Gap:
    """Missing periods between two measurements: the due dates from ``first`` to ``last``,
    ``count`` of them, one interval of ``months`` apart."""

    before: _dt.date
    after: _dt.date
    months: int
    count: int

    def due_dates(self) -> list[_dt.date]:
        """Every missed due date (the count is at most the months between two dates)."""
        return [add_months(self.before, step * self.months) for step in range(1, self.count + 1)]

    @property
    def first(self) -> _dt.date:
        return add_months(self.before, self.months)

    @property
    def last(self) -> _dt.date:
        return add_months(self.before, self.count * self.months)


def series_gaps(frequency: Frequency, dates: Iterable[_dt.date]) -> list[Gap]:
    """The gaps of a series measured on ``dates`` at ``frequency``, in date order."""
    ordered = sorted(set(dates))
    found = []
    for before, after in itertools.pairwise(ordered):
        count = _missed(before, after, frequency.months)
        if count:
            found.append(Gap(before, after, frequency.months, count))
    return found


def _missed(before: _dt.date, after: _dt.date, months: int) -> int:
    """How many due dates after ``before`` have no measurement: those before the one that
    ``after`` stands for, the due date nearest to it (the earlier of two as near)."""
    steps = _steps_on_or_before(before, after, months)
    try:
        following = add_months(before, (steps + 1) * months)
    except OverflowError:  # no due date after the year 9999
        following = None
    if following is not None and following - after < after - add_months(before, steps * months):
        steps += 1
    return max(steps - 1, 0)


def _steps_on_or_before(before: _dt.date, after: _dt.date, months: int) -> int:
    """The number of intervals after ``before`` whose due date is on or before ``after`` (a
    binary search, so that measurements centuries apart cost no more than a year apart)."""
    low, high = 0, ((after.year - before.year) * 12 + after.month - before.month) // months
    while low < high:
        step = (low + high + 1) // 2
        if add_months(before, step * months) <= after:
            low = step
        else:
            high = step - 1
    return low


def period_label(day: _dt.date, frequency: Frequency, quarter: str, half: str) -> str:
    """The period ``day`` falls in, as a person names it: ``2026-03`` for a month, ``2026``
    for a year, and the ``quarter`` and ``half`` templates (``{n}``, ``{year}``) otherwise."""
    if frequency is Frequency.MONTHLY:
        return f"{day.year:04}-{day.month:02}"
    if frequency is Frequency.QUARTERLY:
        return quarter.format(n=(day.month - 1) // 3 + 1, year=day.year)
    if frequency is Frequency.HALF_YEARLY:
        return half.format(n=(day.month - 1) // 6 + 1, year=day.year)
    return str(day.year)


def indicator_gaps(doc: PlanDocument, indicator: Indicator, as_of: _dt.date) -> list[tuple[Gap, Observation]]:
    """The gaps in the actual measurements of ``indicator`` after its baseline, up to
    ``as_of``, each with the measurement after it; none without a frequency, or when some
    of its measurements could not be read."""
    if indicator.frequency is None or indicator.id in doc.unread_measurements:
        return []
    after = indicator.baseline.date if indicator.baseline is not None else None
    series = [
        o for o in doc.observations_of(indicator.id) if o.is_actual and o.date <= as_of and (after is None or o.date > after)
    ]
    gaps = series_gaps(indicator.frequency, (o.date for o in series))
    return [(gap, next(o for o in series if o.date == gap.after)) for gap in gaps]


@rule(
    "measurement-gap",
    severity=Severity.WARNING,
    passing=benefit_block(
        replace={
            _MEASURED: "- {date: 2025-12-31, value: 35}\n          - {date: 2026-03-31, value: 31}\n"
            "          - {date: 2026-06-30, value: 28}\n          " + _MEASURED
        }
    ),
    failing=benefit_block(replace={_MEASURED: "- {date: 2025-12-31, value: 35}\n          " + _MEASURED}, mark="2026-09-30"),
)
def measurement_gap(ctx: Context) -> Iterator[Diagnostic]:
    """A periodic series has missing periods between its first and latest measurement.

    For an indicator with a `frequency`, each measurement after the first should come one
    interval after the one before it (calendar months, month ends kept: 2026-01-31 + 1
    month = 2026-02-28). A measurement counts for the due date nearest to it, so one that
    is a little late or early is no gap; each due date between it and the measurement
    before had no measurement of its own. The finding names those periods and points at
    the measurement after the gap. Only actual measurements after the baseline count.
    """
    for _owner, indicator in ctx.indicators():
        for gap, after in indicator_gaps(ctx.doc, indicator, ctx.as_of):
            assert indicator.frequency is not None
            message = _(
                "no measurement of '{id}' for {periods} between the measurements of {before} and {after}",
                id=indicator.id,
                periods=_periods(gap, indicator.frequency),
                before=gap.before,
                after=gap.after,
            )
            yield ctx.at_observation(after, "date", message)


def _periods(gap: Gap, frequency: Frequency) -> str:
    """The missing periods in words of the current language: ``2026-03 and 2026-04``."""
    labels = period_labels(gap, frequency, _("Q{n} {year}"), _("H{n} {year}"))
    if gap.count > LISTED:
        return n_(
            "{first} to {last} ({n} period)", "{first} to {last} ({n} periods)", gap.count, first=labels[0], last=labels[-1]
        )
    if len(labels) == 1:
        return labels[0]
    return _("{items} and {last}", items=", ".join(labels[:-1]), last=labels[-1])


def period_labels(gap: Gap, frequency: Frequency, quarter: str, half: str) -> list[str]:
    """The missing periods named (see ``period_label``): each one, or the first and the last
    when there are more than ``LISTED``."""
    days = gap.due_dates() if gap.count <= LISTED else [gap.first, gap.last]
    return [period_label(day, frequency, quarter, half) for day in days]
