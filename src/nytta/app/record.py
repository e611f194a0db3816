"""``nytta record`` and ``nytta import``: add measurements to a plan, all of them or none;
with ``--replace``, a new value for a date already measured replaces the old one."""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import existing_file
from nytta.app.errors import UsageProblem
from nytta.i18n import _
from nytta.model.enums import MeasurementKind
from nytta.write.measurements import Outcome
from nytta.write.validate import NewMeasurement


@dataclass(frozen=True)
class RecordOptions:
    plan: Path
    indicator: str
    value: str  # as typed: 12.5, 12,5, or text for a qualitative indicator
    date: _dt.date | None  # None: today
    kind: str = "actual"
    source: str | None = None
    note: str | None = None
    dry_run: bool = False
    replace: bool = False


@dataclass(frozen=True)
class ImportOptions:
    plan: Path
    csv_file: Path
    dry_run: bool = False
    replace: bool = False


@dataclass(frozen=True)
class WriteResult:
    """What is to be written (see :func:`write`), or the findings that refused it; ``notes``
    are worth saying alongside (the date chosen for the measurement)."""

    plan: Path
    outcome: Outcome
    dry_run: bool = False
    notes: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        """The name of the file that takes the rows (the plan, or its measurements CSV)."""
        return Path(self.outcome.target).name if self.outcome.target else self.plan.name

    @property
    def target_path(self) -> str:
        """The file that takes the rows, named as the plan was (with its folder)."""
        return self.outcome.target or self.plan.as_posix()


def record(options: RecordOptions) -> WriteResult:
    """Record one measurement: vetted and written under the plan's lock, or refused."""
    from nytta.model.enums import parse_enum
    from nytta.model.types import number_hint

    existing_file(options.plan)
    try:
        kind = parse_enum(MeasurementKind, options.kind)
    except ValueError as exc:
        raise UsageProblem(_("--kind: {problem}", problem=exc)) from None
    hint = number_hint(options.value)
    value = float(hint) if hint is not None else options.value
    day = options.date or _dt.date.today()
    row = NewMeasurement(options.indicator, day, value, kind, options.source, options.note)
    result = _write_rows(options.plan, [row], options.dry_run, options.replace, must_replace=options.replace)
    if options.date is None and not result.outcome.refused:
        note = _dated_today(result, row)
        return WriteResult(result.plan, result.outcome, result.dry_run, (note,) if note else ())
    return result


def import_rows(options: ImportOptions) -> WriteResult:
    """Import every row of a CSV file: vetted and written under the plan's lock, or none."""
    from nytta.write.measurements import rows_from_csv

    existing_file(options.plan)
    existing_file(options.csv_file)
    rows, refusals = rows_from_csv(options.csv_file, options.csv_file.as_posix())
    if refusals:
        return WriteResult(options.plan, Outcome(refusals=refusals, target=_target_of(options.plan)), options.dry_run)
    return _write_rows(options.plan, rows, options.dry_run, options.replace)


def _target_of(plan: Path) -> str:
    """The file the plan's measurements go to (its measurements CSV, or itself), as the plan
    is named; the plan itself when it cannot be read."""
    from nytta.load.plan import load_plan

    doc = load_plan(plan, plan.as_posix())
    return (doc.csv_file if doc is not None else None) or plan.as_posix()


#: How often the rows are vetted again when the file changed between reading and writing.
ATTEMPTS = 3


def _write_rows(
    plan: Path, rows: list[NewMeasurement], dry_run: bool, replace: bool, *, must_replace: bool = False
) -> WriteResult:
    """Read, vet and write while holding the plan's lock, so no other writer comes between.
    Before the file is replaced it must still be the version read (a program other than
    nytta may have written it); if not, it is read and vetted again. ``must_replace``: a
    row that replaces nothing is refused."""
    from nytta.write.lock import Busy, plan_lock
    from nytta.write.measurements import Changed, apply, prepare

    try:
        with plan_lock(plan):
            for _attempt in range(ATTEMPTS):
                outcome = prepare(plan, plan.as_posix(), rows, _dt.date.today(), replacing=replace)
                if must_replace and not outcome.refused and outcome.vetted and outcome.vetted.to_add:
                    raise UsageProblem(_nothing_to_replace(outcome.vetted.to_add[0], outcome.target))
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
        raise UsageProblem(
            _("cannot write {file}: {reason}; the file is unchanged", file=plan, reason=exc.strerror or exc)
        ) from None
    raise UsageProblem(_("{file} kept changing while nytta wrote to it; nothing was written", file=plan))


def _nothing_to_replace(row: NewMeasurement, target: str) -> str:
    return _(
        "--replace: '{indicator}' has no measurement dated {date} in {file} to replace; nothing was written — "
        "to add it, leave out --replace",
        indicator=row.indicator,
        date=row.date,
        file=target,
    )


def _dated_today(result: WriteResult, row: NewMeasurement) -> str | None:
    """A word on the date when a measurement recorded without ``--date`` is dated today, not
    at a month end, while the indicator's other measurements are all dated at month ends."""
    doc = result.outcome.doc
    vetted = result.outcome.vetted
    if doc is None or vetted is None or not vetted.to_add or _month_end(row.date):
        return None
    others = [o.date for o in doc.observations_of(row.indicator) if o.kind is row.kind]
    if not others or not all(_month_end(day) for day in others):
        return None
    previous = row.date.replace(day=1) - _dt.timedelta(days=1)
    values = {"date": row.date, "indicator": row.indicator, "month_end": previous}
    if result.dry_run:
        return _(
            "dated today, {date}, though the other measurements of '{indicator}' are dated at month ends; "
            "for the end of last month, give --date {month_end}",
            **values,
        )
    return _(
        "dated today, {date}, though the other measurements of '{indicator}' are dated at month ends; "
        "if it belongs to {month_end}, change the date at {where} (next time, give --date {month_end})",
        where=_written_at(result.plan, row),
        **values,
    )


def _month_end(day: _dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _written_at(plan: Path, row: NewMeasurement) -> str:
    """Where the measurement just written is, as ``file:line``."""
    from nytta.load.plan import load_plan
    from nytta.write.validate import written_at

    doc = load_plan(plan, plan.as_posix())
    assert doc is not None
    match = [o for o in doc.observations_of(row.indicator) if o.date == row.date and o.kind is row.kind]
    return written_at(doc, match[-1]) if match else plan.as_posix()
