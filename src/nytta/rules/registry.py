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
from nytta.i18n import _
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
        """The first line of the documentation, in the current language."""
        return _(self.doc).split("\n", 1)[0].strip()

    def severity_for(self, phase: Phase | None) -> Severity:
        """The default severity, lowered to a warning before `error_from` where phased."""
        if self.error_from is not None and phase is not None and phase.rank < self.error_from.rank:
            return Severity.WARNING
        return self.severity

    def info(self) -> RuleInfo:
        return RuleInfo(self.id, self.summary, self.full_doc, self.severity)

    @property
    def full_doc(self) -> str:
        """The documentation in the current language, with when a phased rule becomes an error."""
        phased = ""
        if self.error_from is not None:
            phased = "\n\n" + _("Severity: error from phase {phase}, warning before.", phase=self.error_from.value)
        return _(self.doc) + phased


class RegistryError(RuntimeError):
    """The registered rules and the catalogue's order disagree, or an id is taken twice."""


class Registry:
    """Rules by id, put in the catalogue's order once (sealed); nothing may join after that."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.origins: dict[str, str] = {}
        self.sealed = False

    def add(self, new: Rule, origin: str) -> None:
        """Register ``new``, defined at ``origin`` (module.function)."""
        if self.sealed:
            raise RegistryError(
                f"rule '{new.id}' ({origin}) is registered after the catalogue was built; "
                "rules live in modules of nytta.rules and their ids in nytta.rules.catalogue.ORDER"
            )
        known = self.origins.get(new.id)
        if known is not None and known != origin:
            raise RegistryError(f"rule id '{new.id}' is registered twice: by {known} and by {origin}")
        self.rules[new.id] = new
        self.origins[new.id] = origin

    def seal(self, order: Iterable[str]) -> None:
        """Put the rules in ``order``, which must name each registered rule exactly once."""
        listed = list(order)
        problems = order_problems(listed, self.rules, self.origins)
        if problems:
            raise RegistryError("the rule catalogue does not match the registered rules:\n  " + "\n  ".join(problems))
        ordered = {rule_id: self.rules[rule_id] for rule_id in listed}
        self.rules.clear()  # in place: RULES stays the same dict
        self.rules.update(ordered)
        self.sealed = True


def order_problems(listed: list[str], rules: dict[str, Rule], origins: dict[str, str]) -> list[str]:
    """What is wrong with ``listed`` as the order of ``rules``: each problem in a sentence."""
    problems = [f"'{i}' is listed more than once" for i in sorted({i for i in listed if listed.count(i) > 1})]
    problems += [f"'{i}' is listed but no rule registers it" for i in listed if i not in rules]
    problems += [
        f"'{i}' ({origins.get(i, '?')}) is registered but not listed in ORDER "
        "(nytta/rules/catalogue.py); add it where it belongs in the format's rule table"
        for i in rules
        if i not in listed
    ]
    return problems


REGISTRY = Registry()
RULES: dict[str, Rule] = REGISTRY.rules


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
    """Register the decorated function as the rule `rule_id`.

    A rule `emitted_by_loader` is found while loading (``nytta.load.plan``); its function
    only carries the documentation and is never run.
    """

    def register(fn: Check) -> Check:
        new = Rule(
            id=rule_id,
            severity=severity,
            doc=inspect.cleandoc(fn.__doc__ or rule_id),
            passing=textwrap.dedent(passing),
            failing=textwrap.dedent(failing),
            check=None if emitted_by_loader else fn,
            error_from=error_from,
            compares_with_previous=compares_with_previous,
        )
        REGISTRY.add(new, f"{fn.__module__}.{fn.__qualname__}")
        return fn

    return register


def all_rules() -> dict[str, Rule]:
    """Every registered rule, by id, in the order of the format's rule table."""
    from nytta.rules import catalogue  # noqa: F401  (imports every rule module, then seals)

    return RULES


def suggest(name: str, choices: Iterable[str]) -> str:
    """`"; did you mean 'x'?"` for the closest choice (in the current language), or an empty string."""
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return _("; did you mean '{choice}'?", choice=close[0]) if close else ""


def number(value: float) -> str:
    """A computed number as a message shows it: to 12 significant digits, so that a large
    amount is shown whole (``1234567``, not ``1.23457e+06``) and float residue is not
    (``0.3``, not ``0.29999999999999716``). Numbers as the plan writes them: ``written``."""
    return f"{value:.12g}"


def written(value: float) -> str:
    """A number as a message quotes it from the plan: as written (``1300000``, ``0.65``), never rounded."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def describe(value: Any) -> str:
    """A measured value as a message quotes it: text in quotes, a number as written by Python."""
    return f"'{value}'" if isinstance(value, str) else repr(value)
