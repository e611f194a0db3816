"""`nytta calc` for people: the nyttokalkyl as a table by year with totals, and its key figures.

Under them, Inera's result measures of the likely scenario (net benefit per invested krona
and its band in words, the payback year or "never", each category's share of the benefits);
for a plan with ranged estimates the three scenarios side by side and the sensitivity
analysis, largest swing first; the benefits' value by recipient (stakeholder and stakeholder
category); the staff time redeployment benefits release, in hours and full-time equivalents;
and the benefits not valued in money, with their size.

Words and numbers are those of the current language (`27 774 945 kr` in Swedish,
`SEK 27,774,945` in English). The rows' labels are shared with the CSV form. What the plan
says (its id, currency, categories, names, the rate's source) goes in through
:func:`~nytta.render.visible.markup`, or :func:`shown` where it is part of a longer line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nytta.i18n import N_, _, language
from nytta.render.numbers import NBSP, measure, money, number, percent, ratio
from nytta.render.visible import clipped, markup, visible
from nytta.results.calc import UNASSIGNED, Calculation, Scenario, Sensitivity

if TYPE_CHECKING:
    from rich.table import Table

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
        for part in sections(result, lang):
            console.print(part)
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
            "Discount rate {rate} a year (source: {source}), base year {base_year}.",
            rate=rate(result.discount_rate, lang),
            source=shown(result.rate_source),
            base_year=result.base_year,
        )
        if result.rate_source
        else _(
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


# -- under the key figures: Inera's measures, scenarios, sensitivity, recipients, time ------

#: Inera's bands of net benefit per invested krona (``results.calc.BANDS``), in words.
BAND_LABELS = {
    "negative": N_("the change costs more than it gives"),
    "zero": N_("the change breaks even: its benefits equal its costs"),
    "low": N_("the change gives more than it costs"),
    "high": N_("the change gives clearly more than it costs (0.50 or more per krona invested)"),
}
#: The scenarios' column heads, in the order of ``results.calc.SCENARIOS``.
SCENARIO_LABELS = {"low": N_("Low"), "likely": N_("Likely"), "high": N_("High")}
#: The scenario table's rows: key (the CSV's English label) and words for people.
SCENARIO_ROWS = (
    ("scenario_benefits", N_("Benefits (present value)")),
    ("scenario_costs", N_("Costs (present value)")),
    ("scenario_npv", N_("Net present value")),
    ("scenario_benefit_cost_ratio", N_("Benefit–cost ratio")),
    ("scenario_net_benefit_per_krona", N_("Net benefit per invested krona")),
    ("scenario_payback_year", N_("Payback year")),
)
#: The estimate a sensitivity row varies, after the id of its benefit or cost.
FIELD_LABELS = {
    "unit_value": N_("value per unit (unit_value)"),
    "monthly_salary": N_("monthly salary (unit_value: monthly_salary)"),
    "volume": N_("volume"),
    "attribution": N_("attribution"),
    "amounts": N_("amounts"),
}
#: A benefit category as a word in a sentence.
CATEGORY_WORDS = {
    "financial": N_("financial benefit"),
    "redeployment": N_("redeployment benefit"),
    "quality": N_("quality benefit"),
    "environment": N_("environmental benefit"),
    "uncategorised": N_("uncategorised"),
}
STAKEHOLDER_CATEGORY_WORDS = {
    "citizens": N_("citizens"),
    "businesses": N_("businesses"),
    "own_organisation": N_("own organisation"),
    "other_public": N_("other public body"),
    "society": N_("society"),
}
#: A benefit not valued in money, with its size (``None``: none given).
SIZE_LINES = {
    "small": N_("{benefit}: small"),
    "moderate": N_("{benefit}: moderate"),
    "large": N_("{benefit}: large"),
    None: N_("{benefit}: no size given"),
}


def shown(text: str | None) -> str:
    """Plan text to be part of a longer line: cut, and its control characters made visible
    (the line goes through :func:`markup` as a whole)."""
    return "" if text is None else visible(clipped(text))


def sections(result: Calculation, lang: str) -> list[str | Table]:
    """What follows the key figures, each part for ``console.print`` (text already safe for
    rich's markup), a blank line before each section."""
    parts: list[str | Table] = []
    for section in (
        measures(result, lang),
        _scenario_table(result, lang),
        _sensitivity_table(result, lang),
        recipients(result, lang),
        _released_time(result, lang),
        unvalued(result),
    ):
        if section:
            parts.append("")
            parts += [_figure(part) if isinstance(part, str) else part for part in section]
    return parts


def band_words(scenario: Scenario, lang: str) -> str:
    """``0,42 – förändringen ger mer än den kostar``, or that there are no costs to divide by."""
    if scenario.net_benefit_per_krona is None or scenario.band is None:
        return _("none (no costs)")
    band = _(BAND_LABELS[scenario.band]) if scenario.band in BAND_LABELS else scenario.band
    return f"{per_krona(scenario, lang)} – {band}"


def per_krona(scenario: Scenario, lang: str) -> str:
    """Net benefit per invested krona to two decimals, or to as many more (up to five) as it
    takes for the figure shown to lie in its band (``0,004`` is above zero, ``0,496`` below
    0,50); zero as ``0,00``."""
    value = scenario.net_benefit_per_krona
    if value is None:
        return ratio(None, lang)
    if scenario.band == "zero":
        return ratio(0.0, lang)
    decimals = 2
    while decimals < 5 and not _in_band(round(value, decimals), scenario.band):
        decimals += 1
    return number(value, lang, decimals)


def _in_band(value: float, band: str | None) -> bool:
    return {"negative": value < 0, "low": 0 < value < 0.5, "high": value >= 0.5}.get(band or "", True)


def year_or_never(year: int | None) -> str:
    return _("never") if year is None else str(year)


def measures(result: Calculation, lang: str) -> list[str]:
    """Inera's result measures of the likely scenario."""
    likely = result.likely
    lines = []
    if likely is not None:
        lines += [
            _("Net benefit per invested krona: {value}", value=band_words(likely, lang)),
            _("Payback year: {year}", year=year_or_never(likely.payback_year)),
        ]
    if result.category_shares:
        shares = ", ".join(f"{_category_word(name)} {percent(share, lang)}" for name, share in result.category_shares.items())
        lines.append(_("Share of the benefits' present value by category: {shares}", shares=shares))
    return [_("Result measures after Inera's model (likely scenario):"), *("  " + line for line in lines)] if lines else []


def _category_word(name: str) -> str:
    return _(CATEGORY_WORDS[name]) if name in CATEGORY_WORDS else shown(name)


def _table() -> Table:
    from rich.table import Table

    return Table()


def _scenario_table(result: Calculation, lang: str) -> list[str | Table]:
    if not result.ranged or not result.scenarios:
        return []
    title = _("Scenarios: every estimate at its low, likely or high value ({currency})", currency=shown(result.currency))
    table = _table()
    table.add_column("")
    for scenario in result.scenarios:
        name = scenario.name
        table.add_column(_(SCENARIO_LABELS[name]) if name in SCENARIO_LABELS else markup(name), justify="right")
    cells = {
        "scenario_benefits": [number(s.benefits, lang) for s in result.scenarios],
        "scenario_costs": [number(s.costs, lang) for s in result.scenarios],
        "scenario_npv": [number(s.npv, lang) for s in result.scenarios],
        "scenario_benefit_cost_ratio": [ratio(s.benefit_cost_ratio, lang) for s in result.scenarios],
        "scenario_net_benefit_per_krona": [per_krona(s, lang) for s in result.scenarios],
        "scenario_payback_year": [year_or_never(s.payback_year) for s in result.scenarios],
    }
    for key, label in SCENARIO_ROWS:
        table.add_row(markup(_(label)), *(markup(cell) for cell in cells[key]))
    note = _("Low sets the lowest benefits against the lowest costs, high the highest against the highest.")
    return [title, table, note]


def input_label(row: Sensitivity, result: Calculation) -> str:
    """``kortare-handlaggning: värde per enhet (unit_value)`` (plan text made visible, not escaped)."""
    return f"{shown(row.id)}: {_(FIELD_LABELS[row.field]) if row.field in FIELD_LABELS else shown(row.field)}"


def _sensitivity_table(result: Calculation, lang: str) -> list[str | Table]:
    if not result.ranged or not result.sensitivity:
        return []
    title = _(
        "Sensitivity: the net present value (NPV) with one estimate at a time at its low or high value,"
        " every other likely ({currency})",
        currency=shown(result.currency),
    )
    table = _table()
    for head in (_("Estimate"), _("Low"), _("High"), _("NPV at low"), _("NPV at high"), _("Swing")):
        table.add_column(head, justify="left" if not table.columns else "right")
    for row in result.sensitivity:
        table.add_row(
            markup(input_label(row, result), 1000),
            measure(row.low, lang),
            measure(row.high, lang),
            number(row.npv_low, lang),
            number(row.npv_high, lang),
            number(row.swing, lang),
        )
    return [title, table, _("Largest swing first.")]


def recipients(result: Calculation, lang: str) -> list[str]:
    """The benefits' present value by recipient: stakeholder, then stakeholder category."""
    if not result.value_by_stakeholder and not result.value_by_stakeholder_category:
        return []
    currency = result.currency
    lines = [_("The benefits' present value by recipient (likely scenario):")]
    for key, value in result.value_by_stakeholder.items():
        name = _("not assigned") if key == UNASSIGNED else shown(result.stakeholder_names.get(key, key))
        lines.append(f"  {name}: {money(value, lang, currency)}")
    if result.value_by_stakeholder_category:
        lines.append(_("By stakeholder category:"))
    for key, value in result.value_by_stakeholder_category.items():
        if key == UNASSIGNED:
            name = _("not assigned")
        else:
            name = _(STAKEHOLDER_CATEGORY_WORDS[key]) if key in STAKEHOLDER_CATEGORY_WORDS else shown(key)
        lines.append(f"  {name}: {money(value, lang, currency)}")
    return lines


def _released_time(result: Calculation, lang: str) -> list[str | Table]:
    if not result.released_time:
        return []
    heading = _(
        "Released staff time (likely scenario; {hours} hours per full-time equivalent):",
        hours=measure(result.hours_per_fte, lang),
    )
    table = _table()
    table.add_column(_("Benefit"))
    table.add_column("")
    for year in result.years:
        table.add_column(str(year), justify="right")
    notes = []
    for row in result.released_time:
        table.add_row(
            markup(row.name or row.benefit),
            _("hours"),
            *(number(row.hours.get(year), lang) for year in result.years),
        )
        table.add_row("", _("full-time equivalents"), *(number(row.fte.get(year), lang, 1) for year in result.years))
        if row.hourly_cost is not None and row.monthly_salary is not None:
            notes.append(
                _(
                    "{benefit}: hourly cost {hourly} = monthly salary {salary} / ({hours} / 12) × {factor}",
                    benefit=shown(row.name or row.benefit),
                    hourly=money(row.hourly_cost, lang, result.currency, 2),
                    salary=money(row.monthly_salary, lang, result.currency),
                    hours=measure(result.hours_per_fte, lang),
                    factor=measure(1 + result.employer_contributions, lang),
                )
            )
    return [heading, table, *notes]


def unvalued(result: Calculation) -> list[str]:
    """The benefits not valued in money, each with its category and size."""
    if not result.unvalued:
        return []
    lines = [_("Benefits not valued in money:")]
    for row in result.unvalued:
        details = [_category_word(row.category)] if row.category else []
        if row.polarity == "disbenefit":
            details.append(_("dis-benefit"))
        benefit = shown(row.name or row.benefit) + (f" ({', '.join(details)})" if details else "")
        lines.append("  " + _(SIZE_LINES.get(row.size, SIZE_LINES[None]), benefit=benefit))
    return lines
