"""What changed between two versions of a plan: benefits and indicators added or removed,
baselines, targets and owners changed, measurements added.

Each change names where it is in the newer version (a data path into it) so that findings
and merge-request comments can point at the changed value. Reading a version from git
lives here too: `git show REV:path` for the plan and its measurements file.
"""

from __future__ import annotations

import datetime as _dt
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nytta.load.plan import PlanDocument, load_plan, repository_root
from nytta.model.plan import Benefit, Indicator, Plan

DataPath = tuple[str | int, ...]

#: Kinds of change that move the goal posts: in an approved plan they need a revision entry.
GOAL_POSTS = frozenset({"baseline-changed", "target-changed", "target-added", "target-removed"})


@dataclass(frozen=True)
class Change:
    """One difference: its kind, the entity it concerns, old and new value, where it is now."""

    kind: str
    subject: str
    old: str | None
    new: str | None
    path: DataPath | None  # in the newer version; None for something removed

    @property
    def moves_goal_posts(self) -> bool:
        return self.kind in GOAL_POSTS


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


def _show(value: Any, day: _dt.date | None) -> str:
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{shown} ({day})" if day is not None else shown


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
    text = f"{len(added)} (latest {_show(latest.value, latest.date)})"
    return [Change("measurements-added", new.id, None, text, new.path)]


# -- versions from git -----------------------------------------------------------------------


class GitError(Exception):
    """A version could not be read from git; the message says why."""


def load_at_revision(plan_path: Path, revision: str, workdir: Path) -> PlanDocument | None:
    """The plan (and its measurements file) as committed at ``revision``; None if it did not exist.

    The files are written into ``workdir`` under their paths relative to the repository root.
    """
    folder = plan_path.resolve().parent
    root = repository_root(folder)
    if root is None:
        raise GitError(f"{plan_path} is not inside a git repository")
    relative = plan_path.resolve().relative_to(root)
    text = _git_show(root, revision, relative)
    if text is None:
        return None
    target = workdir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text)
    doc = load_plan(target, plan_path.as_posix())
    measurements = doc.plan.plan.measurements_file if doc is not None and doc.plan is not None else None
    if measurements:
        csv_relative = relative.parent / measurements
        csv_text = _git_show(root, revision, Path(*csv_relative.parts))
        if csv_text is not None:
            (workdir / csv_relative).parent.mkdir(parents=True, exist_ok=True)
            (workdir / csv_relative).write_bytes(csv_text)
            doc = load_plan(target, plan_path.as_posix())
    return doc


def _git_show(root: Path, revision: str, relative: Path) -> bytes | None:
    check = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if check.returncode != 0:
        raise GitError(f"unknown git revision '{revision}'")
    shown = _git(root, "show", f"{revision}:{relative.as_posix()}")
    return shown.stdout if shown.returncode == 0 else None


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git could not run: {exc}") from None


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="nytta-rev-")
