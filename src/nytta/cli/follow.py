"""``nytta status`` and ``nytta calc``: follow the plans up, and their nyttokalkyl."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nytta.app.errors import UsageProblem
from nytta.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOf,
    CalcFormat,
    Config,
    Output,
    Plan,
    StatusFormat,
    checked_format,
    emit,
    findings_exit,
    parse_date,
    say_unreadable,
)
from nytta.cli.root import app
from nytta.i18n import N_, _


@app.command(help=N_("Compare measurements with baselines and targets: is each benefit being realised?"))
def status(
    paths: Annotated[list[Path], typer.Argument(help=N_("Plan files or directories (a directory gives the portfolio)."))],
    output_format: StatusFormat = "text",
    output: Output = None,
    as_of: AsOf = None,
    config: Config = None,
) -> int:
    from nytta.app import status as command
    from nytta.app.inputs import config_in_effect, refuse_input_as_output

    fmt = checked_format("status", output_format)
    refuse_input_as_output(output, paths, config_in_effect(config))
    report = command.run(command.Options(tuple(paths), parse_date(as_of), config))
    say_unreadable(report.unreadable)
    emit("status", fmt, report, output)
    return findings_exit(report.unreadable)


@app.command(help=N_("The benefit calculation (nyttokalkyl): benefits and costs by year, NPV, payback."))
def calc(
    plan: Plan,
    output_format: CalcFormat = "text",
    output: Output = None,
    as_of: AsOf = None,
    rate: Annotated[str | None, typer.Option("--rate", help=N_("Discount rate for a sensitivity run, e.g. 0.05."))] = None,
) -> int:
    from nytta.app import calc as command
    from nytta.app.common import existing_file
    from nytta.app.inputs import refuse_input_as_output

    fmt = checked_format("calc", output_format)
    existing_file(plan)
    refuse_input_as_output(output, [plan])
    report = command.run(command.Options(plan, parse_date(as_of), parse_rate(rate)))
    if report.calc is None:
        say_unreadable(report.unreadable)
        return EXIT_FINDINGS
    emit("calc", fmt, report, output)
    return EXIT_OK


def parse_rate(text: str | None) -> float | None:
    """A discount rate between 0 and 1 (a decimal comma is fine)."""
    if text is None:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise UsageProblem(_("--rate '{text}' is not a number (write 3 % as 0.03)", text=text)) from None
    if not 0 <= value <= 1:
        raise UsageProblem(_("--rate {text} is outside 0–1 (write 3 % as 0.03)", text=text))
    return value
