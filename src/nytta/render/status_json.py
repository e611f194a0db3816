"""The machine-readable form of statuses: the ``status --format json`` contract (format §7).

This module owns the exact shape of that contract: numbers as JSON numbers with full
precision, dates as ISO text, anything absent as null, ``target`` the final target and
``latest`` the latest actual measurement on or before the as-of date.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from nytta.results.status import BenefitStatus, DatedValue, IndicatorStatus, PlanStatus, Trend


def status_json(statuses: list[PlanStatus], as_of: _dt.date) -> dict[str, Any]:
    """The whole document: the as-of date and one entry per plan, in the order given."""
    return {"as_of": as_of.isoformat(), "plans": [plan_json(s) for s in statuses]}


def status_json_text(statuses: Iterable[PlanStatus], as_of: _dt.date) -> Iterator[str]:
    """:func:`status_json` as ``json.dumps(…, ensure_ascii=False, indent=2)`` writes it,
    plus a final newline — one plan at a time, so a large portfolio's document is never
    held as objects all at once. (JSON text has no raw line breaks inside strings, so a
    plan's lines can be indented as a block.)"""
    yield '{\n  "as_of": ' + json.dumps(as_of.isoformat()) + ',\n  "plans": '
    separator = "[\n    "
    for status in statuses:
        yield separator + json.dumps(plan_json(status), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        separator = ",\n    "
    yield "[]\n}\n" if separator == "[\n    " else "\n  ]\n}\n"


def plan_json(status: PlanStatus) -> dict[str, Any]:
    return {
        "file": status.file,
        "id": status.id,
        "title": status.title,
        "status": status.status.value,
        "benefits": [benefit_json(b) for b in status.benefits],
        "trend": trend_json(status.trend),
    }


def benefit_json(status: BenefitStatus) -> dict[str, Any]:
    return {
        "id": status.id,
        "polarity": status.polarity.value,
        "status": status.status.value,
        "indicators": [indicator_json(i) for i in status.indicators],
        "trend": trend_json(status.trend),
    }


def indicator_json(status: IndicatorStatus) -> dict[str, Any]:
    return {
        "id": status.id,
        "unit": status.unit,
        "direction": status.direction.value,
        "baseline": _dated(status.baseline),
        "target": _dated(status.target),
        "latest": _dated(status.latest),
        "planned": status.planned,
        "achievement": status.achievement,
        "progress": status.progress,
        "status": status.status.value,
        "forecast": status.forecast,
        "forecast_meets_target": status.forecast_meets_target,
        "next_due": _date(status.next_due),
        "overdue": status.overdue,
    }


def trend_json(trend: Trend | None) -> dict[str, Any] | None:
    """The status at the previous follow-up and the direction since (null: none to compare)."""
    if trend is None:
        return None
    direction = None if trend.direction is None else trend.direction.value
    return {"since": trend.since.isoformat(), "previous_status": trend.previous_status.value, "direction": direction}


def _dated(value: DatedValue | None) -> dict[str, Any] | None:
    return None if value is None else {"value": value.value, "date": value.date.isoformat()}


def _date(day: _dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
