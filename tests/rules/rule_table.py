"""Rule tables: a case is a fragment on the rule examples' base plan and the findings it must give.

A fragment is applied with :func:`nytta.rules.examples.apply_fragment` (each top-level key
replaces that block of the base plan, new keys are appended, `#! whole file` is the whole
file), so line numbers count in the full plan; a failing case prints it numbered.
Findings compare by (rule, line, column), with the file's name added for a finding in
another file than the plan (a measurements CSV). Every finding of the run is compared,
so a case also shows that nothing else is reported.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import run_check
from nytta.check import CheckOptions, check_document
from nytta.diagnostics import Diagnostic
from nytta.load.plan import load_plan
from nytta.rules.examples import BASE_PLAN, EXAMPLE_AS_OF, apply_fragment
from nytta.rules.registry import all_rules

PLAN = "plan.yaml"
Found = tuple[Any, ...]  # (rule, line, column) or (rule, line, column, file name)


@dataclass(frozen=True)
class Case:
    """One row of a rule table."""

    rule: str  # the rule the case is about
    snippet: str
    expected: tuple[Found, ...]
    as_of: _dt.date = EXAMPLE_AS_OF
    files: Mapping[str, str] = field(default_factory=dict)  # other files beside the plan: name → text
    previous: str | None = None  # the fragment of an earlier version, for a rule that compares with one
    encoding: str = "utf-8"

    @property
    def fails(self) -> bool:
        return any(found[0] == self.rule for found in self.expected)


def case(rule: str, name: str, snippet: str, *expected: Found, known_bug: str = "", **options: Any) -> Any:
    """A parametrize entry named `rule: name`; `expected` lists every finding of the run.

    A case that states what should happen but does not yet names the ``known_bug``: it
    is expected to fail until that is fixed (and then fails for passing).
    """
    marks = [pytest.mark.xfail(strict=True, reason=known_bug)] if known_bug else []
    return pytest.param(Case(rule, snippet, tuple(expected), **options), id=f"{rule}: {name}", marks=marks)


def located(diagnostic: Diagnostic) -> Found:
    where = (diagnostic.rule, diagnostic.line, diagnostic.column)
    name = Path(diagnostic.file).name
    return where if name == PLAN else (*where, name)


def findings(item: Case, folder: Path) -> list[Found]:
    """Write the case's files into ``folder``, check the plan, and locate every finding."""
    text = apply_fragment(item.snippet)
    plan = folder / PLAN
    plan.write_bytes(text.encode(item.encoding))
    for name, content in item.files.items():
        (folder / name).write_text(content, encoding="utf-8")
    if item.previous is None:
        found = run_check(plan, item.as_of)
    else:
        earlier = folder / "previous.yaml"
        earlier.write_text(apply_fragment(item.previous), encoding="utf-8")
        doc = load_plan(plan, PLAN)
        assert doc is not None
        found = check_document(doc, CheckOptions(as_of=item.as_of), load_plan(earlier, "previous.yaml"))
    return sorted(located(d) for d in found)


def example_findings(rule_id: str, text: str, folder: Path) -> list[Diagnostic]:
    """Check a rule's example (the full plan ``text``) in ``folder``; a rule that compares with
    an earlier version gets the base plan as that."""
    plan = folder / PLAN
    plan.write_text(text, encoding="utf-8")
    if not all_rules()[rule_id].compares_with_previous:
        return run_check(plan, EXAMPLE_AS_OF)
    earlier = folder / "previous.yaml"
    earlier.write_text(BASE_PLAN, encoding="utf-8")
    doc = load_plan(plan, PLAN)
    assert doc is not None
    return check_document(doc, CheckOptions(as_of=EXAMPLE_AS_OF), load_plan(earlier, "previous.yaml"))


def numbered(snippet: str) -> str:
    return "\n".join(f"{n:3} {line}" for n, line in enumerate(apply_fragment(snippet).splitlines(), start=1))


def check_case(item: Case, folder: Path) -> None:
    """Assert that the case gives exactly its expected findings."""
    found, expected = findings(item, folder), sorted(item.expected)
    assert found == expected, f"found {found}, expected {expected} in\n{numbered(item.snippet)}"


# -- fragments shared by the tables ---------------------------------------------------


def plan_block(*, replace: Mapping[str, str] | None = None, add: str = "") -> str:
    """The base plan's `plan` block with text replaced and lines added at its end."""
    text = BASE_PLAN[BASE_PLAN.index("plan:\n") : BASE_PLAN.index("people:\n")]
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + add


#: The plan block naming a measurements file, `matningar.csv` (a line longer than the base).
WITH_CSV = plan_block(add="  measurements_file: matningar.csv\n")

#: A second, qualitative benefit (appended to a `benefits` block): it reaches no goal and
#: no chain node leads to it unless the case says so.
SECOND_BENEFIT = (
    "  - id: snabbt\n"
    "    name: Snabbare svar\n"
    "    owner: anna\n"
    "    recipients: [sokande]\n"
    "    category: quality\n"
    "    realisation: {start: 2025-06-01, end: 2028-12-31}\n"
    "    indicators:\n"
    "      - {id: nojdhet, name: Nöjdhet, kind: qualitative, unit: betyg, direction: increase,"
    " method: Enkät, source: Enkätverktyget, frequency: yearly, measured_by: anna}\n"
)

CALC = "calculation:\n  base_year: 2025\n  first_year: 2025\n  last_year: 2028\n  discount_rate: 0.03\n"
