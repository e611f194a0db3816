"""Every output format of every command: ``RENDERERS[result kind][format]``.

A renderer takes a command's result and :class:`RenderOptions` and returns the output:
text, bytes (a binary file), or text in pieces (written as they come). The ``--format``
choices of each command and their help come from here (the help marked for the catalogue
and translated each time it is listed). The table names each renderer by module, so
nothing heavier than this module is imported until a renderer runs.

Renderers speak the current language (:func:`nytta.i18n.language`): their words through
``_()``, their numbers through ``render.numbers`` or ``render.spreadsheet``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nytta.i18n import N_, _

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
    help: str  # marked N_(); shown through _()
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
        ("text", N_("for people: each finding with its source line")),
        ("json", N_("the findings as JSON")),
        ("github", N_("GitHub Actions annotations")),
        ("sarif", N_("SARIF 2.1.0, for code scanning")),
        ("gitlab", N_("GitLab Code Quality")),
        ("junit", N_("JUnit XML, for CI test reports")),
    ),
    "status": _table(
        "status_formats",
        ("text", N_("tables for people")),
        ("json", N_("the status contract")),
        ("csv", N_("one row per indicator")),
    ),
    "calc": _table(
        "calc_formats",
        ("text", N_("a table for people")),
        ("json", N_("the calc contract")),
        ("csv", N_("one row per line item")),
    ),
    "diff": _table(
        "diff_formats", ("text", N_("for people")), ("md", N_("for a merge request")), ("json", N_("the changes as JSON"))
    ),
    "register": {
        "csv": Renderer("nytta.render.register:export_csv", N_("for Excel")),
        "xlsx": Renderer("nytta.render.register_xlsx:export_xlsx", N_("an Excel workbook"), binary=True),
        "json": Renderer("nytta.render.register:export_json", N_("the rows as JSON")),
    },
    "report": _table("report.build", ("html", N_("one self-contained page")), ("md", N_("Markdown"))),
}


def formats(kind: str) -> tuple[str, ...]:
    return tuple(RENDERERS[kind])


def choices(kind: str) -> str:
    """The formats of ``kind`` with what each is for, in the current language: ``text (for people), json (…)``."""
    return ", ".join(f"{name} ({_(renderer.help)})" for name, renderer in RENDERERS[kind].items())
