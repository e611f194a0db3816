"""``nytta status``: is each benefit being realised? One plan, or a portfolio."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import no_plans, settings
from nytta.app.errors import UsageProblem
from nytta.results.followup import FollowUp
from nytta.results.plans import Progress, Unreadable
from nytta.results.status import StatusReport


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...]
    as_of: _dt.date
    config: Path | None = None


def run(options: Options, progress: Progress | None = None) -> StatusReport:
    followed, unreadable = follow_up_paths(list(options.paths), options.as_of, options.config, progress=progress)
    statuses = tuple(item.status for item in followed if item.status is not None)
    return StatusReport(options.as_of, statuses, unreadable)


def follow_up_paths(
    paths: list[Path],
    as_of: _dt.date,
    config: Path | None,
    *,
    summaries: bool = False,
    progress: Progress | None = None,
) -> tuple[list[FollowUp], tuple[Unreadable, ...]]:
    """The readable plans under ``paths`` followed up, and the ones that could not be read;
    a missing path or no plan at all cannot run."""
    from nytta.app.followup import follow_up
    from nytta.load.files import MissingPath

    followed: list[FollowUp] = []
    unreadable: list[Unreadable] = []
    try:
        for item in follow_up(paths, as_of, settings(config), summaries=summaries):
            if item.status is None:
                unreadable.append(Unreadable(item.file, item.problem))
            else:
                followed.append(item)
            if progress is not None:
                progress(item.file)
    except MissingPath as exc:
        raise UsageProblem(str(exc)) from None
    if not followed and not unreadable:
        raise no_plans(paths)
    return followed, tuple(unreadable)
