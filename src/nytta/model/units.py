"""What an indicator's unit says about time: whether it counts hours or minutes of staff time.

The unit is free text (``timmar``, ``hours per case``, ``minuter per ärende``); its first word
decides. Released time (frigjord tid) is reported in hours and full-time equivalents only for
indicators measured in hours or minutes.
"""

from __future__ import annotations

from fractions import Fraction

from nytta.model.enums import fold

_HOURS = frozenset({"h", "hour", "hours", "hrs", "tim", "timme", "timmar", "timmarna", "arbetstimmar"})
_MINUTES = frozenset({"min", "minute", "minutes", "minut", "minuter", "minuterna"})


def hours_per_unit(unit: str) -> Fraction | None:
    """Hours in one unit of the indicator: 1 for hours, 1/60 for minutes, None otherwise."""
    words = fold(unit).replace("/", " ").replace(",", " ").split()
    if not words:
        return None
    if words[0] in _HOURS:
        return Fraction(1)
    if words[0] in _MINUTES:
        return Fraction(1, 60)
    return None
