"""``nytta report``: the steering group's report of one plan, or of a portfolio."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import check_language, language
from nytta.results.plans import Progress, Unreadable
from nytta.results.report import PlanReport, PortfolioReport


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...]
    as_of: _dt.date
    lang: str | None = None  # default: the plan's language, else Swedish
    config: Path | None = None


@dataclass(frozen=True)
class ReportResult:
    """What to render (None when no plan could be read) and the plans that could not be read."""

    report: PlanReport | PortfolioReport | None
    unreadable: tuple[Unreadable, ...] = ()


def run(options: Options, progress: Progress | None = None) -> ReportResult:
    check_language(options.lang)
    paths = list(options.paths)
    if len(paths) == 1 and paths[0].is_file():
        return _plan_report(paths[0], options)
    from nytta.app.status import follow_up_paths

    followed, unreadable = follow_up_paths(paths, options.as_of, options.config, summaries=True, progress=progress)
    if not followed:
        return ReportResult(None, unreadable)
    languages = [item.summary.language for item in followed if item.summary is not None]
    return ReportResult(PortfolioReport(tuple(followed), options.as_of, language(languages, options.lang)), unreadable)


def _plan_report(path: Path, options: Options) -> ReportResult:
    from nytta.app.analysis import analyse
    from nytta.app.common import settings
    from nytta.app.plans import one_plan, unreadable_plan

    config = settings(options.config)
    doc = one_plan(path)
    if doc.plan is None:
        return ReportResult(None, (unreadable_plan(doc),))
    lang = language([doc.plan.plan.language.value], options.lang)
    return ReportResult(PlanReport(analyse(doc, options.as_of, config).result(), lang))
