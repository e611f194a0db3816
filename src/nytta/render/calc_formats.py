"""``nytta calc``'s output formats as renderers of a calc report (see ``registry``)."""

from __future__ import annotations

from nytta.render.registry import RenderOptions
from nytta.results.calc import CalcReport, Calculation


def _calculation(report: CalcReport) -> Calculation:
    if report.calc is None:
        raise ValueError("a plan that could not be read has no calculation to render")
    return report.calc


def text(report: CalcReport, options: RenderOptions) -> str:
    from nytta.render.calc_text import render_calc_text

    return render_calc_text(_calculation(report), color=options.color)


def json(report: CalcReport, options: RenderOptions) -> str:
    """The ``calc --format json`` contract of §7."""
    import json as _json

    from nytta.render.calc_json import calc_json

    return _json.dumps(calc_json(_calculation(report)), ensure_ascii=False, indent=2) + "\n"


def csv(report: CalcReport, options: RenderOptions) -> str:
    from nytta.render.calc_csv import render_calc_csv

    return render_calc_csv(_calculation(report))
