"""`nytta calc` for people: the nyttokalkyl as a table by year with totals, and its key figures."""

from __future__ import annotations

from nytta.render.numbers import money, number, ratio
from nytta.results.calc import Calculation

CATEGORY_LABELS = {
    "financial": "financial (budget)",
    "redeployment": "redeployment",
    "quality": "quality",
    "environment": "environment",
    "uncategorised": "uncategorised",
}


def calc_rows(result: Calculation) -> list[tuple[str, dict[int, float], bool]]:
    """(label, values by year, whether the row is a total) in the order the table shows them."""
    rows: list[tuple[str, dict[int, float], bool]] = []
    for name, values in result.benefits_by_category.items():
        if any(values.values()):
            rows.append((f"  benefits: {CATEGORY_LABELS.get(name, name)}", values, False))
    rows.append(("Benefits", result.benefits, True))
    for name, values in result.costs_by_kind.items():
        if any(values.values()):
            rows.append((f"  costs: {name}", values, False))
    rows.append(("Costs", result.costs, True))
    rows.append(("Net", result.net, True))
    rows.append(("Discounted net", result.discounted_net, True))
    return rows


def render_calc_text(result: Calculation, *, color: bool, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    console = Console(
        color_system="standard" if color else None, force_terminal=color, no_color=not color, width=width or 160, highlight=False
    )
    table = Table(title=f"Nyttokalkyl {result.plan} ({result.currency})", title_justify="left")
    table.add_column("")
    for year in result.years:
        table.add_column(str(year), justify="right")
    table.add_column("Total", justify="right")
    for label, values, total in calc_rows(result):
        cells = [number(values[y]) for y in result.years] + [number(sum(values.values()))]
        table.add_row(f"[bold]{label}[/]" if total else label, *cells)
    with console.capture() as capture:
        console.print(table)
        for line in _key_figures(result):
            console.print(line)
    return capture.get()


def _key_figures(result: Calculation) -> list[str]:
    none = "none within the period"
    return [
        f"Net present value (nettonuvärde): {money(result.npv, currency=result.currency)}",
        f"Benefit–cost ratio: {ratio(result.benefit_cost_ratio) if result.benefit_cost_ratio is not None else 'none (no costs)'}",
        f"Payback year: {result.payback_year or none}; discounted: {result.discounted_payback_year or none}",
        f"Realised value to date ({result.as_of}): {money(result.realised_to_date, currency=result.currency)}",
        f"Discount rate {result.discount_rate * 100:g}% a year, base year {result.base_year}.",
        "Only financial benefits change budgets; redeployment, quality and environment benefits",
        "are valued in money but free no budget.",
    ]
