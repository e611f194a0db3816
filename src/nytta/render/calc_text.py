"""`nytta calc` for people: the nyttokalkyl as a table by year with totals, and its key figures.

Words and numbers are those of the current language (`27 774 945 kr` in Swedish,
`SEK 27,774,945` in English). The rows' labels are shared with the CSV form. What the plan
says (its id, currency, categories) goes in through :func:`~nytta.render.visible.markup`.
"""

from __future__ import annotations

from nytta.i18n import N_, _, language
from nytta.render.numbers import NBSP, money, number, ratio
from nytta.render.visible import markup
from nytta.results.calc import Calculation

#: The rows of the benefit categories and cost kinds, shown through ``_()``.
CATEGORY_LABELS = {
    "financial": N_("benefits: financial (budget)"),
    "redeployment": N_("benefits: redeployment"),
    "quality": N_("benefits: quality"),
    "environment": N_("benefits: environment"),
    "uncategorised": N_("benefits: uncategorised"),
}
COST_LABELS = {
    "investment": N_("costs: investment"),
    "running": N_("costs: running"),
    "decommissioning": N_("costs: decommissioning"),
}


def calc_rows(result: Calculation) -> list[tuple[str, dict[int, float], bool]]:
    """(label, values by year, whether the row is a total) in the order the table shows them,
    labels in the current language."""
    rows: list[tuple[str, dict[int, float], bool]] = []
    for name, values in result.benefits_by_category.items():
        if any(values.values()):
            label = _(CATEGORY_LABELS[name]) if name in CATEGORY_LABELS else _("benefits: {category}", category=name)
            rows.append(("  " + label, values, False))
    rows.append((_("Benefits"), result.benefits, True))
    for name, values in result.costs_by_kind.items():
        if any(values.values()):
            label = _(COST_LABELS[name]) if name in COST_LABELS else _("costs: {kind}", kind=name)
            rows.append(("  " + label, values, False))
    rows.append((_("Costs"), result.costs, True))
    rows.append((_("Net"), result.net, True))
    rows.append((_("Discounted net"), result.discounted_net, True))
    return rows


def render_calc_text(result: Calculation, *, color: bool, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    lang = language()
    console = Console(
        color_system="standard" if color else None, force_terminal=color, no_color=not color, width=width or 160, highlight=False
    )
    table = Table(title=f"Nyttokalkyl {markup(result.plan)} ({markup(result.currency)})", title_justify="left")
    table.add_column("")
    for year in result.years:
        table.add_column(str(year), justify="right")
    table.add_column(_("Total"), justify="right")
    for label, values, total in calc_rows(result):
        cells = [number(values[y], lang) for y in result.years] + [number(sum(values.values()), lang)]
        table.add_row(f"[bold]{markup(label)}[/]" if total else markup(label), *cells)
    with console.capture() as capture:
        console.print(table)
        for line in key_figures(result, lang):
            console.print(_figure(line))
    return capture.get()


def _figure(line: str) -> str:
    """A key figure's line (its currency is the plan's) for rich, each of its lines as written."""
    return "\n".join(markup(part, 1000) for part in line.split("\n"))


def key_figures(result: Calculation, lang: str) -> list[str]:
    """The lines under the table: net present value, ratio, payback, realised value, the rate."""
    none = _("none within the period")
    currency = result.currency
    shown_ratio = ratio(result.benefit_cost_ratio, lang) if result.benefit_cost_ratio is not None else _("none (no costs)")
    return [
        _("Net present value (nettonuvärde): {amount}", amount=money(result.npv, lang, currency)),
        _("Benefit–cost ratio: {ratio}", ratio=shown_ratio),
        _(
            "Payback year: {payback}; discounted: {discounted}",
            payback=result.payback_year or none,
            discounted=result.discounted_payback_year or none,
        ),
        _(
            "Realised value to date ({date}): {amount}",
            date=result.as_of,
            amount=money(result.realised_to_date, lang, currency),
        ),
        _(
            "Discount rate {rate} a year, base year {base_year}.",
            rate=rate(result.discount_rate, lang),
            base_year=result.base_year,
        ),
        _(
            "Only financial benefits change budgets; redeployment, quality and environment benefits\n"
            "are valued in money but free no budget."
        ),
    ]


def rate(value: float, lang: str) -> str:
    """The discount rate as a percentage with the decimals it has: `3%`, `3,5 %`."""
    text = f"{value * 100:g}"
    return f"{text.replace('.', ',')}{NBSP}%" if lang == "sv" else f"{text}%"
