"""`nytta status` for people: a table per plan (or a portfolio table), status spelled out.

Status is coloured on a terminal and always written as words, so the table reads the same
without colour (and with `NO_COLOR`). Under the table, each indicator's reason says what
decided its status. Words and numbers are those of the current language (`158 333`,
`91 %` in Swedish; `158,333`, `91%` in English); Swedish gets 200 columns instead of 160.
What the plan says goes in through :func:`~nytta.render.visible.markup`: cut to a line's
length, its control characters made visible and its ``[…]`` not read as rich's markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nytta.i18n import N_, _, language
from nytta.render.numbers import measure, percent
from nytta.render.visible import markup
from nytta.results.status import (
    BenefitStatus,
    DatedValue,
    IndicatorStatus,
    PlanStatus,
    Status,
    Trend,
    count_by_status,
    status_label,
    trend_label,
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


#: The most of a reason shown (it quotes the plan, whose values may be long).
REASON_LENGTH = 1000
#: The width the tables and reasons are laid out in: Swedish words are longer.
WIDTH = {"en": 160, "sv": 200}

#: The columns of a plan's table, shown through ``_()``; the first two are left-aligned.
PLAN_COLUMNS = (
    N_("Benefit / indicator"),
    N_("Status"),
    N_("Baseline"),
    N_("Target"),
    N_("Latest"),
    N_("Planned"),
    N_("Achievement"),
    N_("Progress"),
    N_("Forecast"),
    N_("Next due"),
)


def label(status: Status) -> str:
    """The status in words of the current language."""
    return status_label(status)


def render_status_text(statuses: list[PlanStatus], *, color: bool, width: int | None = None) -> str:
    """One detailed table per plan, or for several plans a portfolio table first."""
    lang = language()
    console = _console(color, width or WIDTH[lang])
    with console.capture() as capture:
        if len(statuses) > 1:
            console.print(_portfolio(statuses))
        else:
            for status in statuses:
                _plan(console, status, lang)
    return capture.get()


def _console(color: bool, width: int) -> Console:
    from rich.console import Console

    return Console(
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        soft_wrap=False,
    )


def _styled(status: Status) -> str:
    style = STYLE.get(status)
    return f"[{style}]{label(status)}[/]" if style else label(status)


def _portfolio(statuses: list[PlanStatus]) -> Table:
    from rich.table import Table

    table = Table(title=_("Benefit status as of {date}", date=statuses[0].as_of), title_justify="left")
    for column in (_("Plan / benefit"), _("Status"), _("Benefits by status"), _("Trend")):
        table.add_column(column)
    for plan in statuses:
        title = f"[bold]{markup(plan.id)}[/] {markup(plan.title)}"
        table.add_row(title, _styled(plan.status), _counts(plan.benefits), _trend_cell(plan.trend))
        for benefit in plan.benefits:
            table.add_row(f"  {markup(benefit.id)}", _styled(benefit.status), "", _trend_cell(benefit.trend))
    return table


def _trend_cell(trend: Trend | None) -> str:
    """The direction since the previous follow-up and the status then: ``better (at risk, 2026-09-30)``."""
    if trend is None:
        return "–"
    return f"{trend_label(trend.direction)} ({label(trend.previous_status)}, {trend.since})"


def _counts(benefits: tuple[BenefitStatus, ...]) -> str:
    counts = count_by_status(benefits)
    return ", ".join(f"{n} {label(s)}" for s, n in sorted(counts.items(), key=lambda kv: kv[0].value))


def _plan(console: Console, plan: PlanStatus, lang: str) -> None:
    from rich.table import Table

    on_track, at_risk = plan.thresholds
    title, reason = markup(plan.title), markup(plan.reason, REASON_LENGTH)
    console.print(f"[bold]{markup(plan.id)}[/] — {title}: {_styled(plan.status)} ({reason})")
    console.print(
        _(
            "as of {date}; on track ≥ {on_track}, at risk ≥ {at_risk} of planned improvement",
            date=plan.as_of,
            on_track=percent(on_track, lang),
            at_risk=percent(at_risk, lang),
        )
    )
    table = Table(show_lines=False)
    for position, column in enumerate(PLAN_COLUMNS):
        table.add_column(_(column), justify="left" if position < 2 else "right")
    for benefit in plan.benefits:
        kind = _(" (dis-benefit)") if benefit.polarity.value == "disbenefit" else ""
        table.add_row(f"[bold]{markup(benefit.id)}[/]{kind}", _styled(benefit.status), *[""] * 8)
        for indicator in benefit.indicators:
            table.add_row(*_indicator_row(indicator, lang))
    console.print(table)
    _trends(console, plan)
    for benefit in plan.benefits:
        for indicator in benefit.indicators:
            console.print(f"  {markup(indicator.id)}: {markup(indicator.reason, REASON_LENGTH)}")


def _trends(console: Console, plan: PlanStatus) -> None:
    """A line for the plan and each benefit: its status at the previous follow-up, now, and
    whether that is better, the same or worse."""
    if plan.trend is None:
        return
    console.print(_("Trend since the previous follow-up ({date}):", date=plan.trend.since))
    rows = [(plan.id, plan.status, plan.trend)] + [(b.id, b.status, b.trend) for b in plan.benefits]
    for name, now, trend in rows:
        if trend is not None:
            line = _(
                "{id}: {previous} → {now} ({direction})",
                id=markup(name),
                previous=label(trend.previous_status),
                now=label(now),
                direction=trend_label(trend.direction),
            )
            console.print(f"  {line}")


def _indicator_row(indicator: IndicatorStatus, lang: str) -> list[str]:
    def value(point: DatedValue | None) -> str:
        if point is None:
            return "–"
        v = point.value
        return measure(v, lang) if isinstance(v, float) else markup(str(v))

    due = str(indicator.next_due) if indicator.next_due else "–"
    if indicator.overdue:
        due += _(" OVERDUE")
    return [
        f"  {markup(indicator.id)} ({markup(indicator.unit)})",
        _styled(indicator.status),
        value(indicator.baseline),
        value(indicator.target),
        value(indicator.latest),
        measure(indicator.planned, lang),
        percent(indicator.achievement, lang),
        percent(indicator.progress, lang),
        measure(indicator.forecast, lang),
        due,
    ]
