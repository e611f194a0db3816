"""Read a written file back before it replaces the old one: it must be the old content plus
exactly the new rows, or the write is refused.

A value that the emitter would write so that it no longer parses (``note: ?x`` in a flow
mapping), or parses back as something else, and a CSV row broken by a bare carriage
return or an open quote in the file, are caught here, before the rename.
"""

from __future__ import annotations

import copy
from typing import Any

from nytta.load.csv import read_measurements
from nytta.load.yaml import LoadError, parse_yaml
from nytta.write.validate import NewMeasurement


class Unfaithful(Exception):
    """The written text would not read back as the old content plus the new rows; ``line``
    and ``column`` say where in the file, when the old content itself is at fault."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def check_csv(old: str, new: str, rows: list[NewMeasurement]) -> None:
    """``new`` reads as the rows of ``old`` followed by ``rows``, with no new problem."""
    before, after = read_measurements(old), read_measurements(new)
    if old and before.problems:
        first = before.problems[0]
        raise Unfaithful(f"{first.message}; correct the file before adding to it", first.line, first.column)
    if after.problems:
        raise Unfaithful(f"the new rows would not read back (line {after.problems[0].line}: {after.problems[0].message})")
    old_rows = before.rows if old else []
    read_back = [_csv_key(r.indicator, r.date, r.value, r.source, r.note) for r in after.rows]
    expected = [_csv_key(r.indicator, r.date, r.value, r.source, r.note) for r in old_rows]
    expected += [_csv_key(r.indicator, r.date, r.value, r.source, r.note) for r in rows]
    if read_back != expected:
        raise Unfaithful("the measurements file would not read back as its rows plus the new ones")


def _csv_key(indicator: str, date: Any, value: Any, source: str | None, note: str | None) -> tuple[Any, ...]:
    return (indicator, date, value, (source or "").strip() or None, (note or "").strip() or None)


def check_yaml(old: str, new: str, rows: list[NewMeasurement]) -> None:
    """``new`` parses to the data of ``old`` with ``rows`` appended to their indicators."""
    try:
        data = parse_yaml(new).data
    except LoadError as exc:
        raise Unfaithful(f"the plan would no longer parse ({exc})") from None
    expected = copy.deepcopy(parse_yaml(old).data)
    for row in rows:
        _indicator(expected, row.indicator).setdefault("measurements", []).append(_entry(row))
    if data != expected:
        raise Unfaithful("the plan would not read back as before plus the new measurements")


def _indicator(data: Any, indicator_id: str) -> dict[str, Any]:
    for benefit in data.get("benefits") or []:
        for indicator in benefit.get("indicators") or []:
            if indicator.get("id") == indicator_id:
                return indicator  # type: ignore[no-any-return]
    raise Unfaithful(f"indicator '{indicator_id}' not found in the file")


def _entry(row: NewMeasurement) -> dict[str, Any]:
    value: Any = row.value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    entry: dict[str, Any] = {"date": row.date, "value": value}
    entry.update({key: getattr(row, key) for key in ("source", "note") if getattr(row, key)})
    if row.kind.value != "actual":
        entry["kind"] = row.kind.value
    return entry
