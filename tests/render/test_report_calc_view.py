"""The report's nyttokalkyl section from a calculation built by hand: every figure the
section shows is one the calculation carries, formatted in Swedish and English, and laid
out in Markdown and HTML (escaped, the tornado chart with its table).

The calculation is a small plan's, written out here (two years, 3 % rate):

- ``tid`` (redeployment, an hourly cost from a monthly salary of 38 000 kr):
  hourly cost = 38 000 / (1 700 / 12) × (1 + 0,54) = 38 000 / 141,666… × 1,54 = 413,08 kr;
  it releases 850 h in 2025 and 1 700 h in 2026, i.e. 850 / 1 700 = 0,5 and 1,0 FTE;
- ``porto`` (financial), ``kvalitet`` (quality, not valued, size large) and ``buller``
  (environment dis-benefit, not valued, no size);
- one cost, ``licens``.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from conftest import AS_OF, spec_document
from nytta.app.analysis import analyse
from nytta.render.report.benefits import Row
from nytta.render.report.calculation import calc_view
from nytta.render.report.environment import render
from nytta.render.report.formatting import Formatter
from nytta.render.report.view import plan_view
from nytta.results.analysis import PlanAnalysis
from nytta.results.calc import Calculation, ReleasedTime, Scenario, Sensitivity, Unvalued

HOSTILE = '<script>alert("x")</script> & *fet* | rör'


def _scenario(name: str, benefits: float, costs: float, band: str | None, payback: int | None) -> Scenario:
    npv = benefits - costs
    return Scenario(
        name=name,
        benefits=benefits,
        costs=costs,
        npv=npv,
        benefit_cost_ratio=benefits / costs if costs else None,
        net_benefit_per_krona=npv / costs if costs else None,
        band=band,
        payback_year=payback,
        discounted_payback_year=payback,
    )


# Present values: low 90 000 − 100 000, likely 130 000 − 100 000, high 200 000 − 120 000.
LOW = _scenario("low", 90_000.0, 100_000.0, "negative", None)
LIKELY = _scenario("likely", 130_000.0, 100_000.0, "low", 2026)
HIGH = _scenario("high", 200_000.0, 120_000.0, "high", 2025)

SENSITIVITY = (
    # attribution 0,6–0,9 moves the NPV from 10 000 to 45 000 (swing 35 000)
    Sensitivity("valuation", "tid", "Handläggartid", "attribution", 0.6, 0.8, 0.9, 10_000.0, 45_000.0),
    # the licence 80 000–150 000 in total: a higher cost lowers the NPV (swing 20 000)
    Sensitivity("cost", "licens", HOSTILE, "amounts", 80_000.0, 100_000.0, 150_000.0, 40_000.0, 20_000.0),
    # the price per letter 13–16,5 (swing 5 000)
    Sensitivity("valuation", "porto", "Porto", "unit_value", 13.0, 14.5, 16.5, 28_000.0, 33_000.0),
)


def hand_calc(**changes: object) -> Calculation:
    calc = Calculation(
        plan="liten-plan",
        file="liten-plan.yaml",
        currency="SEK",
        as_of=AS_OF,
        discount_rate=0.03,
        base_year=2025,
        years=(2025, 2026),
        benefits={2025: 50_000.0, 2026: 82_400.0},
        benefits_by_category={"financial": {2025: 20_000.0, 2026: 30_900.0}, "redeployment": {2025: 30_000.0, 2026: 51_500.0}},
        benefits_by_benefit={"tid": {2025: 30_000.0, 2026: 51_500.0}, "porto": {2025: 20_000.0, 2026: 30_900.0}},
        costs={2025: 100_000.0, 2026: 0.0},
        costs_by_kind={"investment": {2025: 100_000.0, 2026: 0.0}},
        net={2025: -50_000.0, 2026: 82_400.0},
        discount_factors={2025: 1.0, 2026: 1 / 1.03},
        discounted_net={2025: -50_000.0, 2026: 80_000.0},
        npv=30_000.0,
        benefit_cost_ratio=1.3,
        payback_year=2026,
        discounted_payback_year=2026,
        realised={2025: 10_000.0, 2026: 0.0},
        realised_to_date=10_000.0,
        planned_to_date=12_000.0,
        rate_source="Ineras standardvärde",
        hours_per_fte=1700.0,
        employer_contributions=0.54,
        ranged=True,
        scenarios=(LOW, LIKELY, HIGH),
        sensitivity=SENSITIVITY,
        category_shares={"financial": 0.4, "redeployment": 0.6},
        # 130 000 split: tid's 78 000 to handläggare; porto's 52 000 half to myndigheten, half unassigned
        value_by_stakeholder={"unassigned": 26_000.0, "myndigheten": 26_000.0, "handlaggare": 78_000.0},
        value_by_stakeholder_category={"own_organisation": 104_000.0, "unassigned": 26_000.0},
        stakeholder_names={"handlaggare": "Handläggarna", "myndigheten": "Myndigheten"},
        released_time=(
            ReleasedTime(
                "tid",
                "Handläggartid",
                {2025: 850.0, 2026: 1700.0},
                {2025: 0.5, 2026: 1.0},
                monthly_salary=38_000.0,
                hourly_cost=38_000 / (1700 / 12) * 1.54,
            ),
            ReleasedTime("mer-tid", "Ökad förvaltning", {2025: -20.0, 2026: -20.0}, {2025: -20 / 1700, 2026: -20 / 1700}),
        ),
        unvalued=(
            Unvalued("kvalitet", "Kortare väntan", "quality", "benefit", "large"),
            Unvalued("buller", "Buller", "environment", "disbenefit", None),
        ),
    )
    return replace(calc, **changes)


def _cells(rows: tuple[Row, ...]) -> dict[str, tuple[str, ...]]:
    return {row.label: row.cells for row in rows}


# The view model ---------------------------------------------------------------------------------


def test_the_rate_is_shown_with_its_source() -> None:
    view = calc_view(Formatter("sv"), hand_calc())
    assert view.note.startswith("Kalkylränta 3\u00a0% per år (källa: Ineras standardvärde), basår 2025, belopp i SEK.")
    assert "Endast finansiella nyttor påverkar budgeten" in view.note
    assert calc_view(Formatter("sv"), hand_calc(rate_source=None)).note.startswith("Kalkylränta 3\u00a0% per år, basår")
    english = calc_view(Formatter("en"), hand_calc()).note
    assert english.startswith("Discount rate 3% a year (source: Ineras standardvärde), base year 2025")


def test_an_hourly_cost_from_a_monthly_salary_is_explained_with_the_plans_figures() -> None:
    # 38 000 / (1 700 / 12) × 1,54 = 38 000 / 141,67 × 1,54 = 413,08
    (sentence,) = calc_view(Formatter("sv"), hand_calc()).hourly_costs
    assert sentence == (
        "Handläggartid: timkostnaden 413,08\u00a0kr per timme är månadslönen 38\u00a0000\u00a0kr delad med "
        "141,67 arbetstimmar per månad (årsarbetstiden 1\u00a0700 timmar / 12) och gånger 1,54 för "
        "arbetsgivaravgifter och andra personalomkostnader 54\u00a0%."
    )
    # 36 000 / (1 600 / 12) × 1,50 = 36 000 / 133,33 × 1,5 = 405,00
    other = hand_calc(
        hours_per_fte=1600.0,
        employer_contributions=0.5,
        released_time=(ReleasedTime("tid", "Tid", {}, {}, monthly_salary=36_000.0, hourly_cost=36_000 / (1600 / 12) * 1.5),),
    )
    (english,) = calc_view(Formatter("en"), other).hourly_costs
    assert "the hourly cost SEK 405.00 is the monthly salary SEK 36,000 divided by 133.33 working hours" in english
    assert "(1,600 hours per full-time equivalent / 12) and multiplied by 1.50" in english
    assert english.endswith("staff overheads of 50%.")
    assert calc_view(Formatter("sv"), hand_calc(released_time=())).hourly_costs == ()


def test_inera_result_measures_of_the_likely_scenario() -> None:
    figures = _cells(calc_view(Formatter("sv"), hand_calc()).key_figures)
    assert figures["Sammanlagd nettonytta (nettonuvärde)"] == ("30\u00a0000\u00a0kr",)
    # (130 000 − 100 000) / 100 000 = 0,30: above 0 and below 0,5
    assert figures["Nettonytta per satsad krona"] == ("0,30 (över 0 men under 0,5: förändringen ger mer än den kostar)",)
    assert figures["Återbetalningsår"] == ("2026",)
    never = _cells(calc_view(Formatter("sv"), hand_calc(payback_year=None)).key_figures)
    assert never["Återbetalningsår"] == ("aldrig",)
    assert _cells(calc_view(Formatter("en"), hand_calc(payback_year=None)).key_figures)["Payback year"] == ("never",)


@pytest.mark.parametrize(
    ("scenario", "words"),
    [
        (LOW, "−0,10 (under 0: förändringen kostar mer än den ger)"),
        (_scenario("likely", 100_000.0, 100_000.0, "zero", 2026), "0,00 (exakt 0: förändringen går jämnt ut)"),
        (LIKELY, "0,30 (över 0 men under 0,5: förändringen ger mer än den kostar)"),
        (HIGH, "0,67 (0,5 eller mer: förändringen ger klart mer än den kostar)"),
        (_scenario("likely", 10_000.0, 0.0, None, 2025), "– (inga kostnader)"),
    ],
)
def test_net_benefit_per_krona_has_its_band_in_words(scenario: Scenario, words: str) -> None:
    calc = hand_calc(scenarios=(LOW, scenario, HIGH))
    assert _cells(calc_view(Formatter("sv"), calc).key_figures)["Nettonytta per satsad krona"] == (words,)


def test_category_shares() -> None:
    assert _cells(calc_view(Formatter("sv"), hand_calc()).shares) == {
        "Finansiell nytta": ("40\u00a0%",),
        "Omfördelningsnytta": ("60\u00a0%",),
    }
    assert calc_view(Formatter("sv"), hand_calc(category_shares={})).shares == ()


def test_the_scenarios_table_low_likely_high() -> None:
    view = calc_view(Formatter("sv"), hand_calc())
    assert view.scenario_names == ("Lägst", "Troligt", "Högst")
    rows = _cells(view.scenarios)
    assert rows["Nyttor (nuvärde)"] == ("90\u00a0000", "130\u00a0000", "200\u00a0000")
    assert rows["Kostnader (nuvärde)"] == ("100\u00a0000", "100\u00a0000", "120\u00a0000")
    assert rows["Sammanlagd nettonytta (nettonuvärde)"] == ("−10\u00a0000", "30\u00a0000", "80\u00a0000")
    assert rows["Nytta/kostnad"] == ("0,90", "1,30", "1,67")
    assert rows["Nettonytta per satsad krona"] == ("−0,10 (negativ)", "0,30 (låg)", "0,67 (hög)")
    assert rows["Återbetalningsår"] == ("aldrig", "2026", "2025")


def test_a_plan_without_ranges_has_no_scenarios_nor_sensitivity() -> None:
    view = calc_view(Formatter("sv"), hand_calc(ranged=False, sensitivity=()))
    assert view.scenarios == () and view.scenario_names == () and view.sensitivity is None


def test_the_sensitivity_table_largest_swing_first() -> None:
    sensitivity = calc_view(Formatter("sv"), hand_calc()).sensitivity
    assert sensitivity is not None
    assert [row.label for row in sensitivity.rows] == [
        "Handläggartid – andel som beror på förändringen",
        f"{HOSTILE} – belopp",
        "Porto – värde per enhet",
    ]
    assert sensitivity.rows[0].cells == ("60\u00a0%", "80\u00a0%", "90\u00a0%", "10\u00a0000", "45\u00a0000", "35\u00a0000")
    assert sensitivity.rows[1].cells == (
        "80\u00a0000",
        "100\u00a0000",
        "150\u00a0000",
        "40\u00a0000",
        "20\u00a0000",
        "20\u00a0000",
    )
    assert sensitivity.rows[2].cells == ("13", "14,5", "16,5", "28\u00a0000", "33\u00a0000", "5\u00a0000")


def _bars(svg: str) -> list[str]:
    return re.findall(r'<g class="bar" data-rank="\d+">.*?</g>', svg)


def _label(group: str) -> str:
    """The text of a bar's name, its lines (tspans) joined."""
    (element,) = re.findall(r'<text class="label".*?</text>', group)
    return re.sub(r"<[^>]+>", "", element)


def _x(element: str, kind: str) -> tuple[float, float]:
    match = re.search(rf'<rect class="{kind}" x="([-0-9.]+)" y="[-0-9.]+" width="([0-9.]+)"', element)
    assert match, element
    return float(match[1]), float(match[1]) + float(match[2])


def test_the_tornado_chart_has_a_bar_per_input_around_the_likely_line() -> None:
    sensitivity = calc_view(Formatter("sv"), hand_calc()).sensitivity
    assert sensitivity is not None
    svg = str(sensitivity.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg and "<desc" in svg
    bars = _bars(svg)
    assert len(bars) == 3
    assert [_label(b) for b in bars] == [
        "Handläggartid – andel som beror på förändringen",
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *fet* | rör – belopp",
        "Porto – värde per enhet",
    ]
    assert "<script>" not in svg
    (centre_text,) = re.findall(r'<line class="likely" x1="([0-9.]+)"', svg)
    centre = float(centre_text)
    # the first bar: the solid part (input low, NPV 10 000) to the left of the likely line
    # (30 000), the light part (input high, NPV 45 000) to its right; the cost's the other way
    low, high = _x(bars[0], "low"), _x(bars[0], "high")
    assert low[1] == pytest.approx(centre, abs=0.1) and high[0] == pytest.approx(centre, abs=0.1)
    cost_low, cost_high = _x(bars[1], "low"), _x(bars[1], "high")
    assert cost_low[0] == pytest.approx(centre, abs=0.1) and cost_high[1] == pytest.approx(centre, abs=0.1)
    # widths in proportion to the NPV differences: 20 000 : 15 000 for the first bar
    assert (low[1] - low[0]) / (high[1] - high[0]) == pytest.approx(20_000 / 15_000, rel=0.01)
    spans = [max(_x(b, "high")[1], _x(b, "low")[1]) - min(_x(b, "high")[0], _x(b, "low")[0]) for b in bars]
    assert spans == sorted(spans, reverse=True)
    # the axis' amounts in Swedish, the likely value in the heading of the line
    assert "Troligt nettonuvärde 30\u00a0000\u00a0kr" in svg
    assert re.search(r">\d{1,3}(\u00a0\d{3})*</text>", svg)


def test_value_by_recipient_by_name_and_category_unassigned_last() -> None:
    view = calc_view(Formatter("sv"), hand_calc())
    assert [(row.label, row.cells) for row in view.by_stakeholder] == [
        ("Handläggarna", ("78\u00a0000",)),
        ("Myndigheten", ("26\u00a0000",)),
        ("Ej fördelat", ("26\u00a0000",)),
    ]
    assert [(row.label, row.cells) for row in view.by_stakeholder_category] == [
        ("Egen organisation", ("104\u00a0000",)),
        ("Ej fördelat", ("26\u00a0000",)),
    ]


def test_released_time_in_hours_and_full_time_equivalents_to_one_decimal() -> None:
    view = calc_view(Formatter("sv"), hand_calc())
    assert view.released_years == ("2025", "2026")
    first, second = view.released
    assert (first.name, first.hours, first.fte) == ("Handläggartid", ("850", "1\u00a0700"), ("0,5", "1,0"))
    # −20 / 1 700 = −0,012: rounds to 0,0, not −0,0
    assert (second.hours, second.fte) == (("−20", "−20"), ("0,0", "0,0"))
    assert view.released_note == "Årsarbetare är timmar delade med årsarbetstiden, 1\u00a0700 timmar."
    assert calc_view(Formatter("sv"), hand_calc(released_time=())).released == ()


def test_benefits_not_valued_in_money_with_their_size() -> None:
    assert [(r.label, r.cells) for r in calc_view(Formatter("sv"), hand_calc()).unvalued] == [
        ("Kortare väntan", ("Kvalitetsnytta", "stor")),
        ("Buller (onytta)", ("Miljönytta", "storlek ej angiven")),
    ]
    assert [(r.label, r.cells) for r in calc_view(Formatter("en"), hand_calc()).unvalued] == [
        ("Kortare väntan", ("Quality", "large")),
        ("Buller (dis-benefit)", ("Environment", "size not given")),
    ]


# The templates ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysis() -> PlanAnalysis:
    return analyse(spec_document(), AS_OF).result()


def _render(analysis: PlanAnalysis, calc: Calculation, kind: str, lang: str = "sv") -> str:
    view = plan_view(replace(analysis, calc=calc), lang)
    return render(f"plan.{kind}.j2", kind, None, view=view, text=view.text, lang=lang, as_of=view.as_of)


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def test_markdown_has_every_part_and_no_chart(analysis: PlanAnalysis) -> None:
    md = _section(_render(analysis, hand_calc(), "md"), "## Nyttokalkyl", "## Risker")
    for line in (
        "- Sammanlagd nettonytta (nettonuvärde): 30\u00a0000\u00a0kr",
        "- Nettonytta per satsad krona: 0,30 (över 0 men under 0,5: förändringen ger mer än den kostar)",
        "| Resultatmått | Lägst | Troligt | Högst |",
        "| **Sammanlagd nettonytta (nettonuvärde)** | −10\u00a0000 | 30\u00a0000 | 80\u00a0000 |",
        "| Handläggartid – andel som beror på förändringen | 60\u00a0% | 80\u00a0% | 90\u00a0% "
        "| 10\u00a0000 | 45\u00a0000 | 35\u00a0000 |",
        "| Ej fördelat | 26\u00a0000 |",
        "| Handläggartid | årsarbetare | 0,5 | 1,0 |",
        "| Buller (onytta) | Miljönytta | storlek ej angiven |",
    ):
        assert line in md, line
    assert "<svg" not in md and "<script>" not in md
    # the hostile name is escaped for Markdown: no cell break, no emphasis, no HTML
    hostile = next(line for line in md.splitlines() if "alert" in line)
    assert hostile.count(" | ") == 7 - 1 and "&lt;script&gt;" in hostile and "\\*fet\\*" in hostile
    plain = _section(_render(analysis, hand_calc(ranged=False, sensitivity=()), "md"), "## Nyttokalkyl", "## Risker")
    assert "### Scenarier" not in plain and "### Känslighetsanalys" not in plain and "### Frigjord tid" in plain


def test_html_has_the_chart_in_a_figure_and_the_same_figures_in_a_table(analysis: PlanAnalysis) -> None:
    html = _section(_render(analysis, hand_calc(), "html"), 'id="nyttokalkyl"', 'id="risker"')
    figure = re.search(r'<figure class="tornado">(.*?)</figure>', html, re.S)
    assert figure and figure[1].count('<g class="bar"') == 3 and "<figcaption>" in figure[1]
    table = re.search(r'<table class="sensitivity">(.*?)</table>', html, re.S)
    assert table and table[1].count('<th scope="row">') == 3
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "Ej fördelat" in html and "storlek ej angiven" in html and "413,08\u00a0kr" in html
    english = _render(analysis, hand_calc(), "html", "en")
    assert "Net benefit per invested krona" in english and "Estimate at its lowest" in english
