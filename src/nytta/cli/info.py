"""``nytta diff``, ``nytta rules``, ``nytta explain`` and ``nytta schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nytta.cli.options import EXIT_OK, DiffFormat, Output, checked_format, emit, findings_exit, say_unreadable, write
from nytta.cli.root import app
from nytta.i18n import N_, _


@app.command(help=N_("Show what changed between two versions of a plan (baselines, targets, owners, benefits)."))
def diff(
    old: Annotated[Path, typer.Argument(help=N_("The older plan file (or the plan, with --rev)."))],
    new: Annotated[Path | None, typer.Argument(help=N_("The newer plan file."))] = None,
    rev: Annotated[str | None, typer.Option("--rev", help=N_("Compare PLAN with its version at this git revision."))] = None,
    output_format: DiffFormat = "text",
    output: Output = None,
) -> int:
    from nytta.app import diff as command
    from nytta.app.inputs import refuse_input_as_output

    fmt = checked_format("diff", output_format)
    refuse_input_as_output(output, [old, *([new] if new else [])])
    result = command.run(command.Options(old, new, rev))
    if result.report is None:
        say_unreadable(result.unreadable)
        return findings_exit(result.unreadable)
    emit("diff", fmt, result.report, output)
    return EXIT_OK


@app.command("rules", help=N_("List every rule with its default severity."))
def list_rules() -> int:
    from nytta.app.rules import all_rules

    rules = all_rules()
    severities = [_severity(rule.severity.value, rule.error_from.value if rule.error_from else None) for rule in rules]
    width, column = max(len(rule.id) for rule in rules), max(30, *map(len, severities))
    for rule, severity in zip(rules, severities):
        print(f"{rule.id:<{width}}  {severity:<{column}}  {rule.summary}")
    return EXIT_OK


def _severity(severity: str, error_from: str | None) -> str:
    """``error``, or ``error (warning before plan)`` for a rule that is phased in."""
    word = _(SEVERITIES[severity])
    return _("{severity} (warning before {phase})", severity=word, phase=error_from) if error_from else word


#: The severities' words, as ``nytta rules`` and ``nytta explain`` show them.
SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "off": N_("off")}


@app.command(help=N_("Show a rule's documentation with a passing and a failing example."))
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help=N_("A rule id, e.g. missing-owner."))]) -> int:
    from nytta.app.rules import one_rule

    rule = one_rule(rule_id)
    print(f"{rule.id} ({_(SEVERITIES[rule.severity.value])})\n\n{rule.full_doc}\n")
    print(
        _("Passes:")
        + "\n\n"
        + _indent(rule.passing)
        + "\n"
        + _("Fails (on the line marked # <-):")
        + "\n\n"
        + _indent(rule.failing)
    )
    return EXIT_OK


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


@app.command(help=N_("Print the JSON Schema of the plan format (for editors and check-jsonschema)."))
def schema(output: Output = None) -> int:
    from nytta.app.rules import schema as schema_text

    write(schema_text(), output)
    return EXIT_OK
