"""The full set of rules, in the order of the format's rule table (plan-format.md, section 4).

Importing this module imports every module of :mod:`nytta.rules`, so that each `@rule`
registers, and then seals the registry in :data:`ORDER`. A rule registered but not
listed here, an id listed but never registered, or a rule registered afterwards, is a
:class:`~nytta.rules.registry.RegistryError` at import: no rule can go missing from
`nytta rules`, `nytta explain`, the SARIF rule list or docs/rules.md.
"""

from __future__ import annotations

import importlib
import pkgutil

import nytta.rules
from nytta.rules.registry import REGISTRY

ORDER = (
    "yaml-syntax",
    "not-a-plan",
    "unsupported-version",
    "schema",
    "placeholder",
    "duplicate-id",
    "unknown-reference",
    "chain-cycle",
    "missing-owner",
    "owner-is-project-manager",
    "missing-recipient",
    "share-sum",
    "missing-goal",
    "orphan-intervention",
    "unreached-benefit",
    "missing-indicator",
    "indicator-incomplete",
    "missing-baseline",
    "missing-target",
    "target-direction",
    "date-order",
    "measurement-before-baseline",
    "future-measurement",
    "duplicate-measurement",
    "non-numeric-value",
    "value-out-of-bounds",
    "measurements-file",
    "missing-valuation",
    "missing-size",
    "missing-alternative-use",
    "hourly-cost-unit",
    "missing-calculation",
    "flow-outside-period",
    "range-order",
    "invalid-rate",
    "missing-approval",
    "risk-incomplete",
    "no-follow-up-after-close",
    "measurement-overdue",
    "measurement-gap",
    "incomplete-decision",
    "open-proposal",
    "unrecorded-revision",
)


def import_rule_modules() -> list[str]:
    """Import every module of the :mod:`nytta.rules` package; their names, sorted."""
    names = sorted(
        f"{nytta.rules.__name__}.{info.name}"
        for info in pkgutil.iter_modules(nytta.rules.__path__)
        if info.name != __name__.rsplit(".", 1)[-1]
    )
    for name in names:
        importlib.import_module(name)
    return names


RULE_MODULES = import_rule_modules()
REGISTRY.seal(ORDER)
