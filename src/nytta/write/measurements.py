"""Record and import measurements: load the plan, vet the rows, compute the edit, write it.

Nothing is written unless every row passes; the write itself is atomic.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from nytta.load.csv import read_measurements
from nytta.load.plan import PlanDocument, load_plan, read_text, resolve_inside
from nytta.model.enums import MeasurementKind, parse_enum
from nytta.write.atomic import replace_file
from nytta.write.edit import Edit, EditRefused, csv_edit, yaml_edit
from nytta.write.validate import NewMeasurement, Refusal, Vetted, vet

_BLOCKING = {"yaml-syntax", "not-a-plan", "unsupported-version"}


@dataclass
class Outcome:
    """What a record or import did, or why it did nothing."""

    vetted: Vetted | None = None
    edit: Edit | None = None
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.refusals)


def prepare(plan_path: Path, display: str, rows: list[NewMeasurement], today: _dt.date) -> Outcome:
    """Vet ``rows`` against the plan and compute (not write) the edit."""
    doc = load_plan(plan_path, display)
    assert doc is not None
    blocking = [d for d in doc.diagnostics if d.rule in _BLOCKING] or ([] if doc.plan else doc.diagnostics[:1])
    if blocking:
        return Outcome(refusals=[Refusal(d.rule, f"the plan cannot be read: {d.message}", f"{d.file}:{d.line}") for d in blocking])
    vetted = vet(doc, rows, today)
    if vetted.refusals:
        return Outcome(vetted, refusals=vetted.refusals)
    if not vetted.to_add:
        return Outcome(vetted)
    try:
        return Outcome(vetted, _edit_for(doc, plan_path, vetted.to_add))
    except EditRefused as exc:
        return Outcome(vetted, refusals=[Refusal("write", str(exc))])


def _edit_for(doc: PlanDocument, plan_path: Path, rows: list[NewMeasurement]) -> Edit:
    assert doc.plan is not None
    relative = doc.plan.plan.measurements_file
    if relative:
        target, problem = resolve_inside(plan_path, relative)
        if problem or target is None:
            raise EditRefused(problem or "the measurements file cannot be used")
        return csv_edit(target, rows)
    return yaml_edit(plan_path, rows)


def apply(outcome: Outcome) -> None:
    """Write the prepared edit (atomically)."""
    if outcome.edit is not None and not outcome.refused:
        replace_file(outcome.edit.path, outcome.edit.new)


def rows_from_csv(path: Path, display: str) -> tuple[list[NewMeasurement], list[Refusal]]:
    """Rows of an import file in either dialect; unreadable rows become refusals naming the row."""
    text, problem = read_text(path, display)
    if problem is not None:
        return [], [Refusal("measurements-file", problem.message, display)]
    table = read_measurements(text or "")
    refusals = [Refusal("measurements-file", p.message, f"{display}:{p.line}:{p.column}") for p in table.problems]
    rows: list[NewMeasurement] = []
    for row in table.rows:
        origin = f"{display}:{row.line}"
        try:
            kind = parse_enum(MeasurementKind, row.kind) if row.kind else MeasurementKind.ACTUAL
        except ValueError as exc:
            refusals.append(Refusal("measurements-file", f"kind {exc}", origin))
            continue
        rows.append(NewMeasurement(row.indicator, row.date, row.value, kind, row.source, row.note, origin))
    return rows, refusals
