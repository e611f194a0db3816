"""The benefits of a plan report: profile, indicators with their status, targets and chart.

Each indicator shows its targets as they stand; a target a revision changed shows its
original value beside the revised one, with the revision's date, and a lowered target
says that status is computed against the revised value. A dis-benefit's indicator states
the harm measured as a share of the harm the plan accepts, not an achievement that would
read as success. The raw measurements go to the appendix (`values`), not the body.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass

from nytta.model.bounds import limits
from nytta.model.plan import Benefit, Indicator
from nytta.render.report import visuals
from nytta.render.report.formatting import Formatter, harm_share, reason
from nytta.render.report.labels import CATEGORY, DIRECTION, RATING, TEXT
from nytta.render.report.revisions import TargetChange
from nytta.results.analysis import PlanAnalysis
from nytta.results.status import BenefitStatus, IndicatorStatus, Status, Trend


@dataclass(frozen=True)
class StatusView:
    code: str
    label: str
    reason: str = ""
    trend: str = ""  # the status at the previous follow-up and the direction since


@dataclass(frozen=True)
class Row:
    """One table row: a label (or first cell) and the other cells, all text."""

    label: str
    cells: tuple[str, ...] = ()
    total: bool = False


@dataclass(frozen=True)
class IndicatorView:
    id: str
    anchor: str
    name: str
    unit: str
    status: StatusView
    notices: tuple[str, ...]  # what a reader must not miss: a lowered target
    facts: tuple[Row, ...]
    values: tuple[Row, ...]  # baseline, targets and measurements, for the appendix
    chart: str
    overdue: bool
    numeric: bool  # values are numbers (else descriptions, for a qualitative indicator)


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
class BenefitContext:
    """What every benefit of one report needs: the analysis, its words and the plan's revisions."""

    fmt: Formatter
    analysis: PlanAnalysis
    names: Mapping[str, str]
    changes: tuple[TargetChange, ...]

    def changes_of(self, indicator: Indicator) -> dict[_dt.date, TargetChange]:
        return {c.target.date: c for c in self.changes if c.indicator is indicator}


def benefit_view(context: BenefitContext, benefit: Benefit, status: BenefitStatus) -> BenefitView:
    fmt = context.fmt
    text = TEXT[fmt.lang]
    indicators = tuple(_indicator(context, benefit, i, s) for i, s in zip(benefit.indicators, status.indicators))
    return BenefitView(
        benefit.id,
        benefit.name,
        f"nytta-{benefit.id}",
        text["disbenefit"] if benefit.is_disbenefit else text["benefit"],
        benefit.is_disbenefit,
        StatusView(status.status.value, fmt.status(status.status), trend=trend_words(fmt, status.trend)),
        (benefit.description or "").strip(),
        _profile(fmt, benefit, context.names),
        indicators,
    )


def trend_words(fmt: Formatter, trend: Trend | None) -> str:
    """The trend in words: ``Since 2026-09-30: better (was at risk)``; "–" for no direction."""
    if trend is None:
        return ""
    text = TEXT[fmt.lang]
    way = text[f"trend_{trend.direction.value}"] if trend.direction is not None else "–"
    was = text["trend_was"].format(status=fmt.status(trend.previous_status).lower())
    return f"{text['trend_since'].format(date=fmt.date(trend.since))}: {way} ({was})"


def _profile(fmt: Formatter, benefit: Benefit, names: Mapping[str, str]) -> tuple[Row, ...]:
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


def _indicator(context: BenefitContext, benefit: Benefit, indicator: Indicator, status: IndicatorStatus) -> IndicatorView:
    fmt, analysis = context.fmt, context.analysis
    changes = context.changes_of(indicator)
    why = reason(fmt, status, indicator, analysis.status.thresholds, benefit.is_disbenefit)
    return IndicatorView(
        indicator.id,
        f"nytta-{benefit.id}-{indicator.id}",
        indicator.name,
        indicator.unit,
        StatusView(status.status.value, fmt.status(status.status), why),
        tuple(lowered_notice(fmt, c) for c in changes.values() if c.lowered),
        _facts(fmt, benefit, indicator, status, changes),
        _values(fmt, analysis, indicator, changes),
        visuals.indicator_chart(
            fmt, analysis, benefit, indicator, status, [(c.target.date, c.original) for c in changes.values()]
        ),
        status.overdue,
        status.status is not Status.QUALITATIVE,
    )


def lowered_notice(fmt: Formatter, change: TargetChange) -> str:
    """'The target for DATE was lowered on DATE from A to B; status is computed against B.'"""
    text = TEXT[fmt.lang]
    revision = change.revision
    key = "target_lowered" if revision is not None and revision.date is not None else "target_lowered_undated"
    return text[key].format(
        target_date=fmt.date(change.target.date),
        date=fmt.date(revision.date) if revision is not None else "",
        original=fmt.number(change.original),
        current=fmt.number(change.current),
        unit=change.indicator.unit,
    )


def _facts(
    fmt: Formatter,
    benefit: Benefit,
    indicator: Indicator,
    status: IndicatorStatus,
    changes: Mapping[_dt.date, TargetChange],
) -> tuple[Row, ...]:
    text = TEXT[fmt.lang]
    base = indicator.baseline
    baseline = (
        text["baseline_fact"].format(value=fmt.value(base.value), unit=indicator.unit, date=fmt.date(base.date))
        if base is not None
        else ""
    )
    rows = [
        (text["direction"], DIRECTION[fmt.lang][indicator.direction.value]),
        (text["baseline"], baseline),
        *_target_facts(fmt, indicator, changes),
        *_shares(fmt, benefit, status),
        (text["forecast"], _forecast(fmt, indicator, status)),
        (text["next_due"], _due(fmt, status)),
        (text["method"], indicator.method or ""),
        (text["source"], indicator.source or ""),
    ]
    return tuple(Row(label, (value,)) for label, value in rows if value)


def _target_facts(fmt: Formatter, indicator: Indicator, changes: Mapping[_dt.date, TargetChange]) -> list[tuple[str, str]]:
    """One line per target, labelled with its kind and date; a revised one with its original value."""
    text = TEXT[fmt.lang]
    rows = []
    for i, target in enumerate(indicator.targets):
        kind = text["target"] if i == len(indicator.targets) - 1 else text["interim_target"]
        change = changes.get(target.date)
        value = text["target_fact"].format(value=fmt.value(target.value), unit=indicator.unit)
        if change is not None:
            value = revised_target(fmt, change)
        rows.append((f"{kind} {fmt.date(target.date)}", value))
    return rows


def revised_target(fmt: Formatter, change: TargetChange) -> str:
    """'B unit, revised DATE; original target A unit'."""
    text = TEXT[fmt.lang]
    revision = change.revision
    dated = revision is not None and revision.date is not None
    return text["target_revised" if dated else "target_revised_undated"].format(
        current=fmt.number(change.current),
        original=fmt.number(change.original),
        unit=change.indicator.unit,
        date=fmt.date(revision.date) if revision is not None else "",
    )


def _shares(fmt: Formatter, benefit: Benefit, status: IndicatorStatus) -> list[tuple[str, str]]:
    """Achievement and progress for a benefit; for a dis-benefit the share of the accepted harm."""
    text = TEXT[fmt.lang]
    if benefit.is_disbenefit:
        share = harm_share(status)
        return [(text["accepted_harm_share"], fmt.percent(share) if share is not None else "")]
    return [
        (text["achievement"], fmt.percent(status.achievement) if status.achievement is not None else ""),
        (text["progress"], fmt.percent(status.progress) if status.progress is not None else ""),
    ]


def _forecast(fmt: Formatter, indicator: Indicator, status: IndicatorStatus) -> str:
    if status.forecast is None:
        return ""
    text = TEXT[fmt.lang]
    verdict = text["forecast_meets"] if status.forecast_meets_target else text["forecast_misses"]
    bounded = _forecast_bound(fmt, indicator, status.forecast)
    return f"{fmt.number(status.forecast)} {indicator.unit} ({verdict.lower()}{'; ' + bounded if bounded else ''})"


def _forecast_bound(fmt: Formatter, indicator: Indicator, forecast: float) -> str:
    """Why the forecast stands at one of the indicator's bounds, or "" when it stands at none."""
    bounds = limits(indicator)
    bound = next((b for b in (bounds.lower, bounds.upper) if b is not None and b.value == forecast), None)
    if bound is None:
        return ""
    key = (
        "forecast_bounded_stated"
        if not bound.from_unit
        else "forecast_bounded_unit"
        if bound is bounds.lower
        else "forecast_bounded_percent"
    )
    return TEXT[fmt.lang][key].format(value=fmt.number(forecast))


def _due(fmt: Formatter, status: IndicatorStatus) -> str:
    if not status.next_due:
        return "–"
    return fmt.date(status.next_due) + (f" ({TEXT[fmt.lang]['overdue']})" if status.overdue else "")


def _values(
    fmt: Formatter, analysis: PlanAnalysis, indicator: Indicator, changes: Mapping[_dt.date, TargetChange]
) -> tuple[Row, ...]:
    """Baseline, targets (an original one beside its revision) and every measurement, by kind."""
    text = TEXT[fmt.lang]
    rows: list[Row] = []
    if indicator.baseline is not None:
        rows.append(Row(text["baseline"], (fmt.date(indicator.baseline.date), fmt.value(indicator.baseline.value))))
    for i, target in enumerate(indicator.targets):
        label = text["target"] if i == len(indicator.targets) - 1 else text["interim_target"]
        rows.append(Row(label, (fmt.date(target.date), fmt.value(target.value))))
        change = changes.get(target.date)
        if change is not None:
            rows.append(Row(text["original_target"], (fmt.date(target.date), fmt.number(change.original))))
    for obs in sorted(analysis.doc.observations_of(indicator.id), key=lambda o: o.date):
        if obs.date <= analysis.as_of or not obs.is_actual:
            label = text["measurement"] if obs.is_actual else text["forecast"]
            rows.append(Row(label, (fmt.date(obs.date), fmt.value(obs.value))))
    return tuple(rows)
