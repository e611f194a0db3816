"""What changed between two versions of a plan: benefits and indicators added or removed,
baselines, targets and owners changed, measurements added.

Each change names where it is in the newer version (a data path into it) so that findings
(``unrecorded-revision``) and ``nytta diff`` can point at the changed value.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from nytta.load.plan import PlanDocument
from nytta.model.plan import Benefit, Indicator, Plan
from nytta.results.diff import Added, Change, Dated


def compare(old: Plan, new: Plan, old_doc: PlanDocument | None = None, new_doc: PlanDocument | None = None) -> list[Change]:
    """Every change from ``old`` to ``new``, benefits in the newer plan's order."""
    changes: list[Change] = []
    old_benefits = {b.id: b for b in old.benefits}
    new_ids = {b.id for b in new.benefits}
    for benefit in new.benefits:
        before = old_benefits.get(benefit.id)
        if before is None:
            changes.append(Change("benefit-added", benefit.id, None, benefit.name, benefit.path))
        else:
            changes += _benefit_changes(before, benefit, old_doc, new_doc)
    changes += [Change("benefit-removed", b.id, b.name, None, None) for b in old.benefits if b.id not in new_ids]
    return changes


def _benefit_changes(old: Benefit, new: Benefit, old_doc: PlanDocument | None, new_doc: PlanDocument | None) -> list[Change]:
    changes: list[Change] = []
    if old.owner != new.owner:
        changes.append(Change("owner-changed", new.id, old.owner, new.owner, (*new.path, "owner")))
    before = {i.id: i for i in old.indicators}
    for indicator in new.indicators:
        if indicator.id not in before:
            changes.append(Change("indicator-added", indicator.id, None, indicator.name, indicator.path))
            continue
        changes += _indicator_changes(before[indicator.id], indicator)
        changes += _measurements_added(indicator, old_doc, new_doc)
    now = {i.id for i in new.indicators}
    changes += [Change("indicator-removed", i.id, i.name, None, None) for i in old.indicators if i.id not in now]
    return changes


def _show(value: Any, day: _dt.date | None) -> Dated:
    return Dated(value, day)


def _indicator_changes(old: Indicator, new: Indicator) -> list[Change]:
    changes: list[Change] = []
    ob, nb = old.baseline, new.baseline
    if ob is not None and nb is not None and (ob.value, ob.date) != (nb.value, nb.date):
        where = "value" if ob.value != nb.value else "date"
        changes.append(Change("baseline-changed", new.id, _show(ob.value, ob.date), _show(nb.value, nb.date), (*nb.path, where)))
    for i, target in enumerate(new.targets):
        if i >= len(old.targets):
            changes.append(Change("target-added", new.id, None, _show(target.value, target.date), target.path))
            continue
        before = old.targets[i]
        if (before.value, before.date) != (target.value, target.date):
            where = "value" if before.value != target.value else "date"
            changes.append(
                Change(
                    "target-changed",
                    new.id,
                    _show(before.value, before.date),
                    _show(target.value, target.date),
                    (*target.path, where),
                )
            )
    changes.extend(
        Change("target-removed", new.id, _show(target.value, target.date), None, new.path)
        for target in old.targets[len(new.targets) :]
    )
    return changes


def _measurements_added(new: Indicator, old_doc: PlanDocument | None, new_doc: PlanDocument | None) -> list[Change]:
    if old_doc is None or new_doc is None:
        return []
    before = {(o.date, o.value) for o in old_doc.observations_of(new.id)}
    added = [o for o in new_doc.observations_of(new.id) if (o.date, o.value) not in before]
    if not added:
        return []
    latest = max(added, key=lambda o: o.date)
    return [Change("measurements-added", new.id, None, Added(len(added), _show(latest.value, latest.date)), new.path)]
