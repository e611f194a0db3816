"""What ``nytta diff`` renders: the changes between two versions of a plan.

A changed baseline or target is a :class:`Dated` value and the measurements added are
:class:`Added`, so that a renderer can write their numbers the way its language does;
their ``str`` is the machine form (JSON, finding messages): the value exactly as the
plan has it (``99850.25``, never rounded) and its date, ``99850.25 (2027-12-31)``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

DataPath = tuple[str | int, ...]

#: Kinds of change that move the goal posts: in an approved plan they need a revision entry.
GOAL_POSTS = frozenset({"baseline-changed", "target-changed", "target-added", "target-removed"})


def as_written(value: object) -> str:
    """A plan's value as text with every digit it was written with: a number with its
    decimals (``99850.25``, ``0.125``; a whole number without any: ``20``), a text as it is."""
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


@dataclass(frozen=True, slots=True)
class Dated:
    """A baseline's, a target's or a measurement's value (a number or a text) and its date."""

    value: object
    date: _dt.date | None = None

    def __str__(self) -> str:
        shown = as_written(self.value)
        return f"{shown} ({self.date})" if self.date is not None else shown


@dataclass(frozen=True, slots=True)
class Added:
    """Measurements added to an indicator: how many, and the latest of them."""

    count: int
    latest: Dated

    def __str__(self) -> str:
        return f"{self.count} (latest {self.latest})"


#: What a change says was there before or is there now.
Shown = str | Dated | Added


@dataclass(frozen=True)
class Change:
    """One difference: its kind, the entity it concerns, old and new value, where it is now."""

    kind: str
    subject: str
    old: Shown | None
    new: Shown | None
    path: DataPath | None  # in the newer version; None for something removed

    @property
    def moves_goal_posts(self) -> bool:
        return self.kind in GOAL_POSTS


@dataclass(frozen=True)
class DiffReport:
    changes: tuple[Change, ...]
    old: str  # how the older version is named
    new: str
