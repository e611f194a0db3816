"""``nytta diff``, ``nytta rules``, ``nytta explain`` and ``nytta schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nytta.cli.options import EXIT_OK, DiffFormat, Output, checked_format, emit, findings_exit, say_unreadable, write
from nytta.cli.root import app


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older plan file (or the plan, with --rev).")],
    new: Annotated[Path | None, typer.Argument(help="The newer plan file.")] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="Compare PLAN with its version at this git revision.")] = None,
    output_format: DiffFormat = "text",
    output: Output = None,
) -> int:
    """Show what changed between two versions of a plan (baselines, targets, owners, benefits)."""
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


@app.command("rules")
def list_rules() -> int:
    """List every rule with its default severity."""
    from nytta.app.rules import all_rules

    rules = all_rules()
    width = max(len(rule.id) for rule in rules)
    for rule in rules:
        severity = f"{rule.severity.value} (warning before {rule.error_from.value})" if rule.error_from else rule.severity.value
        print(f"{rule.id:<{width}}  {severity:<30}  {rule.summary}")
    return EXIT_OK


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. missing-owner.")]) -> int:
    """Show a rule's documentation with a passing and a failing example."""
    from nytta.app.rules import one_rule

    rule = one_rule(rule_id)
    print(f"{rule.id} ({rule.severity.value})\n\n{rule.full_doc}\n")
    print("Passes:\n\n" + _indent(rule.passing) + "\nFails (on the line marked # <-):\n\n" + _indent(rule.failing))
    return EXIT_OK


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


@app.command()
def schema(output: Output = None) -> int:
    """Print the JSON Schema of the plan format (for editors and check-jsonschema)."""
    from nytta.app.rules import schema as schema_text

    write(schema_text(), output)
    return EXIT_OK
