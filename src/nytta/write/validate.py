"""Vet new measurements with the rules of ``nytta check`` before anything is written.

The would-be plan is built in memory — the loaded plan plus the new rows, each located
where it was given (an import file's row, or the command line) — and the measurement rules
run on it. A row is refused for the errors it brings (an unknown indicator, a value that
is not a number, an actual measurement in the future, a second value for a date); a row
equal to a measurement already there is "already present" and skipped.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from nytta.check import CheckOptions, check_document
from nytta.diagnostics import Diagnostic, Severity
from nytta.load.plan import Observation, PlanDocument
from nytta.model.enums import MeasurementKind

#: The rules of ``nytta check`` that are about measurements.
MEASUREMENT_RULES = frozenset({"measurements-file", "non-numeric-value", "future-measurement", "duplicate-measurement"})


@dataclass(frozen=True, slots=True)
class NewMeasurement:
    """A measurement to add; ``origin`` names the file it came from (empty: the command
    line), ``line`` its row there (0: none) and ``columns`` each field's column."""

    indicator: str
    date: _dt.date
    value: float | str
    kind: MeasurementKind = MeasurementKind.ACTUAL
    source: str | None = None
    note: str | None = None
    origin: str = ""
    line: int = 0
    columns: Mapping[str, int] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line else self.origin


@dataclass(frozen=True, slots=True)
class Vetted:
    """What to add, what is already there, and the findings that stop the write."""

    to_add: list[NewMeasurement]
    already_present: list[NewMeasurement]
    refusals: list[Diagnostic]


def vet(doc: PlanDocument, rows: list[NewMeasurement], today: _dt.date) -> Vetted:
    """Sort new rows into to-add and already present, and find the errors they would bring,
    in the order of the rows."""
    to_add, present, twins = _partition(doc, rows)
    options = CheckOptions(as_of=today, select=MEASUREMENT_RULES)
    before = set(check_document(doc, options))
    would_be = replace(doc, observations=[*doc.observations, *(_observation(row) for row in to_add)], _by_indicator=None)
    refusals = [d for d in check_document(would_be, options) if d not in before and d.severity is Severity.ERROR]
    refusals += _twins_refused(refusals, twins)
    return Vetted(to_add, present, sorted(refusals, key=lambda d: d.sort_key))


#: A row that repeats an earlier new row, and that row.
Twin = tuple[NewMeasurement, NewMeasurement]


def _partition(doc: PlanDocument, rows: list[NewMeasurement]) -> tuple[list[NewMeasurement], list[NewMeasurement], list[Twin]]:
    """(rows to add, rows whose actual value for that date is already there, and those of
    them that repeat an earlier new row rather than the plan)."""
    existing: dict[tuple[str, _dt.date], float | str | NewMeasurement] = {
        (o.indicator, o.date): o.value for o in doc.observations if o.is_actual
    }
    to_add: list[NewMeasurement] = []
    present: list[NewMeasurement] = []
    twins: list[Twin] = []
    for row in rows:
        key = (row.indicator, row.date)
        earlier = existing.get(key)
        value = earlier.value if isinstance(earlier, NewMeasurement) else earlier
        if row.kind is MeasurementKind.ACTUAL and key in existing and value == row.value:
            present.append(row)
            if isinstance(earlier, NewMeasurement):
                twins.append((row, earlier))
            continue
        if row.kind is MeasurementKind.ACTUAL:
            existing.setdefault(key, row)
        to_add.append(row)
    return to_add, present, twins


def _twins_refused(refusals: list[Diagnostic], twins: list[Twin]) -> list[Diagnostic]:
    """A row that repeats a refused new row is refused for the same reasons, at its own line."""
    return [
        replace(d, line=row.line)
        for row, earlier in twins
        for d in refusals
        if earlier.line and d.file == earlier.origin and d.line == earlier.line
    ]


def _observation(row: NewMeasurement) -> Observation:
    return Observation(
        row.indicator, row.date, row.value, row.kind, row.source, row.note, origin=(row.origin, row.line, row.columns)
    )
