"""The benefit register as an Excel workbook (``nytta export --format xlsx``).

This module owns the workbook's layout: sheet 1 the register ("Nyttoregister" /
"Benefit register"), sheet 2 every measurement ("Mätningar" / "Measurements"), each with
a bold, frozen header row, an auto-filter over the data and column widths that fit the
content up to a cap. Numbers are written as numbers and dates as dates (shown
``yyyy-mm-dd``), never as text; text is always text, so a value that starts with ``=``
cannot become a formula. It imports openpyxl, so only the xlsx export loads it.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nytta.render.register import (
    COLUMNS,
    MEASUREMENT_COLUMNS,
    Column,
    Register,
    RegisterExport,
    Row,
    cells,
)
from nytta.render.registry import RenderOptions

SHEETS = {"sv": ("Nyttoregister", "Mätningar"), "en": ("Benefit register", "Measurements")}

#: Number formats by column kind; Excel shows the separators of the reader's locale.
FORMATS = {"date": "yyyy-mm-dd", "money": "#,##0", "share": "0%"}

#: Column widths in characters: at least the minimum, at most the cap.
MIN_WIDTH, MAX_WIDTH = 8, 60

#: The longest text a cell holds.
MAX_TEXT = 32_767

Value = float | int | str | _dt.date | None


def render_register_xlsx(register: Register, lang: str) -> bytes:
    """The workbook of ``register`` with headers and words in ``lang``, as xlsx bytes."""
    workbook = Workbook()
    workbook.properties.creator = "nytta"
    names = SHEETS["sv" if lang == "sv" else "en"]
    first = workbook.active
    assert first is not None
    first.title = names[0]
    fill_sheet(first, COLUMNS, register.rows, lang)
    fill_sheet(workbook.create_sheet(names[1]), MEASUREMENT_COLUMNS, register.measurements, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fill_sheet(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Row], lang: str) -> None:
    """Header row, data rows, frozen header, auto-filter and column widths."""
    headers = [c.header(lang) for c in columns]
    sheet.append(headers)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="top")
    widths = [len(h) + 3 for h in headers]  # room for the filter button
    for number, row in enumerate(rows, start=2):
        for index, (column, value) in enumerate(zip(columns, cells(columns, row, lang), strict=True), start=1):
            _put(sheet, number, index, column, value)
            widths[index - 1] = max(widths[index - 1], _shown_width(column, value))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 2)}"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)


def _put(sheet: Worksheet, row: int, column_index: int, column: Column, value: Value) -> None:
    cell = sheet.cell(row=row, column=column_index)
    if value is None:
        return
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"  # text stays text, even when it starts with '='
        if "\n" in value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    cell.value = value
    if isinstance(value, _dt.date):
        cell.number_format = FORMATS["date"]
    elif column.kind in FORMATS:
        cell.number_format = FORMATS[column.kind]


def _clean(text: str) -> str:
    """Text a workbook can hold: no control characters, no more than Excel's limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_TEXT]


def _shown_width(column: Column, value: Value) -> int:
    """About how many characters the cell shows."""
    if value is None:
        return 0
    if isinstance(value, _dt.date):
        return 10
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if column.kind == "share":
        return len(f"{value * 100:.0f}%")
    if column.kind == "money":
        return len(f"{value:,.0f}")
    return len(f"{value:.10g}")


def export_xlsx(export: RegisterExport, options: RenderOptions) -> bytes:
    return render_register_xlsx(export.register, export.lang)
