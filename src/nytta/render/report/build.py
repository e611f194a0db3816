"""Render a report: make the view model of the analysed plan (or the portfolio), fill the template.

These are the report's renderers (see ``nytta.render.registry``): ``html`` and ``md``.
A report that is a page of a set (see ``pages``) carries its links. A template that fails
becomes a :class:`RenderProblem`: whatever a user's template (``--templates``) raises, and
a shipped template's template errors (the bounds of the sandbox included).
"""

from __future__ import annotations

from nytta.i18n import _
from nytta.render.registry import RenderOptions, RenderProblem
from nytta.results.report import PlanReport, PortfolioReport


def html(report: PlanReport | PortfolioReport, options: RenderOptions) -> str:
    return _render(report, "html", options)


def md(report: PlanReport | PortfolioReport, options: RenderOptions) -> str:
    return _render(report, "md", options)


def _render(report: PlanReport | PortfolioReport, kind: str, options: RenderOptions) -> str:
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    from nytta.render.report.environment import render
    from nytta.render.report.pages import LinkedPlan, LinkedPortfolio
    from nytta.render.report.portfolio import PortfolioView, portfolio_view
    from nytta.render.report.view import PlanView, plan_view

    view: PlanView | PortfolioView
    if isinstance(report, PlanReport):
        index = report.index_href if isinstance(report, LinkedPlan) else ""
        view, name = plan_view(report.analysis, report.lang, index), f"plan.{kind}.j2"
    else:
        facts = report.facts if isinstance(report, LinkedPortfolio) else ()
        view, name = portfolio_view(report.followed, report.as_of, report.lang, facts), f"portfolio.{kind}.j2"
    failures: tuple[type[Exception], ...] = (Exception,) if options.templates else (TemplateError, SecurityError)
    try:
        return render(name, kind, options.templates, view=view, text=view.text, lang=report.lang, as_of=view.as_of)
    except failures as exc:
        raise RenderProblem(_("the report template failed: {kind}: {error}", kind=type(exc).__name__, error=exc)) from None
