"""``nytta status``'s output formats as renderers of a status report (see ``registry``)."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.render.registry import RenderOptions
from nytta.results.status import StatusReport


def text(report: StatusReport, options: RenderOptions) -> str:
    from nytta.render.status_text import render_status_text

    return render_status_text(list(report.statuses), color=options.color)


def json(report: StatusReport, options: RenderOptions) -> Iterator[str]:
    """The contract's document, written plan by plan."""
    from nytta.render.status_json import status_json_text

    return status_json_text(report.statuses, report.as_of)


def csv(report: StatusReport, options: RenderOptions) -> str:
    from nytta.render.status_csv import render_status_csv

    return render_status_csv(list(report.statuses))
