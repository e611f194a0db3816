"""The plans under the paths a command names, one at a time, and the ones it cannot read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from nytta.app.common import no_plans
from nytta.app.errors import UsageProblem
from nytta.batch import one_at_a_time
from nytta.load.files import MissingPath, discover
from nytta.load.plan import PlanDocument, load_plan
from nytta.results.plans import Progress, Unreadable


def iter_plans(paths: list[Path], skipped: list[str], only_plans: bool = False) -> Iterator[PlanDocument]:
    """Each plan under ``paths`` (files as given, directories searched), one at a time, so
    that a caller need not hold them all; YAML files that are not plans go to ``skipped``.
    Raises ``MissingPath`` (before loading anything) for a path that does not exist.
    With ``only_plans``, files named explicitly are skipped too when they are not plans."""
    for candidate in one_at_a_time(discover(paths)):
        doc = load_plan(candidate.path, candidate.display, explicit=candidate.explicit and not only_plans)
        if doc is None:
            skipped.append(candidate.display)
        else:
            yield doc
            del doc  # so that it can be freed before the next plan is loaded


def load_plans(paths: list[Path]) -> tuple[list[PlanDocument], list[str]]:
    """Every plan under ``paths`` and the YAML files skipped as not plans."""
    skipped: list[str] = []
    return list(iter_plans(paths, skipped)), skipped


def readable_plans(paths: list[Path], unreadable: list[Unreadable], progress: Progress | None = None) -> Iterator[PlanDocument]:
    """The plans under ``paths`` that can be read; the others go to ``unreadable``.
    A missing path, or no plan at all, cannot run."""
    found = False
    try:
        for doc in iter_plans(paths, []):
            found = True
            if doc.plan is None:
                unreadable.append(unreadable_plan(doc))
            else:
                yield doc
            if progress is not None:
                progress(doc.file)
    except MissingPath as exc:
        raise UsageProblem(str(exc)) from None
    if not found:
        raise no_plans(paths)


def one_plan(path: Path) -> PlanDocument:
    """The plan in one named file (which may be unreadable: see ``doc.plan``)."""
    from nytta.app.common import existing_file

    existing_file(path)
    doc = load_plan(path, path.as_posix())
    if doc is None:  # a named file is always read as a plan
        raise no_plans([path])
    return doc


def unreadable_plan(doc: PlanDocument) -> Unreadable:
    return Unreadable(doc.file, doc.diagnostics[0] if doc.diagnostics else None)
