"""The full set of rules, in the order of the format's rule table."""

from __future__ import annotations

from nytta.rules import (  # noqa: F401
    calculation,
    document,
    indicators,
    ownership,
    reach,
    references,
    revisions,
    timeline,
)
from nytta.rules.registry import RULES

ORDER = (
    "yaml-syntax", "not-a-plan", "unsupported-version", "schema", "duplicate-id",
    "unknown-reference", "chain-cycle", "missing-owner", "owner-is-project-manager",
    "missing-recipient", "share-sum", "missing-goal", "orphan-intervention",
    "unreached-benefit", "missing-indicator", "indicator-incomplete", "missing-baseline",
    "missing-target", "target-direction", "date-order", "measurement-before-baseline",
    "future-measurement", "duplicate-measurement", "non-numeric-value", "measurements-file",
    "missing-valuation", "missing-alternative-use", "missing-calculation",
    "flow-outside-period", "invalid-rate", "missing-approval", "risk-incomplete",
    "no-follow-up-after-close", "measurement-overdue", "unrecorded-revision",
)

_ordered = {rule_id: RULES[rule_id] for rule_id in ORDER}
RULES.clear()
RULES.update(_ordered)
