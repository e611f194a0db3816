"""Dates written YYYY-MM-DD that name no day: what to say about them (YAML, CSV, ``record``)."""

from __future__ import annotations

import calendar
import re

from nytta.i18n import N_, _

_SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def impossible_date(text: str) -> str | None:
    """Why ``text``, shaped YYYY-MM-DD, is no day ("month 13 does not exist", "February 2025
    has 28 days"); None when it is a real date or not shaped like one."""
    match = _SHAPE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return _("month {month} does not exist", month=month)
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        if day == 0:
            return _("day 0 does not exist")
        return _("{month} {year} has {days} days", month=_(MONTHS[month - 1]), year=year, days=days)
    return None
