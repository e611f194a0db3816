"""Plans that a command could not read, and how a command reports its progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nytta.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A plan file that could not be read; ``problem`` is the first finding that says why."""

    file: str
    problem: Diagnostic | None = None


#: Called with each plan file's name as a command finishes with it.
Progress = Callable[[str], None]
