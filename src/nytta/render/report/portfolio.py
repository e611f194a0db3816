"""The view model of a portfolio report: one row per plan, totals, and what is due soon.

Like the plan view, every figure is computed and formatted here; templates lay it out.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass

from nytta.render.report.formatting import Formatter
from nytta.render.report.labels import CATEGORY, TEXT
from nytta.render.report.view import Row, StatusView
from nytta.results.followup import FollowUp, PlanSummary
from nytta.results.status import PlanStatus, Status, count_by_status

DUE_WINDOW = _dt.timedelta(days=30)


@dataclass(frozen=True)
class PlanRow:
    title: str
    organisation: str
    status: StatusView
    benefits: str
    planned: str
    realised: str
    npv: str
    overdue: str


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
    plans: tuple[PlanRow, ...]
    by_category: tuple[Row, ...]
    by_organisation: tuple[Row, ...]
    due: tuple[DueRow, ...]


@dataclass(frozen=True)
class _Entry:
    status: PlanStatus
    summary: PlanSummary


def portfolio_view(followed: Iterable[FollowUp], as_of: _dt.date, lang: str) -> PortfolioView:
    """The portfolio report's view model for the plans followed up (unreadable ones left out)."""
    fmt = Formatter(lang)
    entries = [_Entry(f.status, f.summary) for f in followed if f.status is not None and f.summary is not None]
    worst = min((e.status.status for e in entries), key=_rank, default=Status.NO_DATA)
    return PortfolioView(
        lang,
        TEXT[lang],
        fmt.date(as_of),
        StatusView(worst.value, fmt.status(worst)),
        tuple(_plan_row(fmt, e) for e in entries),
        _by_category(fmt, entries),
        _by_organisation(fmt, entries),
        _due(fmt, entries, as_of),
    )


def _rank(status: Status) -> int:
    from nytta.results.status import WORST_FIRST

    return WORST_FIRST.index(status) if status in WORST_FIRST else len(WORST_FIRST)


def _plan_row(fmt: Formatter, entry: _Entry) -> PlanRow:
    counts = count_by_status(entry.status.benefits)
    benefits = ", ".join(f"{n} {fmt.status(s).lower()}" for s, n in sorted(counts.items(), key=lambda kv: _rank(kv[0])))
    overdue = sum(1 for b in entry.status.benefits for i in b.indicators if i.overdue)
    calc = entry.summary.calc
    return PlanRow(
        entry.summary.title,
        entry.summary.organisation or "",
        StatusView(entry.status.status.value, fmt.status(entry.status.status)),
        benefits or "–",
        fmt.money(calc.planned_to_date) if calc else "–",
        fmt.money(calc.realised_to_date) if calc else "–",
        fmt.money(calc.npv) if calc else "–",
        str(overdue),
    )


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
