"""`nytta status --format csv`: one row per indicator, for a spreadsheet.

In English the header is the columns' keys and coded values stay codes (``on_track``),
with `,` and decimal points. In Swedish the header and the coded values are words and the
file is what a Swedish Excel opens directly (`;`, decimal comma, UTF-8 with BOM); see
``spreadsheet``. Either way, values from the plan keep the decimals they were written
with, computed figures are rounded as the table shows them (planned value and forecast
to two decimals, achievement and progress to whole percent, as fractions: ``0.91``), and
the reason is in the current language. The last columns are the trend since the previous
follow-up (better, same, worse) of the plan and of the benefit, and that follow-up's date.
"""

from __future__ import annotations

from nytta.i18n import N_, _, language
from nytta.render.spreadsheet import decimal, sheet, text, written
from nytta.results.status import DatedValue, IndicatorStatus, PlanStatus, Status, Trend, status_label, trend_label

#: Each column's key (the English header) and its header for people, shown through ``_()``.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", N_("File")),
    ("plan", N_("Plan")),
    ("plan_status", N_("Plan status")),
    ("benefit", N_("Benefit")),
    ("polarity", N_("Benefit or dis-benefit")),
    ("benefit_status", N_("Benefit status")),
    ("indicator", N_("Indicator")),
    ("unit", N_("Unit")),
    ("direction", N_("Direction")),
    ("baseline", N_("Baseline")),
    ("baseline_date", N_("Baseline date")),
    ("target", N_("Target")),
    ("target_date", N_("Target date")),
    ("latest", N_("Latest measurement")),
    ("latest_date", N_("Latest measurement date")),
    ("planned", N_("Planned")),
    ("achievement", N_("Achievement")),
    ("progress", N_("Progress")),
    ("status", N_("Status")),
    ("forecast", N_("Forecast")),
    ("forecast_meets_target", N_("Forecast meets target")),
    ("next_due", N_("Next due")),
    ("overdue", N_("Overdue")),
    ("reason", N_("Reason")),
    ("plan_trend", N_("Plan trend")),
    ("benefit_trend", N_("Benefit trend")),
    ("trend_since", N_("Trend since")),
)

#: Coded values as words for people (Swedish), shown through ``_()``.
WORDS = {
    "benefit": N_("benefit"),
    "disbenefit": N_("dis-benefit"),
    "increase": N_("increase"),
    "decrease": N_("decrease"),
    "maintain": N_("maintain"),
}


def render_status_csv(statuses: list[PlanStatus]) -> str:
    lang = language()
    header = [key if lang == "en" else _(words) for key, words in COLUMNS]
    rows = [
        [
            text(plan.file),
            text(plan.id),
            _status(plan.status, lang),
            text(benefit.id),
            _code(benefit.polarity.value, lang),
            _status(benefit.status, lang),
            *_indicator(ind, lang),
            _trend(plan.trend, lang),
            _trend(benefit.trend, lang),
            benefit.trend.since.isoformat() if benefit.trend else "",
        ]
        for plan in statuses
        for benefit in plan.benefits
        for ind in benefit.indicators
    ]
    return sheet([header, *rows], lang)


def _indicator(ind: IndicatorStatus, lang: str) -> list[str]:
    return [
        text(ind.id),
        text(ind.unit),
        _code(ind.direction.value, lang),
        *_dated(ind.baseline, lang),
        *_dated(ind.target, lang),
        *_dated(ind.latest, lang),
        decimal(ind.planned, lang, trim=True),
        decimal(ind.achievement, lang, trim=True),
        decimal(ind.progress, lang, trim=True),
        _status(ind.status, lang),
        decimal(ind.forecast, lang, trim=True),
        _flag(ind.forecast_meets_target, lang),
        ind.next_due.isoformat() if ind.next_due else "",
        _flag(ind.overdue, lang),
        text(ind.reason),
    ]


def _dated(point: DatedValue | None, lang: str) -> tuple[str, str]:
    if point is None:
        return ("", "")
    value = point.value
    shown = text(value) if isinstance(value, str) else written(value, lang)
    return shown, point.date.isoformat()


def _trend(trend: Trend | None, lang: str) -> str:
    """How the status moved since the previous follow-up: the code in English, words
    otherwise; empty without a trend or when it says nothing (a qualitative status)."""
    if trend is None or trend.direction is None:
        return ""
    return trend.direction.value if lang == "en" else trend_label(trend.direction)


def _code(code: str, lang: str) -> str:
    """A coded value: the code in English, words otherwise."""
    return code if lang == "en" else _(WORDS[code])


def _status(status: Status, lang: str) -> str:
    return status.value if lang == "en" else status_label(status)


def _flag(value: bool | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "en":
        return "true" if value else "false"
    return _("yes") if value else _("no")
