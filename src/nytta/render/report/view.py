"""The view model of a plan report: every number computed and formatted before a template sees it.

Templates only lay this out. The model is built from the loaded plan, its status, its
nyttokalkyl and its `nytta check` findings, in one language.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from nytta.diagnostics import Diagnostic, Severity
from nytta.load.plan import PlanDocument
from nytta.model.plan import Benefit, Indicator, Plan
from nytta.render.report import visuals
from nytta.render.report.formatting import Formatter, reason
from nytta.render.report.labels import (
    CATEGORY,
    COST_KIND,
    DIRECTION,
    PHASE,
    RATING,
    TEXT,
)
from nytta.results.analysis import PlanAnalysis
from nytta.results.calc import Calculation
from nytta.results.status import (
    BenefitStatus,
    IndicatorStatus,
    PlanStatus,
    Status,
    count_by_status,
)

DECISION_STATUSES = (Status.OFF_TRACK, Status.MISSED)


@dataclass(frozen=True)
class StatusView:
    code: str
    label: str
    reason: str = ""


@dataclass(frozen=True)
class Row:
    """One table row: a label (or first cell) and the other cells, all text."""

    label: str
    cells: tuple[str, ...] = ()
    total: bool = False


@dataclass(frozen=True)
class IndicatorView:
    id: str
    name: str
    unit: str
    status: StatusView
    facts: tuple[Row, ...]
    values: tuple[Row, ...]
    chart: str
    overdue: bool


@dataclass(frozen=True)
class BenefitView:
    id: str
    name: str
    anchor: str
    kind: str
    is_disbenefit: bool
    status: StatusView
    description: str
    profile: tuple[Row, ...]
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class CalcView:
    years: tuple[str, ...]
    rows: tuple[Row, ...]
    key_figures: tuple[Row, ...]
    note: str


@dataclass(frozen=True)
class QualityView:
    summary: str
    errors: tuple[Row, ...]


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
    counts: tuple[Row, ...]
    key_figures: tuple[Row, ...]
    decisions: tuple[str, ...]
    chain_svg: str
    chain_mermaid: str
    benefits: tuple[BenefitView, ...]
    calc: CalcView | None
    risks: tuple[Row, ...]
    quality: QualityView
    anchors: dict[str, str] = field(default_factory=dict)


def plan_view(analysis: PlanAnalysis, lang: str) -> PlanView:
    """The whole plan report's view model in ``lang`` (sv or en)."""
    plan, status, as_of = analysis.doc.plan, analysis.status, analysis.as_of
    assert plan is not None
    fmt = Formatter(lang, plan.plan.currency)
    text = TEXT[lang]
    calc = analysis.calc
    names = _names(plan)
    benefits = tuple(_benefit(fmt, analysis, b, s, status.thresholds, names) for b, s in zip(plan.benefits, status.benefits))
    return PlanView(
        lang=lang,
        text=text,
        id=plan.plan.id,
        title=plan.plan.title,
        organisation=plan.plan.organisation or "",
        phase=PHASE[lang][plan.phase.value],
        as_of=fmt.date(as_of),
        description=(plan.plan.description or "").strip(),
        status=StatusView(status.status.value, fmt.status(status.status), _plan_reason(fmt, status)),
        counts=_counts(fmt, status.benefits),
        key_figures=_key_figures(fmt, calc, text),
        decisions=_decisions(fmt, status, text),
        chain_svg=visuals.chain_svg(plan, lang),
        chain_mermaid=visuals.chain_mermaid(plan, lang),
        benefits=benefits,
        calc=_calc_view(fmt, calc, text) if calc else None,
        risks=_risks(fmt, plan, names),
        quality=_quality(analysis.diagnostics, text),
    )


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


def _decisions(fmt: Formatter, status: PlanStatus, text: dict[str, str]) -> tuple[str, ...]:
    items = [
        f"{b.name}: {text['missed_benefit' if b.status is Status.MISSED else 'off_track_benefit']}"
        for b in status.benefits
        if b.status in DECISION_STATUSES
    ]
    for benefit in status.benefits:
        items += [f"{i.name}: {text['overdue_measurement']} {fmt.date(i.next_due)}" for i in benefit.indicators if i.overdue]
    return tuple(items)


def _benefit(
    fmt: Formatter,
    analysis: PlanAnalysis,
    benefit: Benefit,
    status: BenefitStatus,
    thresholds: tuple[float, float],
    names: dict[str, str],
) -> BenefitView:
    text = TEXT[fmt.lang]
    kind = text["disbenefit"] if benefit.is_disbenefit else text["benefit"]
    indicators = tuple(
        _indicator(fmt, analysis, benefit, i, s, thresholds) for i, s in zip(benefit.indicators, status.indicators)
    )
    worst = StatusView(status.status.value, fmt.status(status.status))
    return BenefitView(
        benefit.id,
        benefit.name,
        f"nytta-{benefit.id}",
        kind,
        benefit.is_disbenefit,
        worst,
        (benefit.description or "").strip(),
        _profile(fmt, benefit, names),
        indicators,
    )


def _profile(fmt: Formatter, benefit: Benefit, names: dict[str, str]) -> tuple[Row, ...]:
    lang, text = fmt.lang, TEXT[fmt.lang]
    recipients = ", ".join(
        names.get(r.stakeholder, r.stakeholder) + (f" ({fmt.percent(r.share)})" if r.share is not None else "")
        for r in benefit.recipients
    )
    window = benefit.realisation
    rows = [
        (text["owner"], names.get(benefit.owner or "", benefit.owner or "–")),
        (text["recipients"], recipients or "–"),
        (text["goals"], ", ".join(names.get(g, g) for g in benefit.goals) or "–"),
        (text["category"], CATEGORY[lang][benefit.category.value] if benefit.category else "–"),
        (text["alternative_use"], benefit.alternative_use or ""),
        (text["realisation"], f"{fmt.date(window.start)} – {fmt.date(window.end)}" if window else ""),
        (text["confidence"], RATING[lang][benefit.confidence.value] if benefit.confidence else ""),
    ]
    return tuple(Row(label, (value,)) for label, value in rows if value)


def _indicator(
    fmt: Formatter,
    analysis: PlanAnalysis,
    benefit: Benefit,
    indicator: Indicator,
    status: IndicatorStatus,
    thresholds: tuple[float, float],
) -> IndicatorView:
    text = TEXT[fmt.lang]
    why = reason(fmt, status, indicator, thresholds, benefit.is_disbenefit)
    forecast = ""
    if status.forecast is not None:
        verdict = text["forecast_meets"] if status.forecast_meets_target else text["forecast_misses"]
        forecast = f"{fmt.number(status.forecast)} {indicator.unit} ({verdict.lower()})"
    due = fmt.date(status.next_due) + (f" ({text['overdue']})" if status.overdue else "") if status.next_due else "–"
    facts = [
        (text["direction"], DIRECTION[fmt.lang][indicator.direction.value]),
        (text["method"], indicator.method or ""),
        (text["source"], indicator.source or ""),
        (text["achievement"], fmt.percent(status.achievement) if status.achievement is not None else ""),
        (text["progress"], fmt.percent(status.progress) if status.progress is not None else ""),
        (text["forecast"], forecast),
        (text["next_due"], due),
    ]
    return IndicatorView(
        indicator.id,
        indicator.name,
        indicator.unit,
        StatusView(status.status.value, fmt.status(status.status), why),
        tuple(Row(label, (value,)) for label, value in facts if value),
        _values(fmt, analysis.doc, indicator, analysis.as_of),
        visuals.indicator_chart(fmt, analysis, benefit, indicator, status),
        status.overdue,
    )


def _values(fmt: Formatter, doc: PlanDocument, indicator: Indicator, as_of: _dt.date) -> tuple[Row, ...]:
    text = TEXT[fmt.lang]
    rows: list[Row] = []
    if indicator.baseline is not None:
        rows.append(Row(text["baseline"], (fmt.date(indicator.baseline.date), fmt.value(indicator.baseline.value))))
    for i, target in enumerate(indicator.targets):
        label = text["target"] if i == len(indicator.targets) - 1 else text["interim_target"]
        rows.append(Row(label, (fmt.date(target.date), fmt.value(target.value))))
    for obs in sorted(doc.observations_of(indicator.id), key=lambda o: o.date):
        if obs.date <= as_of or not obs.is_actual:
            label = text["measurement"] if obs.is_actual else text["forecast"]
            rows.append(Row(label, (fmt.date(obs.date), fmt.value(obs.value))))
    return tuple(rows)


def _calc_view(fmt: Formatter, calc: Calculation, text: dict[str, str]) -> CalcView:
    lang = fmt.lang
    years = calc.years

    def row(label: str, values: dict[int, float], total: bool = False) -> Row:
        cells = (*tuple(fmt.amount(values[y]) for y in years), fmt.amount(sum(values.values())))
        return Row(label, cells, total)

    rows = [row(CATEGORY[lang].get(k, k), v) for k, v in calc.benefits_by_category.items() if any(v.values())]
    rows.append(row(text["calc_benefits"], calc.benefits, True))
    rows += [row(COST_KIND[lang][k], v) for k, v in calc.costs_by_kind.items() if any(v.values())]
    rows += [row(text["calc_costs"], calc.costs, True), row(text["calc_net"], calc.net, True)]
    rows.append(row(text["calc_discounted"], calc.discounted_net, True))
    payback = str(calc.payback_year) if calc.payback_year else text["payback_none"]
    figures = (
        Row(text["npv"], (fmt.money(calc.npv),)),
        Row(text["benefit_cost_ratio"], (fmt.ratio(calc.benefit_cost_ratio),)),
        Row(text["payback"], (payback,)),
        Row(text["realised_to_date"], (fmt.money(calc.realised_to_date),)),
    )
    note = text["calc_note"].format(rate=fmt.rate(calc.discount_rate), base_year=calc.base_year, currency=calc.currency)
    return CalcView(tuple(str(y) for y in years), tuple(rows), figures, note)


def _risks(fmt: Formatter, plan: Plan, names: dict[str, str]) -> tuple[Row, ...]:
    rating = RATING[fmt.lang]
    return tuple(
        Row(
            risk.description or risk.id,
            (
                ", ".join(names.get(a, a) for a in risk.affects),
                rating[risk.probability.value] if risk.probability else "–",
                rating[risk.impact.value] if risk.impact else "–",
                names.get(risk.owner or "", risk.owner or "–"),
                risk.mitigation or "–",
            ),
        )
        for risk in plan.risks
    )


def _quality(findings: Sequence[Diagnostic], text: dict[str, str]) -> QualityView:
    errors = [d for d in findings if d.severity is Severity.ERROR]
    warnings = sum(1 for d in findings if d.severity is Severity.WARNING)
    summary = text["quality_counts"].format(errors=len(errors), warnings=warnings) if findings else text["quality_ok"]
    rows = tuple(Row(d.file, (str(d.line), d.rule, d.message)) for d in errors)
    return QualityView(summary, rows)
