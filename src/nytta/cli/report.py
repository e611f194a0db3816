"""``nytta report`` and ``nytta export``: what the steering group reads, and the register for Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nytta.app.errors import UsageProblem
from nytta.cli.options import (
    EXIT_FINDINGS,
    AsOf,
    Config,
    ExportFormat,
    Lang,
    Output,
    ReportFormat,
    checked_format,
    emit,
    explicit_language,
    findings_exit,
    parse_date,
    say,
    say_unreadable,
)
from nytta.cli.root import app
from nytta.i18n import N_, _, n_

Paths = Annotated[list[Path], typer.Argument(help=N_("Plan files or directories (searched recursively)."))]


@app.command(help=N_("Render a report for the steering group: a plan report or a portfolio report."))
def report(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help=N_("A plan file (plan report), or directories / several files (portfolio)."))
    ],
    output_format: ReportFormat = "html",
    lang: Lang = None,
    output: Output = None,
    as_of: AsOf = None,
    templates: Annotated[
        Path | None, typer.Option("--templates", help=N_("Folder of templates that override the shipped ones by name."))
    ] = None,
    config: Config = None,
) -> int:
    from nytta.app import report as command
    from nytta.app.common import check_language
    from nytta.app.inputs import config_in_effect, refuse_input_as_output

    fmt = checked_format("report", output_format)
    check_language(lang)
    lang = lang or explicit_language(ctx)
    if templates is not None and not templates.is_dir():
        raise UsageProblem(_("no such templates folder: {folder}", folder=templates))
    refuse_input_as_output(output, paths, config_in_effect(config), templates)
    folder = output if command.is_folder(output) else None  # -o rapport/: an index and a page per plan
    result = command.run(command.Options(tuple(paths), parse_date(as_of), lang, config, folder, fmt, templates))
    say_unreadable(result.unreadable)
    if result.report is None:
        return EXIT_FINDINGS
    if folder is None:
        emit("report", fmt, result.report, output, templates)
    if output is not None:
        wrote = N_("Wrote {file} — open it in a web browser.") if fmt == "html" else N_("Wrote {file}.")
        say(_(wrote, file=result.written[0] if result.written else output))
    return findings_exit(result.unreadable)


@app.command(help=N_("Export the benefit register (nyttoregister): one row per indicator, for Excel or other tools."))
def export(
    ctx: typer.Context,
    paths: Paths,
    output_format: ExportFormat = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=N_("Write to FILE (required for xlsx)."))] = None,
    lang: Lang = None,
    as_of: AsOf = None,
    config: Config = None,
) -> int:
    from nytta.app import export as command
    from nytta.app.common import check_language
    from nytta.app.inputs import config_in_effect, refuse_input_as_output

    fmt = _export_format(output_format, output)
    check_language(lang)
    lang = lang or explicit_language(ctx)
    refuse_input_as_output(output, paths, config_in_effect(config))
    result = command.run(command.Options(tuple(paths), parse_date(as_of), lang, config))
    say_unreadable(result.unreadable)
    emit("register", fmt, result.export, output)
    if output is not None:
        count = len(result.export.register.rows)
        say(n_("Wrote {file} ({n} indicator).", "Wrote {file} ({n} indicators).", count, file=output))
    return findings_exit(result.unreadable)


def _export_format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's suffix names, else csv."""
    from nytta.render.registry import RENDERERS, formats

    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    fmt = checked_format("register", requested or (suffix if suffix in formats("register") else "csv"))
    if RENDERERS["register"][fmt].binary and output is None:
        raise UsageProblem(_("--format {format} writes a binary file: give --output FILE.{format}", format=fmt))
    return fmt
