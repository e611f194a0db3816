"""Read a written file back before it replaces the old one: it must be the old content plus
exactly the new rows (and with the replaced measurements' new values), or the write is refused.

A value that the emitter would write so that it no longer parses (``note: ?x`` in a flow
mapping), or parses back as something else, and a CSV row broken by a bare carriage
return or an open quote in the file, are caught here, before the rename.
"""

from __future__ import annotations

import copy
from typing import Any

from nytta.i18n import _
from nytta.load.csv import read_measurements
from nytta.load.yaml import LoadError, parse_yaml
from nytta.write.validate import NewMeasurement, Replacement


class Unfaithful(Exception):
    """The written text would not read back as the old content plus the new rows; ``line``
    and ``column`` say where in the file, when the old content itself is at fault."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def check_csv(old: str, new: str, rows: list[NewMeasurement], replaced: tuple[Replacement, ...] = ()) -> None:
    """``new`` reads as the rows of ``old`` (the ``replaced`` ones with their new values)
    followed by ``rows``, with no new problem."""
    before, after = read_measurements(old), read_measurements(new)
    if old and before.problems:
        first = before.problems[0]
        message = _("{problem}; correct the file before adding to it", problem=first.message)
        raise Unfaithful(message, first.line, first.column)
    if after.problems:
        problem = after.problems[0]
        raise Unfaithful(
            _("the new rows would not read back (line {line}: {problem})", line=problem.line, problem=problem.message)
        )
    old_rows = before.rows if old else []
    by_line = {item.old.csv_row.line: item for item in replaced if item.old.csv_row is not None}
    read_back = [_csv_key(r.indicator, r.date, r.value, r.source, r.note) for r in after.rows]
    expected = [_expected_row(r, by_line.get(r.line)) for r in old_rows]
    expected += [_csv_key(r.indicator, r.date, r.value, r.source, r.note) for r in rows]
    if read_back != expected or len(by_line) != len(replaced):
        raise Unfaithful(_("the measurements file would not read back as its rows plus the new ones"))


def _expected_row(row: Any, item: Replacement | None) -> tuple[Any, ...]:
    """A row of the old file as it should read back: itself, or the measurement replacing it
    (which must be the same indicator and date, or the file is not the one vetted)."""
    if item is None:
        return _csv_key(row.indicator, row.date, row.value, row.source, row.note)
    if (row.indicator, row.date) != (item.old.indicator, item.old.date):
        raise Unfaithful(_("the measurements file would not read back as its rows plus the new ones"))
    new = item.new
    return _csv_key(new.indicator, new.date, new.value, new.source, new.note)


def _csv_key(indicator: str, date: Any, value: Any, source: str | None, note: str | None) -> tuple[Any, ...]:
    return (indicator, date, value, (source or "").strip() or None, (note or "").strip() or None)


def check_yaml(old: str, new: str, rows: list[NewMeasurement], replaced: tuple[Replacement, ...] = ()) -> None:
    """``new`` parses to the data of ``old`` with the ``replaced`` measurements' new values
    and ``rows`` appended to their indicators."""
    try:
        data = parse_yaml(new).data
    except LoadError as exc:
        raise Unfaithful(_("the plan would no longer parse ({error})", error=exc)) from None
    expected = copy.deepcopy(parse_yaml(old).data)
    for item in replaced:
        _replaced(expected, item)
    for row in rows:
        _indicator(expected, row.indicator).setdefault("measurements", []).append(_entry(row))
    if data != expected:
        raise Unfaithful(_("the plan would not read back as before plus the new measurements"))


def _replaced(data: Any, item: Replacement) -> None:
    """The replaced measurement's entry in ``data``, given its new value (and source and note)."""
    entry = data
    try:
        for part in item.old.yaml_path or ():
            entry = entry[part]
    except (KeyError, IndexError, TypeError):
        raise Unfaithful(_("the plan would not read back as before plus the new measurements")) from None
    entry["value"] = _entry(item.new)["value"]
    for key in ("source", "note"):
        if getattr(item.new, key) != getattr(item.old, key) and getattr(item.new, key):
            entry[key] = getattr(item.new, key)


def _indicator(data: Any, indicator_id: str) -> dict[str, Any]:
    for benefit in data.get("benefits") or []:
        for indicator in benefit.get("indicators") or []:
            if indicator.get("id") == indicator_id:
                return indicator  # type: ignore[no-any-return]
    raise Unfaithful(_("indicator '{id}' not found in the file", id=indicator_id))


def _entry(row: NewMeasurement) -> dict[str, Any]:
    value: Any = row.value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    entry: dict[str, Any] = {"date": row.date, "value": value}
    entry.update({key: getattr(row, key) for key in ("source", "note") if getattr(row, key)})
    if row.kind.value != "actual":
        entry["kind"] = row.kind.value
    return entry
