"""Measurement CSV files the way Swedish analysts write them: Swedish column names, Excel's
encodings and separators, impossible dates — each accepted, or one located finding that
says what to do, in English and in Swedish."""

from __future__ import annotations

import datetime as _dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PLANS, run_check, run_cli
from nytta.i18n import _, set_language
from nytta.load.csv import read_measurements

CSV_PLAN = "forskoleplats-e-tjanst"  # realise phase, measurements in a ;-separated CSV with BOM
CSV_NAME = f"{CSV_PLAN}.measurements.csv"
AS_OF = _dt.date(2026, 11, 27)


@pytest.fixture(params=["en", "sv"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


def _copy(tmp_path: Path) -> Path:
    for source in PLANS.glob(f"{CSV_PLAN}.*"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path / f"{CSV_PLAN}.yaml"


@pytest.mark.parametrize(
    "header",
    [
        "indikator;datum;värde;källa;kommentar",
        "Indikator;Datum;Värde;Källa;Anteckning",
        "INDIKATOR;DATUM;VARDE;KALLA;KOMMENTAR",
        "indikator;datum;varde;kalla;anteckning",
        "indicator;Datum;VÄRDE;source;note",
    ],
)
def test_swedish_column_names_are_read_like_the_english_ones(header: str) -> None:
    table = read_measurements(f"{header}\ndagar;2026-09-30;25,5;Ärendesystemet;Efter semestern\n")
    assert table.problems == []
    [row] = table.rows
    assert (row.indicator, row.date, row.value, row.source, row.note) == (
        "dagar",
        _dt.date(2026, 9, 30),
        25.5,
        "Ärendesystemet",
        "Efter semestern",
    )


def test_the_swedish_kind_column_typ_takes_swedish_kinds(write_plan, tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    (tmp_path / CSV_NAME).write_text(
        "indikator;datum;värde;typ\nsamtal-forskola;2026-10-31;300;utfall\nsamtal-forskola;2027-06-30;200;prognos\n",
        encoding="utf-8-sig",
    )
    found = [d for d in run_check(plan) if d.rule == "measurements-file"]
    assert found == []
    from nytta.load.plan import load_plan

    doc = load_plan(plan, plan.name)
    assert doc is not None
    assert [(o.date, o.kind.value) for o in doc.observations_of("samtal-forskola")] == [
        (_dt.date(2026, 10, 31), "actual"),
        (_dt.date(2027, 6, 30), "forecast"),
    ]


def test_a_column_named_twice_is_a_finding() -> None:
    [problem] = read_measurements("indikator;datum;värde;note;kommentar\ndagar;2026-09-30;25;a;b\n").problems
    assert (problem.line, problem.column, problem.message) == (
        1,
        28,
        "the column 'kommentar' repeats 'note' (both are 'note')",
    )


TABS = {
    "en": "the columns are separated by tabs; separate them with ';' (with decimal comma, as Swedish Excel saves CSV) "
    "or ',' (with decimal point)",
    "sv": "kolumnerna är åtskilda med tabbtecken; skilj dem åt med ';' (med decimalkomma, som svenska Excel sparar CSV) "
    "eller ',' (med decimalpunkt)",
}


def test_a_tab_separated_file_is_one_finding_naming_the_separators_that_work(lang: str) -> None:
    table = read_measurements("indikator\tdatum\tvärde\ndagar\t2026-09-30\t25,5\n")
    assert [(p.line, p.column, p.message) for p in table.problems] == [(1, 10, TABS[lang])]
    assert table.rows == [] and table.unread is None


def test_a_tab_separated_row_under_a_semicolon_header_says_the_same(lang: str) -> None:
    table = read_measurements("indikator;datum;värde\ndagar;2026-06-30;30\ndagar\t2026-09-30\t25,5\n")
    assert [(p.line, p.column, p.message) for p in table.problems] == [(3, 1, TABS[lang])]
    assert table.unread == frozenset({"dagar"})


IMPOSSIBLE = {
    "en": {
        "2025-02-30": "'2025-02-30' is not a date: February 2025 has 28 days",
        "2025-13-01": "'2025-13-01' is not a date: month 13 does not exist",
        "30/9/2025": "'30/9/2025' is not a date written YYYY-MM-DD",
    },
    "sv": {
        "2025-02-30": "'2025-02-30' är inget datum: februari 2025 har 28 dagar",
        "2025-13-01": "'2025-13-01' är inget datum: månad 13 finns inte",
        "30/9/2025": "'30/9/2025' är inget datum skrivet ÅÅÅÅ-MM-DD",
    },
}


@pytest.mark.parametrize("written", ["2025-02-30", "2025-13-01", "30/9/2025"])
def test_an_impossible_date_says_why(lang: str, written: str) -> None:
    [problem] = read_measurements(f"indikator;datum;värde\ndagar;{written};25\n").problems
    assert (problem.line, problem.column, problem.message) == (2, 7, IMPOSSIBLE[lang][written])


NOT_UTF8 = {
    "en": 'the file is not UTF-8 (byte 0xf6 on line 2); in Excel, save it as "CSV UTF-8 (Comma delimited)" '
    '(Swedish Excel: "CSV UTF-8 (kommaavgränsad)")',
    "sv": 'filen är inte UTF-8 (byte 0xf6 på rad 2); spara den i Excel som "CSV UTF-8 (kommaavgränsad)"',
}


def _excel_csv(tmp_path: Path) -> Path:
    """The plan with its measurements saved as Excel's plain "CSV" (Windows-1252)."""
    plan = _copy(tmp_path)
    csv = tmp_path / CSV_NAME
    csv.write_bytes(csv.read_text(encoding="utf-8-sig").encode("cp1252"))
    return plan


def test_a_csv_that_is_not_utf8_names_excels_choice_and_nothing_follows_from_it(tmp_path: Path, lang: str) -> None:
    plan = _excel_csv(tmp_path)
    found = run_check(plan, AS_OF)
    unreadable = _("the measurements file cannot be read: {reason}", reason=NOT_UTF8[lang])  # the loader's words
    assert [(d.rule, d.message) for d in found] == [("measurements-file", unreadable)]
    assert unreadable.startswith({"en": "the measurements file ", "sv": "mätfilen "}[lang])


def test_the_readable_plan_has_the_overdue_warnings_the_unreadable_one_lost(tmp_path: Path) -> None:
    """The same plan with its file readable but empty of rows: the warnings are real then."""
    plan = _copy(tmp_path)
    (tmp_path / CSV_NAME).write_text("indicator;date;value\n", encoding="utf-8")
    assert {d.rule for d in run_check(plan, AS_OF)} == {"measurement-overdue"}


def test_only_the_indicator_of_an_unreadable_row_loses_its_overdue_warning(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    (tmp_path / CSV_NAME).write_text("indicator;date;value\nsamtal-forskola;2026-02-30;300\n", encoding="utf-8")
    found = run_check(plan, AS_OF)
    overdue = {d.message.split("'")[1] for d in found if d.rule == "measurement-overdue"}
    assert overdue and "samtal-forskola" not in overdue
    [problem] = [d for d in found if d.rule == "measurements-file"]
    assert problem.message == "'2026-02-30' is not a date: February 2026 has 28 days"


def test_a_header_that_lacks_columns_leaves_every_indicator_unread(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    (tmp_path / CSV_NAME).write_text("indicator;when;value\n", encoding="utf-8")
    assert {d.rule for d in run_check(plan, AS_OF)} == {"measurements-file"}


def test_import_of_a_file_that_is_not_utf8_names_excels_choice(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path)
    rows = tmp_path / "från-excel.csv"
    rows.write_bytes("indikator;datum;värde\nsamtal-forskola;2026-10-31;300\n".encode("cp1252"))
    code, _, err = run_cli(["import", str(plan), str(rows)], capsys)
    assert code == 1
    assert err.splitlines()[0] == (
        f"nytta: refused: {rows.as_posix()}:1:18: the file is not UTF-8 (byte 0xe4 on line 1); in Excel, save it as "
        '"CSV UTF-8 (Comma delimited)" (Swedish Excel: "CSV UTF-8 (kommaavgränsad)") [measurements-file]'
    )
