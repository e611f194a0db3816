"""Record and import measurements: load the plan, vet the rows, compute the edit, write it.

Nothing is written unless every row passes the measurement rules (see
``nytta.write.validate``); the write itself is atomic.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from nytta.diagnostics import Diagnostic
from nytta.load.csv import read_measurements
from nytta.load.plan import PlanDocument, load_plan, read_text, resolve_inside
from nytta.model.enums import MeasurementKind, parse_enum
from nytta.write.atomic import replace_file
from nytta.write.edit import Edit, EditRefused, csv_edit, yaml_edit
from nytta.write.validate import NewMeasurement, Vetted, vet
from nytta.write.verify import Unfaithful, check_csv, check_yaml

_BLOCKING = {"yaml-syntax", "not-a-plan", "unsupported-version"}


@dataclass
class Outcome:
    """What a record or import did, or why it did nothing."""

    vetted: Vetted | None = None
    edit: Edit | None = None
    refusals: list[Diagnostic] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.refusals)


def prepare(plan_path: Path, display: str, rows: list[NewMeasurement], today: _dt.date) -> Outcome:
    """Vet ``rows`` against the plan and compute (not write) the edit."""
    doc = load_plan(plan_path, display)
    assert doc is not None
    blocking = [d for d in doc.diagnostics if d.rule in _BLOCKING] or ([] if doc.plan else doc.diagnostics[:1])
    if blocking:
        return Outcome(refusals=[replace(d, message=f"the plan cannot be read: {d.message}") for d in blocking])
    unreadable = [d for d in doc.diagnostics if d.rule == "measurements-file"]
    if unreadable and not _csv_missing(doc, plan_path):  # a file that cannot be read as it is takes no rows
        return Outcome(refusals=unreadable)
    vetted = vet(doc, rows, today)
    if vetted.refusals:
        return Outcome(vetted, refusals=vetted.refusals)
    if not vetted.to_add:
        return Outcome(vetted)
    try:
        edit = _edit_for(doc, plan_path, vetted.to_add)
    except EditRefused as exc:
        return Outcome(vetted, refusals=[Diagnostic(display, 0, 0, "write", str(exc))])
    try:
        _read_back(edit, vetted.to_add, csv=doc.csv_file is not None)
    except Unfaithful as exc:
        where = doc.csv_file or display if exc.line else display
        rule = "measurements-file" if exc.line else "write"
        return Outcome(vetted, refusals=[Diagnostic(where, exc.line, exc.column, rule, str(exc))])
    return Outcome(vetted, edit)


def _read_back(edit: Edit, rows: list[NewMeasurement], *, csv: bool) -> None:
    """The new text must read back as the old one plus ``rows`` (see ``nytta.write.verify``)."""
    old, new = edit.old.decode("utf-8-sig"), edit.new.decode("utf-8-sig")
    (check_csv if csv else check_yaml)(old, new, rows)


def _csv_missing(doc: PlanDocument, plan_path: Path) -> bool:
    """The plan names a measurements file that does not exist yet (the first row creates it)."""
    relative = doc.plan.plan.measurements_file if doc.plan is not None else None
    target = resolve_inside(plan_path, relative)[0] if relative else None
    return target is not None and not target.exists() and not target.is_symlink()


def _edit_for(doc: PlanDocument, plan_path: Path, rows: list[NewMeasurement]) -> Edit:
    assert doc.plan is not None
    relative = doc.plan.plan.measurements_file
    if relative:
        target, problem = resolve_inside(plan_path, relative)
        if problem or target is None:
            raise EditRefused(problem or "the measurements file cannot be used")
        if target.exists() and not target.is_file():
            raise EditRefused(f"the measurements file '{relative}' is not a regular file")
        return csv_edit(target, rows)
    return yaml_edit(plan_path.resolve(), rows)  # through a symlink: the plan it names


class Changed(Exception):
    """The file is no longer the version the edit was computed from."""


def apply(outcome: Outcome) -> None:
    """Write the prepared edit (atomically), if the file is still the version it was made from."""
    edit = outcome.edit
    if edit is None or outcome.refused:
        return
    if edit.path.resolve() != edit.path:  # a folder on the way was swapped for a link: resolve and vet again
        raise Changed(str(edit.path))
    current = edit.path.read_bytes() if edit.path.exists() else b""
    if current != edit.old:
        raise Changed(str(edit.path))
    replace_file(edit.path, edit.new)


def rows_from_csv(path: Path, display: str) -> tuple[list[NewMeasurement], list[Diagnostic]]:
    """Rows of an import file in either dialect; unreadable rows become findings at the row."""
    text, problem = read_text(path, display)
    if problem is not None:
        return [], [replace(problem, rule="measurements-file")]
    table = read_measurements(text or "")
    lines = (text or "").splitlines()
    refusals = [_at(display, lines, p.line, p.column, p.message) for p in table.problems]
    rows: list[NewMeasurement] = []
    for row in table.rows:
        try:
            kind = parse_enum(MeasurementKind, row.kind) if row.kind else MeasurementKind.ACTUAL
        except ValueError as exc:
            refusals.append(_at(display, lines, row.line, row.columns.get("kind", 1), f"kind {exc}"))
            continue
        rows.append(
            NewMeasurement(row.indicator, row.date, row.value, kind, row.source, row.note, display, row.line, row.columns)
        )
    return rows, refusals


def _at(display: str, lines: list[str], line: int, column: int, message: str) -> Diagnostic:
    source = lines[line - 1] if 0 < line <= len(lines) else None
    return Diagnostic(display, line, column, "measurements-file", message, source_line=source)
