"""Validate new measurements against a loaded plan before anything is written.

Each new row is checked for an unknown indicator (with a suggestion), a value that is
not a number where one is needed, an actual measurement dated in the future, and a date
the indicator already has: the same value again is "already present" and skipped, a
different value is a conflict.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from nytta.load.plan import PlanDocument
from nytta.model.enums import IndicatorKind, MeasurementKind
from nytta.model.plan import Indicator
from nytta.rules.registry import suggest


@dataclass(frozen=True, slots=True)
class NewMeasurement:
    """A measurement to add; ``origin`` says where it came from (an import row, or empty)."""

    indicator: str
    date: _dt.date
    value: float | str
    kind: MeasurementKind = MeasurementKind.ACTUAL
    source: str | None = None
    note: str | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Refusal:
    rule: str
    message: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Vetted:
    """What to add, what is already there, and what stops the write."""

    to_add: list[NewMeasurement]
    already_present: list[NewMeasurement]
    refusals: list[Refusal]


def vet(doc: PlanDocument, rows: list[NewMeasurement], today: _dt.date) -> Vetted:
    """Sort new rows into to-add, already present and refused."""
    indicators = {i.id: i for b in (doc.plan.benefits if doc.plan else []) for i in b.indicators}
    existing = {(o.indicator, o.date): o.value for o in doc.observations if o.is_actual}
    to_add: list[NewMeasurement] = []
    present: list[NewMeasurement] = []
    refusals: list[Refusal] = []
    for row in rows:
        problem = _problem(row, indicators, today)
        if problem is None and row.kind is MeasurementKind.ACTUAL:
            key = (row.indicator, row.date)
            if key in existing:
                if existing[key] == row.value:
                    present.append(row)
                    continue
                problem = Refusal(
                    "duplicate-measurement",
                    f"'{row.indicator}' already has the value {_show(existing[key])} dated {row.date}, not {_show(row.value)}",
                    row.origin,
                )
            else:
                existing[key] = row.value
        if problem is not None:
            refusals.append(problem)
        else:
            to_add.append(row)
    return Vetted(to_add, present, refusals)


def _problem(row: NewMeasurement, indicators: dict[str, Indicator], today: _dt.date) -> Refusal | None:
    indicator = indicators.get(row.indicator)
    if indicator is None:
        hint = suggest(row.indicator, indicators)
        return Refusal("measurements-file", f"unknown indicator '{row.indicator}'{hint}", row.origin)
    if indicator.kind is IndicatorKind.QUANTITATIVE and not isinstance(row.value, float):
        return Refusal("non-numeric-value", f"'{row.value}' is not a number, and '{row.indicator}' is quantitative", row.origin)
    if row.kind is MeasurementKind.ACTUAL and row.date > today:
        return Refusal("future-measurement", f"an actual measurement cannot be dated {row.date}, after today {today}", row.origin)
    return None


def _show(value: float | str) -> str:
    return f"{value:g}" if isinstance(value, float) else f"'{value}'"
