"""``nytta record``, ``nytta import`` and ``nytta init``: the commands that write plans."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nytta.cli.options import EXIT_FINDINGS, EXIT_OK, Plan, parse_date
from nytta.cli.root import app

if TYPE_CHECKING:
    from nytta.app.record import WriteResult

DryRun = Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")]


@app.command(context_settings={"ignore_unknown_options": True})
def record(
    plan: Plan,
    indicator: Annotated[str, typer.Argument(help="The indicator's id.")],
    value: Annotated[str, typer.Argument(help="The measured value (12.5 or 12,5; text for qualitative indicators).")],
    date: Annotated[str | None, typer.Option("--date", help="Date of the measurement (default today).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Where the value comes from.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note on the value.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="actual (utfall) or forecast (prognos).")] = "actual",
    dry_run: DryRun = False,
) -> int:
    """Add one measurement to a plan (its measurements CSV, or the indicator in the YAML)."""
    from nytta.app import record as command
    from nytta.app.common import existing_file

    existing_file(plan)
    day = parse_date(date, "--date")
    result = command.record(command.RecordOptions(plan, indicator, value, day, kind, source, note, dry_run))
    return _finish(result, f"Recorded {indicator} = {value} ({day}) in {result.target}.")


@app.command("import")
def import_measurements(
    plan: Plan,
    csv_file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="Measurements: indicator,date,value[,source,note,kind].")],
    dry_run: DryRun = False,
) -> int:
    """Add every measurement of a CSV file (either dialect) to a plan: all rows or none."""
    from nytta.app import record as command

    result = command.import_rows(command.ImportOptions(plan, csv_file, dry_run))
    vetted = result.outcome.vetted
    added = len(vetted.to_add) if vetted else 0
    present = vetted.already_present if vetted else []
    summary = f"Added {added} measurement{'s' if added != 1 else ''} to {result.target}"
    summary += f"; {len(present)} already present (skipped)." if present else "."
    if not result.outcome.refused:
        for row in present:
            print(f"already present: {row.where}: {row.indicator} {row.date}", file=sys.stderr)
    return _finish(result, summary)


def _finish(result: WriteResult, summary: str) -> int:
    """Say what was refused, show the dry run's diff, or confirm what was written."""
    outcome = result.outcome
    if outcome.refused:
        for finding in outcome.refusals:
            where = f"{finding.file}:{finding.line}:{finding.column}: " if finding.line else ""
            print(f"nytta: refused: {where}{finding.message} [{finding.rule}]", file=sys.stderr)
        print(f"nytta: nothing was written to {result.plan}", file=sys.stderr)
        return EXIT_FINDINGS
    if result.dry_run and outcome.edit is not None:
        sys.stdout.write(outcome.edit.diff(outcome.edit.path.name))
        return EXIT_OK
    print(summary)
    return EXIT_OK


@app.command("init")
def init(
    path: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="The new plan file (.yaml or .yml); a folder gets nyttoplan.yaml inside it."),
    ] = Path("nyttoplan.yaml"),
    lang: Annotated[str, typer.Option("--lang", help="Language of the comments and placeholders: sv or en.")] = "sv",
    phase: Annotated[
        str, typer.Option("--phase", help="identify, specify, plan, realise or follow_up (Swedish names too).")
    ] = "identify",
) -> int:
    """Write a new benefit plan with a comment above every section, organised around the seven questions."""
    from nytta.app import init as command

    result = command.run(command.Options(path, lang, phase))
    print(f"Wrote {result.written} (phase {result.phase}). Replace the placeholders, then run: nytta check {result.written}")
    return EXIT_OK
