"""The outputs people read, in Swedish and in English: check's text and JUnit, status and calc
tables, their CSV as Swedish and English spreadsheets open it (exact rows), diff text and
Markdown with every value as written, and the --format help of the registry."""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import AS_OF, spec_document
from nytta.compute.calc import calculate
from nytta.compute.status import plan_status
from nytta.compute.trend import with_trend
from nytta.diagnostics import CheckResult, Diagnostic, Severity
from nytta.i18n import set_language
from nytta.load.plan import load_plan
from nytta.render import diff_formats
from nytta.render.calc_csv import render_calc_csv
from nytta.render.calc_text import render_calc_text
from nytta.render.junit import render_junit
from nytta.render.registry import RenderOptions, choices
from nytta.render.status_csv import render_status_csv
from nytta.render.status_text import render_status_text
from nytta.render.text import render_text
from nytta.results.diff import Added, Change, Dated, DiffReport
from nytta.results.status import PlanStatus, Status, Trend, TrendDirection
from nytta.rules.changes import compare

NBSP = "\u00a0"
BOM = "\ufeff"


@pytest.fixture
def swedish() -> Iterator[None]:
    set_language("sv")
    yield
    set_language("en")


def _result(errors: int, warnings: int, files: int) -> CheckResult:
    found = [Diagnostic("a.yaml", i + 1, 1, "schema", "E.", source_line="x: 1") for i in range(errors)]
    found += [Diagnostic("a.yaml", 100 + i, 1, "risk-incomplete", "W.", severity=Severity.WARNING) for i in range(warnings)]
    return CheckResult(tuple(f"f{i}.yaml" for i in range(files)), tuple(found))


# -- check ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("errors", "warnings", "files", "summary"),
    [
        (0, 0, 1, "Inga problem i 1 fil."),
        (0, 0, 3, "Inga problem i 3 filer."),
        (1, 2, 3, "1 fel, 2 varningar i 3 filer"),
        (2, 1, 1, "2 fel, 1 varning i 1 fil"),
        (0, 1, 2, "0 fel, 1 varning i 2 filer"),
    ],
)
def test_check_summary_in_swedish(swedish: None, errors: int, warnings: int, files: int, summary: str) -> None:
    assert render_text(_result(errors, warnings, files), {}).splitlines()[-1] == summary


def test_check_text_names_severities_in_swedish(swedish: None) -> None:
    lines = render_text(_result(1, 1, 1), {}).splitlines()
    assert lines[:2] == ["a.yaml:1:1: fel schema E.", "    x: 1"]
    assert lines[3] == "a.yaml:100:1: varning risk-incomplete W."


def test_junit_introduces_warnings_in_the_language(swedish: None) -> None:
    assert "<system-out>varning: a.yaml:100:1 risk-incomplete W.</system-out>" in render_junit(_result(0, 1, 1), {})
    set_language("en")
    assert "<system-out>warning: a.yaml:100:1 risk-incomplete W.</system-out>" in render_junit(_result(0, 1, 1), {})


# -- status --------------------------------------------------------------------------------


def test_status_text_in_swedish(swedish: None) -> None:
    text = render_status_text([plan_status(spec_document(), AS_OF)], color=False)
    lines = text.splitlines()
    assert lines[0] == (
        "bygglov-e-tjanst — E-tjänst för bygglovsansökan: risk för avvikelse "
        "(sämst av 3 nyttor: farre-kompletteringar har status risk för avvikelse)"
    )
    assert lines[1] == (
        f"per 2026-11-27; enligt plan vid minst 90{NBSP}%, risk för avvikelse vid minst 70{NBSP}% av planerad förbättring"
    )
    assert lines[3].split("┃")[1:-1] == [
        " Nytta / indikator           ",
        " Status             ",
        " Nollmätning ",
        " Målvärde ",
        " Senaste ",
        " Planerat ",
        " Måluppfyllelse ",
        " Andel av målet ",
        " Prognos ",
        " Nästa mätning ",
    ]
    row = [cell.strip() for cell in lines[6].split("│")[1:-1]]
    assert row == [
        "handlaggningstid (days)",
        "enligt plan",
        "42",
        "21",
        "27",
        "25,5",
        f"91{NBSP}%",
        f"71{NBSP}%",
        "24,21",
        "2026-12-31",
    ]
    assert "│ mer-administration (onytta) │ risk för avvikelse │" in text
    assert lines[-1] == (
        f"  forvaltningstid: 25 hours mot planerat 20 den 2026-09-30 (skillnad +5): måluppfyllelse 75{NBSP}%, "
        f"risk för avvikelse (minst 70{NBSP}%, under 90{NBSP}%)"
    )


def test_status_text_groups_thousands_in_swedish(swedish: None, tmp_path: Path) -> None:
    doc = load_plan(_plan_with_large_values(tmp_path), "plan.yaml")
    text = render_status_text([plan_status(doc, _dt.date(2025, 3, 1))], color=False)
    row = next(line for line in text.splitlines() if "  i (brev)" in line)
    assert [cell.strip() for cell in row.split("│")[1:-1]][2:6] == [
        f"158{NBSP}333",
        f"100{NBSP}000",
        f"114{NBSP}398,91",
        f"129{NBSP}166,5",
    ]


def _plan_with_large_values(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "nytta: 1\n"
        "plan: {id: p, title: Plan, phase: realise}\n"
        "people: [{id: anna, name: Anna}]\n"
        "stakeholders: [{id: s, name: S, category: citizens}]\n"
        "goals: [{id: g, name: G}]\n"
        "benefits:\n"
        "  - {id: b, name: B, owner: anna, recipients: [s], goals: [g], indicators: [{id: i, name: I, unit: brev,"
        " direction: decrease, baseline: {value: 158333, date: 2025-01-01}, targets: [{date: 2025-04-11, value: 100000}],"
        " measurements: [{date: 2025-02-20, value: 114398.91}]}]}\n",
        encoding="utf-8",
    )
    return path


STATUS_CSV_EN = [
    "file,plan,plan_status,benefit,polarity,benefit_status,indicator,unit,direction,baseline,baseline_date,target,"
    "target_date,latest,latest_date,planned,achievement,progress,status,forecast,forecast_meets_target,next_due,overdue,reason,"
    "plan_trend,benefit_trend,trend_since",
    "bygglov-e-tjanst.yaml,bygglov-e-tjanst,at_risk,kortare-handlaggning,benefit,on_track,handlaggningstid,days,decrease,"
    "42,2024-12-31,21,2026-12-31,27,2026-09-30,25.5,0.91,0.71,on_track,24.21,false,2026-12-31,false,"
    '"27 days vs planned 25.5 at 2026-09-30 (difference +1.5): 91 % of planned improvement, on track ≥ 90 %"'
    ",same,same,2026-09-30",
    "bygglov-e-tjanst.yaml,bygglov-e-tjanst,at_risk,farre-kompletteringar,benefit,at_risk,kompletteringstid,hours,decrease,"
    "160,2024-12-31,60,2026-12-31,85,2026-10-31,72.55,0.86,0.75,at_risk,69.82,false,2026-11-30,false,"
    '"85 hours vs planned 72.55 at 2026-10-31 (difference +12.45): 86 % of planned improvement, at risk: ≥ 70 %, < 90 %"'
    ",same,same,2026-09-30",
    "bygglov-e-tjanst.yaml,bygglov-e-tjanst,at_risk,mer-administration,disbenefit,at_risk,forvaltningstid,hours,decrease,"
    "0,2024-12-31,20,2026-06-30,25,2026-09-30,20,0.75,1.25,at_risk,28.71,false,2026-12-31,false,"
    '"25 hours vs planned 20 at 2026-09-30 (difference +5): achievement 75 %, at risk: ≥ 70 %, < 90 %"'
    ",same,same,2026-09-30",
]

STATUS_CSV_SV = [
    "Fil;Plan;Planens status;Nytta;Nytta/onytta;Nyttans status;Nyttoindikator;Enhet;Riktning;Nollmätning;"
    "Nollmätning datum;Målvärde;Målvärde datum;Senaste mätning;Senaste mätning datum;Planerat;Måluppfyllelse;"
    "Andel av målet;Status;Prognos;Prognosen når målvärdet;Nästa mätning;Försenad;Motivering;Planens trend;Nyttans trend;"
    "Trend sedan",
    "bygglov-e-tjanst.yaml;bygglov-e-tjanst;risk för avvikelse;kortare-handlaggning;nytta;enligt plan;handlaggningstid;"
    "days;minska;42;2024-12-31;21;2026-12-31;27;2026-09-30;25,5;0,91;0,71;enligt plan;24,21;nej;2026-12-31;nej;"
    f"27 days mot planerat 25,5 den 2026-09-30 (skillnad +1,5): 91{NBSP}% av planerad förbättring, enligt plan (minst 90{NBSP}%);"
    "oförändrad;oförändrad;2026-09-30",
    "bygglov-e-tjanst.yaml;bygglov-e-tjanst;risk för avvikelse;farre-kompletteringar;nytta;risk för avvikelse;"
    "kompletteringstid;hours;minska;160;2024-12-31;60;2026-12-31;85;2026-10-31;72,55;0,86;0,75;risk för avvikelse;"
    f"69,82;nej;2026-11-30;nej;85 hours mot planerat 72,55 den 2026-10-31 (skillnad +12,45): 86{NBSP}% av planerad "
    f"förbättring, risk för avvikelse (minst 70{NBSP}%, under 90{NBSP}%);oförändrad;oförändrad;2026-09-30",
    "bygglov-e-tjanst.yaml;bygglov-e-tjanst;risk för avvikelse;mer-administration;onytta;risk för avvikelse;"
    "forvaltningstid;hours;minska;0;2024-12-31;20;2026-06-30;25;2026-09-30;20;0,75;1,25;risk för avvikelse;28,71;nej;"
    f"2026-12-31;nej;25 hours mot planerat 20 den 2026-09-30 (skillnad +5): måluppfyllelse 75{NBSP}%, risk för avvikelse "
    f"(minst 70{NBSP}%, under 90{NBSP}%);oförändrad;oförändrad;2026-09-30",
]


def spec_status() -> PlanStatus:
    """The spec example's status with its trend since the previous quarter's end (the plan
    has no follow-ups): the same status as on 2026-09-30 for the plan and each benefit."""
    doc = spec_document()
    return with_trend(plan_status(doc, AS_OF), doc)


def test_status_csv_in_english_rounds_as_the_table_shows() -> None:
    out = render_status_csv([spec_status()])
    assert out.splitlines() == STATUS_CSV_EN
    assert not out.startswith(BOM)


def test_status_csv_in_swedish_opens_in_swedish_excel(swedish: None) -> None:
    out = render_status_csv([spec_status()])
    assert out.startswith(BOM) and out.endswith("\n")
    assert out.removeprefix(BOM).splitlines() == STATUS_CSV_SV


@pytest.mark.parametrize(
    ("plan", "benefit", "english", "swedish"),
    [
        (TrendDirection.BETTER, TrendDirection.WORSE, ["better", "worse"], ["bättre", "sämre"]),
        (TrendDirection.SAME, None, ["same", ""], ["oförändrad", ""]),
    ],
)
def test_status_csv_shows_the_trend_in_its_last_columns(
    plan: TrendDirection, benefit: TrendDirection | None, english: list[str], swedish: list[str]
) -> None:
    status = spec_status()
    since = _dt.date(2026, 9, 30)
    first = replace(status.benefits[0], trend=Trend(since, Status.AT_RISK, benefit))
    status = replace(status, trend=Trend(since, Status.AT_RISK, plan), benefits=(first, *status.benefits[1:]))
    for language, words in (("en", english), ("sv", swedish)):
        set_language(language)
        rows = list(
            csv.reader(io.StringIO(render_status_csv([status]).removeprefix(BOM)), delimiter="," if language == "en" else ";")
        )
        assert rows[1][-3:] == [*words, "2026-09-30"]


def test_status_csv_keeps_the_decimals_a_value_was_written_with(swedish: None, tmp_path: Path) -> None:
    doc = load_plan(_plan_with_large_values(tmp_path), "plan.yaml")
    row = render_status_csv([plan_status(doc, _dt.date(2025, 3, 1))]).splitlines()[1].split(";")
    assert row[9:16] == ["158333", "2025-01-01", "100000", "2025-04-11", "114398,91", "2025-02-20", "129166,5"]


def test_status_csv_quotes_text_a_spreadsheet_would_take_for_a_formula(tmp_path: Path) -> None:
    path = _plan_with_large_values(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("unit: brev", "unit: '=1+1'"), encoding="utf-8")
    row = render_status_csv([plan_status(load_plan(path, "plan.yaml"), _dt.date(2025, 3, 1))]).splitlines()[1]
    assert ",'=1+1," in row


# -- calc ----------------------------------------------------------------------------------

CALC_CSV_EN = [
    "item,2025,2026,2027,2028,2029,total",
    "benefits: redeployment,14324.48,237576.89,432000.00,432000.00,432000.00,1547901.37",
    "Benefits,14324.48,237576.89,432000.00,432000.00,432000.00,1547901.37",
    "costs: investment,850000.00,0.00,0.00,0.00,0.00,850000.00",
    "costs: running,0.00,120000.00,120000.00,120000.00,120000.00,480000.00",
    "Costs,850000.00,120000.00,120000.00,120000.00,120000.00,1330000.00",
    "Net,-835675.52,117576.89,312000.00,312000.00,312000.00,217901.37",
    "Discounted net,-835675.52,114152.32,294089.92,285524.20,277207.96,135298.88",
    "discount_factor,1.000000,0.970874,0.942596,0.915142,0.888487,",
    "npv,135298.88",
    "benefit_cost_ratio,1.10",
    "payback_year,2029",
    "discounted_payback_year,2029",
    "realised_to_date,161740.98",
    "net_benefit_per_krona,0.10",
    "band,low",
]

CALC_CSV_SV = [
    "Post;2025;2026;2027;2028;2029;Summa",
    "nyttor: omfördelningsnytta;14324,48;237576,89;432000,00;432000,00;432000,00;1547901,37",
    "Nyttor;14324,48;237576,89;432000,00;432000,00;432000,00;1547901,37",
    "kostnader: investering;850000,00;0,00;0,00;0,00;0,00;850000,00",
    "kostnader: drift;0,00;120000,00;120000,00;120000,00;120000,00;480000,00",
    "Kostnader;850000,00;120000,00;120000,00;120000,00;120000,00;1330000,00",
    "Netto;-835675,52;117576,89;312000,00;312000,00;312000,00;217901,37",
    "Nuvärde netto;-835675,52;114152,32;294089,92;285524,20;277207,96;135298,88",
    "Diskonteringsfaktor;1,000000;0,970874;0,942596;0,915142;0,888487;",
    "Nettonuvärde;135298,88",
    "Nyttokostnadskvot;1,10",
    "Återbetalningsår;2029",
    "Återbetalningsår, diskonterat;2029",
    "Realiserat värde hittills;161740,98",
    "Nettonytta per satsad krona;0,10",
    "Nivå för nettonytta per satsad krona;förändringen ger mer än den kostar",
]


def test_calc_csv_in_english_has_money_to_two_decimals() -> None:
    out = render_calc_csv(calculate(spec_document(), AS_OF))
    assert out.splitlines() == CALC_CSV_EN and not out.startswith(BOM)


def test_calc_csv_in_swedish_opens_in_swedish_excel(swedish: None) -> None:
    out = render_calc_csv(calculate(spec_document(), AS_OF))
    assert out.startswith(BOM)
    assert out.removeprefix(BOM).splitlines() == CALC_CSV_SV


def test_calc_text_in_swedish(swedish: None) -> None:
    lines = render_calc_text(calculate(spec_document(), AS_OF), color=False).splitlines()
    assert lines[2].split("┃")[-2].strip() == "Summa"
    assert [cell.strip() for cell in lines[4].split("│")[1:-1]] == [
        "nyttor: omfördelningsnytta",
        f"14{NBSP}324",
        f"237{NBSP}577",
        f"432{NBSP}000",
        f"432{NBSP}000",
        f"432{NBSP}000",
        f"1{NBSP}547{NBSP}901",
    ]
    assert f"│ Netto                        │ −835{NBSP}676 │" in lines[9]
    first = lines.index(f"Nettonuvärde: 135{NBSP}299{NBSP}kr")
    assert lines[first : first + 8] == [
        f"Nettonuvärde: 135{NBSP}299{NBSP}kr",
        "Nyttokostnadskvot: 1,10",
        "Återbetalningsår: 2029; diskonterat: 2029",
        f"Realiserat värde hittills (2026-11-27): 161{NBSP}741{NBSP}kr",
        f"Kalkylränta 3{NBSP}% per år, basår 2025.",
        "Bara finansiell nytta påverkar budgeten; omfördelningsnytta, kvalitetsnytta och miljönytta",
        "värderas i pengar men frigör ingen budget.",
        "",
    ]


def test_calc_text_rate_with_decimals(swedish: None) -> None:
    calculation = calculate(spec_document(), AS_OF, rate=0.035)
    assert f"Kalkylränta 3,5{NBSP}% per år, basår 2025." in render_calc_text(calculation, color=False)
    set_language("en")
    assert "Discount rate 3.5% a year, base year 2025." in render_calc_text(calculation, color=False)


# -- diff ----------------------------------------------------------------------------------

CHANGES = DiffReport(
    (
        Change("owner-changed", "b", "anna", "karin", ("benefits", 0, "owner")),
        Change("baseline-changed", "i", Dated(158333.0, _dt.date(2025, 1, 1)), Dated(99850.25, _dt.date(2025, 1, 1)), None),
        Change("measurements-added", "i", None, Added(2, Dated(114398.91, _dt.date(2025, 6, 30))), None),
    ),
    "old.yaml",
    "new.yaml",
)


def test_diff_text_in_english_shows_values_as_written() -> None:
    assert diff_formats.text(CHANGES, RenderOptions()) == (
        "3 changes from old.yaml to new.yaml:\n"
        "  owner changed: b: anna → karin\n"
        "  baseline changed: i: 158333 (2025-01-01) → 99850.25 (2025-01-01)  (needs a revision entry once approved)\n"
        "  measurements added: i: 2 (latest 114398.91 (2025-06-30))\n"
    )


def test_diff_text_in_swedish(swedish: None) -> None:
    assert diff_formats.text(CHANGES, RenderOptions()) == (
        "3 ändringar från old.yaml till new.yaml:\n"
        "  nyttoägare bytt: b: anna → karin\n"
        f"  nollmätning ändrad: i: 158{NBSP}333 (2025-01-01) → 99{NBSP}850,25 (2025-01-01)  "
        "(kräver en post i `revisions` när planen är godkänd)\n"
        f"  mätningar tillagda: i: 2 (senaste 114{NBSP}398,91 (2025-06-30))\n"
    )
    one = DiffReport(CHANGES.changes[:1], "a", "b")
    assert diff_formats.text(one, RenderOptions()).splitlines()[0] == "1 ändring från a till b:"
    assert diff_formats.text(DiffReport((), "a", "b"), RenderOptions()) == "Inga ändringar mellan a och b.\n"


def test_diff_markdown_in_swedish(swedish: None) -> None:
    assert diff_formats.md(CHANGES, RenderOptions()) == (
        "### Ändringar i planen\n\n`old.yaml` → `new.yaml`\n\n"
        "| Ändring | Gäller | Värde |\n|---|---|---|\n"
        "| nyttoägare bytt | `b` | anna → karin |\n"
        f"| nollmätning ändrad ⚠ | `i` | 158{NBSP}333 (2025-01-01) → 99{NBSP}850,25 (2025-01-01) |\n"
        f"| mätningar tillagda | `i` | 2 (senaste 114{NBSP}398,91 (2025-06-30)) |\n\n"
        "⚠ flyttar en målstolpe: en godkänd plan behöver en post i `revisions` som förklarar ändringen.\n"
    )
    assert diff_formats.md(DiffReport((), "a", "b"), RenderOptions()).endswith("Inga ändringar.\n")


def test_diff_of_two_plans_keeps_every_decimal(tmp_path: Path) -> None:
    old = _plan_with_large_values(tmp_path)
    new = tmp_path / "new.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("value: 100000}", "value: 99850.25}"), encoding="utf-8")
    before, after = load_plan(old, "plan.yaml"), load_plan(new, "new.yaml")
    assert before.plan is not None and after.plan is not None
    report = DiffReport(tuple(compare(before.plan, after.plan, before, after)), "plan.yaml", "new.yaml")
    expected = "  target changed: i: 100000 (2025-04-11) → 99850.25 (2025-04-11)  (needs a revision entry once approved)"
    assert diff_formats.text(report, RenderOptions()).splitlines()[1] == expected
    assert '"new": "99850.25 (2025-04-11)"' in diff_formats.json(report, RenderOptions())


# -- the --format help ---------------------------------------------------------------------


def test_format_choices_are_described_in_the_language(swedish: None) -> None:
    assert choices("status") == "text (tabeller för människor), json (statusens JSON-format), csv (en rad per indikator)"
    set_language("en")
    assert choices("status") == "text (tables for people), json (the status contract), csv (one row per indicator)"
