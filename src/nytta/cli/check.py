"""``nytta check``: options in, the check run, findings out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from nytta.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOf,
    CheckFormat,
    Config,
    Output,
    checked_format,
    emit,
    parse_date,
    say,
    split_ids,
)
from nytta.cli.root import app
from nytta.i18n import N_, _

Paths = Annotated[list[Path], typer.Argument(help=N_("Plan files or directories (searched recursively)."))]


@app.command(help=N_("Validate benefit plans against format v1 and the method's rules."))
def check(
    paths: Paths,
    output_format: CheckFormat = None,
    output: Output = None,
    as_of: AsOf = None,
    config: Config = None,
    select: Annotated[list[str] | None, typer.Option("--select", help=N_("Only these rule ids (comma-separated)."))] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help=N_("Leave out these rule ids (comma-separated)."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Exit 1 on warnings too."))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=N_("List YAML files skipped as not plans."))] = False,
    only_plans: Annotated[
        bool, typer.Option("--only-plans", help=N_("Skip named files that are not plans (for pre-commit hooks)."))
    ] = False,
    since: Annotated[
        str | None,
        typer.Option("--since", help=N_("Git revision: report baselines/targets changed since then without a revision entry.")),
    ] = None,
) -> int:
    from nytta.app import check as command
    from nytta.app.inputs import config_in_effect, refuse_input_as_output

    fmt = checked_format("check", output_format or _default_format())
    refuse_input_as_output(output, paths, config_in_effect(config))
    options = command.Options(
        tuple(paths), parse_date(as_of), config, split_ids(select), split_ids(ignore), strict, only_plans, since
    )
    report = command.run(options)
    if verbose:
        for skipped in report.skipped:
            say(_("skipped (not a plan): {file}", file=skipped))
    emit("check", fmt, report, output)
    return EXIT_FINDINGS if report.failed else EXIT_OK


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
