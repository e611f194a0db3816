"""The `nytta init` command."""

from __future__ import annotations

from typing import Any


def register(app: Any) -> None:
    """Add the command to the typer app."""
