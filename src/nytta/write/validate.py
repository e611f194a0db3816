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
    """Sort new rows into to-add and already present, and find the errors they would bring."""
    to_add, present = _partition(doc, rows)
    options = CheckOptions(as_of=today, select=MEASUREMENT_RULES)
    before = set(check_document(doc, options))
    would_be = replace(doc, observations=[*doc.observations, *(_observation(row) for row in to_add)])
    would_be._by_indicator = None  # the index is rebuilt for the new rows
    after = check_document(would_be, options)
    refusals = [d for d in after if d not in before and d.severity is Severity.ERROR]
    return Vetted(to_add, present, refusals)


def _partition(doc: PlanDocument, rows: list[NewMeasurement]) -> tuple[list[NewMeasurement], list[NewMeasurement]]:
    """(rows to add, rows whose actual value for that date is already recorded)."""
    existing = {(o.indicator, o.date): o.value for o in doc.observations if o.is_actual}
    to_add: list[NewMeasurement] = []
    present: list[NewMeasurement] = []
    for row in rows:
        key = (row.indicator, row.date)
        if row.kind is MeasurementKind.ACTUAL and key in existing and existing[key] == row.value:
            present.append(row)
            continue
        if row.kind is MeasurementKind.ACTUAL:
            existing.setdefault(key, row.value)
        to_add.append(row)
    return to_add, present


def _observation(row: NewMeasurement) -> Observation:
    return Observation(
        row.indicator, row.date, row.value, row.kind, row.source, row.note, origin=(row.origin, row.line, row.columns)
    )
