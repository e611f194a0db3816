"""Measurement CSV files in both dialects, with the physical line of every row.

Dialect is read from the header line: commas with decimal points, or semicolons with
decimal commas (what Swedish Excel writes). UTF-8 with or without BOM. Rows that cannot
be read become problems naming the row's line and the field's column; the rest are kept.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass

REQUIRED = ("indicator", "date", "value")
OPTIONAL = ("source", "note", "kind")

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


@dataclass(frozen=True, slots=True)
class CsvProblem:
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class CsvTable:
    rows: list[CsvRow]
    problems: list[CsvProblem]
    delimiter: str


def read_measurements(text: str) -> CsvTable:
    """Parse measurement CSV text (BOM already removed or not)."""
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = physical_lines(text)
    with _field_limit(len(text) + 1):  # no field is longer than the file, however long that is
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            return CsvTable([], [CsvProblem(1, 1, "the file is empty; expected a header row")], delimiter)
        except csv.Error as exc:
            return CsvTable([], [CsvProblem(1, 1, f"unreadable header: {exc}")], delimiter)
        problems = _header_problems(header, header_line, delimiter)
        if any(name not in header for name in REQUIRED):
            return CsvTable([], problems, delimiter)
        rows: list[CsvRow] = []
        read = 0
        start = reader.line_num + 1
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                problems.append(CsvProblem(start, 1, f"unreadable row: {exc}; the rows after it were not read"))
                break
            if any(f.strip() for f in fields):
                read += 1
                if read > MAX_ROWS:
                    problems.append(CsvProblem(start, 1, _too_many_rows()))
                    break
                physical = lines[start - 1] if start <= len(lines) else ""
                _row(fields, header, start, _field_columns(physical, delimiter), delimiter, rows, problems)
            start = reader.line_num + 1
    return CsvTable(rows, problems, delimiter)


def _too_many_rows() -> str:
    count = f"{MAX_ROWS:,}".replace(",", " ")
    return f"more than {count} measurement rows, far more than a plan needs; this row and those after it were not read"


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


def _header_problems(header: list[str], line: str, delimiter: str) -> list[CsvProblem]:
    columns = _field_columns(line.removeprefix("\ufeff"), delimiter)
    problems = [
        CsvProblem(1, 1, f"the header lacks the column '{name}' (expected {', '.join(REQUIRED)})")
        for name in REQUIRED
        if name not in header
    ]
    for i, name in enumerate(header):
        if name not in REQUIRED + OPTIONAL:
            problems.append(CsvProblem(1, _col(columns, i), f"unknown column '{name}'"))
    return problems


def _row(
    fields: list[str],
    header: list[str],
    line: int,
    columns: list[int],
    delimiter: str,
    rows: list[CsvRow],
    problems: list[CsvProblem],
) -> None:
    if len(fields) != len(header):
        problems.append(CsvProblem(line, 1, f"row has {len(fields)} fields, the header has {len(header)}"))
        return
    record = {name: value.strip() for name, value in zip(header, fields)}
    where = {name: _col(columns, i) for i, name in enumerate(header)}
    bad = len(problems)
    if not record["indicator"]:
        problems.append(CsvProblem(line, where["indicator"], "the indicator is empty"))
    date = _parse_date(record["date"])
    if date is None:
        problems.append(CsvProblem(line, where["date"], f"'{record['date']}' is not a date written YYYY-MM-DD"))
    if not record["value"]:
        problems.append(CsvProblem(line, where["value"], "the value is empty"))
    if len(problems) > bad or date is None:
        return
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
        )
    )


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
