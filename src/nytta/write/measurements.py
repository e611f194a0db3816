"""Record and import measurements: load the plan, vet the rows, compute the edit, write it.

Nothing is written unless every row passes the measurement rules (see
``nytta.write.validate``); the write itself is atomic. A replaced measurement is changed in
the file it is written in; an edit that would change two files is refused.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from nytta.diagnostics import Diagnostic
from nytta.i18n import _
from nytta.load.csv import not_utf8, read_measurements
from nytta.load.plan import Observation, PlanDocument, load_plan, read_text, resolve_inside
from nytta.model.enums import MeasurementKind, parse_enum
from nytta.write.atomic import replace_file
from nytta.write.edit import Edit, EditRefused, csv_edit, yaml_edit
from nytta.write.validate import NewMeasurement, Replacement, Vetted, vet
from nytta.write.verify import Unfaithful, check_csv, check_yaml

_BLOCKING = {"yaml-syntax", "not-a-plan", "unsupported-version"}


@dataclass
class Outcome:
    """What a record or import did, or why it did nothing; ``target`` names the file that takes
    (or would have taken) the rows, as the plan's name is given, and ``doc`` is the plan read."""

    vetted: Vetted | None = None
    edit: Edit | None = None
    refusals: list[Diagnostic] = field(default_factory=list)
    target: str = ""
    doc: PlanDocument | None = None

    @property
    def refused(self) -> bool:
        return bool(self.refusals)


def prepare(plan_path: Path, display: str, rows: list[NewMeasurement], today: _dt.date, *, replacing: bool = False) -> Outcome:
    """Vet ``rows`` against the plan and compute (not write) the edit; ``replacing``: a new
    value for a date already measured replaces the old one."""
    doc = load_plan(plan_path, display)
    assert doc is not None
    blocking = [d for d in doc.diagnostics if d.rule in _BLOCKING] or ([] if doc.plan else doc.diagnostics[:1])
    if blocking:
        refusals = [replace(d, message=_("the plan cannot be read: {problem}", problem=d.message)) for d in blocking]
        return Outcome(refusals=refusals, target=display)
    outcome = Outcome(target=doc.csv_file or display, doc=doc)
    unreadable = [d for d in doc.diagnostics if d.rule == "measurements-file"]
    if unreadable and not _csv_missing(doc, plan_path):  # a file that cannot be read as it is takes no rows
        return replace(outcome, refusals=unreadable)
    outcome.vetted = vetted = vet(doc, rows, today, replacing=replacing)
    if vetted.refusals or not (vetted.to_add or vetted.to_replace):
        return replace(outcome, refusals=vetted.refusals)
    try:
        edit = _edit_for(doc, plan_path, vetted.to_add, tuple(vetted.to_replace))
    except EditRefused as exc:
        return replace(outcome, refusals=[Diagnostic(display, 0, 0, "write", str(exc))])
    outcome.target = display if edit.path == plan_path.resolve() else doc.csv_file or display
    try:
        _read_back(edit, vetted.to_add, tuple(vetted.to_replace), csv=edit.path != plan_path.resolve())
    except Unfaithful as exc:
        where = doc.csv_file or display if exc.line else display
        rule = "measurements-file" if exc.line else "write"
        return replace(outcome, refusals=[Diagnostic(where, exc.line, exc.column, rule, str(exc))])
    return replace(outcome, edit=edit)


def _read_back(edit: Edit, rows: list[NewMeasurement], replaced: tuple[Replacement, ...], *, csv: bool) -> None:
    """The new text must read back as the old one plus ``rows``, and with the ``replaced``
    measurements' new values (see ``nytta.write.verify``)."""
    old, new = edit.old.decode("utf-8-sig"), edit.new.decode("utf-8-sig")
    (check_csv if csv else check_yaml)(old, new, rows, replaced)


def _csv_missing(doc: PlanDocument, plan_path: Path) -> bool:
    """The plan names a measurements file that does not exist yet (the first row creates it)."""
    relative = doc.plan.plan.measurements_file if doc.plan is not None else None
    target = resolve_inside(plan_path, relative)[0] if relative else None
    return target is not None and not target.exists() and not target.is_symlink()


def _edit_for(doc: PlanDocument, plan_path: Path, rows: list[NewMeasurement], replacements: tuple[Replacement, ...]) -> Edit:
    assert doc.plan is not None
    relative = doc.plan.plan.measurements_file
    in_csv = {item.old.csv_row is not None for item in replacements} | ({relative is not None} if rows else set())
    if len(in_csv) > 1:
        raise EditRefused(
            _(
                "the measurements to replace are written in {plan} and the new ones go to {csv}; "
                "nothing was written — import the replacements and the new rows separately",
                plan=doc.file,
                csv=doc.csv_file,
            )
        )
    if relative and in_csv == {True}:
        target, problem = resolve_inside(plan_path, relative)
        if problem or target is None:
            raise EditRefused(problem or _("the measurements file cannot be used"))
        if target.exists() and not target.is_file():
            raise EditRefused(_("the measurements file '{name}' is not a regular file", name=relative))
        return csv_edit(target, rows, replacements)
    lines = frozenset(line for item in replacements for line in _lines_of(doc, item.old))
    return yaml_edit(plan_path.resolve(), rows, replacements, lines)  # through a symlink: the plan it names


def _lines_of(doc: PlanDocument, obs: Observation) -> set[int]:
    """The lines of the plan that an inline measurement is written on (its entry and its keys)."""
    path = obs.yaml_path or ()
    keys = ("date", "value", "source", "note", "kind")
    return {doc.at("", path, "").line} | {doc.at("", (*path, key), "", at_key=True).line for key in keys}


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
    text, problem = read_text(path, display, not_utf8=not_utf8)
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
            refusals.append(_at(display, lines, row.line, row.columns.get("kind", 1), _("kind {problem}", problem=exc)))
            continue
        rows.append(
            NewMeasurement(row.indicator, row.date, row.value, kind, row.source, row.note, display, row.line, row.columns)
        )
    return rows, refusals


def _at(display: str, lines: list[str], line: int, column: int, message: str) -> Diagnostic:
    source = lines[line - 1] if 0 < line <= len(lines) else None
    return Diagnostic(display, line, column, "measurements-file", message, source_line=source)
