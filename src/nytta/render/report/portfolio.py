"""The view model of a portfolio report: per plan its status and why, every deviation in one
table, the proposals the plans' follow-ups put to the steering group, three charts, totals,
and what is due soon.

Like the plan view, every figure is computed and formatted here; templates lay it out.
A plan's row is its status, its trend since the previous follow-up, the reason in words
and its benefits. In folder output each plan's title links to its own report.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nytta.render.report import portfolio_charts
from nytta.render.report.benefits import Row, StatusView, trend_words
from nytta.render.report.formatting import Formatter, harm_share
from nytta.render.report.labels import CATEGORY, TEXT
from nytta.render.report.pages import PlanFacts, safe_href
from nytta.results.followup import FollowUp, PlanSummary
from nytta.results.status import WORST_FIRST, BenefitStatus, IndicatorStatus, PlanStatus, Status, count_by_status

DUE_WINDOW = _dt.timedelta(days=30)
#: A benefit with one of these is a deviation the steering group should see, worst first.
DEVIATIONS = (Status.MISSED, Status.OFF_TRACK, Status.AT_RISK, Status.NO_DATA)
_WELL = (Status.ON_TRACK, Status.ACHIEVED)


@dataclass(frozen=True)
class PlanRow:
    title: str
    href: str  # the plan's own report ("" when there is none)
    organisation: str
    status: StatusView  # with the reason in words and the trend
    benefits: str


@dataclass(frozen=True)
class DeviationRow:
    benefit: str
    plan: str
    href: str
    status: StatusView
    owner: str


@dataclass(frozen=True)
class ProposalRow:
    """A proposal no decision answers yet: its plan (and link), its follow-up's date, its text."""

    plan: str
    href: str
    date: str
    text: str


@dataclass(frozen=True)
class DueRow:
    plan: str
    benefit: str
    indicator: str
    due: str
    overdue: bool


@dataclass(frozen=True)
class PortfolioView:
    lang: str
    text: dict[str, str]
    as_of: str
    status: StatusView
    figures: tuple[Row, ...]
    plans: tuple[PlanRow, ...]
    values: tuple[Row, ...]  # per plan: planned and realised to date, NPV, overdue measurements
    deviations: tuple[DeviationRow, ...]
    proposals: tuple[ProposalRow, ...]
    charts: tuple[str, ...]
    by_category: tuple[Row, ...]
    by_organisation: tuple[Row, ...]
    due: tuple[DueRow, ...]
    due_caption: str


@dataclass(frozen=True)
class _Entry:
    status: PlanStatus
    summary: PlanSummary
    facts: PlanFacts


def portfolio_view(followed: Iterable[FollowUp], as_of: _dt.date, lang: str, facts: Sequence[PlanFacts] = ()) -> PortfolioView:
    """The portfolio report's view model for the plans followed up (unreadable ones left out);
    ``facts`` are each plan's owners and link, in the order of ``followed``."""
    fmt = Formatter(lang)
    text = TEXT[lang]
    plans = list(followed)
    padded = [*facts, *[PlanFacts()] * (len(plans) - len(facts))]
    entries = [_Entry(f.status, f.summary, x) for f, x in zip(plans, padded) if f.status and f.summary]
    worst = min((e.status.status for e in entries), key=_rank, default=Status.NO_DATA)
    return PortfolioView(
        lang,
        text,
        fmt.date(as_of),
        StatusView(worst.value, fmt.status(worst)),
        _figures(fmt, entries),
        tuple(_plan_row(fmt, e) for e in sorted(entries, key=lambda e: _rank(e.status.status))),
        tuple(_value_row(fmt, e) for e in entries),
        _deviations(fmt, entries),
        tuple(
            ProposalRow(e.summary.title, safe_href(e.facts.href), fmt.date(day), text)
            for e in entries
            for day, text in e.summary.proposals
        ),
        portfolio_charts.charts(fmt, [(e.status, e.summary) for e in entries], as_of),
        _by_category(fmt, entries),
        _by_organisation(fmt, entries),
        _due(fmt, entries, as_of),
        text["due_caption"].format(date=fmt.date(_later(as_of, DUE_WINDOW))),
    )


def _rank(status: Status) -> int:
    return WORST_FIRST.index(status) if status in WORST_FIRST else len(WORST_FIRST)


def _later(day: _dt.date, span: _dt.timedelta) -> _dt.date | None:
    try:
        return day + span
    except OverflowError:
        return None


def _figures(fmt: Formatter, entries: list[_Entry]) -> tuple[Row, ...]:
    """The portfolio's key figures: value to date, net present value, overdue measurements."""
    text = TEXT[fmt.lang]
    calcs = [e.summary.calc for e in entries if e.summary.calc is not None]
    overdue = sum(_overdue(e.status) for e in entries)
    return (
        Row(text["planned_to_date"], (fmt.money(sum(c.planned_to_date for c in calcs)),)),
        Row(text["realised_to_date"], (fmt.money(sum(c.realised_to_date for c in calcs)),)),
        Row(text["npv"], (fmt.money(sum(c.npv for c in calcs)),)),
        Row(text["overdue_count"], (str(overdue),)),
    )


def _overdue(status: PlanStatus) -> int:
    return sum(1 for b in status.benefits for i in b.indicators if i.overdue)


def _plan_row(fmt: Formatter, entry: _Entry) -> PlanRow:
    counts = count_by_status(entry.status.benefits)
    ordered = sorted(counts.items(), key=lambda kv: _rank(kv[0]))
    benefits = ", ".join(f"{n} {fmt.status(s).lower()}" for s, n in ordered)
    status = entry.status.status
    return PlanRow(
        entry.summary.title,
        safe_href(entry.facts.href),
        entry.summary.organisation or "",
        StatusView(status.value, fmt.status(status), plan_reason(fmt, entry.status), trend_words(fmt, entry.status.trend)),
        benefits or "–",
    )


def plan_reason(fmt: Formatter, status: PlanStatus) -> str:
    """Why the plan has its status: the benefits with the worst status, each with its deciding figure."""
    text = TEXT[fmt.lang]
    worst = [b for b in status.benefits if b.status is status.status]
    if status.status in _WELL or not worst:
        return text["reason_all_well"] if status.benefits else ""
    return "; ".join(f"{b.name}: {benefit_reason(fmt, b)}" for b in worst)


def benefit_reason(fmt: Formatter, benefit: BenefitStatus) -> str:
    """The deciding figure of a benefit in words: the share of the planned improvement (for a
    dis-benefit, of the accepted harm), else its status; an overdue measurement is said too."""
    text = TEXT[fmt.lang]
    deciding = _deciding(benefit)
    words = fmt.status(benefit.status).lower()
    if deciding is not None and deciding.achievement is not None and benefit.status in DEVIATIONS + _WELL:
        share = harm_share(deciding) if benefit.polarity.value == "disbenefit" else deciding.achievement
        key = "reason_harm" if benefit.polarity.value == "disbenefit" else "reason_track"
        words = text[key].format(share=fmt.percent(share)) if share is not None else words
    if benefit.status is Status.MISSED:
        words = text["missed_benefit"]
    if any(i.overdue for i in benefit.indicators):
        words += f" ({text['overdue_count'].lower()})"
    return words


def _deciding(benefit: BenefitStatus) -> IndicatorStatus | None:
    """The indicator that gave the benefit its status: its primary one, else one with that status."""
    primary = [i for i in benefit.indicators if i.primary and i.status is not Status.QUALITATIVE]
    same = [i for i in benefit.indicators if i.status is benefit.status]
    chosen = primary or same
    return chosen[0] if chosen else None


def _value_row(fmt: Formatter, entry: _Entry) -> Row:
    calc = entry.summary.calc
    cells = (
        fmt.money(calc.planned_to_date) if calc else "–",
        fmt.money(calc.realised_to_date) if calc else "–",
        fmt.money(calc.npv) if calc else "–",
        str(_overdue(entry.status)),
    )
    return Row(entry.summary.title, cells)


def _deviations(fmt: Formatter, entries: list[_Entry]) -> tuple[DeviationRow, ...]:
    """Every benefit off track, at risk, missed or without data, across the plans, worst first."""
    rows = [
        (
            _rank(b.status),
            DeviationRow(
                b.name,
                e.summary.title,
                safe_href(e.facts.href),
                StatusView(b.status.value, fmt.status(b.status), benefit_reason(fmt, b)),
                e.facts.owners.get(b.id, "–"),
            ),
        )
        for e in entries
        for b in e.status.benefits
        if b.status in DEVIATIONS
    ]
    return tuple(row for _, row in sorted(rows, key=lambda pair: pair[0]))


def _by_category(fmt: Formatter, entries: list[_Entry]) -> tuple[Row, ...]:
    """Per benefit category: number of benefits and their planned value over the calculation periods."""
    counts: dict[str, int] = {}
    values: dict[str, float] = {}
    for entry in entries:
        for category in entry.summary.categories:
            key = category or "uncategorised"
            counts[key] = counts.get(key, 0) + 1
        calc = entry.summary.calc
        for key, yearly in (calc.benefits_by_category if calc else {}).items():
            values[key] = values.get(key, 0.0) + sum(yearly.values())
    keys = [k for k in (*CATEGORY[fmt.lang],) if k in counts]
    rows = [Row(CATEGORY[fmt.lang][k], (str(counts[k]), fmt.money(values.get(k, 0.0)))) for k in keys]
    rows.append(Row(TEXT[fmt.lang]["total"], (str(sum(counts.values())), fmt.money(sum(values.values()))), True))
    return tuple(rows)


def _by_organisation(fmt: Formatter, entries: list[_Entry]) -> tuple[Row, ...]:
    """Per organisation: plans, planned and realised value to date, net present value."""
    table: dict[str, list[float]] = {}
    for entry in entries:
        name = entry.summary.organisation or "–"
        sums = table.setdefault(name, [0, 0.0, 0.0, 0.0])
        sums[0] += 1
        calc = entry.summary.calc
        if calc:
            sums[1] += calc.planned_to_date
            sums[2] += calc.realised_to_date
            sums[3] += calc.npv
    return tuple(
        Row(name, (str(int(s[0])), fmt.money(s[1]), fmt.money(s[2]), fmt.money(s[3]))) for name, s in sorted(table.items())
    )


def _due(fmt: Formatter, entries: list[_Entry], as_of: _dt.date) -> tuple[DueRow, ...]:
    """Measurements overdue, and those due within the next 30 days, earliest first."""
    rows: list[tuple[_dt.date, DueRow]] = []
    for entry in entries:
        for benefit in entry.status.benefits:
            for indicator in benefit.indicators:
                due = indicator.next_due
                if due is not None and (indicator.overdue or due - as_of <= DUE_WINDOW):  # as_of + 30 days may be no date
                    row = DueRow(entry.status.title, benefit.name, indicator.name, fmt.date(due), indicator.overdue)
                    rows.append((due, row))
    return tuple(row for _, row in sorted(rows, key=lambda pair: pair[0]))
