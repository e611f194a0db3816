"""The rule registry: every rule's id, default severity, documentation and examples.

A rule is a generator function decorated with :func:`rule`; its docstring is its
documentation (`nytta explain` prints it) and its examples are YAML fragments that the
tests run: `passing` must not trigger the rule, `failing` must trigger it on the
line marked `# <-`. Rules do not know their final severity: the checker stamps it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from nytta.diagnostics import Diagnostic, RuleInfo, Severity
from nytta.load.plan import Observation, PlanDocument
from nytta.model.enums import Phase
from nytta.model.plan import Benefit, Indicator, Node, Plan
from nytta.rules import graph
from nytta.rules.graph import Links

Path = tuple[str | int, ...]


@dataclass
class Context:
    """What a rule sees: the loaded document, its model, the as-of date and its own id."""

    doc: PlanDocument
    plan: Plan
    as_of: _dt.date
    rule_id: str = ""
    previous: PlanDocument | None = None  # the plan at the revision compared with (--since)

    def at(self, path: Path, message: str, *, at_key: bool = False) -> Diagnostic:
        return self.doc.at(self.rule_id, path, message, at_key=at_key)

    def at_observation(self, obs: Observation, field_name: str, message: str) -> Diagnostic:
        return self.doc.at_observation(self.rule_id, obs, field_name, message)

    @functools.cached_property
    def links(self) -> Links:
        """The plan's link graph (effect chain, benefit links, goal parents)."""
        return graph.links(self.plan)

    def absent(self, node: Node, key: str) -> bool:
        """``node.key`` is empty, and not because a shape error left it out."""
        return not getattr(node, key) and not self.doc.was_dropped((*node.path, key))

    def benefits(self) -> Iterator[Benefit]:
        return iter(self.plan.benefits)

    def indicators(self) -> Iterator[tuple[Benefit, Indicator]]:
        for benefit in self.plan.benefits:
            for indicator in benefit.indicators:
                yield benefit, indicator


Check = Callable[[Context], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    doc: str
    passing: str
    failing: str
    check: Check | None = None
    error_from: Phase | None = None
    compares_with_previous: bool = False

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    def severity_for(self, phase: Phase | None) -> Severity:
        """The default severity, lowered to a warning before `error_from` where phased."""
        if self.error_from is not None and phase is not None and phase.rank < self.error_from.rank:
            return Severity.WARNING
        return self.severity

    def info(self) -> RuleInfo:
        return RuleInfo(self.id, self.summary, self.full_doc, self.severity)

    @property
    def full_doc(self) -> str:
        phased = ""
        if self.error_from is not None:
            phased = f"\n\nSeverity: error from phase {self.error_from.value}, warning before."
        return self.doc + phased


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    *,
    passing: str,
    failing: str,
    severity: Severity = Severity.ERROR,
    error_from: Phase | None = None,
    emitted_by_loader: bool = False,
    compares_with_previous: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as the rule `rule_id`."""

    def register(fn: Check) -> Check:
        RULES[rule_id] = Rule(
            id=rule_id,
            severity=severity,
            doc=inspect.cleandoc(fn.__doc__ or rule_id),
            passing=textwrap.dedent(passing),
            failing=textwrap.dedent(failing),
            check=None if emitted_by_loader else fn,
            error_from=error_from,
            compares_with_previous=compares_with_previous,
        )
        return fn

    return register


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by id, in the order of the format's rule table."""
    from nytta.rules import catalogue  # noqa: F401  (registers the rules)

    return RULES


def suggest(name: str, choices: Iterable[str]) -> str:
    """`"; did you mean 'x'?"` for the closest choice, or an empty string."""
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def describe(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else repr(value)
