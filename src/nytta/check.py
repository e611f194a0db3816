"""``nytta check`` as a library: load the files, run the rules, apply severities and filters.

Severity is stamped here: the configured severity if there is one, else the rule's
default for the plan's phase, or a warning where a rule reported a milder case of itself
as one (date-order's target on or before the realisation start). Inline
``# nytta: ignore[rule-id]`` comments, ``--select`` and ``--ignore`` filter the result.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from nytta.batch import in_order
from nytta.diagnostics import CheckResult, Diagnostic, Severity
from nytta.load.files import Candidate, discover
from nytta.load.plan import PlanDocument, load_plan
from nytta.model.enums import Phase
from nytta.rules.registry import Context, Rule, all_rules

_IGNORE = re.compile(r"#\s*nytta:\s*ignore\[([^\]]*)\]")


@dataclass(frozen=True)
class CheckOptions:
    as_of: _dt.date
    severities: dict[str, Severity] = field(default_factory=dict)
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    only_plans: bool = False
    since: str | None = None  # a git revision: compare each plan with its version there


@dataclass
class CheckRun:
    """The result plus what the run skipped (YAML files that are not plans)."""

    result: CheckResult
    skipped: list[str]


def check_paths(paths: list[Path], options: CheckOptions) -> CheckRun:
    """Check every plan under ``paths``; raises ``MissingPath`` for a path that does not exist."""
    skipped: list[str] = []
    files: list[str] = []
    diagnostics: list[Diagnostic] = []
    for name, is_plan, found in _outcomes(discover(paths), options):
        if is_plan:
            files.append(name)
            diagnostics.extend(found)
        else:
            skipped.append(name)
    result = CheckResult(tuple(files), tuple(sorted(diagnostics, key=lambda d: d.sort_key)))
    return CheckRun(result, skipped)


Outcome = tuple[str, bool, list[Diagnostic]]


def _check_candidate(candidate: Candidate, options: CheckOptions) -> Outcome:
    """Load and check one file: (its name, whether it is a plan, the findings)."""
    doc = load_plan(candidate.path, candidate.display, explicit=candidate.explicit and not options.only_plans)
    if doc is None:
        return candidate.display, False, []
    return doc.file, True, check_document(doc, options, _previous(doc, options.since))


def _outcomes(candidates: list[Candidate], options: CheckOptions) -> Iterator[Outcome]:
    """Each candidate's outcome, in order (see ``nytta.batch``: one plan in memory at a
    time, a large set shared out over the CPU cores)."""
    return in_order(_check_candidate, candidates, options)


def _previous(doc: PlanDocument, since: str | None) -> PlanDocument | None:
    """The plan as it was at the git revision ``since`` (None when not asked or not there)."""
    if since is None or doc.source is None:
        return None
    from nytta.load.git import load_at_revision, temporary_folder

    with temporary_folder() as folder:
        return load_at_revision(doc.source, since, Path(folder))


def check_document(doc: PlanDocument, options: CheckOptions, previous: PlanDocument | None = None) -> list[Diagnostic]:
    """Every finding for one loaded plan, with severities stamped and filters applied.

    ``previous`` is the plan at an earlier revision, for the rules that compare with it."""
    rules = all_rules()
    found = list(doc.diagnostics)
    if doc.plan is not None:
        context = Context(doc, doc.plan, options.as_of, previous=previous)
        for rule in rules.values():
            if rule.check is not None and _selected(rule.id, options):
                context.rule_id = rule.id
                found.extend(rule.check(context))
    phase = doc.plan.phase if doc.plan is not None else None
    return list(_finish(found, rules, phase, options))


def _selected(rule_id: str, options: CheckOptions) -> bool:
    if options.select and rule_id not in options.select:
        return False
    return rule_id not in options.ignore and options.severities.get(rule_id) is not Severity.OFF


def _finish(
    found: Iterable[Diagnostic], rules: dict[str, Rule], phase: Phase | None, options: CheckOptions
) -> Iterable[Diagnostic]:
    ignored: dict[str, frozenset[str]] = {}  # each source line read once, however many findings it has
    for diagnostic in found:
        if not _selected(diagnostic.rule, options) or _suppressed(diagnostic, ignored):
            continue
        rule = rules.get(diagnostic.rule)
        severity = options.severities.get(diagnostic.rule) or _milder(
            rule.severity_for(phase) if rule else Severity.ERROR, diagnostic
        )
        yield replace(diagnostic, severity=severity)


def _milder(severity: Severity, diagnostic: Diagnostic) -> Severity:
    """The rule's severity, or a warning where the rule marked this finding as one (a rule
    such as date-order reports some of its cases as warnings only)."""
    return Severity.WARNING if diagnostic.severity is Severity.WARNING else severity


def _suppressed(diagnostic: Diagnostic, ignored: dict[str, frozenset[str]]) -> bool:
    """Whether the finding's source line says ``# nytta: ignore[rule]`` for its rule."""
    line = diagnostic.source_line
    if not line or "nytta:" not in line:
        return False
    if line not in ignored:
        ignored[line] = frozenset(part.strip() for match in _IGNORE.finditer(line) for part in match.group(1).split(","))
    return diagnostic.rule in ignored[line]
