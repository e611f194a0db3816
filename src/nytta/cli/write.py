"""``nytta record``, ``nytta import`` and ``nytta init``: the commands that write plans."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nytta.app.errors import UsageProblem
from nytta.cli.options import EXIT_FINDINGS, EXIT_OK, Plan, parse_date, say, visible_lines
from nytta.cli.root import app
from nytta.i18n import N_, _, language, n_

if TYPE_CHECKING:
    from nytta.app.record import WriteResult
    from nytta.write.validate import NewMeasurement, Replacement

DryRun = Annotated[bool, typer.Option("--dry-run", help=N_("Show the change as a diff; write nothing."))]


@app.command(
    context_settings={"ignore_unknown_options": True},
    help=N_("Add one measurement to a plan (its measurements CSV, or the indicator in the YAML)."),
)
def record(
    plan: Plan,
    indicator: Annotated[str, typer.Argument(help=N_("The indicator's id."))],
    value: Annotated[str, typer.Argument(help=N_("The measured value (12.5 or 12,5; text for qualitative indicators)."))],
    date: Annotated[str | None, typer.Option("--date", help=N_("Date of the measurement (default today)."))] = None,
    source: Annotated[str | None, typer.Option("--source", help=N_("Where the value comes from."))] = None,
    note: Annotated[str | None, typer.Option("--note", help=N_("A note on the value."))] = None,
    kind: Annotated[str, typer.Option("--kind", help=N_("actual (utfall) or forecast (prognos)."))] = "actual",
    dry_run: DryRun = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help=N_(
                "Correct a value: replace the measurement already recorded for that date "
                "(its source and note are kept unless given)."
            ),
        ),
    ] = False,
) -> int:
    from nytta.app import record as command
    from nytta.app.common import existing_file

    existing_file(plan)
    day = _date(date)
    options = command.RecordOptions(plan, indicator, value, day, kind, source, note, dry_run, replace)
    result = command.record(options)
    code = _finish(result, [_record_summary(result, indicator, value)])
    for text in result.notes:
        say(_("nytta: note: {message}", message=text))
    return code


def _date(text: str | None) -> _dt.date | None:
    """``--date`` as a date (None: not given, so today); a day that does not exist says why."""
    from nytta.model.dates import impossible_date

    if text is None:
        return None
    reason = impossible_date(text)
    if reason is not None:
        raise UsageProblem(_("--date '{text}' is not a date: {reason}", text=text, reason=reason))
    return parse_date(text, "--date")


def _record_summary(result: WriteResult, indicator: str, value: str) -> str:
    vetted = result.outcome.vetted
    if vetted is not None and vetted.to_replace:
        return _replaced(vetted.to_replace[0], result.target)
    if vetted is not None and vetted.already_present:
        row = vetted.already_present[0]
        return _(
            "{indicator} = {value} ({date}) is already in {file}; nothing was written.",
            indicator=indicator,
            value=value,
            date=row.date,
            file=result.target,
        )
    day = vetted.to_add[0].date if vetted is not None and vetted.to_add else _dt.date.today()
    return _("Recorded {indicator} = {value} ({date}) in {file}.", indicator=indicator, value=value, date=day, file=result.target)


def _replaced(item: Replacement, file: str) -> str:
    return _(
        "Replaced {indicator} ({date}): {old} → {new} in {file}.",
        indicator=item.new.indicator,
        date=item.new.date,
        old=_shown(item.old.value),
        new=_shown(item.new.value),
        file=file,
    )


def _shown(value: float | str) -> str:
    """A value as the reader writes numbers (decimal comma in Swedish); text as it is."""
    from nytta.write.edit import format_number

    return format_number(value, decimal_comma=language() == "sv") if isinstance(value, float) else value


@app.command("import", help=N_("Add every measurement of a CSV file (either dialect) to a plan: all rows or none."))
def import_measurements(
    plan: Plan,
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help=N_("Measurements: indicator,date,value[,source,note,kind] (or indikator;datum;värde;källa;kommentar;typ)."),
        ),
    ],
    dry_run: DryRun = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help=N_("Let a row with a new value for a date already measured replace that measurement."),
        ),
    ] = False,
) -> int:
    from nytta.app import record as command

    result = command.import_rows(command.ImportOptions(plan, csv_file, dry_run, replace))
    vetted = result.outcome.vetted
    if not result.outcome.refused and vetted is not None:
        for row in vetted.already_present:
            say(_("already present: {where}: {indicator} {date}", where=row.where, indicator=row.indicator, date=row.date))
        if not result.dry_run:
            for item in vetted.to_replace:
                say(_replaced_row(item), sys.stdout)
    return _finish(result, _import_summary(result))


def _replaced_row(item: Replacement) -> str:
    new: NewMeasurement = item.new
    return _(
        "replaced: {where}: {indicator} {date}: {old} → {new}",
        where=new.where,
        indicator=new.indicator,
        date=new.date,
        old=_shown(item.old.value),
        new=_shown(new.value),
    )


def _import_summary(result: WriteResult) -> list[str]:
    vetted = result.outcome.vetted
    added = len(vetted.to_add) if vetted else 0
    present = len(vetted.already_present) if vetted else 0
    replaced = len(vetted.to_replace) if vetted else 0
    file = result.target
    lines = (
        [n_("Replaced {n} measurement in {file}.", "Replaced {n} measurements in {file}.", replaced, file=file)]
        if replaced
        else []
    )
    if present:
        lines.append(
            n_(
                "Added {n} measurement to {file}; {present} already present (skipped).",
                "Added {n} measurements to {file}; {present} already present (skipped).",
                added,
                present=present,
                file=file,
            )
        )
    elif added or not replaced:
        lines.append(n_("Added {n} measurement to {file}.", "Added {n} measurements to {file}.", added, file=file))
    return lines


def _finish(result: WriteResult, summary: list[str]) -> int:
    """Say what was refused, show the dry run's diff, or confirm what was written."""
    outcome = result.outcome
    if outcome.refused:
        for finding in outcome.refusals:
            where = f"{finding.file}:{finding.line}:{finding.column}: " if finding.line else ""
            say(_("nytta: refused: {where}{message} [{rule}]", where=where, message=finding.message, rule=finding.rule))
        say(_("nytta: nothing was written to {file}", file=result.target_path))
        return EXIT_FINDINGS
    if result.dry_run and outcome.edit is not None:
        sys.stdout.write(visible_lines(outcome.edit.diff(outcome.edit.path.name)))
        return EXIT_OK
    for line in summary:
        say(line, sys.stdout)
    return EXIT_OK


@app.command(
    "init", help=N_("Write a new benefit plan with a comment above every section, organised around the seven questions.")
)
def init(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help=N_("The new plan file (.yaml or .yml); a folder gets nyttoplan.yaml inside it. Missing folders are created."),
        ),
    ] = Path("nyttoplan.yaml"),
    lang: Annotated[str, typer.Option("--lang", help=N_("Language of the comments and placeholders: sv or en."))] = "sv",
    phase: Annotated[
        str, typer.Option("--phase", help=N_("identify, specify, plan, realise or follow_up (Swedish names too)."))
    ] = "identify",
) -> int:
    from nytta.app import init as command

    result = command.run(command.Options(path, lang, phase))
    say(
        _(
            "Wrote {file} (phase {phase}). Replace the placeholders, then run: nytta check {file}",
            file=result.written,
            phase=result.phase,
        ),
        sys.stdout,
    )
    return EXIT_OK
