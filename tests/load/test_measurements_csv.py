"""Measurement CSV files: both dialects, BOM, located row errors, and the path guard."""

from __future__ import annotations

import datetime as _dt

from conftest import run_check
from nytta.load.csv import read_measurements
from nytta.rules.examples import BASE_PLAN

PLAN = BASE_PLAN.replace("  approvals:", "  measurements_file: matningar.csv\n  approvals:").replace(
    "        measurements:\n          - {date: 2026-09-30, value: 25}\n", ""
)


def test_comma_dialect() -> None:
    table = read_measurements("indicator,date,value,source\ndagar,2026-09-30,25.5,Ärendesystemet\n")
    [row] = table.rows
    assert (row.indicator, row.date, row.value, row.source, row.line) == (
        "dagar",
        _dt.date(2026, 9, 30),
        25.5,
        "Ärendesystemet",
        2,
    )
    assert table.delimiter == ","


def test_semicolon_dialect_with_decimal_comma_and_bom() -> None:
    table = read_measurements('\ufeffindicator;date;value;note\ndagar;2026-09-30;1 234,5;"Semester; låg bemanning"\n')
    [row] = table.rows
    assert row.value == 1234.5
    assert row.note == "Semester; låg bemanning"
    assert table.problems == []


def test_bad_rows_name_their_line_and_column() -> None:
    text = (
        "indicator,date,value\ndagar,2026-09-30,25\ndagar,30/9/2026,24\n"
        '"dagar\nmed radbrytning",2026-10-31,23\ndagar,2026-11-30,\n'
    )
    table = read_measurements(text)
    problems = [(p.line, p.column, p.message) for p in table.problems]
    assert problems[0] == (3, 7, "'30/9/2026' is not a date written YYYY-MM-DD")
    assert problems[1][:2] == (6, 18)
    assert "empty" in problems[1][2]
    assert [r.line for r in table.rows] == [2, 4]


def test_header_without_required_columns() -> None:
    table = read_measurements("ind,datum,varde\n")  # datum and värde are Swedish for date and value
    assert {p.message for p in table.problems} >= {"the header lacks the column 'indicator' (expected indicator, date, value)"}


def test_plan_with_csv_measurements_is_checked_with_csv_locations(write_plan, tmp_path) -> None:
    (tmp_path / "matningar.csv").write_text(
        "indicator;date;value\ndagar;2026-06-30;30\ndagr;2026-09-30;25\ndagar;2026-06-30;29\ndagar;2027-01-31;20\n",
        encoding="utf-8-sig",
    )
    found = {(d.file.rsplit("/", 1)[-1], d.rule, d.line, d.column) for d in run_check(write_plan(PLAN))}
    assert ("matningar.csv", "measurements-file", 3, 1) in found
    assert ("matningar.csv", "duplicate-measurement", 4, 7) in found
    assert ("matningar.csv", "future-measurement", 5, 7) in found
    unknown = [d for d in run_check(write_plan(PLAN)) if d.rule == "measurements-file"]
    assert unknown[0].message == "unknown indicator 'dagr'; did you mean 'dagar'?"
    assert unknown[0].source_line == "dagr;2026-09-30;25"


def test_measurements_file_outside_the_folder_is_refused_and_not_read(write_plan, tmp_path) -> None:
    outside = tmp_path.parent / "secret.csv"
    outside.write_text("indicator,date,value\ndagar,2026-09-30,25\n", encoding="utf-8")
    plan = PLAN.replace("measurements_file: matningar.csv", "measurements_file: ../secret.csv")
    found = run_check(write_plan(plan))
    [problem] = [d for d in found if d.rule == "measurements-file"]
    assert "outside the plan's folder" in problem.message
    assert problem.line == plan.splitlines().index("  measurements_file: ../secret.csv") + 1


def test_missing_measurements_file(write_plan) -> None:
    [problem] = [d for d in run_check(write_plan(PLAN)) if d.rule == "measurements-file"]
    assert "does not exist" in problem.message
