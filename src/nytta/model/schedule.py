"""When an indicator is next due to be measured, and whether that is overdue (format §5.5)."""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from nytta.model.enums import Frequency

if TYPE_CHECKING:  # annotations only: ``nytta init`` uses add_months without the models
    from nytta.model.plan import Benefit, Indicator

#: Days after the due date before a measurement counts as overdue.
GRACE_DAYS = {Frequency.MONTHLY: 7, Frequency.QUARTERLY: 21}
DEFAULT_GRACE_DAYS = 30


def add_months(day: _dt.date, months: int) -> _dt.date:
    """Calendar-month arithmetic that keeps the end of month: 01-31 + 1 month = 02-28.

    Raises OverflowError when the result lies outside the years 1–9999 (as adding a
    timedelta does).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise OverflowError(f"{day} + {months} months is outside the years {_dt.MINYEAR}–{_dt.MAXYEAR}")
    last = calendar.monthrange(year, month + 1)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return _dt.date(year, month + 1, last if at_month_end else min(day.day, last))


def next_due(benefit: Benefit, indicator: Indicator, actual_dates: Iterable[_dt.date]) -> _dt.date | None:
    """The next date the indicator should be measured, or None when nothing more is due.

    ``actual_dates`` are the dates of the actual measurements on or before the as-of date;
    those on or before the baseline date are not follow-up measurements and are left out.
    The earliest follow-up date without a measurement on or after it comes first; once
    every follow-up date has one, the frequency's interval after the latest measurement
    (or the baseline date; with neither, nothing is due), but not before the realisation
    start. Nothing is due after the last day of follow-up (see ``_last_due_day``).
    """
    after = indicator.baseline.date if indicator.baseline is not None else None
    dates = sorted(d for d in actual_dates if after is None or d > after)
    due = _from_follow_up_dates(indicator, dates)
    if due is None and indicator.frequency is not None:
        due = _from_frequency(benefit, indicator, dates)
    if due is None:
        return None
    last_day = _last_due_day(benefit, indicator)
    return None if last_day is not None and due > last_day else due


def grace(indicator: Indicator, due: _dt.date | None = None) -> _dt.timedelta:
    """How long after ``due`` a measurement may come before it is overdue: 30 days for a
    follow-up date, else the frequency's grace (7 days monthly, 21 quarterly, 30 otherwise).

    A date that ``next_due`` takes from the frequency lies after every follow-up date (each
    has a measurement on or after it by then), so ``due`` being one of them says which it is.
    """
    if indicator.frequency is None or due is None or due in indicator.follow_up_dates:
        return _dt.timedelta(days=DEFAULT_GRACE_DAYS)
    return _dt.timedelta(days=GRACE_DAYS.get(indicator.frequency, DEFAULT_GRACE_DAYS))


def is_overdue(indicator: Indicator, due: _dt.date | None, as_of: _dt.date) -> bool:
    # as_of - due, not due + grace: a due date near 9999-12-31 plus the grace is no date
    return due is not None and as_of - due > grace(indicator, due)


def _from_follow_up_dates(indicator: Indicator, dates: list[_dt.date]) -> _dt.date | None:
    for follow_up in sorted(indicator.follow_up_dates):
        if not any(d >= follow_up for d in dates):
            return follow_up
    return None


def _from_frequency(benefit: Benefit, indicator: Indicator, dates: list[_dt.date]) -> _dt.date | None:
    assert indicator.frequency is not None
    if dates:
        start = dates[-1]
    elif indicator.baseline is not None:
        start = indicator.baseline.date
    else:
        return None
    try:
        due = add_months(start, indicator.frequency.months)
    except OverflowError:  # due after the year 9999: never, as far as dates go
        return None
    realisation_start = benefit.realisation.start if benefit.realisation else None
    if realisation_start is not None and due < realisation_start:
        due = realisation_start
    return due


def _last_due_day(benefit: Benefit, indicator: Indicator) -> _dt.date | None:
    if benefit.realisation is not None and benefit.realisation.end is not None:
        return benefit.realisation.end
    final = indicator.final_target
    if final is None:
        return None
    if indicator.frequency is not None:
        try:
            return add_months(final.date, indicator.frequency.months)
        except OverflowError:  # one interval after the final target is past the year 9999: no limit
            return None
    return final.date
