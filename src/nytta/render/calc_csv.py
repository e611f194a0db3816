"""`nytta calc --format csv`: the nyttokalkyl table, one row per line item, one column per
year, then the discount factors and the key figures.

Amounts are rounded to öre (two decimals), the benefit–cost ratio and the net benefit per
invested krona to two decimals and the discount factors to six. In English the first column
names items as the text table does and every other row by its key (``npv``), with `,` and
decimal points; in Swedish every label is in words and the file is what a Swedish Excel
opens directly (see ``spreadsheet``).

The rows, top to bottom (first cell in English | in Swedish):

- ``item``, the years, ``total`` | ``Post`` …: the header of the table;
- one row per line item (``benefits: redeployment`` …, ``Benefits``, ``Costs``, ``Net``,
  ``Discounted net``): its amount each year and the total;
- ``discount_factor``: the factor of each year;
- the key figures of the likely scenario, one value each: ``npv``, ``benefit_cost_ratio``,
  ``payback_year``, ``discounted_payback_year`` (empty when there is none within the
  period), ``realised_to_date``;
- ``net_benefit_per_krona`` (Inera's net benefit per invested krona; empty without costs)
  and ``band``, its band: the key (``negative``, ``zero``, ``low``, ``high``) in English, the
  band in words in Swedish;

and, when some estimate of the plan is a range:

- ``scenario``, ``low``, ``likely``, ``high`` | ``Scenario``, ``Lägst``, ``Troligt``,
  ``Högst``: the header of the scenarios, then one row per figure with a column per scenario:
  ``scenario_benefits`` and ``scenario_costs`` (present values), ``scenario_npv``,
  ``scenario_benefit_cost_ratio``, ``scenario_net_benefit_per_krona``, ``scenario_band``,
  ``scenario_payback_year`` (empty: never);
- ``sensitivity``, ``kind``, ``id``, ``field``, ``low``, ``likely``, ``high``, ``npv_low``,
  ``npv_high``, ``swing``: the header of the sensitivity analysis, then one row per ranged
  estimate, largest swing first: the estimate in words (``kortare-handlaggning: value per
  unit (unit_value)``), its kind (``valuation``, ``cost``), id and field as the plan's keys
  (``unit_value``, ``monthly_salary`` — a unit value given as a ranged monthly salary, its
  values the salaries —, ``volume``, ``attribution``, ``amounts``), its low, likely and high values as
  written (a cost's are sums over the years), the net
  present value with it at low and at high, and the swing between them.
"""

from __future__ import annotations

from nytta.i18n import N_, _, language
from nytta.render.calc_text import BAND_LABELS, SCENARIO_LABELS, SCENARIO_ROWS, calc_rows, input_label
from nytta.render.spreadsheet import decimal, sheet
from nytta.results.calc import Calculation, Scenario

#: The rows under the table: key (the English label) and words for people, shown through ``_()``.
KEY_FIGURES = (
    ("npv", N_("Net present value")),
    ("benefit_cost_ratio", N_("Benefit–cost ratio")),
    ("payback_year", N_("Payback year")),
    ("discounted_payback_year", N_("Discounted payback year")),
    ("realised_to_date", N_("Realised value to date")),
)
DISCOUNT_FACTOR = ("discount_factor", N_("Discount factor"))
ITEM, TOTAL = ("item", N_("Item")), ("total", N_("Total"))
NET_BENEFIT_PER_KRONA = ("net_benefit_per_krona", N_("Net benefit per invested krona"))
BAND = ("band", N_("Band of the net benefit per invested krona"))
SCENARIO = ("scenario", N_("Scenario"))
SCENARIO_BAND = ("scenario_band", N_("Band of the net benefit per invested krona"))
#: The header of the sensitivity rows.
SENSITIVITY = (
    ("sensitivity", N_("Sensitivity analysis")),
    ("kind", N_("Kind")),
    ("id", N_("Id")),
    ("field", N_("Field")),
    ("low", SCENARIO_LABELS["low"]),
    ("likely", SCENARIO_LABELS["likely"]),
    ("high", SCENARIO_LABELS["high"]),
    ("npv_low", N_("NPV at low")),
    ("npv_high", N_("NPV at high")),
    ("swing", N_("Swing")),
)


def render_calc_csv(result: Calculation) -> str:
    lang = language()

    def label(pair: tuple[str, str]) -> str:
        return pair[0] if lang == "en" else _(pair[1])

    def band(scenario: Scenario) -> str:
        if scenario.band is None or lang == "en" or scenario.band not in BAND_LABELS:
            return scenario.band or ""
        return _(BAND_LABELS[scenario.band])

    rows: list[list[object]] = [[label(ITEM), *result.years, label(TOTAL)]]
    for name, values, _total in calc_rows(result):
        rows.append([name.strip(), *(decimal(values[y], lang) for y in result.years), decimal(sum(values.values()), lang)])
    rows.append([label(DISCOUNT_FACTOR), *(decimal(result.discount_factors[y], lang, 6) for y in result.years), ""])
    figures = (
        decimal(result.npv, lang),
        decimal(result.benefit_cost_ratio, lang),
        _year(result.payback_year),
        _year(result.discounted_payback_year),
        decimal(result.realised_to_date, lang),
    )
    rows += [[label(pair), figure] for pair, figure in zip(KEY_FIGURES, figures, strict=True)]
    likely = result.likely
    if likely is not None:
        rows.append([label(NET_BENEFIT_PER_KRONA), decimal(likely.net_benefit_per_krona, lang)])
        rows.append([label(BAND), band(likely)])
    if result.ranged and result.scenarios:
        scenarios = result.scenarios
        rows.append([label(SCENARIO), *(label((s.name, SCENARIO_LABELS.get(s.name, s.name))) for s in scenarios)])
        cells = {
            "scenario_benefits": [decimal(s.benefits, lang) for s in scenarios],
            "scenario_costs": [decimal(s.costs, lang) for s in scenarios],
            "scenario_npv": [decimal(s.npv, lang) for s in scenarios],
            "scenario_benefit_cost_ratio": [decimal(s.benefit_cost_ratio, lang) for s in scenarios],
            "scenario_net_benefit_per_krona": [decimal(s.net_benefit_per_krona, lang) for s in scenarios],
            "scenario_payback_year": [_year(s.payback_year) for s in scenarios],
        }
        for pair in SCENARIO_ROWS:
            rows.append([label(pair), *cells[pair[0]]])
            if pair[0] == "scenario_net_benefit_per_krona":
                rows.append([label(SCENARIO_BAND), *(band(s) for s in scenarios)])
    if result.ranged and result.sensitivity:
        rows.append([label(pair) for pair in SENSITIVITY])
        for row in result.sensitivity:
            estimates = (row.low, row.likely, row.high)
            rows.append(
                [
                    input_label(row, result),
                    row.kind,
                    row.id,
                    row.field,
                    *(decimal(value, lang, 6, trim=True) for value in estimates),
                    decimal(row.npv_low, lang),
                    decimal(row.npv_high, lang),
                    decimal(row.swing, lang),
                ]
            )
    return sheet(rows, lang)


def _year(year: int | None) -> str:
    return "" if year is None else str(year)
