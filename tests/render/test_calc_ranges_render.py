"""calc's text, JSON and CSV of a nyttokalkyl with ranged estimates (issue 16): the scenarios,
the sensitivity analysis, Inera's result measures, value by recipient, released time and the
benefits not valued in money, rendered from a calculation built by hand, in Swedish and in
English, exactly.

The calculation is a small plan, 2025–2027 at 3 % (discount factors 1, 1/1,03, 1/1,03²):

- ``kortare-handlaggning`` (redeployment, recipient ``handlaggare``): 1 000 / 1 200 / 1 500
  hours a year at an hourly cost of 38 000 / (1 700 / 12) × 1,54 = 413,08 kr, half realised
  in 2026 and whole in 2027: 247 849,41 kr and 495 698,82 kr likely;
- ``lagre-porto`` (financial, no recipients): 50 000 kr and 100 000 kr;
- costs: ``inforande`` 550 000 kr in 2025, ``licens`` 80 000 / 100 000 / 150 000 kr a year.

Likely: benefits 297 849,41 × 0,970874 + 595 698,82 × 0,942596 = 850 677,46 kr, costs
650 000 + 100 000 × (0,970874 + 0,942596) = 841 346,97 kr, NPV 9 330,49 kr, net benefit per
krona 9 330,49 / 841 346,97 = 0,011 (low band). Low: 732 698,43 − 783 077,58 = −50 379,15 kr
(negative, payback never); high: 1 027 646,01 − 987 020,45 = 40 625,55 kr.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Iterator

import pytest

from conftest import CALC_KEYS
from nytta.i18n import set_language
from nytta.render import calc_formats
from nytta.render.calc_csv import render_calc_csv
from nytta.render.calc_json import calc_json
from nytta.render.calc_text import band_words, render_calc_text
from nytta.render.registry import RenderOptions
from nytta.results.calc import CalcReport, Calculation, ReleasedTime, Scenario, Sensitivity, Unvalued

NBSP = "\u00a0"
BOM = "\ufeff"
DF = {2025: 1.0, 2026: 1 / 1.03, 2027: 1 / 1.03**2}


@pytest.fixture
def swedish() -> Iterator[None]:
    set_language("sv")
    yield
    set_language("en")


def ranged() -> Calculation:
    redeployment = {2025: 0.0, 2026: 247849.41, 2027: 495698.82}
    financial = {2025: 0.0, 2026: 50000.0, 2027: 100000.0}
    benefits = {y: redeployment[y] + financial[y] for y in DF}
    costs = {2025: 650000.0, 2026: 100000.0, 2027: 100000.0}
    net = {y: benefits[y] - costs[y] for y in DF}
    return Calculation(
        plan="fakturaflode",
        file="fakturaflode.yaml",
        currency="SEK",
        as_of=_dt.date(2026, 11, 27),
        discount_rate=0.03,
        base_year=2025,
        years=(2025, 2026, 2027),
        benefits=benefits,
        benefits_by_category={"financial": financial, "redeployment": redeployment, "quality": dict.fromkeys(DF, 0.0)},
        benefits_by_benefit={"kortare-handlaggning": redeployment, "lagre-porto": financial},
        costs=costs,
        costs_by_kind={"investment": {2025: 550000.0, 2026: 0.0, 2027: 0.0}, "running": dict.fromkeys(DF, 100000.0)},
        net=net,
        discount_factors=DF,
        discounted_net={y: net[y] * DF[y] for y in DF},
        npv=9330.49,
        benefit_cost_ratio=1.01109,
        payback_year=2027,
        discounted_payback_year=2027,
        realised={2025: 0.0, 2026: 180000.0},
        realised_to_date=180000.0,
        planned_to_date=297849.41,
        rate_source="Ineras standardränta",
        ranged=True,
        scenarios=(
            Scenario("low", 732698.43, 783077.58, -50379.15, 0.935665, -0.064335, "negative", None, None),
            Scenario("likely", 850677.46, 841346.97, 9330.49, 1.01109, 0.01109, "low", 2027, 2027),
            Scenario("high", 1027646.01, 987020.45, 40625.55, 1.04116, 0.04116, "low", 2027, 2027),
        ),
        sensitivity=(
            Sensitivity(
                "valuation",
                "kortare-handlaggning",
                "Kortare handläggning av fakturor",
                "volume",
                1000.0,
                1200.0,
                1500.0,
                -108648.54,
                186299.04,
            ),
            Sensitivity("cost", "licens", "Licens", "amounts", 240000.0, 300000.0, 450000.0, 67599.88, -136342.99),
        ),
        category_shares={"financial": 0.16787, "redeployment": 0.83213},
        value_by_stakeholder={"handlaggare": 707874.18, "unassigned": 142803.28},
        value_by_stakeholder_category={"own_organisation": 707874.18, "unassigned": 142803.28},
        stakeholder_names={"handlaggare": "Handläggare på ekonomienheten"},
        released_time=(
            ReleasedTime(
                "kortare-handlaggning",
                "Kortare handläggning av fakturor",
                {2025: 0.0, 2026: 600.0, 2027: 1200.0},
                {2025: 0.0, 2026: 600 / 1700, 2027: 1200 / 1700},
                monthly_salary=38000.0,
                hourly_cost=38000 / (1700 / 12) * 1.54,
            ),
        ),
        unvalued=(
            Unvalued("nojdare-leverantorer", "Nöjdare leverantörer", "quality", "benefit", "large"),
            Unvalued("fler-fragor", "Fler frågor till ekonomisupporten", "quality", "disbenefit", None),
        ),
    )


def point() -> Calculation:
    """The same plan without ranges: its three scenarios are the likely one."""
    calc = ranged()
    likely = calc.scenarios[1]
    return dataclasses.replace(
        calc,
        rate_source=None,
        ranged=False,
        scenarios=(dataclasses.replace(likely, name="low"), likely, dataclasses.replace(likely, name="high")),
        sensitivity=(),
        released_time=(),
        unvalued=(),
    )


def dots(text: str) -> list[str]:
    """Expected lines, a no-break space written as ·."""
    return text.replace("·", NBSP).splitlines()


def shown_after_key_figures(calc: Calculation) -> list[str]:
    """The text's lines from the blank line after the key figures on, trailing spaces cut."""
    lines = [line.rstrip() for line in render_calc_text(calc, color=False).splitlines()]
    return lines[lines.index("") :]


RANGED_TEXT_SV = dots(
    """\

Resultatmått enligt Ineras modell (troligt scenario):
  Nettonytta per satsad krona: 0,01 – förändringen ger mer än den kostar
  Återbetalningsår: 2027
  Andel av nyttornas nuvärde per kategori: finansiell nytta 17·%, omfördelningsnytta 83·%

Scenarier: varje uppskattning på sitt lägsta, troliga eller högsta värde (SEK)
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━┓
┃                             ┃   Lägst ┃ Troligt ┃     Högst ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━┩
│ Nyttor (nuvärde)            │ 732·698 │ 850·677 │ 1·027·646 │
│ Kostnader (nuvärde)         │ 783·078 │ 841·347 │   987·020 │
│ Nettonuvärde                │ −50·379 │   9·330 │    40·626 │
│ Nyttokostnadskvot           │    0,94 │    1,01 │      1,04 │
│ Nettonytta per satsad krona │   −0,06 │    0,01 │      0,04 │
│ Återbetalningsår            │  aldrig │    2027 │      2027 │
└─────────────────────────────┴─────────┴─────────┴───────────┘
Lägst ställer de lägsta nyttorna mot de lägsta kostnaderna, högst de högsta mot de högsta.

Känslighetsanalys: nettonuvärdet (NNV) när en uppskattning i taget sätts till sitt lägsta eller högsta \
värde och övriga är troliga (SEK)
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Uppskattning                         ┃   Lägst ┃   Högst ┃ NNV vid lägst ┃ NNV vid högst ┃  Utslag ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━┩
│ kortare-handlaggning: volym (volume) │   1·000 │   1·500 │      −108·649 │       186·299 │ 294·948 │
│ licens: belopp (amounts)             │ 240·000 │ 450·000 │        67·600 │      −136·343 │ 203·943 │
└──────────────────────────────────────┴─────────┴─────────┴───────────────┴───────────────┴─────────┘
Störst utslag först.

Nyttornas nuvärde per nyttomottagare (troligt scenario):
  Handläggare på ekonomienheten: 707·874·kr
  ej fördelat: 142·803·kr
Per intressentkategori:
  egen organisation: 707·874·kr
  ej fördelat: 142·803·kr

Frigjord arbetstid (troligt scenario; 1·700 timmar per årsarbetare):
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━┳━━━━━━┳━━━━━━━┓
┃ Nytta                            ┃             ┃ 2025 ┃ 2026 ┃  2027 ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━╇━━━━━━╇━━━━━━━┩
│ Kortare handläggning av fakturor │ timmar      │    0 │  600 │ 1·200 │
│                                  │ årsarbetare │  0,0 │  0,4 │   0,7 │
└──────────────────────────────────┴─────────────┴──────┴──────┴───────┘
Kortare handläggning av fakturor: timkostnad 413,08·kr = månadslön 38·000·kr / (1·700 / 12) × 1,54

Nyttor som inte värderas i pengar:
  Nöjdare leverantörer (kvalitetsnytta): stor
  Fler frågor till ekonomisupporten (kvalitetsnytta, onytta): ingen storlek angiven
"""
)

RANGED_TEXT_EN = dots(
    """\

Result measures after Inera's model (likely scenario):
  Net benefit per invested krona: 0.01 – the change gives more than it costs
  Payback year: 2027
  Share of the benefits' present value by category: financial benefit 17%, redeployment benefit 83%

Scenarios: every estimate at its low, likely or high value (SEK)
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━┓
┃                                ┃     Low ┃  Likely ┃      High ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━┩
│ Benefits (present value)       │ 732,698 │ 850,677 │ 1,027,646 │
│ Costs (present value)          │ 783,078 │ 841,347 │   987,020 │
│ Net present value              │ −50,379 │   9,330 │    40,626 │
│ Benefit–cost ratio             │    0.94 │    1.01 │      1.04 │
│ Net benefit per invested krona │   −0.06 │    0.01 │      0.04 │
│ Payback year                   │   never │    2027 │      2027 │
└────────────────────────────────┴─────────┴─────────┴───────────┘
Low sets the lowest benefits against the lowest costs, high the highest against the highest.

Sensitivity: the net present value (NPV) with one estimate at a time at its low or high value, every other likely (SEK)
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Estimate                     ┃     Low ┃    High ┃ NPV at low ┃ NPV at high ┃   Swing ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━┩
│ kortare-handlaggning: volume │   1,000 │   1,500 │   −108,649 │     186,299 │ 294,948 │
│ licens: amounts              │ 240,000 │ 450,000 │     67,600 │    −136,343 │ 203,943 │
└──────────────────────────────┴─────────┴─────────┴────────────┴─────────────┴─────────┘
Largest swing first.

The benefits' present value by recipient (likely scenario):
  Handläggare på ekonomienheten: SEK 707,874
  not assigned: SEK 142,803
By stakeholder category:
  own organisation: SEK 707,874
  not assigned: SEK 142,803

Released staff time (likely scenario; 1,700 hours per full-time equivalent):
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━┳━━━━━━┳━━━━━━━┓
┃ Benefit                          ┃                       ┃ 2025 ┃ 2026 ┃  2027 ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━╇━━━━━━╇━━━━━━━┩
│ Kortare handläggning av fakturor │ hours                 │    0 │  600 │ 1,200 │
│                                  │ full-time equivalents │  0.0 │  0.4 │   0.7 │
└──────────────────────────────────┴───────────────────────┴──────┴──────┴───────┘
Kortare handläggning av fakturor: hourly cost SEK 413.08 = monthly salary SEK 38,000 / (1,700 / 12) × 1.54

Benefits not valued in money:
  Nöjdare leverantörer (quality benefit): large
  Fler frågor till ekonomisupporten (quality benefit, dis-benefit): no size given
"""
)

POINT_TEXT_SV = dots(
    """\

Resultatmått enligt Ineras modell (troligt scenario):
  Nettonytta per satsad krona: 0,01 – förändringen ger mer än den kostar
  Återbetalningsår: 2027
  Andel av nyttornas nuvärde per kategori: finansiell nytta 17·%, omfördelningsnytta 83·%

Nyttornas nuvärde per nyttomottagare (troligt scenario):
  Handläggare på ekonomienheten: 707·874·kr
  ej fördelat: 142·803·kr
Per intressentkategori:
  egen organisation: 707·874·kr
  ej fördelat: 142·803·kr
"""
)

RANGED_CSV_EN = dots(
    """\
discounted_payback_year,2027
realised_to_date,180000.00
net_benefit_per_krona,0.01
band,low
scenario,low,likely,high
scenario_benefits,732698.43,850677.46,1027646.01
scenario_costs,783077.58,841346.97,987020.45
scenario_npv,-50379.15,9330.49,40625.55
scenario_benefit_cost_ratio,0.94,1.01,1.04
scenario_net_benefit_per_krona,-0.06,0.01,0.04
scenario_band,negative,low,low
scenario_payback_year,,2027,2027
sensitivity,kind,id,field,low,likely,high,npv_low,npv_high,swing
kortare-handlaggning: volume,valuation,kortare-handlaggning,volume,1000,1200,1500,-108648.54,186299.04,294947.58
licens: amounts,cost,licens,amounts,240000,300000,450000,67599.88,-136342.99,203942.87
"""
)

RANGED_CSV_SV = dots(
    """\
Återbetalningsår, diskonterat;2027
Realiserat värde hittills;180000,00
Nettonytta per satsad krona;0,01
Nivå för nettonytta per satsad krona;förändringen ger mer än den kostar
Scenario;Lägst;Troligt;Högst
Nyttor (nuvärde);732698,43;850677,46;1027646,01
Kostnader (nuvärde);783077,58;841346,97;987020,45
Nettonuvärde;-50379,15;9330,49;40625,55
Nyttokostnadskvot;0,94;1,01;1,04
Nettonytta per satsad krona;-0,06;0,01;0,04
Nivå för nettonytta per satsad krona;förändringen kostar mer än den ger;\
förändringen ger mer än den kostar;förändringen ger mer än den kostar
Återbetalningsår;;2027;2027
Känslighetsanalys;Slag;Id;Fält;Lägst;Troligt;Högst;NNV vid lägst;NNV vid högst;Utslag
kortare-handlaggning: volym (volume);valuation;kortare-handlaggning;volume;1000;1200;1500;-108648,54;186299,04;294947,58
licens: belopp (amounts);cost;licens;amounts;240000;300000;450000;67599,88;-136342,99;203942,87
"""
)

POINT_CSV_EN = dots(
    """\
realised_to_date,180000.00
net_benefit_per_krona,0.01
band,low
"""
)


def test_text_of_a_ranged_plan_in_swedish(swedish: None) -> None:
    text = render_calc_text(ranged(), color=False)
    assert f"Kalkylränta 3{NBSP}% per år (källa: Ineras standardränta), basår 2025." in text.splitlines()
    assert shown_after_key_figures(ranged()) == RANGED_TEXT_SV


def test_text_of_a_ranged_plan_in_english() -> None:
    text = render_calc_text(ranged(), color=False)
    assert "Discount rate 3% a year (source: Ineras standardränta), base year 2025." in text.splitlines()
    assert shown_after_key_figures(ranged()) == RANGED_TEXT_EN


def test_a_plan_without_ranges_shows_the_measures_but_no_scenarios_or_sensitivity(swedish: None) -> None:
    text = render_calc_text(point(), color=False)
    assert f"Kalkylränta 3{NBSP}% per år, basår 2025." in text.splitlines()
    assert shown_after_key_figures(point()) == POINT_TEXT_SV
    assert "Lägst" not in text and "Känslighetsanalys" not in text


@pytest.mark.parametrize(
    ("value", "band", "sv", "en"),
    [
        (-0.064335, "negative", "−0,06 – förändringen kostar mer än den ger", "−0.06 – the change costs more than it gives"),
        (
            0.0,
            "zero",
            "0,00 – förändringen går jämnt ut: nyttorna är lika stora som kostnaderna",
            "0.00 – the change breaks even: its benefits equal its costs",
        ),
        (0.42, "low", "0,42 – förändringen ger mer än den kostar", "0.42 – the change gives more than it costs"),
        (
            0.5,
            "high",
            "0,50 – förändringen ger klart mer än den kostar (0,50 kr eller mer per satsad krona)",
            "0.50 – the change gives clearly more than it costs (0.50 or more per krona invested)",
        ),
        (None, None, "saknas (inga kostnader)", "none (no costs)"),
    ],
)
def test_each_band_of_net_benefit_per_invested_krona_in_words(value: float | None, band: str | None, sv: str, en: str) -> None:
    scenario = Scenario("likely", 100.0, 0.0 if value is None else 100.0, 0.0, None, value, band, None, None)
    assert band_words(scenario, "en") == en
    set_language("sv")
    assert band_words(scenario, "sv") == sv


def test_sizes_and_released_time_without_a_salary(swedish: None) -> None:
    calc = dataclasses.replace(
        point(),
        hours_per_fte=1600.0,
        released_time=(ReleasedTime("b", "Snabbare svar", {2025: -20.0, 2026: 40.0}, {2025: -20 / 1600, 2026: 40 / 1600}),),
        unvalued=tuple(Unvalued(s or "ingen", "N", None, "benefit", s) for s in ("small", "moderate", None)),
    )
    lines = shown_after_key_figures(calc)
    start = lines.index("Frigjord arbetstid (troligt scenario; 1 600 timmar per årsarbetare):".replace(" 600", f"{NBSP}600"))
    assert lines[start + 4 : start + 6] == [
        "│ Snabbare svar │ timmar      │  −20 │   40 │    – │",
        "│               │ årsarbetare │  0,0 │  0,0 │    – │",  # −0,0125 is shown as 0,0, not −0,0
    ]
    assert not any("timkostnad" in line for line in lines)
    assert lines[-4:] == ["Nyttor som inte värderas i pengar:", "  N: liten", "  N: måttlig", "  N: ingen storlek angiven"]


def test_plan_text_is_shown_not_obeyed() -> None:
    hostile = "[bold red]x[/] \x1b]0;title\x07\u202e"
    calc = ranged()
    calc = dataclasses.replace(
        calc,
        rate_source=hostile,
        stakeholder_names={"handlaggare": hostile},
        sensitivity=(dataclasses.replace(calc.sensitivity[0], id=hostile),),
        released_time=(dataclasses.replace(calc.released_time[0], name=hostile),),
        unvalued=(dataclasses.replace(calc.unvalued[0], name=hostile),),
    )
    text = render_calc_text(calc, color=True)
    assert "\x1b]" not in text and "\x07" not in text and "\u202e" not in text
    written = r"[bold red]x[/] \x1b]0;title\x07\u202e"
    assert "(source: " + written + ")" in text
    assert "  " + written + ": SEK 707,874" in text
    assert written + ": hourly cost SEK 413.08" in text
    assert "  " + written + " (quality benefit): large" in text
    assert written + ": volume" in text.replace("\n", "")


# -- JSON ----------------------------------------------------------------------------------


def test_json_adds_the_measures_after_the_contracts_keys_in_order() -> None:
    document = json.loads(json.dumps(calc_json(ranged())))
    assert list(document) == CALC_KEYS
    assert document["rate_source"] == "Ineras standardränta"
    assert (document["hours_per_fte"], document["employer_contributions"], document["ranged"]) == (1700.0, 0.54, True)
    assert document["scenarios"] == {
        "low": {
            "benefits": 732698.43,
            "costs": 783077.58,
            "npv": -50379.15,
            "benefit_cost_ratio": 0.935665,
            "net_benefit_per_krona": -0.064335,
            "band": "negative",
            "payback_year": None,
            "discounted_payback_year": None,
        },
        "likely": {
            "benefits": 850677.46,
            "costs": 841346.97,
            "npv": 9330.49,
            "benefit_cost_ratio": 1.01109,
            "net_benefit_per_krona": 0.01109,
            "band": "low",
            "payback_year": 2027,
            "discounted_payback_year": 2027,
        },
        "high": {
            "benefits": 1027646.01,
            "costs": 987020.45,
            "npv": 40625.55,
            "benefit_cost_ratio": 1.04116,
            "net_benefit_per_krona": 0.04116,
            "band": "low",
            "payback_year": 2027,
            "discounted_payback_year": 2027,
        },
    }
    assert document["sensitivity"] == [
        {
            "kind": "valuation",
            "id": "kortare-handlaggning",
            "name": "Kortare handläggning av fakturor",
            "field": "volume",
            "low": 1000.0,
            "likely": 1200.0,
            "high": 1500.0,
            "npv_low": -108648.54,
            "npv_high": 186299.04,
            "swing": pytest.approx(294947.58),  # |186 299,04 − (−108 648,54)|
        },
        {
            "kind": "cost",
            "id": "licens",
            "name": "Licens",
            "field": "amounts",
            "low": 240000.0,
            "likely": 300000.0,
            "high": 450000.0,
            "npv_low": 67599.88,
            "npv_high": -136342.99,
            "swing": pytest.approx(203942.87),  # |−136 342,99 − 67 599,88|
        },
    ]
    assert document["category_shares"] == {"financial": 0.16787, "redeployment": 0.83213}
    assert document["value_by_recipient"] == {
        "stakeholders": {"handlaggare": 707874.18, "unassigned": 142803.28},
        "stakeholder_categories": {"own_organisation": 707874.18, "unassigned": 142803.28},
    }
    assert document["released_time"] == [
        {
            "benefit": "kortare-handlaggning",
            "name": "Kortare handläggning av fakturor",
            "hours": {"2025": 0.0, "2026": 600.0, "2027": 1200.0},
            "fte": {"2025": 0.0, "2026": 600 / 1700, "2027": 1200 / 1700},
            "monthly_salary": 38000.0,
            "hourly_cost": pytest.approx(413.0823529),
        }
    ]
    assert document["unvalued"] == [
        {
            "benefit": "nojdare-leverantorer",
            "name": "Nöjdare leverantörer",
            "category": "quality",
            "polarity": "benefit",
            "size": "large",
        },
        {
            "benefit": "fler-fragor",
            "name": "Fler frågor till ekonomisupporten",
            "category": "quality",
            "polarity": "disbenefit",
            "size": None,
        },
    ]


def test_json_of_a_plan_without_ranges() -> None:
    document = calc_json(point())
    assert (document["rate_source"], document["ranged"], document["sensitivity"], document["released_time"]) == (
        None,
        False,
        [],
        [],
    )
    assert list(document["scenarios"]) == ["low", "likely", "high"]
    assert document["scenarios"]["low"] == document["scenarios"]["likely"] == document["scenarios"]["high"]
    assert document["scenarios"]["likely"]["npv"] == document["npv"]


def test_the_json_renderer_prints_the_additions() -> None:
    printed = calc_formats.json(CalcReport(ranged()), RenderOptions())
    assert json.loads(printed)["scenarios"]["low"]["band"] == "negative"


# -- CSV -----------------------------------------------------------------------------------


def test_csv_of_a_ranged_plan_in_english() -> None:
    out = render_calc_csv(ranged())
    assert out.splitlines()[-15:] == RANGED_CSV_EN
    assert out.splitlines()[14] == "realised_to_date,180000.00"


def test_csv_of_a_ranged_plan_in_swedish(swedish: None) -> None:
    out = render_calc_csv(ranged())
    assert out.startswith(BOM)
    assert out.removeprefix(BOM).splitlines()[-15:] == RANGED_CSV_SV


def test_csv_of_a_plan_without_ranges_has_the_measure_but_no_scenarios() -> None:
    assert render_calc_csv(point()).splitlines()[-3:] == POINT_CSV_EN


def test_a_ranged_monthly_salary_is_named_as_such(swedish: None) -> None:
    # 4 000 kr a month more or less is 4 000 / (1 700 / 12) × 1,54 = 43,48 kr an hour, on
    # 600 / 1,03 + 1 200 / 1,03² = 1 713,64 discounted hours: ± 74 513,07 kr of NPV. The row's
    # values are salaries, so it is named monthly_salary everywhere, not unit_value.
    salary = Sensitivity(
        "valuation", "kortare-handlaggning", "K", "monthly_salary", 34000.0, 38000.0, 42000.0, -65182.58, 83843.56
    )
    calc = dataclasses.replace(ranged(), sensitivity=(salary,))
    label = "kortare-handlaggning: månadslön (unit_value: monthly_salary)"
    assert (
        f"│ {label} │ 34{NBSP}000 │ 42{NBSP}000 │       −65{NBSP}183 │        83{NBSP}844 │ 149{NBSP}026 │"
    ) in shown_after_key_figures(calc)
    assert render_calc_csv(calc).splitlines()[-1] == (
        f"{label};valuation;kortare-handlaggning;monthly_salary;34000;38000;42000;-65182,58;83843,56;149026,14"
    )
    assert calc_json(calc)["sensitivity"][0]["field"] == "monthly_salary"


def test_a_unit_value_is_a_value_per_unit(swedish: None) -> None:
    row = Sensitivity("valuation", "kortare-handlaggning", "K", "unit_value", 400.0, 413.08, 450.0, -5000.0, 70000.0)
    calc = dataclasses.replace(ranged(), sensitivity=(row,))
    assert render_calc_csv(calc).splitlines()[-1].startswith("kortare-handlaggning: värde per enhet (unit_value);")


def test_json_additions_hold_no_negative_zero() -> None:
    calc = ranged()
    calc = dataclasses.replace(
        calc,
        scenarios=(dataclasses.replace(calc.scenarios[0], npv=-0.0, net_benefit_per_krona=-0.0),),
        category_shares={"quality": -0.0},
        released_time=(dataclasses.replace(calc.released_time[0], hours={2025: -0.0}, fte={2025: -0.0}),),
    )
    printed = calc_formats.json(CalcReport(calc), RenderOptions())
    assert "-0.0" not in printed
    assert json.loads(printed)["scenarios"]["low"]["npv"] == 0.0


@pytest.mark.parametrize(
    ("value", "band", "shown"),
    [
        (0.004, "low", "0,004 – förändringen ger mer än den kostar"),
        (-0.00004, "negative", "−0,00004 – förändringen kostar mer än den ger"),
        (-1e-12, "zero", "0,00 – förändringen går jämnt ut: nyttorna är lika stora som kostnaderna"),
        (0.496, "low", "0,496 – förändringen ger mer än den kostar"),
        (0.4999, "low", "0,4999 – förändringen ger mer än den kostar"),
    ],
)
def test_net_benefit_per_krona_near_a_bands_edge_is_not_shown_as_zero(swedish: None, value: float, band: str, shown: str) -> None:
    # 0,004 is low, not zero: it is shown to as many decimals as make that visible; what is
    # zero to the öre is 0,00, not −0,00; 0,496 is not rounded up to the high band's 0,50.
    assert band_words(Scenario("likely", 100.0, 100.0, 0.0, None, value, band, None, None), "sv") == shown
