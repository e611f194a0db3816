"""``nytta diff``: what changed between two versions of a plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nytta.app.errors import UsageProblem
from nytta.i18n import _
from nytta.results.diff import DiffReport
from nytta.results.plans import Unreadable

if TYPE_CHECKING:
    from nytta.load.plan import PlanDocument


@dataclass(frozen=True)
class Options:
    old: Path  # the older plan file, or with ``rev`` the plan itself
    new: Path | None = None
    rev: str | None = None  # a git revision to compare ``old`` with


@dataclass(frozen=True)
class DiffResult:
    """The changes, or (``report`` None) the plan version that could not be read."""

    report: DiffReport | None
    unreadable: tuple[Unreadable, ...] = ()


def run(options: Options) -> DiffResult:
    from nytta.app.common import existing_file
    from nytta.app.plans import unreadable_plan
    from nytta.rules.changes import compare

    if (options.new is None) == (options.rev is None):
        raise UsageProblem(_("give either two plan files, or one plan file and --rev GITREV"))
    existing_file(options.old)
    before, after, labels = _versions(options)
    for doc in (before, after):
        if doc.plan is None:
            return DiffResult(None, (unreadable_plan(doc),))
    assert before.plan is not None and after.plan is not None
    return DiffResult(DiffReport(tuple(compare(before.plan, after.plan, before, after)), *labels))


def _versions(options: Options) -> tuple[PlanDocument, PlanDocument, tuple[str, str]]:
    """The two versions compared and how each is named."""
    from nytta.app.common import existing_file
    from nytta.app.plans import one_plan
    from nytta.load.git import GitError, load_at_revision, temporary_folder

    old = options.old
    if options.new is not None:
        existing_file(options.new)
        new = options.new
        return one_plan(old), one_plan(new), (old.as_posix(), new.as_posix())
    with temporary_folder() as folder:
        try:
            before = load_at_revision(old, str(options.rev), Path(folder))
        except GitError as exc:
            raise UsageProblem(str(exc)) from None
    if before is None:
        raise UsageProblem(_("{file} does not exist at revision {revision}", file=old, revision=options.rev))
    return before, one_plan(old), (f"{old.as_posix()}@{options.rev}", old.as_posix())
