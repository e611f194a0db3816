"""``nytta record`` and ``nytta import``: add measurements to a plan, all of them or none."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import existing_file
from nytta.app.errors import UsageProblem
from nytta.model.enums import MeasurementKind
from nytta.write.measurements import Outcome
from nytta.write.validate import NewMeasurement


@dataclass(frozen=True)
class RecordOptions:
    plan: Path
    indicator: str
    value: str  # as typed: 12.5, 12,5, or text for a qualitative indicator
    date: _dt.date
    kind: str = "actual"
    source: str | None = None
    note: str | None = None
    dry_run: bool = False


@dataclass(frozen=True)
class ImportOptions:
    plan: Path
    csv_file: Path
    dry_run: bool = False


@dataclass(frozen=True)
class WriteResult:
    """What is to be written (see :func:`write`), or the findings that refused it."""

    plan: Path
    outcome: Outcome
    dry_run: bool = False

    @property
    def target(self) -> str:
        """The name of the file that takes the rows (the plan, or its measurements CSV)."""
        return self.outcome.edit.path.name if self.outcome.edit else self.plan.name


def record(options: RecordOptions) -> WriteResult:
    from nytta.model.enums import parse_enum
    from nytta.model.types import number_hint
    from nytta.write.measurements import prepare

    existing_file(options.plan)
    try:
        kind = parse_enum(MeasurementKind, options.kind)
    except ValueError as exc:
        raise UsageProblem(f"--kind: {exc}") from None
    hint = number_hint(options.value)
    value = float(hint) if hint is not None else options.value
    row = NewMeasurement(options.indicator, options.date, value, kind, options.source, options.note)
    outcome = prepare(options.plan, options.plan.as_posix(), [row], _dt.date.today())
    return WriteResult(options.plan, outcome, options.dry_run)


def import_rows(options: ImportOptions) -> WriteResult:
    from nytta.write.measurements import prepare, rows_from_csv

    existing_file(options.plan)
    existing_file(options.csv_file)
    rows, refusals = rows_from_csv(options.csv_file, options.csv_file.as_posix())
    plan = options.plan
    outcome = Outcome(refusals=refusals) if refusals else prepare(plan, plan.as_posix(), rows, _dt.date.today())
    return WriteResult(plan, outcome, options.dry_run)


def write(result: WriteResult) -> None:
    """Write the prepared edit (atomically); a refused one, or a dry run, writes nothing."""
    from nytta.write.measurements import apply

    if result.dry_run:
        return

    try:
        apply(result.outcome)
    except OSError as exc:
        raise UsageProblem(f"cannot write {result.plan}: {exc.strerror or exc}; the file is unchanged") from None
