"""CSV as a spreadsheet opens it, in the current language's dialect.

Swedish: `;` between cells, decimal comma, UTF-8 with a byte order mark — what a Swedish
Excel opens directly. English: `,` and a decimal point, no mark. Numbers are never grouped
and use a plain hyphen-minus, so that a spreadsheet reads them as numbers.

Every CSV nytta writes goes through :func:`sheet`, which holds two promises whatever the
renderer handed it: a cell that holds a line break of any kind (CR alone included) is
quoted, so a row never splits; and a cell that a spreadsheet would take for a formula
(one starting with ``=``, ``+``, ``-``, ``@``, a tab or CR, full-width forms included) gets
a leading apostrophe — unless it is a number as this module writes them, which stays a
number. The rules are the same in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: A text cell starting with one of these would be read as a formula by a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BOM = "\ufeff"
#: A number as :func:`decimal` and :func:`written` write it (``-12.5``, ``-12,5``, ``-1e+16``).
_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?(?:e[+-][0-9]+)?")


def sheet(rows: Iterable[Sequence[object]], lang: str) -> str:
    """The rows (cells already formatted) as CSV text in ``lang``'s dialect."""
    delimiter = ";" if lang == "sv" else ","
    special = re.compile(f'[{delimiter}"\r\n]')
    lines = []
    for row in rows:
        cells = [_quoted(safe(_text_of(cell)), special) for cell in row]
        lines.append('""' if cells == [""] else delimiter.join(cells))  # an empty row would be no row
    return (BOM if lang == "sv" else "") + "".join(line + "\n" for line in lines)


def _text_of(cell: object) -> str:
    return "" if cell is None else str(cell)


def _quoted(cell: str, special: re.Pattern[str]) -> str:
    """The cell in double quotes (its own doubled) when it holds a delimiter, a quote or a line break."""
    return '"' + cell.replace('"', '""') + '"' if special.search(cell) else cell


def safe(cell: str) -> str:
    """A cell no spreadsheet takes for a formula: one that starts like one, and is not a
    number, gets a leading apostrophe."""
    if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def decimal(value: float | None, lang: str, decimals: int = 2, *, trim: bool = False) -> str:
    """A computed figure rounded to ``decimals`` (trailing zeros dropped with ``trim``); empty for nothing."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").strip("0.") == "":  # -0.00 is 0.00
        text = text.lstrip("-")
    return text.replace(".", ",") if lang == "sv" else text


def written(value: float | int | None, lang: str) -> str:
    """A value from the plan with the decimals it has (``25.5``, ``42``, ``0.125``)."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.0f}" if value.is_integer() and abs(value) < 1e15 else repr(value)
    else:
        text = str(value)
    return text.replace(".", ",") if lang == "sv" else text


def text(value: str | None) -> str:
    """A text cell; one that a spreadsheet would take for a formula starts with an apostrophe,
    a number written as text (``-5``) too, so that it stays the text it was."""
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_START) else value
