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
    """Record one measurement: vetted and written under the plan's lock, or refused."""
    from nytta.model.enums import parse_enum
    from nytta.model.types import number_hint

    existing_file(options.plan)
    try:
        kind = parse_enum(MeasurementKind, options.kind)
    except ValueError as exc:
        raise UsageProblem(f"--kind: {exc}") from None
    hint = number_hint(options.value)
    value = float(hint) if hint is not None else options.value
    row = NewMeasurement(options.indicator, options.date, value, kind, options.source, options.note)
    return _write_rows(options.plan, [row], options.dry_run)


def import_rows(options: ImportOptions) -> WriteResult:
    """Import every row of a CSV file: vetted and written under the plan's lock, or none."""
    from nytta.write.measurements import rows_from_csv

    existing_file(options.plan)
    existing_file(options.csv_file)
    rows, refusals = rows_from_csv(options.csv_file, options.csv_file.as_posix())
    if refusals:
        return WriteResult(options.plan, Outcome(refusals=refusals), options.dry_run)
    return _write_rows(options.plan, rows, options.dry_run)


#: How often the rows are vetted again when the file changed between reading and writing.
ATTEMPTS = 3


def _write_rows(plan: Path, rows: list[NewMeasurement], dry_run: bool) -> WriteResult:
    """Read, vet and write while holding the plan's lock, so no other writer comes between.
    Before the file is replaced it must still be the version read (a program other than
    nytta may have written it); if not, it is read and vetted again."""
    from nytta.write.lock import Busy, plan_lock
    from nytta.write.measurements import Changed, apply, prepare

    try:
        with plan_lock(plan):
            for _ in range(ATTEMPTS):
                outcome = prepare(plan, plan.as_posix(), rows, _dt.date.today())
                if outcome.refused or dry_run:
                    return WriteResult(plan, outcome, dry_run)
                try:
                    apply(outcome)
                except Changed:
                    continue
                return WriteResult(plan, outcome, dry_run)
    except Busy as exc:
        raise UsageProblem(str(exc)) from None
    except OSError as exc:
        raise UsageProblem(f"cannot write {plan}: {exc.strerror or exc}; the file is unchanged") from None
    raise UsageProblem(f"{plan} kept changing while nytta wrote to it; nothing was written")
