"""Every rule's documented examples: the passing one is clean, the failing one is located."""

from __future__ import annotations

import pytest
from rule_table import example_findings

from conftest import run_check
from nytta.rules.catalogue import ORDER
from nytta.rules.examples import BASE_PLAN, EXAMPLE_AS_OF, apply_fragment, marked_line
from nytta.rules.registry import all_rules

RULES = all_rules()


def test_every_rule_of_the_format_is_registered() -> None:
    assert list(RULES) == list(ORDER)


def test_base_plan_is_clean(write_plan) -> None:
    assert run_check(write_plan(BASE_PLAN), EXAMPLE_AS_OF) == []


@pytest.mark.parametrize("rule_id", ORDER)
def test_passing_example_does_not_trigger(rule_id: str, tmp_path) -> None:
    text = apply_fragment(RULES[rule_id].passing)
    found = [d for d in example_findings(rule_id, text, tmp_path) if d.rule == rule_id]
    assert found == []


@pytest.mark.parametrize("rule_id", ORDER)
def test_failing_example_is_reported_on_the_marked_line(rule_id: str, tmp_path) -> None:
    text = apply_fragment(RULES[rule_id].failing)
    line = marked_line(text)
    assert line is not None, "a failing example marks its line with '# <-'"
    found = [(d.rule, d.line) for d in example_findings(rule_id, text, tmp_path)]
    assert (rule_id, line) in found, f"{found}\n{text}"


@pytest.mark.parametrize("rule_id", ORDER)
def test_rule_is_documented(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule.summary and rule.summary[0].isupper()
    assert len(rule.doc.splitlines()) >= 3
