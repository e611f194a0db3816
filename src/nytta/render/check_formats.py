"""``nytta check``'s output formats as renderers of a :class:`CheckReport` (see ``registry``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from nytta.render.registry import RenderOptions
from nytta.results.check import CheckReport


def text(report: CheckReport, options: RenderOptions) -> str:
    from nytta.render.text import render_text

    return render_text(report.result, report.rules, color=options.color)


def _findings_as(module: str, function: str) -> Callable[[CheckReport, RenderOptions], str]:
    """A renderer that hands the findings and the rules to ``module.function``."""

    def render(report: CheckReport, options: RenderOptions) -> str:
        rendered: str = getattr(importlib.import_module(module), function)(report.result, report.rules)
        return rendered

    return render


json = _findings_as("nytta.render.json_out", "render_json")
github = _findings_as("nytta.render.github", "render_github")
sarif = _findings_as("nytta.render.sarif", "render_sarif")
gitlab = _findings_as("nytta.render.gitlab", "render_gitlab")
junit = _findings_as("nytta.render.junit", "render_junit")
