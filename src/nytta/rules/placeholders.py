"""The `placeholder` rule: what `nytta init` writes into a new plan for the user to replace.

A new plan (``nytta.init_plan``, in Swedish or English) passes every other rule, so that
it can be checked from the first minute; this rule keeps it from passing as finished.
It knows two kinds of placeholder, in both languages of the template:

- texts that only say what to write (``Förnamn Efternamn``, ``Förändringens namn``),
  found by their value under their key wherever they are;
- the template's example entities (its stakeholder, goal, effect chain, benefit,
  indicator, costs and risk), found while both the id and the name are still the
  example's, so that a plan's own entity that happens to share an id is left alone.

The tables below copy the template's words; ``tests/rules/test_placeholders.py`` checks
them against a fresh plan from ``nytta init``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import N_, _
from nytta.model import followups
from nytta.model.plan import Node, Plan
from nytta.rules.registry import Context, rule

Path = tuple[str | int, ...]

#: The texts that only say what to write: (section, key) → (the template's texts, the message).
TEXTS: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("plan", "title"): (
        frozenset({"Förändringens namn", "Name of the change"}),
        N_("'{text}' is a placeholder left by nytta init: write the name of the change"),
    ),
    ("plan", "organisation"): (
        frozenset({"Organisation och förvaltning", "Organisation and department"}),
        N_("'{text}' is a placeholder left by nytta init: write your organisation and department"),
    ),
    ("plan", "description"): (
        frozenset({"Vad som ändras och varför, med några meningar.", "What is being changed and why, in a few sentences."}),
        N_("'{text}' is a placeholder left by nytta init: say in a few sentences what is being changed and why"),
    ),
    ("people", "name"): (
        frozenset({"Förnamn Efternamn", "First Last"}),
        N_("'{text}' is a placeholder left by nytta init: write the person's name"),
    ),
    ("people", "organisation"): (
        frozenset({"Enheten där nyttan uppstår", "The unit where the benefit arises"}),
        N_("'{text}' is a placeholder left by nytta init: write the unit the person works in"),
    ),
    ("benefits", "description"): (
        frozenset({"Vad nyttan är och hur den uppstår.", "What the benefit is and how it comes about."}),
        N_("'{text}' is a placeholder left by nytta init: say what the benefit is and how it comes about"),
    ),
    ("revisions", "reason"): (
        frozenset({"Varför planen ändrades", "Why the plan changed"}),
        N_("'{text}' is a placeholder left by nytta init: write why the plan was changed"),
    ),
    ("revisions", "changes"): (
        frozenset({"Vad som ändrades", "What changed"}),
        N_("'{text}' is a placeholder left by nytta init: write what was changed"),
    ),
    ("follow_ups", "commentary"): (
        frozenset(
            {
                "Vad mätningarna visar, varför, och vad det betyder för nyttorna.",
                "What the measurements show, why, and what it means for the benefits.",
            }
        ),
        N_("'{text}' is a placeholder left by nytta init: write what the measurements show and what it means"),
    ),
    ("proposals", "text"): (
        frozenset({"Vad styrgruppen föreslås besluta", "What the steering group is asked to decide"}),
        N_("'{text}' is a placeholder left by nytta init: write what the steering group is asked to decide"),
    ),
    ("decisions", "text"): (
        frozenset({"Vad styrgruppen beslutade", "What the steering group decided"}),
        N_("'{text}' is a placeholder left by nytta init: write what was decided"),
    ),
}

#: What the rule says about a benefit owner's placeholder name, instead of the person's.
OWNER_NAME = N_("'{text}' is a placeholder left by nytta init: write the benefit owner's name")

#: The template's example entities: section → ((id, name), …) and the message.
EXAMPLES: dict[str, tuple[frozenset[tuple[str, str]], str]] = {
    "stakeholders": (
        frozenset({("invanare", "Invånare som ansöker"), ("applicants", "Residents who apply")}),
        N_("stakeholder '{id}' ({name}) is the example left by nytta init: write the stakeholders your change affects"),
    ),
    "goals": (
        frozenset({("snabbare-besked", "Invånarna får snabbare besked"), ("faster-decisions", "Residents get decisions sooner")}),
        N_("goal '{id}' ({name}) is the example left by nytta init: write your organisation's goals that the benefits serve"),
    ),
    "chain": (
        frozenset(
            {
                ("infora-e-tjanst", "Införa en e-tjänst för ansökan"),
                ("digital-ansokan", "Invånarna ansöker digitalt"),
                ("kompletta-arenden", "Ansökningarna kommer in kompletta"),
                ("introduce-e-service", "Introduce an e-service for applications"),
                ("digital-applications", "Residents apply online"),
                ("complete-cases", "Applications arrive complete"),
            }
        ),
        N_("chain node '{id}' ({name}) is the example left by nytta init: write the steps of your own effect chain"),
    ),
    "benefits": (
        frozenset({("kortare-vantetid", "Kortare väntetid på beslut"), ("shorter-wait", "Shorter wait for a decision")}),
        N_("benefit '{id}' ({name}) is the example left by nytta init: write your own benefit in its place"),
    ),
    "indicators": (
        frozenset(
            {
                ("vantetid", "Median antal kalenderdagar från ansökan till beslut"),
                ("waiting-days", "Median calendar days from application to decision"),
            }
        ),
        N_("indicator '{id}' ({name}) is the example left by nytta init: write how your benefit is measured"),
    ),
    "costs": (
        frozenset(
            {
                ("inforande", "Införande och projektledning"),
                ("drift", "Licens och förvaltning"),
                ("introduction", "Introduction and project management"),
                ("operation", "Licence and maintenance"),
            }
        ),
        N_("cost '{id}' ({name}) is the example left by nytta init: write the costs of your change"),
    ),
    "risks": (
        frozenset({("lag-anvandning", "Få invånare använder e-tjänsten"), ("low-uptake", "Few residents use the e-service")}),
        N_("risk '{id}' ({name}) is the example left by nytta init: write the risks to your benefits"),
    ),
}

_PEOPLE = "people:\n  - {id: karin, name: Karin Berg}\n  - {id: anna, name: Anna Lind}\n  - {id: olle, name: Olle Ek}\n"


@rule(
    "placeholder",
    severity=Severity.WARNING,
    passing=_PEOPLE,
    failing=_PEOPLE.replace("{id: anna, name: Anna Lind}", "{id: anna, name: Förnamn Efternamn}  # <-"),
)
def placeholder(ctx: Context) -> Iterator[Diagnostic]:
    """A text or an example that `nytta init` wrote is still in the plan.

    A new plan from `nytta init` passes the other rules from the start, so that it can be
    checked while it is filled in, but it is a template: a person called "Förnamn
    Efternamn" ("First Last"), a title "Förändringens namn", descriptions that say what to
    write, and an example stakeholder, goal, effect chain, benefit and indicator (and in
    the commented-out sections costs, a risk, a revision and a follow-up with its
    commentary, proposal and decision). Each placeholder text is reported where it is,
    and each example for as long as both its id and its name are the template's. Replace
    them with the plan's own, or remove the examples.
    """
    yield from _texts(ctx)
    yield from _examples(ctx)


def _texts(ctx: Context) -> Iterator[Diagnostic]:
    plan = ctx.plan
    owners = {benefit.owner for benefit in plan.benefits}
    sections: dict[str, Iterable[Node]] = {
        "plan": [plan.plan],
        "people": plan.people,
        "benefits": plan.benefits,
        "revisions": plan.revisions,
        "follow_ups": plan.follow_ups,
    }
    for (section, key), (texts, message) in TEXTS.items():
        for node, where in _placed(plan, section, sections, key):
            text = _plain(getattr(node, key, None))
            if text in texts:
                owner = (section, key) == ("people", "name") and getattr(node, "id", None) in owners
                yield ctx.at(where, _(OWNER_NAME if owner else message, text=text))


def _placed(plan: Plan, section: str, sections: dict[str, Iterable[Node]], key: str) -> Iterator[tuple[Node, Path]]:
    """Each node of ``section`` with the path of its ``key``: a proposal or decision written
    as text alone is that text."""
    if section in sections:
        yield from ((node, (*node.path, key)) for node in sections[section])
        return
    for entry in plan.follow_ups:
        placed = followups.proposals(entry) if section == "proposals" else followups.decisions(entry)
        for item in placed:
            node = item.proposal if isinstance(item, followups.PlacedProposal) else item.decision
            yield node, (*item.path, key) if node.path else item.path


def _examples(ctx: Context) -> Iterator[Diagnostic]:
    plan = ctx.plan
    sections: dict[str, Iterable[Node]] = {
        "stakeholders": plan.stakeholders,
        "goals": plan.goals,
        "chain": plan.chain,
        "benefits": plan.benefits,
        "indicators": [indicator for _owner, indicator in ctx.indicators()],
        "costs": plan.costs,
        "risks": plan.risks,
    }
    for section, (examples, message) in EXAMPLES.items():
        for node in sections[section]:
            ident = getattr(node, "id", None)
            name = _plain(getattr(node, "description" if section == "risks" else "name", None))
            if (ident, name) in examples:
                yield ctx.at(node.path, _(message, id=ident, name=name))


def _plain(value: object) -> str | None:
    """A text with its line breaks and runs of spaces as single spaces (a folded `>` block ends in one)."""
    return " ".join(value.split()) if isinstance(value, str) else None
