"""`nytta calc --format csv`: the nyttokalkyl table, one row per line item, one column per
year, then the discount factors and the key figures.

Amounts are rounded to öre (two decimals), the benefit–cost ratio to two decimals and the
discount factors to six. In English the first column names items as the text table does
and the key figures by their keys (``npv``), with `,` and decimal points; in Swedish every
label is in words and the file is what a Swedish Excel opens directly (see ``spreadsheet``).
"""

from __future__ import annotations

from nytta.i18n import N_, _, language
from nytta.render.calc_text import calc_rows
from nytta.render.spreadsheet import decimal, sheet
from nytta.results.calc import Calculation

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


def render_calc_csv(result: Calculation) -> str:
    lang = language()

    def label(pair: tuple[str, str]) -> str:
        return pair[0] if lang == "en" else _(pair[1])

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
    return sheet(rows, lang)


def _year(year: int | None) -> str:
    return "" if year is None else str(year)
