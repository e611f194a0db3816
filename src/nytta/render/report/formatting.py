"""Values of a report in its language: numbers, money, shares, dates, statuses and reasons.

The view models call these so that every figure reaches a template already formatted.
Reasons are written here in the report's language from the figures the status carries.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from nytta.model.plan import Indicator
from nytta.render import numbers
from nytta.render.report.labels import STATUS
from nytta.results.status import IndicatorStatus, Status


@dataclass(frozen=True)
class Formatter:
    """Formatting for one language and currency."""

    lang: str
    currency: str = "SEK"

    def number(self, value: float | None) -> str:
        return numbers.measure(value, self.lang)

    def value(self, value: float | str | None) -> str:
        return value if isinstance(value, str) else numbers.measure(value, self.lang)

    def money(self, value: float | None) -> str:
        return numbers.money(value, self.lang, self.currency)

    def amount(self, value: float | None) -> str:
        return numbers.number(value, self.lang)

    def ratio(self, value: float | None) -> str:
        return numbers.ratio(value, self.lang)

    def percent(self, value: float | None) -> str:
        return numbers.percent(value, self.lang)

    def date(self, value: _dt.date | None) -> str:
        return value.isoformat() if value is not None else "–"

    def status(self, status: Status) -> str:
        return STATUS[self.lang][status.value]

    def rate(self, value: float) -> str:
        text = f"{value * 100:g}"
        return f"{text.replace('.', ',')}\u00a0%" if self.lang == "sv" else f"{text}%"


_REASONS = {
    "sv": {
        "track": "{latest} {unit} mot planerat {planned} per {date}: {achievement} av den planerade förbättringen "
        "(enligt plan vid minst {on_track}, risk vid minst {at_risk}).",
        "harm": "{latest} {unit} mot godtagna {planned} per {date}: {harm} av den godtagna negativa effekten "
        "(enligt plan upp till {harm_on_track}, risk för avvikelse upp till {harm_at_risk}).",
        "achieved": "{latest} {unit} per {date} når målvärdet {target}.",
        "missed": "Målvärdet {target} till {target_date} nåddes inte: {latest} {unit} per {date}.",
        "maintain": "{latest} {unit} per {date} mot nollmätningen {baseline} (tolerans {tolerance}).",
        "flat": "Ingen förbättring var planerad till {date}; {latest} {unit}.",
        "not_started": "Realiseringen har inte börjat än.",
        "no_data": "Inga mätvärden ännu.",
        "no_baseline": "Nollmätning saknas, så utfallet kan inte jämföras.",
        "no_target": "Målvärde saknas, så utfallet kan inte bedömas.",
        "qualitative": "Kvalitativ indikator som följs upp genom bedömning.",
    },
    "en": {
        "track": "{latest} {unit} against planned {planned} at {date}: {achievement} of the planned improvement "
        "(on track from {on_track}, at risk from {at_risk}).",
        "harm": "{latest} {unit} against the accepted {planned} at {date}: {harm} of the accepted negative effect "
        "(on track up to {harm_on_track}, at risk up to {harm_at_risk}).",
        "achieved": "{latest} {unit} at {date} reaches the target {target}.",
        "missed": "The target {target} for {target_date} was missed: {latest} {unit} at {date}.",
        "maintain": "{latest} {unit} at {date} against the baseline {baseline} (tolerance {tolerance}).",
        "flat": "No improvement was planned by {date}; {latest} {unit}.",
        "not_started": "Realisation has not started yet.",
        "no_data": "No measurements yet.",
        "no_baseline": "There is no baseline, so the result cannot be compared.",
        "no_target": "There is no target, so the result cannot be judged.",
        "qualitative": "Qualitative indicator, followed up by judgement.",
    },
}


def reason(
    fmt: Formatter,
    status: IndicatorStatus,
    indicator: Indicator,
    thresholds: tuple[float, float],
    disbenefit: bool = False,
) -> str:
    """Why the indicator has its status, in the report's language, with the deciding figures."""
    words = _REASONS[fmt.lang]
    latest, target, base = status.latest, status.target, status.baseline
    fields = {
        "latest": fmt.value(latest.value) if latest else "–",
        "date": fmt.date(latest.date) if latest else "–",
        "unit": indicator.unit,
        "planned": fmt.number(status.planned),
        "achievement": fmt.percent(status.achievement),
        "on_track": fmt.percent(thresholds[0]),
        "at_risk": fmt.percent(thresholds[1]),
        "target": fmt.value(target.value) if target else "–",
        "target_date": fmt.date(target.date) if target else "–",
        "baseline": fmt.value(base.value) if base else "–",
        "tolerance": fmt.number(indicator.tolerance or 0.0),
        "harm": fmt.percent(harm_share(status)),
        "harm_on_track": fmt.percent(2 - thresholds[0]),
        "harm_at_risk": fmt.percent(2 - thresholds[1]),
    }
    key = _reason_key(status, indicator)
    if key == "track" and disbenefit and harm_share(status) is not None:
        key = "harm"
    return words[key].format(**fields)


def harm_share(status: IndicatorStatus) -> float | None:
    """For a dis-benefit: the harm measured as a share of the harm the plan accepts by the same date.

    That is A / E of §5.2 when E is a worsening (the achievement a is 2 − A / E, so the
    thresholds read as at most 2 − on_track and 2 − at_risk); a value that has not worsened
    at all uses none of it. None when no worsening is accepted by then.
    """
    planned, actual = status.planned_gain, status.actual_gain
    if planned is None or actual is None or planned >= 0:
        return None
    return max(0.0, actual / planned)


def _reason_key(status: IndicatorStatus, indicator: Indicator) -> str:
    code = status.status.value
    if code in ("achieved", "missed", "not_started", "no_data", "no_baseline", "no_target", "qualitative"):
        return code
    if indicator.direction.value == "maintain":
        return "maintain"
    if status.achievement is None:
        return "flat"
    return "track"
