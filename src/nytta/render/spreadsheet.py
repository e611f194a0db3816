"""CSV as a spreadsheet opens it, in the current language's dialect.

Swedish: `;` between cells, decimal comma, UTF-8 with a byte order mark — what a Swedish
Excel opens directly. English: `,` and a decimal point, no mark. Numbers are never grouped
and use a plain hyphen-minus, so that a spreadsheet reads them as numbers; text that a
spreadsheet would take for a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

#: A text cell starting with one of these would be read as a formula by a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def sheet(rows: Iterable[Sequence[object]], lang: str) -> str:
    """The rows (cells already formatted) as CSV text in ``lang``'s dialect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "sv" else ",", lineterminator="\n")
    writer.writerows(rows)
    return (BOM if lang == "sv" else "") + buffer.getvalue()


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
    """A text cell; one that a spreadsheet would take for a formula starts with an apostrophe."""
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_START) else value
