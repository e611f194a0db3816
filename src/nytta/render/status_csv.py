"""`nytta status --format csv`: one row per indicator, comma-separated with decimal points."""

from __future__ import annotations

import csv
import io

from nytta.results.status import DatedValue, PlanStatus

COLUMNS = (
    "file",
    "plan",
    "plan_status",
    "benefit",
    "polarity",
    "benefit_status",
    "indicator",
    "unit",
    "direction",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
    "latest",
    "latest_date",
    "planned",
    "achievement",
    "progress",
    "status",
    "forecast",
    "forecast_meets_target",
    "next_due",
    "overdue",
    "reason",
)


def render_status_csv(statuses: list[PlanStatus]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for plan in statuses:
        for benefit in plan.benefits:
            for ind in benefit.indicators:
                writer.writerow(
                    [
                        plan.file,
                        plan.id,
                        plan.status.value,
                        benefit.id,
                        benefit.polarity.value,
                        benefit.status.value,
                        ind.id,
                        ind.unit,
                        ind.direction.value,
                        *_dated(ind.baseline),
                        *_dated(ind.target),
                        *_dated(ind.latest),
                        _cell(ind.planned),
                        _cell(ind.achievement),
                        _cell(ind.progress),
                        ind.status.value,
                        _cell(ind.forecast),
                        _cell(ind.forecast_meets_target),
                        _cell(ind.next_due),
                        _cell(ind.overdue),
                        ind.reason,
                    ]
                )
    return buffer.getvalue()


def _dated(point: DatedValue | None) -> tuple[str, str]:
    return (_cell(point.value), point.date.isoformat()) if point is not None else ("", "")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
