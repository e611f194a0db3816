"""Table of the rules found while loading (nytta.rules.document): YAML syntax, the plan
marker, the format version, the shape, and the measurements file; and a check that every
rule id the loader writes is a registered, documented rule."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rule_table import WITH_CSV, Case, case, check_case, plan_block

import nytta.load
from nytta.rules.examples import benefit_block
from nytta.rules.registry import all_rules

CSV = "matningar.csv"
HEADER = "indicator,date,value\n"

CASES = [
    # yaml-syntax: where the parser (or the reader) stopped
    case(
        "yaml-syntax", "a tab indents a list item", "goals:\n\t- {id: service, name: Snabbare beslut}\n", ("yaml-syntax", 18, 1)
    ),
    case(
        "yaml-syntax",
        "a key twice in one mapping: the second",
        "goals:\n  - id: service\n    name: Snabbare beslut\n    name: Snabbare handläggning\n",
        ("yaml-syntax", 20, 5),
    ),
    case(
        "yaml-syntax", "a python tag", "goals:\n  - {id: service, name: !!python/object:os.system x}\n", ("yaml-syntax", 18, 25)
    ),
    case(
        "yaml-syntax",
        "an unclosed flow mapping: where the parser stops, the next key",
        "goals:\n  - {id: service, name: Snabbare beslut\n",
        ("yaml-syntax", 19, 6),
    ),
    case(
        "yaml-syntax",
        "saved as Latin-1: the first byte that is not UTF-8 (the ö of Sökande)",
        "nytta: 1",
        ("yaml-syntax", 16, 26),
        encoding="latin-1",
    ),
    case("yaml-syntax", "a colon inside a quoted flow value", "goals:\n  - {id: service, name: 'Mål: snabbare beslut'}\n"),
    # not-a-plan: the top of the file (line 1 is the fragment's `#! whole file` comment)
    case("not-a-plan", "a list at the top", "#! whole file\n- id: exempel\n- id: annat\n", ("not-a-plan", 2, 1)),
    case("not-a-plan", "the marker key misspelt", "#! whole file\nnyta: 1\nplan:\n  id: exempel\n", ("not-a-plan", 2, 1)),
    case("not-a-plan", "only comments", "#! whole file\n# inget här\n", ("not-a-plan", 1, 1)),
    case("not-a-plan", "the marker with any other keys", "#! whole file\nnytta: 1\n", ("schema", 2, 1)),
    # unsupported-version: the value of `nytta`
    case("unsupported-version", "a quoted '1'", 'nytta: "1"', ("unsupported-version", 1, 8)),
    case("unsupported-version", "1.5", "nytta: 1.5", ("unsupported-version", 1, 8)),
    case("unsupported-version", "true", "nytta: true", ("unsupported-version", 1, 8)),
    case("unsupported-version", "1", "nytta: 1"),
    # schema: the offending value, or the mapping that lacks a key
    case("schema", "a goal without its name", "goals:\n  - {id: service}\n", ("schema", 18, 5)),
    case(
        "schema",
        "an unknown direction",
        benefit_block(replace={"direction: decrease": "direction: sideways"}),
        ("schema", 33, 20),
    ),
    case(
        "schema",
        "an id with a space",
        "goals:\n  - {id: service, name: Snabbare beslut}\n  - {id: 'snabb service', name: Snabb service}\n",
        ("schema", 19, 10),
    ),
    case(
        "schema",
        "a date not written YYYY-MM-DD",
        benefit_block(replace={"date: 2024-12-31": "date: 31/12/2024"}),
        ("schema", 38, 37),
    ),
    case(
        "schema", "an unknown top-level key: at the key", "goal:\n  - {id: service, name: Snabbare beslut}\n", ("schema", 43, 1)
    ),
    case("schema", "a misspelt phase", plan_block(replace={"phase: realise": "phase: realize"}), ("schema", 5, 10)),
    case(
        "schema",
        "Swedish enum words",
        benefit_block(replace={"direction: decrease": "direction: minska", "category: quality": "category: kvalitet"}),
    ),
    # measurements-file: the plan's `measurements_file` value, or the CSV row and column
    case("measurements-file", "the file does not exist", WITH_CSV, ("measurements-file", 11, 22)),
    case("measurements-file", "a folder", WITH_CSV.replace("matningar.csv", "."), ("measurements-file", 11, 22)),
    case(
        "measurements-file", "an absolute path", WITH_CSV.replace("matningar.csv", "/etc/passwd"), ("measurements-file", 11, 22)
    ),
    case(
        "measurements-file",
        "an unknown indicator: its cell",
        WITH_CSV,
        ("measurements-file", 3, 1, CSV),
        files={CSV: HEADER + "dagar,2026-06-30,30\ndagr,2026-07-31,29\n"},
    ),
    case(
        "measurements-file",
        "a date that does not exist: its cell",
        WITH_CSV,
        ("measurements-file", 2, 7, CSV),
        files={CSV: HEADER + "dagar,2026-13-30,30\n"},
    ),
    case(
        "measurements-file",
        "an unknown kind: its cell",
        WITH_CSV,
        ("measurements-file", 2, 21, CSV),
        files={CSV: "indicator,date,value,kind\ndagar,2026-06-30,30,gissning\n"},
    ),
    case(
        "measurements-file",
        "a row with a field missing: the row",
        WITH_CSV,
        ("measurements-file", 2, 1, CSV),
        files={CSV: HEADER + "dagar,2026-06-30\n"},
    ),
    case("measurements-file", "commas and decimal points", WITH_CSV, files={CSV: HEADER + "dagar,2026-06-30,30.5\n"}),
    case(
        "measurements-file",
        "semicolons and decimal commas",
        WITH_CSV,
        files={CSV: "indicator;date;value\ndagar;2026-06-30;30,5\n"},
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)


def _rule_argument(call: ast.Call) -> ast.expr | None:
    """The argument that names the rule in a call that makes a finding, if it is one."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    index = {"Diagnostic": 3, "at": 0, "at_csv": 0, "at_observation": 0}.get(name)
    return call.args[index] if index is not None and len(call.args) > index else None


def loader_rule_ids() -> set[str]:
    """Every rule id that a module of nytta.load writes into a finding."""
    found: set[str] = set()
    for source in sorted(Path(nytta.load.__file__).parent.glob("*.py")):
        calls = [node for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]
        for call in calls:
            argument = _rule_argument(call)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
            else:  # anything else only passes on the caller's rule
                assert argument is None or (isinstance(argument, ast.Name) and argument.id == "rule"), (
                    f"{source.name}:{call.lineno}: a finding whose rule is not written out"
                )
    return found


def test_every_rule_the_loader_emits_is_registered() -> None:
    emitted = loader_rule_ids()
    assert "yaml-syntax" in emitted  # the scan sees the loader's findings at all
    assert emitted <= set(all_rules()), emitted - set(all_rules())


def test_every_rule_documented_as_found_while_loading_is_emitted_by_the_loader() -> None:
    documentation_only = {rule.id for rule in all_rules().values() if rule.check is None}
    assert documentation_only <= loader_rule_ids()
