"""``nytta report``: the steering group's report of one plan, or of a portfolio.

A portfolio goes to one page (``-o nytta-rapport.html``), or to a folder (``-o rapport/``):
then ``index.html`` is the portfolio and each plan gets its own report beside it
(``<plan id>.html``), linked both ways by relative links that work from ``file://``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nytta.app.common import check_language, language
from nytta.config import Config
from nytta.load.files import Candidate
from nytta.results.followup import FollowUp
from nytta.results.plans import Progress, Unreadable
from nytta.results.report import PlanReport, PortfolioReport

INDEX = "index"


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...]
    as_of: _dt.date
    lang: str | None = None  # default: the plan's language, else Swedish
    config: Path | None = None
    folder: Path | None = None  # write the portfolio and one report per plan into this folder
    format: str = "html"  # of the folder's pages
    templates: Path | None = None  # of the folder's pages


@dataclass(frozen=True)
class ReportResult:
    """What to render (None when no plan could be read), the plans that could not be read,
    and, for a folder, the pages written (the portfolio first)."""

    report: PlanReport | PortfolioReport | None
    unreadable: tuple[Unreadable, ...] = ()
    written: tuple[Path, ...] = ()


@dataclass(frozen=True)
class _Followed:
    """A plan followed up for the portfolio, with its benefit owners and where it was read."""

    follow_up: FollowUp
    owners: Mapping[str, str] = field(default_factory=dict)
    candidate: Candidate | None = None


def is_folder(output: Path | None) -> bool:
    """Whether ``-o`` names a folder for the portfolio's pages: an existing folder, or a new
    name without a suffix (``rapport/``); ``-o file.html`` stays a single page."""
    if output is None:
        return False
    return output.is_dir() if output.exists() else not output.suffix


def run(options: Options, progress: Progress | None = None) -> ReportResult:
    check_language(options.lang)
    paths = list(options.paths)
    if options.folder is None and len(paths) == 1 and paths[0].is_file():
        return _plan_report(paths[0], options)
    followed, unreadable = _follow_up(paths, options, progress)
    if not followed:
        return ReportResult(None, unreadable)
    languages = [item.follow_up.summary.language for item in followed if item.follow_up.summary is not None]
    lang = language(languages, options.lang)
    if options.folder is not None:
        return _write_folder(followed, lang, options, unreadable)
    return ReportResult(_portfolio(followed, lang, options.as_of, {}), unreadable)


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


def _follow_up(paths: list[Path], options: Options, progress: Progress | None) -> tuple[list[_Followed], tuple[Unreadable, ...]]:
    """The readable plans under ``paths`` followed up with their owners, and the unreadable ones;
    a missing path or no plan at all cannot run."""
    from nytta.app.common import no_plans, settings
    from nytta.app.errors import UsageProblem
    from nytta.batch import in_order
    from nytta.load.files import MissingPath, discover

    config = settings(options.config)
    followed: list[_Followed] = []
    unreadable: list[Unreadable] = []
    try:
        for item in in_order(_follow_file, discover(paths), options.as_of, config):
            if item is None:
                continue
            if item.follow_up.status is None:
                unreadable.append(Unreadable(item.follow_up.file, item.follow_up.problem))
            else:
                followed.append(item)
            if progress is not None:
                progress(item.follow_up.file)
    except MissingPath as exc:
        raise UsageProblem(str(exc)) from None
    if not followed and not unreadable:
        raise no_plans(paths)
    return followed, tuple(unreadable)


def _follow_file(candidate: Candidate, as_of: _dt.date, config: Config) -> _Followed | None:
    """One file followed up (None when it is no plan): status, summary and the benefit owners' names."""
    from nytta.app.followup import follow_up_document
    from nytta.load.plan import load_plan

    doc = load_plan(candidate.path, candidate.display, explicit=candidate.explicit)
    if doc is None:
        return None
    follow_up = follow_up_document(doc, as_of, config, summaries=True)
    if doc.plan is None:
        return _Followed(follow_up)
    people = {person.id: person.name for person in doc.plan.people}
    owners = {b.id: people.get(b.owner, b.owner) for b in doc.plan.benefits if b.owner}
    return _Followed(follow_up, owners, candidate)


def _portfolio(followed: list[_Followed], lang: str, as_of: _dt.date, pages: Mapping[int, str]) -> PortfolioReport:
    """The portfolio report; ``pages`` names each plan's own page by its place in ``followed``."""
    from nytta.render.report.pages import LinkedPortfolio, PlanFacts

    facts = tuple(PlanFacts(item.owners, pages.get(n, "")) for n, item in enumerate(followed))
    return LinkedPortfolio(tuple(item.follow_up for item in followed), as_of, lang, facts)


def page_names(ids: list[str], suffix: str) -> list[str]:
    """A file name per plan id, ``<id>.<suffix>``, never ``index`` and unique even where
    case does not count (``-2``, ``-3``… on a repeat)."""
    taken = {INDEX}
    names = []
    for plan_id in ids:
        stem, number = plan_id, 1
        while stem.casefold() in taken:
            number += 1
            stem = f"{plan_id}-{number}"
        taken.add(stem.casefold())
        names.append(f"{stem}.{suffix}")
    return names


def _write_folder(followed: list[_Followed], lang: str, options: Options, unreadable: tuple[Unreadable, ...]) -> ReportResult:
    """Each plan's report, then the portfolio as the index, written into the folder."""
    assert options.folder is not None
    ids = [item.follow_up.status.id if item.follow_up.status else "plan" for item in followed]
    names = page_names(ids, options.format)
    index = f"{INDEX}.{options.format}"
    _refuse_inputs([options.folder / name for name in (index, *names)], options)
    _make_folder(options.folder)
    pages = dict(_plan_pages(followed, names, index, lang, options))
    portfolio = _portfolio(followed, lang, options.as_of, pages)
    _write(options.folder / index, _render(portfolio, options))
    written = [options.folder / index, *(options.folder / name for name in pages.values())]
    return ReportResult(portfolio, unreadable, tuple(written))


def _plan_pages(
    followed: list[_Followed], names: list[str], index: str, lang: str, options: Options
) -> Iterator[tuple[int, str]]:
    """Each plan's own report, read and analysed again one at a time and written as it is made:
    its place among the plans and its file name."""
    from nytta.app.analysis import analyse
    from nytta.app.common import settings
    from nytta.batch import one_at_a_time
    from nytta.load.plan import load_plan
    from nytta.render.report.pages import LinkedPlan

    assert options.folder is not None
    config = settings(options.config)
    for number, (item, name) in one_at_a_time(list(enumerate(zip(followed, names)))):
        candidate = item.candidate
        doc = load_plan(candidate.path, candidate.display, explicit=candidate.explicit) if candidate else None
        if doc is None or doc.plan is None:
            continue
        report = LinkedPlan(analyse(doc, options.as_of, config).result(), lang, index_href=index)
        _write(options.folder / name, _render(report, options))
        yield number, name


def _refuse_inputs(pages: list[Path], options: Options) -> None:
    """No page may be a file the run reads (a plan, its measurements, the configuration, a template)."""
    from nytta.app.inputs import config_in_effect, refuse_input_as_output

    config = config_in_effect(options.config)
    for page in pages:
        refuse_input_as_output(page, list(options.paths), config, options.templates)


def _render(report: PlanReport | PortfolioReport, options: Options) -> bytes:
    from nytta.render.registry import RENDERERS, RenderOptions

    rendered = RENDERERS["report"][options.format](report, RenderOptions(templates=options.templates))
    if isinstance(rendered, bytes):
        return rendered
    return (rendered if isinstance(rendered, str) else "".join(rendered)).encode("utf-8")


def _make_folder(folder: Path) -> None:
    from nytta.app.errors import UsageProblem
    from nytta.i18n import _

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(_("cannot write {file}: {reason}", file=folder, reason=exc.strerror or exc)) from None


def _write(path: Path, data: bytes) -> None:
    from nytta.app.errors import UsageProblem
    from nytta.i18n import _
    from nytta.write.output import write_output

    try:
        write_output(path, data)
    except OSError as exc:
        raise UsageProblem(_("cannot write {file}: {reason}", file=path, reason=exc.strerror or exc)) from None
