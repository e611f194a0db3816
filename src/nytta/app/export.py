"""``nytta export``: the benefit register (nyttoregister) of the plans, for Excel or other tools."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import check_language, language
from nytta.render.register import RegisterExport
from nytta.results.plans import Progress, Unreadable


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...]
    as_of: _dt.date
    lang: str | None = None  # default: the plans' language, else Swedish
    config: Path | None = None


@dataclass(frozen=True)
class ExportResult:
    export: RegisterExport
    unreadable: tuple[Unreadable, ...]


def run(options: Options, progress: Progress | None = None) -> ExportResult:
    """The register of every readable plan; only its rows are kept, never the plans."""
    from nytta.app.analysis import analyse
    from nytta.app.common import settings
    from nytta.app.plans import readable_plans
    from nytta.render.register import Register

    check_language(options.lang)
    config = settings(options.config)
    table, languages, unreadable = Register(options.as_of), set[str](), list[Unreadable]()
    for doc in readable_plans(list(options.paths), unreadable, progress):
        analysis = analyse(doc, options.as_of, config)
        languages.add(str(analysis.plan.plan.language.value))
        table.add(doc, analysis.status, analysis.values_to_date)
    chosen = language(sorted(languages), options.lang)
    return ExportResult(RegisterExport(table, chosen), tuple(unreadable))
