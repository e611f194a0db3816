"""Rules about dates: order of dates, measurements in time, follow-up after close, overdue."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model.enums import Phase
from nytta.model.plan import Indicator, Period, Realisation
from nytta.model.schedule import is_overdue, next_due
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, describe, rule, written


@rule(
    "date-order",
    passing=benefit_block(
        replace={"- {date: 2026-12-31, value: 20}": "- {date: 2026-06-30, value: 30}\n          - {date: 2026-12-31, value: 20}"}
    ),
    failing=benefit_block(
        replace={"- {date: 2026-12-31, value: 20}": "- {date: 2026-12-31, value: 30}\n          - {date: 2026-06-30, value: 20}"},
        mark="2026-06-30",
    ),
)
def date_order(ctx: Context) -> Iterator[Diagnostic]:
    """Dates are out of order.

    Targets are listed in strictly increasing date order (no two on one date) and come
    after the baseline date; a realisation window and the plan's period start on or
    before they end. A target dated on or before the benefit's realisation start is a
    warning: the benefit is planned to arise before its realisation begins, and the
    planned path does not hold the baseline until that start.
    """
    period = ctx.plan.plan.period
    if period is not None and _backwards(period):
        message = _("the plan period starts {start}, after it ends {end}", start=period.start, end=period.end)
        yield ctx.at((*period.path, "start"), message)
    for item in ctx.benefits():
        window = item.realisation
        if window is not None and _backwards(window):
            message = _(
                "the realisation of '{id}' starts {start}, after it ends {end}", id=item.id, start=window.start, end=window.end
            )
            yield ctx.at((*window.path, "start"), message)
    for owner, indicator in ctx.indicators():
        yield from _target_order(ctx, indicator, _start(owner.realisation))


def _start(window: Realisation | None) -> _dt.date | None:
    """The realisation start targets are held to; none when the window itself is backwards
    (that is reported at its start already)."""
    return None if window is None or _backwards(window) else window.start


def _target_order(ctx: Context, indicator: Indicator, start: _dt.date | None) -> Iterator[Diagnostic]:
    previous: _dt.date | None = None
    for target in indicator.targets:
        where = (*target.path, "date")
        if previous is not None and target.date < previous:
            message = _(
                "target dated {date} comes after one dated {previous}; list targets in date order",
                date=target.date,
                previous=previous,
            )
            yield ctx.at(where, message)
        elif target.date == previous:
            yield ctx.at(where, _("two targets are dated {date}; give each target its own date", date=target.date))
        elif indicator.baseline is not None and target.date <= indicator.baseline.date:
            message = _(
                "target dated {date} is not after the baseline date {baseline}",
                date=target.date,
                baseline=indicator.baseline.date,
            )
            yield ctx.at(where, message)
        elif start is not None and target.date <= start:
            message = _(
                "target dated {date} is not after the realisation start {start}; the benefit cannot be "
                "planned to arise before its realisation begins",
                date=target.date,
                start=start,
            )
            yield ctx.at(where, message).with_severity(Severity.WARNING)
        previous = max(previous or target.date, target.date)


def _backwards(window: Period | Realisation) -> bool:
    """The window starts after it ends."""
    return window.start is not None and window.end is not None and window.start > window.end


@rule(
    "measurement-before-baseline",
    severity=Severity.WARNING,
    passing=benefit_block(),
    failing=benefit_block(replace={"{date: 2026-09-30, value: 25}": "{date: 2024-09-30, value: 41}"}, mark="2024-09-30"),
)
def measurement_before_baseline(ctx: Context) -> Iterator[Diagnostic]:
    """A measurement is dated before the baseline.

    Follow-up measurements come after the baseline (nollmätning); an earlier value is
    either the baseline itself or belongs to a different series. A measurement on the
    baseline date may only repeat the baseline's value.
    """
    for _owner, indicator in ctx.indicators():
        base = indicator.baseline
        if base is None:
            continue
        for obs in ctx.doc.observations_of(indicator.id):
            if obs.date < base.date:
                message = _(
                    "measurement of '{id}' dated {date} is before the baseline date {baseline}",
                    id=indicator.id,
                    date=obs.date,
                    baseline=base.date,
                )
                yield ctx.at_observation(obs, "date", message)
            elif obs.date == base.date and obs.value != base.value:
                message = _(
                    "measurement of '{id}' on the baseline date {date} is {value}, not the baseline's {baseline}",
                    id=indicator.id,
                    date=base.date,
                    value=describe(obs.value),
                    baseline=describe(base.value),
                )
                yield ctx.at_observation(obs, "date", message)


@rule(
    "future-measurement",
    passing=benefit_block(),
    failing=benefit_block(
        replace={"{date: 2026-09-30, value: 25}": "{date: 2026-12-31, value: 22}"}, mark="2026-12-31, value: 22"
    ),
)
def future_measurement(ctx: Context) -> Iterator[Diagnostic]:
    """An actual measurement is dated after the as-of date.

    Actual values cannot come from the future; record expected values with
    `kind: forecast`. The as-of date is today unless `--as-of` says otherwise.
    """
    for _owner, indicator in ctx.indicators():
        for obs in ctx.doc.observations_of(indicator.id):
            if obs.is_actual and obs.date > ctx.as_of:
                message = _(
                    "actual measurement of '{id}' is dated {date}, after the as-of date {as_of}",
                    id=indicator.id,
                    date=obs.date,
                    as_of=ctx.as_of,
                )
                yield ctx.at_observation(obs, "date", message)


@rule(
    "duplicate-measurement",
    passing=benefit_block(),
    failing=benefit_block(
        replace={"- {date: 2026-09-30, value: 25}": "- {date: 2026-09-30, value: 25}\n          - {date: 2026-09-30, value: 24}"},
        mark="value: 24",
    ),
)
def duplicate_measurement(ctx: Context) -> Iterator[Diagnostic]:
    """Two actual measurements of one indicator share a date.

    Inline and CSV measurements are merged, so the same date in both counts too. The
    finding points at the second.
    """
    for _owner, indicator in ctx.indicators():
        seen: dict[_dt.date, float | str] = {}
        for obs in ctx.doc.observations_of(indicator.id):
            if not obs.is_actual:
                continue
            if obs.date in seen:
                message = _(
                    "'{id}' already has an actual measurement dated {date} ({first}); this one is {this}",
                    id=indicator.id,
                    date=obs.date,
                    first=_shown(seen[obs.date]),
                    this=_shown(obs.value),
                )
                yield ctx.at_observation(obs, "date", message)
            seen.setdefault(obs.date, obs.value)


@rule(
    "no-follow-up-after-close",
    severity=Severity.WARNING,
    passing=benefit_block(),
    failing=benefit_block(
        replace={"end: 2028-12-31": "end: 2025-10-31", "frequency: quarterly": "follow_up_dates: [2025-09-30]"},
        mark="- id: kortare-tid",
    ),
)
def no_follow_up_after_close(ctx: Context) -> Iterator[Diagnostic]:
    """A benefit is not followed up after the project closes.

    Most benefits arise after the project has ended (`plan.period.end`); each benefit
    needs follow-up that reaches past it: an indicator with a frequency within a
    realisation window that ends later, or a follow-up date after the close.
    """
    period = ctx.plan.plan.period
    if period is None or period.end is None:
        return
    close = period.end
    for item in ctx.benefits():
        window_end = item.realisation.end if item.realisation else None
        reaches = any(
            (ind.frequency is not None and (window_end is None or window_end > close))
            or any(day > close for day in ind.follow_up_dates)
            for ind in item.indicators
        )
        if not reaches and not ctx.doc.was_dropped((*item.path, "indicators")):
            yield ctx.at(item.path, _("benefit '{id}' has no follow-up after the project closes {date}", id=item.id, date=close))


@rule(
    "measurement-overdue",
    severity=Severity.WARNING,
    passing=benefit_block(),
    failing=benefit_block(replace={"{date: 2026-09-30, value: 25}": "{date: 2026-03-31, value: 31}"}, mark="- id: dagar"),
)
def measurement_overdue(ctx: Context) -> Iterator[Diagnostic]:
    """An indicator's next measurement is overdue.

    From the realise phase: the next measurement was due (the latest actual measurement
    plus the frequency's interval, or the next follow-up date) more than the grace period
    ago — 7 days for monthly, 21 for quarterly, 30 otherwise.
    """
    if ctx.plan.phase.rank < Phase.REALISE.rank:
        return
    for owner, indicator in ctx.indicators():
        if indicator.id in ctx.doc.unread_measurements:  # the measurements-file finding says why
            continue
        dates = [o.date for o in ctx.doc.observations_of(indicator.id) if o.is_actual and o.date <= ctx.as_of]
        due = next_due(owner, indicator, dates)
        if is_overdue(indicator, due, ctx.as_of):
            yield ctx.at(indicator.path, _("the next measurement of '{id}' was due {date}", id=indicator.id, date=due))


def _shown(value: float | str) -> str:
    return written(value) if isinstance(value, float) else f"'{value}'"
