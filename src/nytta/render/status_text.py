"""`nytta status` for people: a table per plan (or a portfolio table), status spelled out.

Status is coloured on a terminal and always written as words, so the table reads the same
without colour (and with `NO_COLOR`). Under the table, each indicator's reason says what
decided its status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nytta.render.numbers import measure, percent
from nytta.results.status import (
    BenefitStatus,
    DatedValue,
    IndicatorStatus,
    PlanStatus,
    Status,
    count_by_status,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

STYLE = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "bold red",
    Status.MISSED: "bold red",
}


def label(status: Status) -> str:
    return status.value.replace("_", " ")


def render_status_text(statuses: list[PlanStatus], *, color: bool, width: int | None = None) -> str:
    """One detailed table per plan, or for several plans a portfolio table first."""
    console = _console(color, width)
    with console.capture() as capture:
        if len(statuses) > 1:
            console.print(_portfolio(statuses))
        else:
            for status in statuses:
                _plan(console, status)
    return capture.get()


def _console(color: bool, width: int | None) -> Console:
    from rich.console import Console

    return Console(
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        width=width or 160,
        highlight=False,
        soft_wrap=False,
    )


def _styled(status: Status) -> str:
    style = STYLE.get(status)
    return f"[{style}]{label(status)}[/]" if style else label(status)


def _portfolio(statuses: list[PlanStatus]) -> Table:
    from rich.table import Table

    table = Table(title=f"Benefit status as of {statuses[0].as_of}", title_justify="left")
    for column in ("Plan / benefit", "Status", "Benefits by status"):
        table.add_column(column)
    for plan in statuses:
        table.add_row(f"[bold]{plan.id}[/] {plan.title}", _styled(plan.status), _counts(plan.benefits))
        for benefit in plan.benefits:
            table.add_row(f"  {benefit.id}", _styled(benefit.status), "")
    return table


def _counts(benefits: tuple[BenefitStatus, ...]) -> str:
    counts = count_by_status(benefits)
    return ", ".join(f"{n} {label(s)}" for s, n in sorted(counts.items(), key=lambda kv: kv[0].value))


def _plan(console: Console, plan: PlanStatus) -> None:
    from rich.table import Table

    on_track, at_risk = plan.thresholds
    console.print(f"[bold]{plan.id}[/] — {plan.title}: {_styled(plan.status)} ({plan.reason})")
    console.print(f"as of {plan.as_of}; on track ≥ {percent(on_track)}, at risk ≥ {percent(at_risk)} of planned improvement")
    table = Table(show_lines=False)
    for column in (
        "Benefit / indicator",
        "Status",
        "Baseline",
        "Target",
        "Latest",
        "Planned",
        "Achievement",
        "Progress",
        "Forecast",
        "Next due",
    ):
        table.add_column(column, justify="left" if column in ("Benefit / indicator", "Status") else "right")
    for benefit in plan.benefits:
        kind = " (dis-benefit)" if benefit.polarity.value == "disbenefit" else ""
        table.add_row(f"[bold]{benefit.id}[/]{kind}", _styled(benefit.status), *[""] * 8)
        for indicator in benefit.indicators:
            table.add_row(*_indicator_row(indicator))
    console.print(table)
    for benefit in plan.benefits:
        for indicator in benefit.indicators:
            console.print(f"  {indicator.id}: {indicator.reason}")


def _indicator_row(indicator: IndicatorStatus) -> list[str]:
    def value(point: DatedValue | None) -> str:
        if point is None:
            return "–"
        v = point.value
        return measure(v) if isinstance(v, float) else str(v)

    due = str(indicator.next_due) if indicator.next_due else "–"
    if indicator.overdue:
        due += " OVERDUE"
    return [
        f"  {indicator.id} ({indicator.unit})",
        _styled(indicator.status),
        value(indicator.baseline),
        value(indicator.target),
        value(indicator.latest),
        measure(indicator.planned),
        percent(indicator.achievement),
        percent(indicator.progress),
        measure(indicator.forecast),
        due,
    ]
