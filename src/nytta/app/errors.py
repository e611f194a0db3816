"""The one error that means "this command cannot run as asked"."""

from __future__ import annotations


class UsageProblem(Exception):
    """The command cannot run as asked (a missing file, a bad option value, an unreadable
    configuration); the message is shown as one line and the exit code is 2."""
