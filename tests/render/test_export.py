"""`nytta export`: the benefit register as XLSX, Swedish and English CSV, and JSON."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from conftest import AS_OF, CLI_MAIN, PLANS, SPEC_DIR, modules_loaded, run_cli
from nytta.app.plans import load_plans
from nytta.compute.calc import calculate
from nytta.load.plan import PlanDocument
from nytta.render.register import COLUMNS, MEASUREMENT_COLUMNS
from nytta.rules.examples import BASE_PLAN

AS_OF_TEXT = AS_OF.isoformat()
NUMBER_KINDS = {"number", "share", "money"}


@pytest.fixture(scope="module")
def documents() -> list[PlanDocument]:
    docs, _ = load_plans([PLANS])
    assert docs and all(d.plan is not None for d in docs)
    return docs


def _indicator_count(docs: list[PlanDocument]) -> int:
    return sum(len(b.indicators) for d in docs for b in d.plan.benefits)  # type: ignore[union-attr]


def _json_rows(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict[str, object]]:
    code, out, _ = run_cli(["export", *paths, "--format", "json", "--as-of", AS_OF_TEXT], capsys)
    assert code == 0
    return json.loads(out)["rows"]


def _export_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> openpyxl.Workbook:
    target = tmp_path / "register.xlsx"
    code, _, err = run_cli(["export", str(PLANS), "-f", "xlsx", "-o", str(target), "--as-of", AS_OF_TEXT, *extra], capsys)
    assert code == 0 and str(target) in err  # "Wrote …", or "Skrev …" with --lang sv
    assert [p.name for p in tmp_path.iterdir()] == ["register.xlsx"]  # no temporary file left behind
    return openpyxl.load_workbook(target)


def test_xlsx_register_has_a_bold_frozen_filtered_header_and_a_row_per_indicator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], documents: list[PlanDocument]
) -> None:
    sheet = _export_xlsx(tmp_path, capsys, "--lang", "sv")["Nyttoregister"]
    header = [cell.value for cell in sheet[1]]
    assert header == [c.sv for c in COLUMNS]
    assert {"Nytta", "Nyttoägare", "Nyttomottagare", "Nyttoindikator", "Nollmätning", "Målvärde datum"} <= set(header)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}{sheet.max_row}"
    assert sheet.max_row - 1 == _indicator_count(documents)
    widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width for i in range(1, len(COLUMNS) + 1)]
    assert all(8 <= w <= 60 for w in widths)


def test_xlsx_cells_are_real_numbers_and_real_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], documents: list[PlanDocument]
) -> None:
    sheet = _export_xlsx(tmp_path, capsys, "--lang", "en")["Benefit register"]
    expected = _json_rows(capsys, str(PLANS))
    seen_numbers = seen_dates = 0
    for row, want in zip(sheet.iter_rows(min_row=2), expected, strict=True):
        for column, cell in zip(COLUMNS, row, strict=True):
            value = want[column.key]
            if column.kind == "date" and value is not None:
                assert isinstance(cell.value, _dt.datetime) and cell.number_format == "yyyy-mm-dd"
                assert cell.value.date().isoformat() == value
                seen_dates += 1
            elif column.kind in NUMBER_KINDS and isinstance(value, (int, float)):
                assert type(cell.value) in (int, float), (column.key, cell.value)
                assert cell.value == pytest.approx(value)
                seen_numbers += 1
    assert seen_numbers > 3 * len(expected) and seen_dates > 3 * len(expected)
    codes = {cell.value for cell in sheet["T"][1:]}
    assert "On track" in codes and "on_track" not in codes


def test_xlsx_second_sheet_lists_every_measurement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], documents: list[PlanDocument]
) -> None:
    workbook = _export_xlsx(tmp_path, capsys, "--lang", "sv")
    assert workbook.sheetnames == ["Nyttoregister", "Mätningar"]
    sheet = workbook["Mätningar"]
    assert [cell.value for cell in sheet[1]] == [c.sv for c in MEASUREMENT_COLUMNS]
    assert all(cell.font.bold for cell in sheet[1]) and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.max_row - 1 == sum(len(d.observations) for d in documents)
    dates = [row[2].value for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(d, _dt.datetime) for d in dates)
    assert {row[4].value for row in sheet.iter_rows(min_row=2)} <= {"utfall", "prognos"}


def test_swedish_csv_has_a_bom_semicolons_and_decimal_commas(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["export", str(PLANS), "--lang", "sv", "--as-of", AS_OF_TEXT], capsys)
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == [c.sv for c in COLUMNS]
    expected = _json_rows(capsys, str(PLANS))
    assert len(rows) - 1 == len(expected)
    decimal_commas = 0
    for row, want in zip(rows[1:], expected, strict=True):
        for column, text in zip(COLUMNS, row, strict=True):
            value = want[column.key]
            if column.kind in NUMBER_KINDS and isinstance(value, (int, float)):
                assert "." not in text
                decimal_commas += "," in text
                assert float(text.replace(",", ".")) == value
            elif column.kind == "date":
                assert text == (value or "")
    assert decimal_commas > 0


def test_english_csv_uses_commas_and_decimal_points(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["export", str(PLANS), "--lang", "en", "-f", "csv", "--as-of", AS_OF_TEXT], capsys)
    assert code == 0 and not out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [c.en for c in COLUMNS]
    expected = _json_rows(capsys, str(PLANS))
    assert [float(r["Share of target"]) if r["Share of target"] else None for r in rows] == [w["progress"] for w in expected]
    assert rows[0]["Direction"] == "decrease" and rows[0]["Polarity"] == "Benefit"


def test_json_round_trips_with_machine_keys_and_codes(capsys: pytest.CaptureFixture[str], documents: list[PlanDocument]) -> None:
    code, out, _ = run_cli(["export", str(PLANS), "-f", "json", "--lang", "sv", "--as-of", AS_OF_TEXT], capsys)
    data = json.loads(out)
    assert code == 0 and json.loads(json.dumps(data)) == data
    assert data["as_of"] == AS_OF_TEXT and data["columns"] == [c.key for c in COLUMNS]
    assert len(data["rows"]) == _indicator_count(documents)
    first = data["rows"][0]
    assert list(first) == data["columns"]
    assert first["status"] in {"on_track", "at_risk", "off_track", "achieved", "missed", "no_data"}
    assert first["direction"] in {"increase", "decrease", "maintain"}
    assert _dt.date.fromisoformat(first["baseline_date"]) and isinstance(first["baseline"], (int, float))
    assert all(isinstance(r["name"], str) for r in first["recipients"]) and isinstance(first["goals"], list)


def test_values_to_date_add_up_to_the_plans_nyttokalkyl(
    capsys: pytest.CaptureFixture[str], documents: list[PlanDocument]
) -> None:
    rows = _json_rows(capsys, str(PLANS), str(SPEC_DIR / "bygglov-e-tjanst.yaml"))
    spec_docs, _ = load_plans([SPEC_DIR / "bygglov-e-tjanst.yaml"])
    for doc in [*documents, *spec_docs]:
        own = [r for r in rows if r["plan_id"] == doc.plan.plan.id]  # type: ignore[union-attr]
        if doc.plan.calculation is None:  # type: ignore[union-attr]
            assert all(r["planned_to_date"] is None for r in own)
            continue
        result = calculate(doc, AS_OF)
        assert sum(r["planned_to_date"] or 0 for r in own) == pytest.approx(result.planned_to_date)
        assert sum(r["realised_to_date"] or 0 for r in own) == pytest.approx(result.realised_to_date)
    spec_realised = sum(r["realised_to_date"] or 0 for r in rows if r["plan_id"] == "bygglov-e-tjanst")
    assert spec_realised == pytest.approx(161_741, abs=1)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-f", "xlsx"], "--output"),
        (["--format", "pdf"], "--format 'pdf'"),
        (["--lang", "de"], "--lang 'de'"),
        (["--as-of", "27/11/2026"], "--as-of"),
    ],
)
def test_options_that_cannot_run_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["export", str(PLANS), *argv], capsys)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


def test_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["export", str(tmp_path / "nowhere.yaml")], capsys)
    assert code == 2 and "nowhere.yaml" in err


def test_the_format_follows_the_output_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "register.json"
    code, _, _ = run_cli(["export", str(PLANS), "-o", str(target), "--as-of", AS_OF_TEXT], capsys)
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["as_of"] == AS_OF_TEXT
    csv_target = tmp_path / "register.csv"
    run_cli(["export", str(PLANS), "-o", str(csv_target), "--as-of", AS_OF_TEXT], capsys)
    assert csv_target.read_bytes().startswith(b"\xef\xbb\xbf")


HOSTILE_PLAN = BASE_PLAN.replace("title: Exempelplan", "title: '=HYPERLINK(\"http://example.invalid\")'") + (
    "  - id: utan-indikator\n    name: '@SUM(1)'\n    owner: anna\n    recipients: [{stakeholder: sokande, share: 0.5}]\n"
)


def test_text_never_becomes_a_formula_and_a_benefit_without_indicators_keeps_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(HOSTILE_PLAN, encoding="utf-8")
    target = tmp_path / "out.xlsx"
    code, _, _ = run_cli(["export", str(plan), "-o", str(target), "--as-of", AS_OF_TEXT], capsys)
    assert code == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet.max_row == 3
    assert sheet["B2"].value.startswith("=HYPERLINK") and sheet["B2"].data_type == "s"
    assert (sheet["D3"].value, sheet["J3"].value, sheet["H3"].value) == ("@SUM(1)", None, "Sökande (50\u00a0%)")
    code, out, _ = run_cli(["export", str(plan), "--lang", "en", "--as-of", AS_OF_TEXT], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1].startswith("'=HYPERLINK") and rows[2][3] == "'@SUM(1)" and rows[2][7] == "Sökande (50%)"


def test_a_csv_export_does_not_load_openpyxl() -> None:
    assert modules_loaded(CLI_MAIN, {"openpyxl"}, "export", str(PLANS), "--as-of", "2026-11-27") == []
