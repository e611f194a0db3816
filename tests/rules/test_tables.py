"""Every registered rule has a table: in `test_<module>.py` for the module that defines it,
with cases where it is reported and cases where it is not."""

from __future__ import annotations

import importlib
from collections import defaultdict

import pytest
from rule_table import Case

from nytta.rules.registry import REGISTRY, all_rules

RULES = all_rules()
#: Rules whose tables hold at least this many cases; every other rule at least two.
AT_LEAST = {
    "date-order": 3,
    "chain-cycle": 3,
    "measurement-overdue": 3,
    "target-direction": 3,
    "share-sum": 3,
    "flow-outside-period": 3,
}


def table_of(rule_id: str) -> list[Case]:
    """The cases about ``rule_id`` in the table of the module that defines the rule."""
    module = REGISTRY.origins[rule_id].split(".")[-2]  # nytta.rules.<module>.<function>
    table = importlib.import_module(f"test_{module}")
    cases = [param.values[0] for param in table.CASES]
    return [item for item in cases if item.rule == rule_id]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_has_a_table(rule_id: str) -> None:
    cases = table_of(rule_id)
    assert len(cases) >= AT_LEAST.get(rule_id, 2), f"{rule_id}: {len(cases)} cases"
    assert any(item.fails for item in cases), f"no case where {rule_id} is reported"
    assert any(not item.fails for item in cases), f"no case where {rule_id} is not reported"


def test_cases_name_registered_rules() -> None:
    by_rule: dict[str, int] = defaultdict(int)
    for module in {origin.split(".")[-2] for origin in REGISTRY.origins.values()}:
        for param in importlib.import_module(f"test_{module}").CASES:
            item = param.values[0]
            by_rule[item.rule] += 1
            assert {found[0] for found in item.expected} <= set(RULES), param.id
    assert set(by_rule) == set(RULES)
