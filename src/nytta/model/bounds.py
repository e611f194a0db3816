"""The bounds of an indicator: the values it can take at all (format §3, ``bounds``).

An indicator may state ``bounds: {lower, upper}``; where it leaves one out, its unit gives
it when the unit obviously cannot go there: a count, a duration, an amount of money and a
percentage are never negative, and a percentage is at most 100 (``DEFAULT_UNITS``).
Forecasts and planned trajectories are held inside the bounds, and so are chart axes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nytta.model.plan import Indicator

#: Units, folded to lower case, that are never negative: counts, durations and amounts.
NON_NEGATIVE_UNITS = frozenset(
    {
        # durations
        "dagar", "dag", "kalenderdagar", "arbetsdagar", "veckor", "månader", "år",
        "timmar", "timme", "tim", "h", "minuter", "min", "sekunder", "s",
        "days", "hours", "minutes", "weeks",
        # counts
        "st", "antal", "ärenden", "samtal", "brev", "besök", "ansökningar", "personer",
        "årsarbetskrafter", "åa", "fte", "cases", "calls", "letters", "visits", "count",
        # amounts
        "kr", "sek", "tkr", "mkr", "kronor", "kr/år", "tkr/år", "sek/år",
    }
)  # fmt: skip

#: Units of a percentage: never negative and at most 100.
PERCENT_UNITS = frozenset({"%", "procent", "percent"})

#: Every unit with a default bound, as ``docs/plan-format.md`` lists them.
DEFAULT_UNITS = NON_NEGATIVE_UNITS | PERCENT_UNITS


@dataclass(frozen=True, slots=True)
class Bound:
    """One bound: its value and whether the unit gave it (rather than the plan)."""

    value: float
    from_unit: bool


@dataclass(frozen=True, slots=True)
class Limits:
    """The lower and upper bound of an indicator, each None where there is none."""

    lower: Bound | None = None
    upper: Bound | None = None

    def clamp(self, value: float) -> float:
        """``value`` held inside the bounds."""
        if self.lower is not None and value < self.lower.value:
            return self.lower.value
        if self.upper is not None and value > self.upper.value:
            return self.upper.value
        return value

    def crossed(self, value: float) -> Bound | None:
        """The bound ``value`` lies beyond, or None when it lies inside them."""
        if self.lower is not None and value < self.lower.value:
            return self.lower
        if self.upper is not None and value > self.upper.value:
            return self.upper
        return None


def unit_limits(unit: str) -> Limits:
    """The bounds a unit gives by itself: 0 for a count, duration, amount or percentage, and
    100 above a percentage; none for any other unit."""
    folded = " ".join(unit.strip().casefold().split())
    if folded in PERCENT_UNITS:
        return Limits(Bound(0.0, True), Bound(100.0, True))
    if folded in NON_NEGATIVE_UNITS:
        return Limits(Bound(0.0, True), None)
    return Limits()


def limits(indicator: Indicator) -> Limits:
    """The indicator's bounds: those it states, else those of its unit, bound by bound."""
    default = unit_limits(indicator.unit)
    stated = indicator.bounds
    if stated is None:
        return default
    lower = Bound(stated.lower, False) if stated.lower is not None else default.lower
    upper = Bound(stated.upper, False) if stated.upper is not None else default.upper
    return Limits(lower, upper)
