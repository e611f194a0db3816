"""Rules about the file itself: syntax, plan marker, version, shape, measurements file.

All but the last part of `measurements-file` are found while loading; they are
registered here so that they have documentation, examples and a place in every output.
"""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic
from nytta.i18n import _
from nytta.rules.registry import Context, rule, suggest


@rule(
    "yaml-syntax",
    emitted_by_loader=True,
    passing="goals:\n  - {id: service, name: Snabbare beslut}",
    failing="goals:\n  - id: service\n   name: Snabbare beslut  # <-",
)
def yaml_syntax(ctx: Context) -> Iterator[Diagnostic]:
    """The file parses as YAML.

    The finding points at the line and column where the parser stopped. Files must be
    UTF-8; only the standard YAML types are read (no `!!python` or other tags), each
    key may appear once per mapping, and aliases may not expand the document beyond ten
    times its written size. A plan file may be at most 64 MiB, nest at most 64 levels
    and hold at most 500 000 values (a realistic plan holds a few thousand; long
    measurement series belong in the measurements file).
    """
    return iter(())


@rule(
    "not-a-plan",
    emitted_by_loader=True,
    passing="nytta: 1",
    failing="#! whole file\nplan:  # <-\n  id: exempel\n  title: Ingen nytta-nyckel\n  phase: plan",
)
def not_a_plan(ctx: Context) -> Iterator[Diagnostic]:
    """A file named explicitly has no top-level `nytta` key.

    A plan file is recognised by `nytta: 1` at the top. When a directory is checked,
    YAML files without it are skipped silently (`-v` lists them); a file named on the
    command line must be a plan.
    """
    return iter(())


@rule(
    "unsupported-version",
    emitted_by_loader=True,
    passing="nytta: 1",
    failing="nytta: 2  # <-",
)
def unsupported_version(ctx: Context) -> Iterator[Diagnostic]:
    """The format version `nytta` is not 1.

    This version of nytta reads plan format version 1 only.
    """
    return iter(())


@rule(
    "schema",
    emitted_by_loader=True,
    passing="people:\n  - {id: karin, name: Karin Berg, email: karin@exempelby.se}\n"
    "  - {id: anna, name: Anna Lind}\n  - {id: olle, name: Olle Ek}",
    failing="people:\n  - {id: karin, name: Karin Berg, mail: karin@exempelby.se}  # <-\n"
    "  - {id: anna, name: Anna Lind}\n  - {id: olle, name: Olle Ek}",
)
def schema(ctx: Context) -> Iterator[Diagnostic]:
    """The plan has the shape of format v1.

    Required keys are present, values have the right type (a number is a YAML number:
    write `1.5`, not `"1,5"`), enum values are known (the Swedish words are accepted,
    with or without å/ä/ö), ids match `^[A-Za-z0-9][A-Za-z0-9._-]*$` and there are no
    unknown keys. Close misspellings get a "did you mean" suggestion. The entity with a
    shape error is left out of the other rules, which still run on the rest.
    """
    return iter(())


@rule(
    "measurements-file",
    passing="plan:\n  id: exempel\n  title: Exempelplan\n  phase: realise\n"
    "  change_owner: karin\n  approvals: [{by: karin, role: change_owner, date: 2025-02-01}]",
    failing="plan:\n  id: exempel\n  title: Exempelplan\n  phase: realise\n"
    "  change_owner: karin\n  approvals: [{by: karin, role: change_owner, date: 2025-02-01}]\n"
    "  measurements_file: ../../matningar.csv  # <-",
)
def measurements_file(ctx: Context) -> Iterator[Diagnostic]:
    """The measurements file is missing or unreadable, a row is malformed, or names an unknown indicator.

    `plan.measurements_file` is a path relative to the plan file that stays inside the
    plan's git repository (or, outside one, the plan's folder). The CSV has the header
    `indicator,date,value` (optionally `source`, `note`, `kind`; the Swedish names
    `indikator`, `datum`, `värde`, `källa`, `kommentar` or `anteckning` and `typ` work too),
    either with commas and decimal points or with semicolons and decimal commas. Row findings name
    the CSV file, the row's line (the header is line 1) and the column. At most 200 000
    rows are read; the first row past that is reported.
    """
    known = {indicator.id for _owner, indicator in ctx.indicators()}
    for obs in ctx.doc.observations:
        if (obs.csv_row or obs.origin) is not None and obs.indicator not in known and obs.indicator not in ctx.doc.dropped_ids:
            message = _("unknown indicator '{id}'{suggestion}", id=obs.indicator, suggestion=suggest(obs.indicator, known))
            yield ctx.at_observation(obs, "indicator", message)
