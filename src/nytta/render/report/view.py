"""The view model of a plan report: every number computed and formatted before a template sees it.

Templates only lay this out. The model is built from the loaded plan, its status, its
nyttokalkyl and its `nytta check` findings, in one language. The body is what a steering
group reads — summary (with the latest follow-up's commentary and what to decide), effect
chain, benefits with charts, nyttokalkyl, risks, decision history, change log — and the
raw measurements are the appendix.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from nytta.diagnostics import Diagnostic, Severity
from nytta.model.plan import Plan
from nytta.render.report import followups, visuals
from nytta.render.report.benefits import (
    BenefitContext,
    BenefitView,
    Row,
    StatusView,
    benefit_view,
    trend_words,
)
from nytta.render.report.calculation import CalcView, calc_view
from nytta.render.report.followups import CommentaryView
from nytta.render.report.formatting import Formatter
from nytta.render.report.labels import PHASE, RATING, TEXT
from nytta.render.report.pages import safe_href
from nytta.render.report.revisions import TargetChange, target_changes
from nytta.results.analysis import PlanAnalysis
from nytta.results.calc import Calculation
from nytta.results.status import BenefitStatus, PlanStatus, count_by_status

__all__ = ["CalcView", "PlanView", "Row", "StatusView", "plan_view"]


@dataclass(frozen=True)
class QualityView:
    summary: str
    errors: tuple[Row, ...]
    gaps: tuple[Row, ...] = ()  # indicator; missing periods, between which measurements


@dataclass(frozen=True)
class ChangeLogView:
    """The plan's revisions (date; by, reason, what changed) and the targets they changed
    (indicator; target date, original, revised, revision date, lowered or raised)."""

    revisions: tuple[Row, ...]
    targets: tuple[Row, ...]


@dataclass(frozen=True)
class PlanView:
    lang: str
    text: dict[str, str]
    id: str
    title: str
    organisation: str
    phase: str
    as_of: str
    description: str
    status: StatusView
    notices: tuple[str, ...]  # lowered targets: status is computed against the revised ones
    commentary: CommentaryView | None  # the latest follow-up's
    counts: tuple[Row, ...]
    key_figures: tuple[Row, ...]
    decisions: tuple[Row, ...]  # what the steering group is asked to decide or act on
    chain_svg: str
    chain_mermaid: str
    benefits: tuple[BenefitView, ...]
    calc: CalcView | None
    risks: tuple[Row, ...]
    decision_history: tuple[Row, ...]  # date; decision, decided by, the proposal it answers
    change_log: ChangeLogView
    quality: QualityView
    appendix_intro: str
    index_href: str = ""  # the portfolio report this one belongs to, relative; "" when none


def plan_view(analysis: PlanAnalysis, lang: str, index_href: str = "") -> PlanView:
    """The whole plan report's view model in ``lang`` (sv or en); ``index_href`` links back to a portfolio."""
    plan, status, as_of = analysis.doc.plan, analysis.status, analysis.as_of
    assert plan is not None
    fmt = Formatter(lang, plan.plan.currency)
    text = TEXT[lang]
    calc = analysis.calc
    names = _names(plan)
    changes = target_changes(plan)
    context = BenefitContext(fmt, analysis, names, changes)
    return PlanView(
        lang=lang,
        text=text,
        id=plan.plan.id,
        title=plan.plan.title,
        organisation=plan.plan.organisation or "",
        phase=PHASE[lang][plan.phase.value],
        as_of=fmt.date(as_of),
        description=(plan.plan.description or "").strip(),
        status=StatusView(
            status.status.value, fmt.status(status.status), _plan_reason(fmt, status), trend_words(fmt, status.trend)
        ),
        notices=_lowered(fmt, changes),
        commentary=followups.commentary(fmt, plan, as_of, names),
        counts=_counts(fmt, status.benefits),
        key_figures=_key_figures(fmt, calc, text),
        decisions=followups.decisions_to_take(fmt, analysis, plan),
        chain_svg=visuals.chain_svg(plan, lang),
        chain_mermaid=visuals.chain_mermaid(plan, lang),
        benefits=tuple(benefit_view(context, b, s) for b, s in zip(plan.benefits, status.benefits)),
        calc=calc_view(fmt, calc, plan.plan.id) if calc else None,
        risks=_risks(fmt, plan, names),
        decision_history=followups.decision_history(fmt, plan, as_of, names),
        change_log=_change_log(fmt, plan, names, changes),
        quality=_quality(analysis.diagnostics, text, followups.gap_rows(fmt, analysis, analysis.diagnostics)),
        appendix_intro=text["appendix_intro"].format(as_of=fmt.date(as_of)),
        index_href=safe_href(index_href),
    )


def _lowered(fmt: Formatter, changes: Sequence[TargetChange]) -> tuple[str, ...]:
    """One sentence naming the indicators whose targets were lowered, if any."""
    lowered = [c for c in changes if c.lowered]
    if not lowered:
        return ()
    names = "; ".join(
        f"{c.indicator.name} {fmt.date(c.target.date)}, {fmt.number(c.original)} → {fmt.number(c.current)} {c.indicator.unit}"
        for c in lowered
    )
    return (TEXT[fmt.lang]["targets_lowered"].format(names=names),)


def _change_log(fmt: Formatter, plan: Plan, names: dict[str, str], changes: Sequence[TargetChange]) -> ChangeLogView:
    text = TEXT[fmt.lang]
    revisions = tuple(
        Row(fmt.date(r.date), (names.get(r.by or "", r.by or "–"), r.reason or "–", (r.changes or "–").strip()))
        for r in sorted(plan.revisions, key=lambda r: r.date or _dt.date.min)
    )
    targets = tuple(
        Row(
            c.indicator.name,
            (
                fmt.date(c.target.date),
                f"{fmt.number(c.original)} {c.indicator.unit}",
                f"{fmt.number(c.current)} {c.indicator.unit}",
                fmt.date(c.revision.date) if c.revision is not None else "–",
                text["lowered"] if c.lowered else text["raised"],
            ),
        )
        for c in changes
    )
    return ChangeLogView(revisions, targets)


def _names(plan: Plan) -> dict[str, str]:
    """Display names by id, for people, stakeholders, goals, chain nodes and benefits."""
    named = [*plan.people, *plan.stakeholders, *plan.goals, *plan.chain, *plan.benefits]
    return {item.id: item.name for item in named}  # type: ignore[attr-defined]


def _plan_reason(fmt: Formatter, status: PlanStatus) -> str:
    worst = [b for b in status.benefits if b.status is status.status]
    if not worst:
        return ""
    joined = ", ".join(b.name for b in worst)
    if fmt.lang == "sv":
        return f"Sämsta status bland nyttorna: {fmt.status(status.status).lower()} ({joined})."
    return f"Worst status among the benefits: {fmt.status(status.status).lower()} ({joined})."


def _counts(fmt: Formatter, benefits: tuple[BenefitStatus, ...]) -> tuple[Row, ...]:
    counts = count_by_status(benefits)
    return tuple(Row(fmt.status(s), (str(n), s.value)) for s, n in counts.items())


def _key_figures(fmt: Formatter, calc: Calculation | None, text: dict[str, str]) -> tuple[Row, ...]:
    if calc is None:
        return ()
    payback = str(calc.payback_year) if calc.payback_year else text["payback_none"]
    return (
        Row(text["planned_to_date"], (fmt.money(calc.planned_to_date),)),
        Row(text["realised_to_date"], (fmt.money(calc.realised_to_date),)),
        Row(text["npv"], (fmt.money(calc.npv),)),
        Row(text["payback"], (payback,)),
    )


def _risks(fmt: Formatter, plan: Plan, names: dict[str, str]) -> tuple[Row, ...]:
    """Per risk: what it affects, probability / impact in one cell (the table fits A4), owner, mitigation."""
    rating = RATING[fmt.lang]
    return tuple(
        Row(
            risk.description or risk.id,
            (
                ", ".join(names.get(a, a) for a in risk.affects),
                (rating[risk.probability.value] if risk.probability else "–")
                + " / "
                + (rating[risk.impact.value] if risk.impact else "–"),
                names.get(risk.owner or "", risk.owner or "–"),
                risk.mitigation or "–",
            ),
        )
        for risk in plan.risks
    )


def _quality(findings: Sequence[Diagnostic], text: dict[str, str], gaps: tuple[Row, ...]) -> QualityView:
    errors = [d for d in findings if d.severity is Severity.ERROR]
    warnings = sum(1 for d in findings if d.severity is Severity.WARNING)
    summary = text["quality_counts"].format(errors=len(errors), warnings=warnings) if findings else text["quality_ok"]
    rows = tuple(Row(d.file, (str(d.line), d.rule, d.message)) for d in errors)
    return QualityView(summary, rows, gaps)
