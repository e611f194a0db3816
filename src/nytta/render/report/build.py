"""Build a report: follow up the plans, make the view model, render the template."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from pathlib import Path

from nytta.check import CheckOptions, check_document
from nytta.compute.status import plan_status
from nytta.followup import FollowUp
from nytta.load.plan import PlanDocument
from nytta.model.plan import Thresholds
from nytta.render.report.environment import render
from nytta.render.report.portfolio import portfolio_view
from nytta.render.report.view import plan_view

KINDS = ("html", "md")


def report_language(languages: list[str], lang: str | None) -> str:
    """The language asked for, else the plan's own (for a single plan), else Swedish."""
    if lang:
        return lang
    return languages[0] if len(languages) == 1 else "sv"


def plan_report(
    doc: PlanDocument, options: CheckOptions, lang: str, kind: str,
    templates: Path | None = None, fallback: Thresholds | None = None,
) -> str:
    """The report of one plan in ``lang`` as ``kind`` (html or md)."""
    assert doc.plan is not None
    status = plan_status(doc, options.as_of, fallback=fallback)
    findings = check_document(doc, options)
    view = plan_view(doc, status, findings, options.as_of, lang)
    return render(f"plan.{kind}.j2", kind, templates, view=view, text=view.text, lang=lang, as_of=view.as_of)


def portfolio_report(
    followed: Iterable[FollowUp], as_of: _dt.date, lang: str, kind: str, templates: Path | None = None,
) -> str:
    """The portfolio report of plans followed up with summaries, in ``lang`` as ``kind`` (html or md)."""
    view = portfolio_view(followed, as_of, lang)
    return render(f"portfolio.{kind}.j2", kind, templates, view=view, text=view.text, lang=lang, as_of=view.as_of)
