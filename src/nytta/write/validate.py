"""Vet new measurements with the rules of ``nytta check`` before anything is written.

The would-be plan is built in memory — the loaded plan plus the new rows, each located
where it was given (an import file's row, or the command line) — and the measurement rules
run on it. A row is refused for the errors it brings (an unknown indicator, a value that
is not a number, an actual measurement in the future, a second value for a date); a row
equal to a measurement already there is "already present" and skipped. When replacing
(``--replace``), a row with a new value for a measurement already there (same indicator,
date and kind) takes its place; a second value refused otherwise says where the first is
written and that ``--replace`` would replace it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from nytta.check import CheckOptions, check_document
from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
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
class Replacement:
    """A measurement already in the plan (``old``) and the one that takes its place (``new``:
    the new value, with the old source and note unless new ones were given)."""

    old: Observation
    new: NewMeasurement


@dataclass(frozen=True, slots=True)
class Vetted:
    """What to add, what to replace, what is already there, and the findings that stop the write."""

    to_add: list[NewMeasurement]
    already_present: list[NewMeasurement]
    refusals: list[Diagnostic]
    to_replace: list[Replacement] = field(default_factory=list)


def vet(doc: PlanDocument, rows: list[NewMeasurement], today: _dt.date, *, replacing: bool = False) -> Vetted:
    """Sort new rows into to-add, to-replace (when ``replacing``) and already present, and
    find the errors they would bring, in the order of the rows."""
    parts = _partition(doc, rows, replacing)
    options = CheckOptions(as_of=today, select=MEASUREMENT_RULES)
    before = set(check_document(doc, options))
    gone = {id(r.old) for r in parts.to_replace}
    kept = [o for o in doc.observations if id(o) not in gone]
    new = [_observation(row) for row in (*(r.new for r in parts.to_replace), *parts.to_add)]
    would_be = replace(doc, observations=[*kept, *new], _by_indicator=None)
    refusals = [d for d in check_document(would_be, options) if d not in before and d.severity is Severity.ERROR]
    refusals += _twins_refused(refusals, parts.twins)
    if not replacing:
        refusals = [_naming_the_first(doc, d, rows) for d in refusals]
    refusals += parts.unclear
    return Vetted(parts.to_add, parts.present, sorted(refusals, key=lambda d: d.sort_key), parts.to_replace)


#: A row that repeats an earlier new row, and that row.
Twin = tuple[NewMeasurement, NewMeasurement]


@dataclass
class _Parts:
    """New rows sorted: to add, to replace, already present (and the ``twins`` among them that
    repeat an earlier new row rather than the plan), and refusals of rows whose measurement to
    replace is unclear."""

    to_add: list[NewMeasurement] = field(default_factory=list)
    to_replace: list[Replacement] = field(default_factory=list)
    present: list[NewMeasurement] = field(default_factory=list)
    twins: list[Twin] = field(default_factory=list)
    unclear: list[Diagnostic] = field(default_factory=list)


def _partition(doc: PlanDocument, rows: list[NewMeasurement], replacing: bool) -> _Parts:
    existing: dict[tuple[str, _dt.date], float | str | NewMeasurement] = {
        (o.indicator, o.date): o.value for o in doc.observations if o.is_actual
    }
    parts = _Parts()
    for row in rows:
        key = (row.indicator, row.date)
        earlier = existing.get(key)
        value = earlier.value if isinstance(earlier, NewMeasurement) else earlier
        if row.kind is MeasurementKind.ACTUAL and key in existing and value == row.value:
            parts.present.append(row)
            if isinstance(earlier, NewMeasurement):
                parts.twins.append((row, earlier))
            continue
        if replacing and not isinstance(earlier, NewMeasurement) and _replaced(doc, row, parts):
            if row.kind is MeasurementKind.ACTUAL:
                existing[key] = row  # a later row for that date meets this value, not the replaced one
            continue
        if row.kind is MeasurementKind.ACTUAL:
            existing.setdefault(key, row)
        parts.to_add.append(row)
    return parts


def _replaced(doc: PlanDocument, row: NewMeasurement, parts: _Parts) -> bool:
    """Whether ``row`` replaces a measurement of the plan (or is refused for naming more than
    one), recorded in ``parts``; False when there is none to replace."""
    same = [o for o in doc.observations_of(row.indicator) if o.date == row.date and o.kind is row.kind]
    if not same:
        return False
    if len(same) > 1:
        message = _(
            "'{indicator}' has {count} measurements dated {date} ({places}); --replace cannot tell which one "
            "to replace, so correct them by hand",
            indicator=row.indicator,
            count=len(same),
            date=row.date,
            places=", ".join(written_at(doc, o) for o in same),
        )
        parts.unclear.append(doc.at_observation("duplicate-measurement", _observation(row), "date", message))
    elif same[0].value == row.value:
        parts.present.append(row)
    else:
        new = replace(row, source=row.source or same[0].source, note=row.note or same[0].note)
        parts.to_replace.append(Replacement(same[0], new))
    return True


def written_at(doc: PlanDocument, obs: Observation) -> str:
    """Where a measurement of the plan is written: ``file:line``."""
    if obs.csv_row is not None:
        return f"{doc.csv_file}:{obs.csv_row.line}"
    return f"{doc.file}:{doc.at('', (*(obs.yaml_path or ()), 'value'), '').line}"


def _naming_the_first(doc: PlanDocument, finding: Diagnostic, rows: list[NewMeasurement]) -> Diagnostic:
    """A new row's second value for a date says where the plan's first one is written, and
    that ``--replace`` replaces it."""
    if finding.rule != "duplicate-measurement":
        return finding
    row = next((r for r in rows if (r.origin, r.line) == (finding.file, finding.line)), None)
    first = next((o for o in doc.observations_of(row.indicator) if o.is_actual and o.date == row.date), None) if row else None
    if first is None:
        return finding
    message = _(
        "{message}; the existing value is at {where} — to replace it, add --replace",
        message=finding.message,
        where=written_at(doc, first),
    )
    return replace(finding, message=message)


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
