"""Measurement CSV files in both dialects, with the physical line of every row.

Dialect is read from the header line: commas with decimal points, or semicolons with
decimal commas (what Swedish Excel writes); tabs are refused with a word on what works.
The columns may be named in English or Swedish (``indikator;datum;värde;källa;kommentar``,
with or without å, ä, ö, in any case). UTF-8 with or without BOM. Rows that cannot be read
become problems naming the row's line and the field's column; the rest are kept, and the
table says whose measurements could not all be read.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nytta.i18n import _, n_
from nytta.model.dates import impossible_date
from nytta.model.enums import fold

REQUIRED = ("indicator", "date", "value")
OPTIONAL = ("source", "note", "kind")
#: The Swedish names of the columns, folded (lower case, without å, ä, ö).
SWEDISH = {
    "indikator": "indicator",
    "nyttoindikator": "indicator",
    "datum": "date",
    "varde": "value",
    "matvarde": "value",
    "kalla": "source",
    "kommentar": "note",
    "anteckning": "note",
    "typ": "kind",
}

#: A measurements file has six columns; a header of more than this many is refused whole,
#: with one finding, before any row is read (100 000 columns once cost 8 GB).
MAX_COLUMNS = 64
#: Twenty indicators measured every day for ten years make 73 000 rows. Each row costs
#: about a kilobyte once loaded and checked, so rows past this many are not read.
MAX_ROWS = 200_000


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One measurement row: ``value`` is a float, or the text when it is not a number."""

    indicator: str
    date: _dt.date
    value: float | str
    source: str | None
    note: str | None
    kind: str | None
    line: int
    columns: dict[str, int]
    #: The row's last physical line (a quoted field may hold line breaks).
    last_line: int = 0


@dataclass(frozen=True, slots=True)
class CsvProblem:
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class CsvTable:
    """The rows read, the problems found, the dialect, and the indicators named in rows that
    could not be read (``unread``; None when reading stopped early, so it could be any)."""

    rows: list[CsvRow]
    problems: list[CsvProblem]
    delimiter: str
    unread: frozenset[str] | None = None


def column_name(written: str) -> str:
    """The column a header field names: ``Värde``, ``varde`` and ``value`` are ``value``;
    a name that is no column comes back lower-cased."""
    name = written.strip().lower()
    return SWEDISH.get(fold(name), name)


def delimiter_of(header_line: str) -> str:
    """The file's delimiter, read from its header line: ``;`` or ``,``."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def not_utf8(byte: int, line: int) -> str:
    """What to say about a CSV file that is not UTF-8 (Excel's plain "CSV" is not)."""
    return _(
        'the file is not UTF-8 (byte 0x{byte:02x} on line {line}); in Excel, save it as "CSV UTF-8 (Comma delimited)" '
        '(Swedish Excel: "CSV UTF-8 (kommaavgränsad)")',
        byte=byte,
        line=line,
    )


def read_measurements(text: str) -> CsvTable:
    """Parse measurement CSV text (BOM already removed or not)."""
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = delimiter_of(header_line)
    first_line = physical_lines(header_line)[0]
    if _tabbed(first_line, delimiter):
        return CsvTable([], [CsvProblem(1, first_line.index("\t") + 1, _tabs())], delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = physical_lines(text)
    with _field_limit(len(text) + 1):  # no field is longer than the file, however long that is
        try:
            written = next(reader)
        except StopIteration:
            return CsvTable([], [CsvProblem(1, 1, _("the file is empty; expected a header row"))], delimiter)
        except csv.Error as exc:
            return CsvTable([], [CsvProblem(1, 1, _("unreadable header: {error}", error=exc))], delimiter)
        if len(written) > MAX_COLUMNS:
            return CsvTable([], [_too_many_columns(len(written), header_line, delimiter)], delimiter)
        header = [column_name(name) for name in written]
        problems = _header_problems(header, written, header_line, delimiter)
        if any(name not in header for name in REQUIRED):
            return CsvTable([], problems, delimiter)
        return _read_rows(reader, header, lines, delimiter, problems)


def _read_rows(reader: Any, header: list[str], lines: list[str], delimiter: str, problems: list[CsvProblem]) -> CsvTable:
    """The rows after the header; reading stops at a row the csv module cannot read."""
    rows: list[CsvRow] = []
    unread: set[str] = set()
    read = 0
    start = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            message = _("unreadable row: {error}; the rows after it were not read", error=exc)
            problems.append(CsvProblem(start, 1, message))
            return CsvTable(rows, problems, delimiter)
        if any(f.strip() for f in fields):
            read += 1
            if read > MAX_ROWS:
                problems.append(CsvProblem(start, 1, _too_many_rows()))
                return CsvTable(rows, problems, delimiter)
            physical = lines[start - 1] if start <= len(lines) else ""
            lines_of = (start, reader.line_num)
            if not _row(fields, header, lines_of, _field_columns(physical, delimiter), delimiter, rows, problems):
                unread.add(_indicator_of(fields, header))
        start = reader.line_num + 1
    unread.discard("")
    return CsvTable(rows, problems, delimiter, frozenset(unread))


def _too_many_rows() -> str:
    count = f"{MAX_ROWS:,}".replace(",", " ")
    return _(
        "more than {count} measurement rows, far more than a plan needs; this row and those after it were not read",
        count=count,
    )


def _too_many_columns(count: int, header_line: str, delimiter: str) -> CsvProblem:
    """The one finding about a header far wider than a measurements file, at its first column too many."""
    column = _col(_field_columns(header_line.removeprefix("\ufeff"), delimiter), MAX_COLUMNS)
    message = _(
        "the header has {count} columns, far more than a measurements file has (indicator, date, value, "
        "and optionally source, note, kind); no row was read",
        count=count,
    )
    return CsvProblem(1, column, message)


def _tabbed(line: str, delimiter: str) -> bool:
    """Whether tabs, not the delimiter, separate the fields of ``line``."""
    return line.count("\t") > line.count(delimiter)


def _tabs() -> str:
    return _(
        "the columns are separated by tabs; separate them with ';' (with decimal comma, as Swedish Excel saves CSV) "
        "or ',' (with decimal point)"
    )


def physical_lines(text: str) -> list[str]:
    """The file's lines as the CSV reader counts them: ended by \\n, \\r\\n or \\r only
    (``str.splitlines`` also breaks at U+2028, form feeds and the like, which may sit in a field)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Lift the csv module's field size limit (128 KiB) for one read; the file's own size
    (at most MAX_BYTES) is the limit that counts."""
    previous = csv.field_size_limit(max(limit, csv.field_size_limit()))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _header_problems(header: list[str], written: list[str], line: str, delimiter: str) -> list[CsvProblem]:
    columns = _field_columns(line.removeprefix("\ufeff"), delimiter)
    expected = ", ".join(REQUIRED)
    problems = [
        CsvProblem(1, 1, _("the header lacks the column '{name}' (expected {expected})", name=name, expected=expected))
        for name in REQUIRED
        if name not in header
    ]
    first_at: dict[str, int] = {}
    for i, name in enumerate(header):
        first_at.setdefault(name, i)
        if name not in REQUIRED + OPTIONAL:
            problems.append(CsvProblem(1, _col(columns, i), _("unknown column '{name}'", name=name)))
        elif first_at[name] < i:
            first = written[first_at[name]].strip()
            message = _(
                "the column '{name}' repeats '{first}' (both are '{column}')", name=written[i].strip(), first=first, column=name
            )
            problems.append(CsvProblem(1, _col(columns, i), message))
    return problems


def _indicator_of(fields: list[str], header: list[str]) -> str:
    """The indicator a row that could not be read names, as far as can be told."""
    index = header.index("indicator")
    field = fields[index] if len(fields) == len(header) else fields[0]
    return re.split(r"[,;\t]", field, maxsplit=1)[0].strip()


def _row(
    fields: list[str],
    header: list[str],
    lines_of: tuple[int, int],
    columns: list[int],
    delimiter: str,
    rows: list[CsvRow],
    problems: list[CsvProblem],
) -> bool:
    """Add the row (on ``lines_of``, first and last) to ``rows``, or its problems to ``problems`` (then False)."""
    line = lines_of[0]
    if len(fields) != len(header):
        tabbed = len(fields) < len(header) and _tabbed(delimiter.join(fields), delimiter)
        message = _tabs() if tabbed else _fields_message(len(fields), len(header))
        problems.append(CsvProblem(line, 1, message))
        return False
    record = {name: value.strip() for name, value in zip(header, fields)}
    where = {name: _col(columns, i) for i, name in enumerate(header)}
    bad = len(problems)
    if not record["indicator"]:
        problems.append(CsvProblem(line, where["indicator"], _("the indicator is empty")))
    date = _parse_date(record["date"])
    if date is None:
        problems.append(CsvProblem(line, where["date"], not_a_date(record["date"])))
    if not record["value"]:
        problems.append(CsvProblem(line, where["value"], _("the value is empty")))
    if len(problems) > bad or date is None:
        return False
    rows.append(
        CsvRow(
            indicator=record["indicator"],
            date=date,
            value=parse_number(record["value"], delimiter),
            source=record.get("source") or None,
            note=record.get("note") or None,
            kind=record.get("kind") or None,
            line=line,
            columns=where,
            last_line=lines_of[1],
        )
    )
    return True


def _fields_message(count: int, columns: int) -> str:
    return n_(
        "row has {n} field, the header has {columns}", "row has {n} fields, the header has {columns}", count, columns=columns
    )


def not_a_date(text: str) -> str:
    """Why ``text`` is not a date: the day it cannot be ("February 2025 has 28 days"), or
    how a date is written."""
    reason = impossible_date(text)
    if reason is not None:
        return _("'{text}' is not a date: {reason}", text=text, reason=reason)
    return _("'{text}' is not a date written YYYY-MM-DD", text=text)


def parse_number(text: str, delimiter: str) -> float | str:
    """A number in the file's dialect (``12,5`` with ``;``), or the text unchanged.

    Only finite numbers are numbers: ``nan``, ``inf`` and ``1e999`` (which Python's float()
    reads as infinite) stay text, as they would be refused in the YAML.
    """
    compact = text.replace(" ", "").replace("\u00a0", "")
    if delimiter == ";":
        compact = compact.replace(",", ".")
    try:
        value = float(compact)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def _parse_date(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _col(columns: list[int], index: int) -> int:
    return columns[index] if index < len(columns) else 1


def _field_columns(line: str, delimiter: str) -> list[int]:
    """1-based start column of each field of a physical line, respecting quotes."""
    starts = [1]
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 2)
    return starts
