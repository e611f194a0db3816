"""Every output format of every command: ``RENDERERS[result kind][format]``.

A renderer takes a command's result and :class:`RenderOptions` and returns the output:
text, bytes (a binary file), or text in pieces (written as they come). The ``--format``
choices of each command and their help come from here. The table names each renderer by
module, so nothing heavier than this module is imported until a renderer runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Rendered = str | bytes | Iterable[str]


class RenderProblem(Exception):
    """A renderer could not produce its output (say, a user's template failed)."""


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False  # terminal colours (text formats)
    templates: Path | None = None  # a folder of report templates overriding the shipped ones


@dataclass(frozen=True)
class Renderer:
    target: str  # "module:function"
    help: str
    binary: bool = False  # writes bytes: needs an output file

    def __call__(self, result: Any, options: RenderOptions) -> Rendered:
        module, function = self.target.split(":")
        rendered: Rendered = getattr(importlib.import_module(module), function)(result, options)
        return rendered


def _table(module: str, *entries: tuple[str, str]) -> dict[str, Renderer]:
    return {name: Renderer(f"nytta.render.{module}:{name}", help) for name, help in entries}


RENDERERS: dict[str, dict[str, Renderer]] = {
    "check": _table(
        "check_formats",
        ("text", "for people: each finding with its source line"),
        ("json", "the findings as JSON"),
        ("github", "GitHub Actions annotations"),
        ("sarif", "SARIF 2.1.0, for code scanning"),
        ("gitlab", "GitLab Code Quality"),
        ("junit", "JUnit XML, for CI test reports"),
    ),
    "status": _table(
        "status_formats", ("text", "tables for people"), ("json", "the status contract"), ("csv", "one row per indicator")
    ),
    "calc": _table(
        "calc_formats", ("text", "a table for people"), ("json", "the calc contract"), ("csv", "one row per line item")
    ),
    "diff": _table("diff_formats", ("text", "for people"), ("md", "for a merge request"), ("json", "the changes as JSON")),
    "register": {
        "csv": Renderer("nytta.render.register:export_csv", "for Excel"),
        "xlsx": Renderer("nytta.render.register_xlsx:export_xlsx", "an Excel workbook", binary=True),
        "json": Renderer("nytta.render.register:export_json", "the rows as JSON"),
    },
    "report": _table("report.build", ("html", "one self-contained page"), ("md", "Markdown")),
}


def formats(kind: str) -> tuple[str, ...]:
    return tuple(RENDERERS[kind])


def choices(kind: str) -> str:
    """The formats of ``kind`` with what each is for: ``text (for people), json (…)``."""
    return ", ".join(f"{name} ({renderer.help})" for name, renderer in RENDERERS[kind].items())
