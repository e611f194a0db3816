"""The nyttokalkyl section of a plan report, as Swedish analysts make it after Inera's method.

From the plan's :class:`~nytta.results.calc.Calculation` only (no figure is computed here,
only formatted): the yearly table; the likely scenario's result measures — total net
benefit (sammanlagd nettonytta), net benefit per invested krona with its band in words,
the payback year or "aldrig" — with the benefits not valued in money beside them; the
rate with its source and how an hourly cost was worked out from a monthly salary; the
category shares; for a plan with ranges the three scenarios and the sensitivity analysis
(a tornado chart and the same figures as a table); value by recipient; released time.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from nytta.render import numbers
from nytta.render.report.benefits import Row
from nytta.render.report.formatting import Formatter
from nytta.render.report.labels import CATEGORY, COST_KIND, SIZE, STAKEHOLDER, TEXT
from nytta.render.report.tornado import TornadoBar, TornadoText, tornado_chart
from nytta.results.calc import SCENARIOS, UNASSIGNED, Calculation, Scenario, Sensitivity


@dataclass(frozen=True)
class SensitivityView:
    """The tornado chart (inline SVG) and its figures as a table (input; low, likely, high,
    NPV at low, NPV at high, swing), in the same order: largest swing first."""

    svg: str
    rows: tuple[Row, ...]
    caption: str


@dataclass(frozen=True)
class ReleasedView:
    """One benefit's released time: hours and full-time equivalents per year."""

    name: str
    hours: tuple[str, ...]
    fte: tuple[str, ...]


@dataclass(frozen=True)
class CalcView:
    years: tuple[str, ...]
    rows: tuple[Row, ...]
    key_figures: tuple[Row, ...]  # the likely scenario's result measures
    note: str  # the rate with its source, base year, currency; only financial benefits free budget
    caption: str
    hourly_costs: tuple[str, ...] = ()  # how each hourly cost was worked out from a monthly salary
    shares: tuple[Row, ...] = ()  # category; share of the benefits' present value
    unvalued: tuple[Row, ...] = ()  # benefit (a dis-benefit says so); category, size
    scenario_names: tuple[str, ...] = ()  # Lägst, Troligt, Högst, when the plan has ranges
    scenarios: tuple[Row, ...] = ()  # measure; a cell per scenario
    scenarios_caption: str = ""
    sensitivity: SensitivityView | None = None
    by_stakeholder: tuple[Row, ...] = ()  # stakeholder; present value
    by_stakeholder_category: tuple[Row, ...] = ()
    recipient_captions: tuple[str, str] = ("", "")
    released_years: tuple[str, ...] = ()
    released: tuple[ReleasedView, ...] = ()
    released_note: str = ""


def calc_view(fmt: Formatter, calc: Calculation, plan_id: str = "") -> CalcView:
    """The whole section in the formatter's language."""
    text = TEXT[fmt.lang]
    likely = calc.likely
    names = tuple(text[f"scenario_{name}"] for name in SCENARIOS) if calc.ranged and len(calc.scenarios) == 3 else ()
    by_stakeholder, by_category = _recipients(fmt, calc)
    released_years, released = _released(fmt, calc)
    return CalcView(
        years=tuple(str(y) for y in calc.years),
        rows=_yearly_rows(fmt, calc),
        key_figures=_measures(fmt, calc, likely),
        note=_note(fmt, calc),
        caption=text["calc_caption"].format(currency=calc.currency),
        hourly_costs=_hourly_costs(fmt, calc),
        shares=tuple(Row(CATEGORY[fmt.lang].get(k, k), (fmt.percent(v),)) for k, v in calc.category_shares.items()),
        unvalued=_unvalued(fmt, calc),
        scenario_names=names,
        scenarios=_scenario_rows(fmt, calc.scenarios) if names else (),
        scenarios_caption=text["scenarios_caption"].format(currency=calc.currency) if names else "",
        sensitivity=_sensitivity(fmt, calc, plan_id) if calc.ranged and calc.sensitivity else None,
        by_stakeholder=by_stakeholder,
        by_stakeholder_category=by_category,
        recipient_captions=(
            text["by_stakeholder_caption"].format(currency=calc.currency),
            text["by_stakeholder_category_caption"].format(currency=calc.currency),
        ),
        released_years=released_years,
        released=released,
        released_note=text["released_note"].format(hours=fmt.number(calc.hours_per_fte)) if released else "",
    )


def _yearly_rows(fmt: Formatter, calc: Calculation) -> tuple[Row, ...]:
    text, lang, years = TEXT[fmt.lang], fmt.lang, calc.years

    def row(label: str, values: dict[int, float], total: bool = False) -> Row:
        cells = (*tuple(fmt.amount(values[y]) for y in years), fmt.amount(sum(values.values())))
        return Row(label, cells, total)

    rows = [row(CATEGORY[lang].get(k, k), v) for k, v in calc.benefits_by_category.items() if any(v.values())]
    rows.append(row(text["calc_benefits"], calc.benefits, True))
    rows += [row(COST_KIND[lang][k], v) for k, v in calc.costs_by_kind.items() if any(v.values())]
    rows += [row(text["calc_costs"], calc.costs, True), row(text["calc_net"], calc.net, True)]
    rows.append(row(text["calc_discounted"], calc.discounted_net, True))
    return tuple(rows)


def _payback(year: int | None, text: dict[str, str]) -> str:
    return str(year) if year is not None else text["payback_never"]


def _per_krona(fmt: Formatter, scenario: Scenario, short: bool) -> str:
    """Net benefit per invested krona with its band in words (short: the band's name only)."""
    text = TEXT[fmt.lang]
    if scenario.net_benefit_per_krona is None:
        return text["net_per_krona_none"]
    value = fmt.ratio(scenario.net_benefit_per_krona)
    if scenario.band is None:
        return value
    band = text[f"band_short_{scenario.band}"] if short else text[f"band_{scenario.band}"]
    return text["net_per_krona_value"].format(value=value, band=band)


def _measures(fmt: Formatter, calc: Calculation, likely: Scenario | None) -> tuple[Row, ...]:
    """Inera's result measures of the likely scenario, then the realised value to date."""
    text = TEXT[fmt.lang]
    rows = [Row(text["total_net_benefit"], (fmt.money(calc.npv),))]
    if likely is not None:
        rows.append(Row(text["net_benefit_per_krona"], (_per_krona(fmt, likely, short=False),)))
    rows += [
        Row(text["benefit_cost_ratio"], (fmt.ratio(calc.benefit_cost_ratio),)),
        Row(text["payback"], (_payback(calc.payback_year, text),)),
        Row(text["realised_to_date"], (fmt.money(calc.realised_to_date),)),
    ]
    return tuple(rows)


def _note(fmt: Formatter, calc: Calculation) -> str:
    text = TEXT[fmt.lang]
    source = text["rate_source"].format(source=calc.rate_source.strip()) if calc.rate_source and calc.rate_source.strip() else ""
    return text["calc_note"].format(
        rate=fmt.rate(calc.discount_rate), source=source, base_year=calc.base_year, currency=calc.currency
    )


def _hourly_costs(fmt: Formatter, calc: Calculation) -> tuple[str, ...]:
    """A sentence per benefit whose hourly cost was worked out from a monthly salary."""
    text = TEXT[fmt.lang]
    return tuple(
        text["hourly_cost_note"].format(
            name=row.name,
            hourly=numbers.money(row.hourly_cost, fmt.lang, fmt.currency, 2),
            salary=fmt.money(row.monthly_salary),
            per_month=numbers.number(calc.hours_per_fte / 12, fmt.lang, 2),
            hours=fmt.number(calc.hours_per_fte),
            factor=numbers.number(1 + calc.employer_contributions, fmt.lang, 2),
            contributions=fmt.percent(calc.employer_contributions),
        )
        for row in calc.released_time
        if row.monthly_salary is not None and row.hourly_cost is not None
    )


def _unvalued(fmt: Formatter, calc: Calculation) -> tuple[Row, ...]:
    text = TEXT[fmt.lang]
    return tuple(
        Row(
            text["unvalued_disbenefit"].format(name=item.name) if item.polarity == "disbenefit" else item.name,
            (
                CATEGORY[fmt.lang].get(item.category or "uncategorised", item.category or ""),
                SIZE[fmt.lang].get(item.size, item.size) if item.size else text["size_none"],
            ),
        )
        for item in calc.unvalued
    )


def _scenario_rows(fmt: Formatter, scenarios: tuple[Scenario, ...]) -> tuple[Row, ...]:
    text = TEXT[fmt.lang]
    return (
        Row(text["pv_benefits"], tuple(fmt.amount(s.benefits) for s in scenarios)),
        Row(text["pv_costs"], tuple(fmt.amount(s.costs) for s in scenarios)),
        Row(text["total_net_benefit"], tuple(fmt.amount(s.npv) for s in scenarios), True),
        Row(text["benefit_cost_ratio"], tuple(fmt.ratio(s.benefit_cost_ratio) for s in scenarios)),
        Row(text["net_benefit_per_krona"], tuple(_per_krona(fmt, s, short=True) for s in scenarios)),
        Row(text["payback"], tuple(_payback(s.payback_year, text) for s in scenarios)),
    )


def _field(fmt: Formatter, row: Sensitivity) -> str:
    return TEXT[fmt.lang].get(f"field_{row.field}", row.field)


def _input_name(fmt: Formatter, row: Sensitivity) -> str:
    return TEXT[fmt.lang]["input_name"].format(name=row.name, field=_field(fmt, row))


def _input_value(fmt: Formatter, row: Sensitivity, value: float) -> str:
    if row.field == "attribution":
        return fmt.percent(value)
    if row.field == "amounts":
        return fmt.amount(value)
    return fmt.number(value)


def _sensitivity(fmt: Formatter, calc: Calculation, plan_id: str) -> SensitivityView:
    text = TEXT[fmt.lang]
    npv = fmt.money(calc.npv)
    rows = tuple(
        Row(
            _input_name(fmt, row),
            (
                _input_value(fmt, row, row.low),
                _input_value(fmt, row, row.likely),
                _input_value(fmt, row, row.high),
                fmt.amount(row.npv_low),
                fmt.amount(row.npv_high),
                fmt.amount(row.swing),
            ),
        )
        for row in calc.sensitivity
    )
    words = TornadoText(
        title=text["sensitivity_title"],
        description=text["sensitivity_desc"].format(npv=npv),
        low=text["sensitivity_low_legend"],
        high=text["sensitivity_high_legend"],
        centre=text["sensitivity_centre"].format(npv=npv),
        axis=text["sensitivity_axis"].format(currency=calc.currency),
    )
    bars = [TornadoBar(row.name, row.npv_low, row.npv_high, _field(fmt, row)) for row in calc.sensitivity]
    svg = tornado_chart(f"tornado-{plan_id or calc.plan}", words, bars, calc.npv, fmt.amount)
    caption = text["sensitivity_caption"].format(currency=calc.currency)
    return SensitivityView(Markup(svg), rows, caption)


def _recipients(fmt: Formatter, calc: Calculation) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    """Present value by stakeholder (by name) and by stakeholder category, the largest first
    (ties in the calculation's order) and the unassigned part last."""
    text = TEXT[fmt.lang]

    def rows(values: dict[str, float], label: dict[str, str]) -> tuple[Row, ...]:
        shared = sorted(((k, v) for k, v in values.items() if k != UNASSIGNED), key=lambda item: -item[1])
        assigned = [Row(label.get(k, k), (fmt.amount(v),)) for k, v in shared]
        rest = [Row(text["unassigned"], (fmt.amount(values[UNASSIGNED]),))] if UNASSIGNED in values else []
        return tuple(assigned + rest)

    categories = {k: v[:1].upper() + v[1:] for k, v in STAKEHOLDER[fmt.lang].items()}
    return rows(calc.value_by_stakeholder, calc.stakeholder_names), rows(calc.value_by_stakeholder_category, categories)


def _released(fmt: Formatter, calc: Calculation) -> tuple[tuple[str, ...], tuple[ReleasedView, ...]]:
    """Hours (whole) and full-time equivalents (one decimal) per year of the calculation period."""
    years = calc.years
    views = tuple(
        ReleasedView(
            row.name,
            tuple(fmt.amount(row.hours.get(y, 0.0)) for y in years),
            tuple(numbers.number(row.fte.get(y, 0.0), fmt.lang, 1) for y in years),
        )
        for row in calc.released_time
    )
    return (tuple(str(y) for y in years) if views else ()), views
