"""`nytta calc --format csv`: the nyttokalkyl table, one row per line item, one column per year."""

from __future__ import annotations

import csv
import io

from nytta.render.calc_text import calc_rows
from nytta.results.calc import Calculation


def render_calc_csv(result: Calculation) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["item", *result.years, "total"])
    for label, values, _ in calc_rows(result):
        writer.writerow([label.strip(), *(repr(values[y]) for y in result.years), repr(sum(values.values()))])
    writer.writerow(["discount_factor", *(repr(result.discount_factors[y]) for y in result.years), ""])
    for name, value in (
        ("npv", result.npv),
        ("benefit_cost_ratio", result.benefit_cost_ratio),
        ("payback_year", result.payback_year),
        ("discounted_payback_year", result.discounted_payback_year),
        ("realised_to_date", result.realised_to_date),
    ):
        writer.writerow([name, "" if value is None else value])
    return buffer.getvalue()
