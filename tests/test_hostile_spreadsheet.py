"""Every CSV nytta writes is safe to open in a spreadsheet, in Swedish and in English.

A cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR) gets a leading
apostrophe unless it is a number; a cell holding a line break of any kind, CR alone
included, is quoted, so that no row splits and no part of a cell starts a row of its own.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import run_cli
from nytta.render import spreadsheet
from nytta.render.spreadsheet import FORMULA_START, sheet
from test_fuzz import base_plan, dump

AS_OF = "2026-11-27"
FORMULAS = [
    '=HYPERLINK("https://evil.example","klick")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
]
#: A CR inside a cell: a spreadsheet that takes CR for a line break starts a row at "=…".
SPLIT = "ok\r=1+cmd|' /C calc'!A0\r@SUM(1)\r+1"
NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?(?:e[+-][0-9]+)?")


def physical_rows(text: str, delimiter: str) -> list[list[str]]:
    """The rows as a reader that ends a row at any CR or LF outside quotes sees them."""
    rows: list[list[str]] = [[]]
    cell, quoted, i = "", False, 0
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"' and text[i + 1 : i + 2] == '"':
                cell, i = cell + '"', i + 1
            elif char == '"':
                quoted = False
            else:
                cell += char
        elif char == '"' and cell == "":
            quoted = True
        elif char == delimiter:
            rows[-1].append(cell)
            cell = ""
        elif char in "\r\n":
            rows[-1].append(cell)
            cell = ""
            rows.append([])
        else:
            cell += char
        i += 1
    return [row for row in rows if row and row != [""]]


def assert_spreadsheet_safe(text: str, delimiter: str, rows: int) -> None:
    text = text.removeprefix("\ufeff")
    naive = physical_rows(text, delimiter)
    strict = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert len(naive) == len(strict) == rows, (len(naive), len(strict), rows)
    for row in naive:
        for cell in row:
            assert not cell.startswith(FORMULA_START) or NUMBER.fullmatch(cell), (cell, row)


def hostile_plan(folder: Path) -> Path:
    data = base_plan()
    data["plan"]["title"] = SPLIT
    data["plan"]["currency"] = FORMULAS[0]
    benefit = data["benefits"][0]
    benefit["name"] = SPLIT
    indicator = benefit["indicators"][0]
    indicator["name"] = FORMULAS[1]
    indicator["unit"] = SPLIT
    indicator["measurements"] = [{"date": "2026-09-30", "value": 25, "note": SPLIT, "source": FORMULAS[2]}]
    other = data["benefits"][1]["indicators"][0]
    other["measurements"] = [{"date": "2026-06-30", "value": text} for text in FORMULAS[3:4]]
    data["people"][1]["name"] = FORMULAS[4]
    plan = folder / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    return plan


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    ("command", "rows"),
    [
        (("status", "--format", "csv"), 3),
        (("calc", "--format", "csv"), None),
        (("export", "--format", "csv"), 3),
    ],
)
def test_csv_is_safe_in_a_spreadsheet(
    command: tuple[str, ...], rows: int | None, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = hostile_plan(tmp_path)
    code, out, err = run_cli(["--lang", lang, *command, str(plan), "--as-of", AS_OF], capsys)
    assert code in (0, 1), err
    delimiter = ";" if lang == "sv" else ","
    expected = rows if rows is not None else len(list(csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=delimiter)))
    assert_spreadsheet_safe(out, delimiter, expected)
    if command[0] == "export":
        assert "'=HYPERLINK" in out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_writer_itself_guards_every_cell(lang: str) -> None:
    """Whatever a renderer hands it, including cells it forgot to guard."""
    rows = [["head", "er"], [*FORMULAS, SPLIT, "-12.5", "-12,5", "-1e+16", "2026-01-01", "", None, 7]]
    delimiter = ";" if lang == "sv" else ","
    text = sheet(rows, lang)
    assert_spreadsheet_safe(text, delimiter, 2)
    [_, cells] = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter))
    assert cells[: len(FORMULAS)] == ["'" + formula for formula in FORMULAS]
    assert cells[len(FORMULAS) + 1 :] == ["-12.5", "-12,5", "-1e+16", "2026-01-01", "", "", "7"]


def test_numbers_stay_numbers_and_guarding_is_idempotent() -> None:
    for number in ("-5", "-0,25", "-1234.5", "12"):
        assert spreadsheet.safe(number) == number
    for formula in FORMULAS:
        assert spreadsheet.safe(spreadsheet.safe(formula)) == spreadsheet.safe(formula) == "'" + formula
