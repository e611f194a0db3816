"""The view model of a portfolio report: one row per plan, totals, and what is due soon.

Like the plan view, every figure is computed and formatted here; templates lay it out.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from nytta.compute.calc import Calculation, MissingCalculation, calculate
from nytta.compute.status import PlanStatus, Status, count_by_status
from nytta.load.plan import PlanDocument
from nytta.render.report.formatting import Formatter
from nytta.render.report.labels import CATEGORY, TEXT
from nytta.render.report.view import Row, StatusView

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
    doc: PlanDocument
    status: PlanStatus
    calc: Calculation | None


def portfolio_view(items: list[tuple[PlanDocument, PlanStatus]], as_of: _dt.date, lang: str) -> PortfolioView:
    """The portfolio report's view model for plans already loaded and followed up."""
    fmt = Formatter(lang)
    entries = [_Entry(doc, status, _calc(doc, as_of)) for doc, status in items]
    worst = min((e.status.status for e in entries), key=_rank, default=Status.NO_DATA)
    return PortfolioView(
        lang, TEXT[lang], fmt.date(as_of), StatusView(worst.value, fmt.status(worst)),
        tuple(_plan_row(fmt, e) for e in entries), _by_category(fmt, entries), _by_organisation(fmt, entries),
        _due(fmt, entries, as_of),
    )


def _rank(status: Status) -> int:
    from nytta.compute.status import WORST_FIRST

    return WORST_FIRST.index(status) if status in WORST_FIRST else len(WORST_FIRST)


def _calc(doc: PlanDocument, as_of: _dt.date) -> Calculation | None:
    try:
        return calculate(doc, as_of)
    except MissingCalculation:
        return None


def _plan_row(fmt: Formatter, entry: _Entry) -> PlanRow:
    plan = entry.doc.plan
    assert plan is not None
    counts = count_by_status(entry.status.benefits)
    benefits = ", ".join(f"{n} {fmt.status(s).lower()}" for s, n in sorted(counts.items(), key=lambda kv: _rank(kv[0])))
    overdue = sum(1 for b in entry.status.benefits for i in b.indicators if i.overdue)
    calc = entry.calc
    return PlanRow(
        plan.plan.title, plan.plan.organisation or "", StatusView(entry.status.status.value, fmt.status(entry.status.status)),
        benefits or "–",
        fmt.money(calc.planned_to_date) if calc else "–", fmt.money(calc.realised_to_date) if calc else "–",
        fmt.money(calc.npv) if calc else "–", str(overdue),
    )


def _by_category(fmt: Formatter, entries: list[_Entry]) -> tuple[Row, ...]:
    """Per benefit category: number of benefits and their planned value over the calculation periods."""
    counts: dict[str, int] = {}
    values: dict[str, float] = {}
    for entry in entries:
        assert entry.doc.plan is not None
        for benefit in entry.doc.plan.benefits:
            key = benefit.category.value if benefit.category else "uncategorised"
            counts[key] = counts.get(key, 0) + 1
        for key, yearly in (entry.calc.benefits_by_category if entry.calc else {}).items():
            values[key] = values.get(key, 0.0) + sum(yearly.values())
    keys = [k for k in (*CATEGORY[fmt.lang],) if k in counts]
    rows = [Row(CATEGORY[fmt.lang][k], (str(counts[k]), fmt.money(values.get(k, 0.0)))) for k in keys]
    rows.append(Row(TEXT[fmt.lang]["total"], (str(sum(counts.values())), fmt.money(sum(values.values()))), True))
    return tuple(rows)


def _by_organisation(fmt: Formatter, entries: list[_Entry]) -> tuple[Row, ...]:
    """Per organisation: plans, planned and realised value to date, net present value."""
    table: dict[str, list[float]] = {}
    for entry in entries:
        assert entry.doc.plan is not None
        name = entry.doc.plan.plan.organisation or "–"
        sums = table.setdefault(name, [0, 0.0, 0.0, 0.0])
        sums[0] += 1
        if entry.calc:
            sums[1] += entry.calc.planned_to_date
            sums[2] += entry.calc.realised_to_date
            sums[3] += entry.calc.npv
    return tuple(
        Row(name, (str(int(s[0])), fmt.money(s[1]), fmt.money(s[2]), fmt.money(s[3])))
        for name, s in sorted(table.items())
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
