"""A chart's value axis stays inside the indicator's bounds: no axis below 0 for days, none
above 100 for a percentage, however the padding and round ticks would fall."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import days_plan
from nytta.app.analysis import analyse
from nytta.render.report.benefits import _forecast
from nytta.render.report.chart import _y_scale
from nytta.render.report.formatting import Formatter
from nytta.render.report.visuals import indicator_chart

TICK = re.compile(r'<text x="[^"]*" y="[^"]*" [^>]*text-anchor="end" fill="#333333"[^>]*>([^<]*)</text>')


def test_a_falling_count_of_days_has_its_axis_from_zero(tmp_path: Path) -> None:
    doc = days_plan(tmp_path)
    assert doc.plan is not None
    analysis = analyse(doc, date(2025, 11, 1)).result()
    benefit = doc.plan.benefits[0]
    status = analysis.status.benefits[0].indicators[0]
    assert status.forecast == 0.0
    svg = indicator_chart(Formatter("sv"), analysis, benefit, benefit.indicators[0], status)
    ticks = TICK.findall(svg)
    assert ticks == ["0", "2,5", "5", "7,5", "10", "12,5"]
    assert "−" not in "".join(ticks)
    fact = _forecast(Formatter("sv"), benefit.indicators[0], status)
    assert fact == "0 dagar (prognosen når målvärdet; begränsad till 0: enheten kan inte vara negativ)"
    fact = _forecast(Formatter("en"), benefit.indicators[0], status)
    assert fact == "0 dagar (the forecast reaches the target; bounded at 0: the unit cannot be negative)"


def test_the_unbounded_forecast_pulled_the_axis_to_minus_five() -> None:
    values = [10.0, 7.0, 4.0, 2.2, 2.0]
    assert _y_scale([*values, -0.84], (None, None)) == ([-5.0, 0.0, 5.0, 10.0, 15.0], -5.0, 15.0)
    assert _y_scale([*values, 0.0], (0.0, None)) == ([0.0, 2.5, 5.0, 7.5, 10.0, 12.5], 0.0, 12.5)


def test_a_value_beyond_a_bound_still_shows() -> None:
    assert _y_scale([10.0, 2.0, -0.84], (0.0, None)) == ([0.0, 5.0, 10.0, 15.0], -0.84, 15.0)


def test_a_percentage_axis_ends_at_100() -> None:
    assert _y_scale([40.0, 70.0, 100.0], (None, None))[2] == 120.0
    assert _y_scale([40.0, 70.0, 100.0], (0.0, 100.0)) == ([20.0, 40.0, 60.0, 80.0, 100.0], 20.0, 100.0)
    assert _y_scale([5.0, 6.9], (0.0, 7.0)) == ([4.5, 5.0, 5.5, 6.0, 6.5, 7.0], 4.5, 7.0)
