"""``nytta rules``, ``nytta explain`` and ``nytta schema``: what the format and its rules are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nytta.app.errors import UsageProblem
from nytta.i18n import _

if TYPE_CHECKING:
    from nytta.rules.registry import Rule


def all_rules() -> list[Rule]:
    """Every rule, in the order of the format's rule table."""
    from nytta.rules.registry import all_rules as registered

    return list(registered().values())


def one_rule(rule_id: str) -> Rule:
    """The rule ``rule_id``; an unknown id cannot run (with the closest id as a suggestion)."""
    from nytta.rules.registry import all_rules as registered
    from nytta.rules.registry import suggest

    rules = registered()
    found = rules.get(rule_id)
    if found is None:
        raise UsageProblem(_("unknown rule '{id}'{suggestion}", id=rule_id, suggestion=suggest(rule_id, rules)))
    return found


def schema() -> str:
    """The JSON Schema of the plan format, as text."""
    from nytta.model.schema import schema_text

    return schema_text()
