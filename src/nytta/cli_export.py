"""The `nytta export` command: the benefit register (nyttoregister) as CSV, XLSX or JSON.

This module owns the command's options and how they become a register and a file; the
rows come from ``nytta.render.register`` and the workbook from
``nytta.render.register_xlsx``. Everything beyond typer is imported when the command
runs, so that start-up stays fast and openpyxl is loaded only for an xlsx export.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

EXPORT_FORMATS = ("csv", "xlsx", "json")


def register(app: Any) -> None:
    """Add the command to the typer app."""
    app.command("export")(export)


def export(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or directories (searched recursively).")],
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="csv, xlsx or json (default: from the FILE's suffix, else csv)."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (required for xlsx).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="sv or en (default: the plans' language, else sv).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date to follow up on (default today).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="nytta.toml to use instead of the one found.")] = None,
) -> int:
    """Export the benefit register (nyttoregister): one row per indicator, for Excel or other tools."""
    from nytta.cli import (
        EXIT_FINDINGS,
        EXIT_OK,
        _each_plan,
        _settings_and_fallback,
        _unreadable,
        check_language,
        parse_as_of,
    )
    from nytta.render.register import Register

    fmt = _export_format(output_format, output)
    check_language(lang)
    day = parse_as_of(as_of)
    _, fallback = _settings_and_fallback(config)
    table, languages, unreadable = Register(day), set(), 0
    for doc in _each_plan(paths):  # keep the rows, not the plans
        if _unreadable(doc):
            unreadable += 1
            continue
        languages.add(str(doc.plan.plan.language.value))  # type: ignore[attr-defined]
        table.add(doc, fallback)  # type: ignore[arg-type]
    chosen = lang or (languages.pop() if len(languages) == 1 else "sv")
    _write_register(table, fmt, chosen, output)
    return EXIT_FINDINGS if unreadable else EXIT_OK


def _export_format(requested: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's suffix names, else csv."""
    from nytta.cli import UsageProblem

    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    fmt = requested or (suffix if suffix in EXPORT_FORMATS else "csv")
    if fmt not in EXPORT_FORMATS:
        raise UsageProblem(f"--format '{fmt}' is not one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "xlsx" and output is None:
        raise UsageProblem("--format xlsx writes a binary file: give --output FILE.xlsx")
    return fmt


def _write_register(table: Any, fmt: str, lang: str, output: Path | None) -> None:
    from nytta.cli import _write

    if fmt == "xlsx":
        assert output is not None
        _write_binary(_xlsx(table, lang), output)
    elif fmt == "json":
        from nytta.render.register import render_register_json

        _write(render_register_json(table), output)
    else:
        from nytta.render.register import render_register_csv

        _write(render_register_csv(table, lang), output)
    if output is not None:
        count = len(table.rows)
        print(f"Wrote {output} ({count} indicator{'s' if count != 1 else ''}).", file=sys.stderr)


def _xlsx(table: Any, lang: str) -> bytes:
    from nytta.render.register_xlsx import render_register_xlsx

    return render_register_xlsx(table, lang)


def _write_binary(data: bytes, output: Path) -> None:
    """Replace ``output`` in one step: a temporary file beside it, then a rename."""
    from nytta.cli import UsageProblem
    from nytta.write.atomic import replace_file

    try:
        replace_file(output, data)
    except OSError as exc:
        raise UsageProblem(f"cannot write {output}: {exc.strerror or exc}") from None
