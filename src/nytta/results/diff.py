"""What ``nytta diff`` renders: the changes between two versions of a plan."""

from __future__ import annotations

from dataclasses import dataclass

DataPath = tuple[str | int, ...]

#: Kinds of change that move the goal posts: in an approved plan they need a revision entry.
GOAL_POSTS = frozenset({"baseline-changed", "target-changed", "target-added", "target-removed"})


@dataclass(frozen=True)
class Change:
    """One difference: its kind, the entity it concerns, old and new value, where it is now."""

    kind: str
    subject: str
    old: str | None
    new: str | None
    path: DataPath | None  # in the newer version; None for something removed

    @property
    def moves_goal_posts(self) -> bool:
        return self.kind in GOAL_POSTS


@dataclass(frozen=True)
class DiffReport:
    changes: tuple[Change, ...]
    old: str  # how the older version is named
    new: str
