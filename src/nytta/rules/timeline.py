"""Rules about dates: order of dates, measurements in time, follow-up after close, overdue."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.model.enums import Phase
from nytta.model.plan import Indicator, Period, Realisation
from nytta.model.schedule import is_overdue, next_due
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, describe, rule


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
    before they end.
    """
    period = ctx.plan.plan.period
    if period is not None:
        yield from _window(ctx, period, "the plan period")
    for item in ctx.benefits():
        if item.realisation is not None:
            yield from _window(ctx, item.realisation, f"the realisation of '{item.id}'")
    for _, indicator in ctx.indicators():
        yield from _target_order(ctx, indicator)


def _target_order(ctx: Context, indicator: Indicator) -> Iterator[Diagnostic]:
    previous: _dt.date | None = None
    for target in indicator.targets:
        where = (*target.path, "date")
        if previous is not None and target.date < previous:
            yield ctx.at(where, f"target dated {target.date} comes after one dated {previous}; list targets in date order")
        elif target.date == previous:
            yield ctx.at(where, f"two targets are dated {target.date}; give each target its own date")
        elif indicator.baseline is not None and target.date <= indicator.baseline.date:
            yield ctx.at(where, f"target dated {target.date} is not after the baseline date {indicator.baseline.date}")
        previous = max(previous or target.date, target.date)


def _window(ctx: Context, window: Period | Realisation, what: str) -> Iterator[Diagnostic]:
    start, end = window.start, window.end
    if start is not None and end is not None and start > end:
        yield ctx.at((*window.path, "start"), f"{what} starts {start}, after it ends {end}")


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
    for _, indicator in ctx.indicators():
        base = indicator.baseline
        if base is None:
            continue
        for obs in ctx.doc.observations_of(indicator.id):
            if obs.date < base.date:
                message = f"measurement of '{indicator.id}' dated {obs.date} is before the baseline date {base.date}"
                yield ctx.at_observation(obs, "date", message)
            elif obs.date == base.date and obs.value != base.value:
                message = (
                    f"measurement of '{indicator.id}' on the baseline date {base.date} is {describe(obs.value)}, "
                    f"not the baseline's {describe(base.value)}"
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
    for _, indicator in ctx.indicators():
        for obs in ctx.doc.observations_of(indicator.id):
            if obs.is_actual and obs.date > ctx.as_of:
                yield ctx.at_observation(
                    obs, "date", f"actual measurement of '{indicator.id}' is dated {obs.date}, after the as-of date {ctx.as_of}"
                )


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
    for _, indicator in ctx.indicators():
        seen: dict[_dt.date, float | str] = {}
        for obs in ctx.doc.observations_of(indicator.id):
            if not obs.is_actual:
                continue
            if obs.date in seen:
                first, this = _shown(seen[obs.date]), _shown(obs.value)
                yield ctx.at_observation(
                    obs,
                    "date",
                    f"'{indicator.id}' already has an actual measurement dated {obs.date} ({first}); this one is {this}",
                )
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
            yield ctx.at(item.path, f"benefit '{item.id}' has no follow-up after the project closes {close}")


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
            yield ctx.at(indicator.path, f"the next measurement of '{indicator.id}' was due {due}")


def _shown(value: float | str) -> str:
    return f"{value:g}" if isinstance(value, float) else f"'{value}'"
