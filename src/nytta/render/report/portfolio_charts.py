"""The portfolio report's three charts, from the plans' status and nyttokalkyl, in the report's language.

- benefits by status across the portfolio (one bar per status, worst first);
- planned and realised value to date per plan (two bars per plan);
- realised value per year, summed over the plans, up to the as-of year.

`bars` draws them; this module only gathers the figures and words.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from markupsafe import Markup

from nytta.render import numbers
from nytta.render.report.bars import BarData, Series, bar_chart, column_chart
from nytta.render.report.formatting import Formatter
from nytta.render.report.labels import TEXT
from nytta.results.followup import PlanSummary
from nytta.results.status import WORST_FIRST, PlanStatus, Status

#: Bar colours by status: dark enough for 3:1 against white, grouped like the status badges.
STATUS_COLOUR = {
    "on_track": "#1b5e20",
    "achieved": "#1b5e20",
    "at_risk": "#9a5b00",
    "off_track": "#8b1a1a",
    "missed": "#8b1a1a",
}
_OTHER = "#595959"
_PLANNED, _REALISED = "#00695c", "#1f4e9a"

Plans = Sequence[tuple[PlanStatus, PlanSummary]]


def charts(fmt: Formatter, plans: Plans, as_of: _dt.date) -> tuple[str, ...]:
    """The three charts as inline SVG markup; the value charts only when some plan has a calculation."""
    shown = [status_chart(fmt, plans)]
    if any(summary.calc is not None for _, summary in plans):
        shown += [value_chart(fmt, plans), year_chart(fmt, plans, as_of)]
    return tuple(shown)


def short_money(fmt: Formatter, value: float) -> str:
    """An amount short enough for a bar: `4,99 mnkr`, `313 tkr`; `SEK 4.99m`, `SEK 313k`."""
    size = abs(value)
    sv = fmt.lang == "sv"
    if size >= 1e6:
        figure = numbers.number(value / 1e6, fmt.lang, 2 if size < 1e7 else 1)
        return f"{figure}\u00a0mnkr" if sv else f"{fmt.currency} {figure}m"
    if size >= 1e4:
        figure = numbers.number(value / 1e3, fmt.lang)
        return f"{figure}\u00a0tkr" if sv else f"{fmt.currency} {figure}k"
    return fmt.money(value)


def status_chart(fmt: Formatter, plans: Plans) -> str:
    text = TEXT[fmt.lang]
    counts: dict[Status, int] = {}
    for status, _ in plans:
        for benefit in status.benefits:
            counts[benefit.status] = counts.get(benefit.status, 0) + 1
    order = [s for s in (*WORST_FIRST, Status.QUALITATIVE) if s in counts]
    labels = [fmt.status(s) for s in order]
    description = text["chart_status_desc"] + " " + ", ".join(f"{label}: {counts[s]}" for s, label in zip(order, labels))
    data = BarData(
        "portfolj-status",
        text["chart_status"],
        description,
        labels,
        [Series(text["benefits"], _OTHER)],
        [[float(counts[s])] for s in order],
        lambda v: numbers.number(v, fmt.lang),
        [STATUS_COLOUR.get(s.value, _OTHER) for s in order],
    )
    return Markup(bar_chart(data))


def value_chart(fmt: Formatter, plans: Plans) -> str:
    text = TEXT[fmt.lang]
    valued = [(summary.title, summary.calc) for _, summary in plans if summary.calc is not None]
    values = [[calc.planned_to_date, calc.realised_to_date] for _, calc in valued]
    described = "; ".join(
        f"{title}: {fmt.money(calc.planned_to_date)} / {fmt.money(calc.realised_to_date)}" for title, calc in valued
    )
    data = BarData(
        "portfolj-varde",
        text["chart_plans"],
        f"{text['chart_plans_desc']} {text['planned']} / {text['realised_to_date'].lower()}: {described}.",
        [title for title, _ in valued],
        [Series(text["planned_to_date"], _PLANNED, hollow=True), Series(text["realised_to_date"], _REALISED)],
        values,
        lambda v: short_money(fmt, v),
    )
    return Markup(bar_chart(data))


def year_chart(fmt: Formatter, plans: Plans, as_of: _dt.date) -> str:
    text = TEXT[fmt.lang]
    totals: dict[int, float] = {}
    for _, summary in plans:
        for year, value in (summary.calc.realised if summary.calc is not None else {}).items():
            if year <= as_of.year:
                totals[year] = totals.get(year, 0.0) + value
    points = [(str(year), totals[year]) for year in sorted(totals)]
    described = ", ".join(f"{year}: {fmt.money(value)}" for year, value in points)
    return Markup(
        column_chart(
            "portfolj-ar",
            text["chart_years"],
            f"{text['chart_years_desc']} {described}.",
            points,
            lambda v: short_money(fmt, v),
        )
    )
