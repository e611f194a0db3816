"""The ``nytta`` command line: options in, a frozen options object to the library, exit code out.

This is the only module that imports typer. Every failure to run (bad option, missing
file, unreadable configuration) becomes one line on stderr and exit code 2, here and
nowhere else.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from nytta import __version__

if TYPE_CHECKING:
    from nytta.diagnostics import Diagnostic

app = typer.Typer(
    name="nytta",
    help="Benefit plans (nyttorealisering) as YAML: check, follow up, calculate and report.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class UsageProblem(Exception):
    """The command cannot run as asked; the message is shown as one line."""


def _version(value: bool) -> None:
    if value:
        print(f"nytta {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Benefit plans (nyttorealisering) as YAML: check, follow up, calculate and report."""


def parse_as_of(text: str | None) -> _dt.date:
    return _parse_date(text, "--as-of")


def _rule_ids(values: list[str] | None, option: str, known: set[str]) -> frozenset[str]:
    from nytta.rules.registry import suggest

    ids = {part.strip() for value in values or [] for part in value.split(",") if part.strip()}
    for rule_id in sorted(ids):
        if rule_id not in known:
            raise UsageProblem(f"{option}: unknown rule '{rule_id}'{suggest(rule_id, known)}")
    return frozenset(ids)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageProblem(f"cannot write {output}: {exc.strerror}") from None


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or directories (searched recursively).")],
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, json, github, sarif, gitlab or junit (github under GITHUB_ACTIONS)."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date for time-dependent rules (default today).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="nytta.toml to use instead of the one found.")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule ids (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Leave out these rule ids (comma-separated).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List YAML files skipped as not plans.")] = False,
    only_plans: Annotated[
        bool, typer.Option("--only-plans", help="Skip named files that are not plans (for pre-commit hooks).")
    ] = False,
    since: Annotated[
        str | None, typer.Option("--since", help="Git revision: report baselines/targets changed since then without a revision entry.")
    ] = None,
) -> int:
    """Validate benefit plans against format v1 and the method's rules."""
    from nytta.check import CheckOptions, check_paths
    from nytta.config import Config
    from nytta.load.files import MissingPath
    from nytta.render.check_formats import CHECK_RENDERERS
    from nytta.render.text import render_text
    from nytta.rules.registry import all_rules

    rules = all_rules()
    fmt = output_format or _default_format()
    if fmt not in CHECK_RENDERERS:
        raise UsageProblem(f"--format '{fmt}' is not one of {', '.join(CHECK_RENDERERS)}")
    settings = _settings(config)
    assert isinstance(settings, Config)
    options = CheckOptions(
        as_of=parse_as_of(as_of),
        severities=settings.severities,
        select=_rule_ids(select, "--select", set(rules)),
        ignore=_rule_ids(ignore, "--ignore", set(rules)),
        only_plans=only_plans,
        since=since,
    )
    from nytta.diff import GitError

    try:
        run = check_paths(paths, options)
    except (MissingPath, GitError) as exc:
        raise UsageProblem(str(exc)) from None
    if verbose:
        for skipped in run.skipped:
            print(f"skipped (not a plan): {skipped}", file=sys.stderr)
    infos = {rule_id: rule.info() for rule_id, rule in rules.items()}
    if fmt == "text":
        _write(render_text(run.result, infos, color=_use_color(output)), output)
    else:
        _write(CHECK_RENDERERS[fmt](run.result, infos), output)
    failed = run.result.errors > 0 or (strict and run.result.warnings > 0)
    return EXIT_FINDINGS if failed else EXIT_OK


def _settings(config: Path | None) -> object:
    from nytta.config import find_config, load_config
    from nytta.rules.registry import all_rules

    if config is not None and not config.is_file():
        raise UsageProblem(f"no such configuration file: {config}")
    return load_config(config or find_config(Path.cwd()), set(all_rules()))


def _settings_and_fallback(config: Path | None) -> tuple[Any, Any]:
    """The configuration, and the thresholds it sets for plans without their own (or None)."""
    from nytta.config import Config
    from nytta.model.plan import Thresholds

    settings = _settings(config)
    assert isinstance(settings, Config)
    return settings, Thresholds(**settings.thresholds) if settings.thresholds else None


LANGUAGES = ("sv", "en")


def check_language(lang: str | None) -> None:
    """``--lang`` names one of the report languages (None: not given)."""
    if lang is not None and lang not in LANGUAGES:
        raise UsageProblem(f"--lang '{lang}' is not one of {', '.join(LANGUAGES)}")


def _each_plan(paths: list[Path]) -> Iterator[object]:
    """The plans under ``paths`` one at a time; a missing path or no plan at all cannot run."""
    from nytta.load.files import MissingPath
    from nytta.load.plan import iter_plans

    found = False
    try:
        for doc in iter_plans(paths, []):
            found = True
            yield doc
    except MissingPath as exc:
        raise UsageProblem(str(exc)) from None
    if not found:
        raise UsageProblem("no plan files found in " + ", ".join(str(p) for p in paths))


def _load(paths: list[Path]) -> list[object]:
    return list(_each_plan(paths))


def _unreadable(doc: object) -> bool:
    from nytta.load.plan import PlanDocument

    assert isinstance(doc, PlanDocument)
    if doc.plan is None:
        _say_skipped(doc.file, doc.diagnostics[0] if doc.diagnostics else None)
        return True
    return False


def _say_skipped(file: str, problem: Diagnostic | None) -> None:
    where = f"{problem.file}:{problem.line}:{problem.column}: {problem.message}" if problem else file
    print(f"nytta: skipped {file}: the plan cannot be read ({where}); run nytta check", file=sys.stderr)


def _follow_up(paths: list[Path], day: _dt.date, thresholds: object, summaries: bool = False) -> tuple[list[Any], int]:
    """The plans under ``paths`` followed up (see nytta.followup), and how many could not be
    read (each named on stderr); a missing path or no plan at all cannot run."""
    from nytta.followup import follow_up
    from nytta.load.files import MissingPath

    followed, unreadable = [], 0
    try:
        for item in follow_up(paths, day, thresholds, summaries=summaries):  # type: ignore[arg-type]
            if item.status is None:
                _say_skipped(item.file, item.problem)
                unreadable += 1
            else:
                followed.append(item)
    except MissingPath as exc:
        raise UsageProblem(str(exc)) from None
    if not followed and not unreadable:
        raise UsageProblem("no plan files found in " + ", ".join(str(p) for p in paths))
    return followed, unreadable


STATUS_FORMATS = ("text", "json", "csv")


@app.command()
def status(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or directories (a directory gives the portfolio).")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or csv.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date to follow up on (default today).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="nytta.toml to use instead of the one found.")] = None,
) -> int:
    """Compare measurements with baselines and targets: is each benefit being realised?"""
    if output_format not in STATUS_FORMATS:
        raise UsageProblem(f"--format '{output_format}' is not one of {', '.join(STATUS_FORMATS)}")
    day = parse_as_of(as_of)
    _, fallback = _settings_and_fallback(config)
    followed, unreadable = _follow_up(paths, day, fallback)
    statuses = [item.status for item in followed]  # type: ignore[attr-defined]
    _write(_render_status(statuses, output_format, day, output), output)
    return EXIT_FINDINGS if unreadable else EXIT_OK


def _render_status(statuses: list[object], fmt: str, day: _dt.date, output: Path | None) -> str:
    if fmt == "json":
        from nytta.compute.status_json import status_json_text

        return "".join(status_json_text(statuses, day))  # type: ignore[arg-type]
    if fmt == "csv":
        from nytta.render.status_csv import render_status_csv

        return render_status_csv(statuses)  # type: ignore[arg-type]
    from nytta.render.status_text import render_status_text

    return render_status_text(statuses, color=_use_color(output))  # type: ignore[arg-type]


@app.command()
def calc(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or csv.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date for the realised value (default today).")] = None,
    rate: Annotated[str | None, typer.Option("--rate", help="Discount rate for a sensitivity run, e.g. 0.05.")] = None,
) -> int:
    """The benefit calculation (nyttokalkyl): benefits and costs by year, NPV, payback."""
    from nytta.compute.calc import MissingCalculation, calc_json, calculate

    if output_format not in STATUS_FORMATS:
        raise UsageProblem(f"--format '{output_format}' is not one of {', '.join(STATUS_FORMATS)}")
    _existing_file(plan)
    day = parse_as_of(as_of)
    discount = _parse_rate(rate)
    [doc] = _load([plan])
    if _unreadable(doc):
        return EXIT_FINDINGS
    try:
        result = calculate(doc, day, discount)  # type: ignore[arg-type]
    except MissingCalculation as exc:
        raise UsageProblem(str(exc)) from None
    if output_format == "json":
        import json

        text = json.dumps(calc_json(result), ensure_ascii=False, indent=2) + "\n"
    elif output_format == "csv":
        from nytta.render.calc_csv import render_calc_csv

        text = render_calc_csv(result)
    else:
        from nytta.render.calc_text import render_calc_text

        text = render_calc_text(result, color=_use_color(output))
    _write(text, output)
    return EXIT_OK


def _parse_rate(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise UsageProblem(f"--rate '{text}' is not a number (write 3 % as 0.03)") from None
    if not 0 <= value <= 1:
        raise UsageProblem(f"--rate {text} is outside 0–1 (write 3 % as 0.03)")
    return value


@app.command()
def report(
    paths: Annotated[list[Path], typer.Argument(help="A plan file (plan report), or directories / several files (portfolio).")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="html or md.")] = "html",
    lang: Annotated[str | None, typer.Option("--lang", help="sv or en (default: the plan's language, else sv).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date to report on (default today).")] = None,
    templates: Annotated[Path | None, typer.Option("--templates", help="Folder of templates that override the shipped ones by name.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="nytta.toml to use instead of the one found.")] = None,
) -> int:
    """Render a report for the steering group: a plan report or a portfolio report."""
    from nytta.check import CheckOptions
    from nytta.render.report.build import (
        KINDS,
        plan_report,
        portfolio_report,
        report_language,
    )

    if output_format not in KINDS:
        raise UsageProblem(f"--format '{output_format}' is not one of {', '.join(KINDS)}")
    check_language(lang)
    if templates is not None and not templates.is_dir():
        raise UsageProblem(f"no such templates folder: {templates}")
    day = parse_as_of(as_of)
    settings, fallback = _settings_and_fallback(config)
    single = len(paths) == 1 and paths[0].is_file()
    try:
        if single:
            [doc] = _load(paths)
            if _unreadable(doc):
                return EXIT_FINDINGS
            language = report_language([doc.plan.plan.language.value], lang)  # type: ignore[attr-defined]
            options = CheckOptions(as_of=day, severities=settings.severities)
            text = plan_report(doc, options, language, output_format, templates, fallback)  # type: ignore[arg-type]
            unreadable = 0
        else:
            followed, unreadable = _follow_up(paths, day, fallback, summaries=True)
            if not followed:
                return EXIT_FINDINGS
            language = report_language([item.summary.language for item in followed], lang)  # type: ignore[attr-defined]
            text = portfolio_report(followed, day, language, output_format, templates)  # type: ignore[arg-type]
    except _template_errors() as exc:
        raise UsageProblem(f"the report template failed: {type(exc).__name__}: {exc}") from None
    _write(text, output)
    if output is not None:
        print(f"Wrote {output} — open it in a web browser." if output_format == "html" else f"Wrote {output}.", file=sys.stderr)
    return EXIT_FINDINGS if unreadable else EXIT_OK


def _template_errors() -> tuple[type[Exception], ...]:
    from jinja2 import TemplateError
    from jinja2.sandbox import SecurityError

    return (TemplateError, SecurityError)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older plan file (or the plan, with --rev).")],
    new: Annotated[Path | None, typer.Argument(help="The newer plan file.")] = None,
    rev: Annotated[str | None, typer.Option("--rev", help="Compare PLAN with its version at this git revision.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, md (for a merge request) or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")] = None,
) -> int:
    """Show what changed between two versions of a plan (baselines, targets, owners, benefits)."""
    from nytta.diff import GitError, compare, load_at_revision, temporary_folder
    from nytta.load.plan import load_plan
    from nytta.render.diff_formats import DIFF_RENDERERS

    if output_format not in DIFF_RENDERERS:
        raise UsageProblem(f"--format '{output_format}' is not one of {', '.join(DIFF_RENDERERS)}")
    if (new is None) == (rev is None):
        raise UsageProblem("give either two plan files, or one plan file and --rev GITREV")
    _existing_file(old)
    if new is not None:
        _existing_file(new)
        before, after, labels = load_plan(old, old.as_posix()), load_plan(new, new.as_posix()), (old.as_posix(), new.as_posix())
    else:
        with temporary_folder() as folder:
            try:
                before = load_at_revision(old, str(rev), Path(folder))
            except GitError as exc:
                raise UsageProblem(str(exc)) from None
        if before is None:
            raise UsageProblem(f"{old} does not exist at revision {rev}")
        after, labels = load_plan(old, old.as_posix()), (f"{old.as_posix()}@{rev}", old.as_posix())
    for doc in (before, after):
        if doc is None or _unreadable(doc):
            return EXIT_FINDINGS
    changes = compare(before.plan, after.plan, before, after)  # type: ignore[union-attr, arg-type]
    _write(DIFF_RENDERERS[output_format](changes, *labels), output)
    return EXIT_OK


@app.command("rules")
def list_rules() -> int:
    """List every rule with its default severity."""
    from nytta.rules.registry import all_rules

    rules = all_rules().values()
    width = max(len(rule.id) for rule in rules)
    for rule in rules:
        severity = f"{rule.severity.value} (warning before {rule.error_from.value})" if rule.error_from else rule.severity.value
        print(f"{rule.id:<{width}}  {severity:<30}  {rule.summary}")
    return EXIT_OK


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. missing-owner.")]) -> int:
    """Show a rule's documentation with a passing and a failing example."""
    from nytta.rules.registry import all_rules, suggest

    rules = all_rules()
    rule = rules.get(rule_id)
    if rule is None:
        raise UsageProblem(f"unknown rule '{rule_id}'{suggest(rule_id, rules)}")
    print(f"{rule.id} ({rule.severity.value})\n\n{rule.full_doc}\n")
    print("Passes:\n\n" + _indent(rule.passing) + "\nFails (on the line marked # <-):\n\n" + _indent(rule.failing))
    return EXIT_OK


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the schema to FILE.")] = None,
) -> int:
    """Print the JSON Schema of the plan format (for editors and check-jsonschema)."""
    from nytta.model.schema import schema_text

    _write(schema_text(), output)
    return EXIT_OK


def _existing_file(path: Path) -> None:
    try:
        if path.is_file():
            return
        there = path.exists()
    except OSError as exc:  # e.g. a name longer than the system allows
        raise UsageProblem(f"cannot use {path}: {exc.strerror or exc}") from None
    if there:
        kind = "a folder" if path.is_dir() else "not a regular file (a pipe or device)"
        raise UsageProblem(f"{path} is {kind}; name a plan file")
    raise UsageProblem(f"no such file: {path}")


def _parse_date(text: str | None, option: str) -> _dt.date:
    if text is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"{option} '{text}' is not a date written YYYY-MM-DD") from None


def _finish_write(outcome: object, plan: Path, dry_run: bool, summary: str) -> int:
    from nytta.write.measurements import Outcome, apply

    assert isinstance(outcome, Outcome)
    if outcome.refused:
        for refusal in outcome.refusals:
            where = f"{refusal.origin}: " if refusal.origin else ""
            print(f"nytta: refused: {where}{refusal.message} [{refusal.rule}]", file=sys.stderr)
        print(f"nytta: nothing was written to {plan}", file=sys.stderr)
        return EXIT_FINDINGS
    if outcome.edit is not None and dry_run:
        sys.stdout.write(outcome.edit.diff(outcome.edit.path.name))
        return EXIT_OK
    try:
        apply(outcome)
    except OSError as exc:
        raise UsageProblem(f"cannot write {plan}: {exc.strerror or exc}; the file is unchanged") from None
    print(summary)
    return EXIT_OK


@app.command(context_settings={"ignore_unknown_options": True})
def record(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    indicator: Annotated[str, typer.Argument(help="The indicator's id.")],
    value: Annotated[str, typer.Argument(help="The measured value (12.5 or 12,5; text for qualitative indicators).")],
    date: Annotated[str | None, typer.Option("--date", help="Date of the measurement (default today).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Where the value comes from.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note on the value.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="actual (utfall) or forecast (prognos).")] = "actual",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")] = False,
) -> int:
    """Add one measurement to a plan (its measurements CSV, or the indicator in the YAML)."""
    from nytta.model.enums import MeasurementKind, parse_enum
    from nytta.model.types import number_hint
    from nytta.write.measurements import prepare
    from nytta.write.validate import NewMeasurement

    _existing_file(plan)
    try:
        measurement_kind = parse_enum(MeasurementKind, kind)
    except ValueError as exc:
        raise UsageProblem(f"--kind: {exc}") from None
    hint = number_hint(value)
    row = NewMeasurement(
        indicator, _parse_date(date, "--date"), float(hint) if hint is not None else value,
        measurement_kind, source, note,
    )
    outcome = prepare(plan, plan.as_posix(), [row], _dt.date.today())
    target = outcome.edit.path.name if outcome.edit else plan.name
    return _finish_write(outcome, plan, dry_run, f"Recorded {indicator} = {value} ({row.date}) in {target}.")


@app.command("import")
def import_measurements(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    csv_file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="Measurements: indicator,date,value[,source,note,kind].")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")] = False,
) -> int:
    """Add every measurement of a CSV file (either dialect) to a plan: all rows or none."""
    from nytta.write.measurements import Outcome, prepare, rows_from_csv

    _existing_file(plan)
    _existing_file(csv_file)
    rows, refusals = rows_from_csv(csv_file, csv_file.as_posix())
    outcome = Outcome(refusals=refusals) if refusals else prepare(plan, plan.as_posix(), rows, _dt.date.today())
    vetted = outcome.vetted
    added = len(vetted.to_add) if vetted else 0
    present = len(vetted.already_present) if vetted else 0
    summary = f"Added {added} measurement{'s' if added != 1 else ''} to {outcome.edit.path.name if outcome.edit else plan.name}"
    summary += f"; {present} already present (skipped)." if present else "."
    if vetted is not None and not outcome.refused:
        for row in vetted.already_present:
            print(f"already present: {row.origin}: {row.indicator} {row.date}", file=sys.stderr)
    return _finish_write(outcome, plan, dry_run, summary)


def _register_command_modules() -> None:
    """Commands that live in modules of their own add themselves to the app."""
    import importlib

    global _commands_registered
    if _commands_registered:
        return
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    _commands_registered = True


_commands_registered = False


#: Modules with a ``register(app)`` function; they import their heavy parts lazily.
COMMAND_MODULES = ("nytta.cli_init", "nytta.cli_export")


def _fail(message: str) -> NoReturn:
    print(f"nytta: error: {message}", file=sys.stderr)
    sys.exit(EXIT_USAGE)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; never lets an exception reach the user as a traceback."""
    from nytta.config import ConfigError

    # Loading a portfolio allocates millions of small objects that all stay alive; collecting
    # them again and again as the heap grows costs more than it frees.
    gc.set_threshold(50_000, 20, 100)
    _register_command_modules()
    try:
        code = app(args=argv, prog_name="nytta", standalone_mode=False)
    except (UsageProblem, ConfigError) as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        if hasattr(exc, "format_message"):  # typer's usage errors
            _fail(" ".join(exc.format_message().split()))
        _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C during a command into this code
        print("nytta: interrupted", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
