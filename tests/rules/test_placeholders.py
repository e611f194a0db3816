"""Table of the `placeholder` rule (nytta.rules.placeholders), its messages, and the rule
against the plans `nytta init` writes: every placeholder of a fresh plan, in Swedish and
English, is reported where it is, and no plan of the repository's own is."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from rule_table import CALC, Case, case, check_case, plan_block

from conftest import PLANS, SPEC_DIR, run_check, run_cli
from nytta.i18n import set_language
from nytta.init_plan import optional_sections, plan_text
from nytta.model.enums import Phase
from nytta.rules.examples import benefit_block
from nytta.rules.placeholders import EXAMPLES, TEXTS

PEOPLE = "people:\n  - {id: karin, name: Karin Berg}\n  - {id: anna, name: Anna Lind}\n  - {id: olle, name: Olle Ek}\n"
STAKEHOLDERS = "stakeholders:\n  - {id: sokande, name: Sökande, category: citizens}\n"
#: The base benefit as the Swedish template's example benefit (id and name), which the chain leads to.
EXAMPLE_BENEFIT = (
    benefit_block(
        replace={
            "- id: kortare-tid": "- id: kortare-vantetid",
            "name: Kortare handläggningstid": "name: Kortare väntetid på beslut",
        }
    )
    + "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-vantetid]}\n"
)
DESCRIBED = benefit_block(
    replace={"    owner: anna": "    description: >\n      Vad nyttan är och\n      hur den uppstår.\n    owner: anna"}
)
FOLLOW_UP = (
    "follow_ups:\n  - date: 2026-09-30\n    author: anna\n"
    "    commentary: Vad mätningarna visar, varför, och vad det betyder för nyttorna.\n"
    "    proposals:\n      - {id: forslag-1, text: Vad styrgruppen föreslås besluta}\n"
    "    decisions:\n"
    "      - {text: Vad styrgruppen beslutade, date: 2026-09-30, decided_by: Styrgruppen, proposal: forslag-1}\n"
)
COSTS = "costs:\n  - {id: drift, name: Licens och förvaltning, kind: running, amounts: {2025: 60000}}\n" + CALC

CASES = [
    # texts that say what to write: at the value
    case(
        "placeholder",
        "the benefit owner's name",
        PEOPLE.replace("Anna Lind", "Förnamn Efternamn"),
        ("placeholder", 13, 22),
    ),
    case("placeholder", "another person's name, in English", PEOPLE.replace("Olle Ek", "First Last"), ("placeholder", 14, 22)),
    case(
        "placeholder",
        "the plan's title and organisation",
        plan_block(replace={"title: Exempelplan": "title: Förändringens namn\n  organisation: Organisation och förvaltning"}),
        ("placeholder", 4, 10),
        ("placeholder", 5, 17),
    ),
    case("placeholder", "a folded description over two lines", DESCRIBED, ("placeholder", 24, 18)),
    case(
        "placeholder",
        "a revision's reason and changes",
        "revisions:\n  - {date: 2026-03-01, by: karin, reason: Varför planen ändrades, changes: Vad som ändrades}\n",
        ("placeholder", 44, 43),
        ("placeholder", 44, 76),
    ),
    case(
        "placeholder",
        "a follow-up's commentary, proposal and decision",
        FOLLOW_UP,
        ("placeholder", 46, 17),
        ("placeholder", 48, 31),
        ("placeholder", 50, 16),
    ),
    case(
        "placeholder",
        "a proposal written as the English placeholder text alone",
        "follow_ups:\n  - date: 2026-09-30\n    proposals: [What the steering group is asked to decide]\n",
        ("placeholder", 45, 17),
    ),
    case(
        "placeholder",
        "a follow-up's own texts",
        FOLLOW_UP.replace("Vad mätningarna visar, varför, och vad det betyder för nyttorna.", "Tiden minskar enligt plan.")
        .replace("Vad styrgruppen föreslås besluta", "Förläng e-tjänstens pilot")
        .replace("Vad styrgruppen beslutade", "Piloten förlängs"),
    ),
    case("placeholder", "a name that only begins like the placeholder", PEOPLE.replace("Anna Lind", "Förnamn Efternamnsson")),
    case(
        "placeholder",
        "the placeholder text under another key",
        PEOPLE.replace("Anna Lind", "Anna Lind, title: Förnamn Efternamn"),
    ),
    # the template's examples: at the entity, while both id and name are the example's
    case("placeholder", "the example benefit", EXAMPLE_BENEFIT, ("placeholder", 22, 5)),
    case(
        "placeholder",
        "the example stakeholder beside the plan's own",
        STAKEHOLDERS + "  - {id: invanare, name: Invånare som ansöker, category: citizens}\n",
        ("placeholder", 17, 5),
    ),
    case(
        "placeholder",
        "the example's id with the plan's own name",
        STAKEHOLDERS + "  - {id: invanare, name: Invånare i kommunen, category: citizens}\n",
    ),
    case("placeholder", "an example cost", COSTS, ("placeholder", 44, 5), ("missing-size", 22, 5)),
    case(
        "placeholder",
        "the example risk, named by its description",
        "risks:\n  - {id: low-uptake, description: Few residents use the e-service, affects: [kortare-tid],"
        " owner: anna, mitigation: Promote it}\n",
        ("placeholder", 44, 5),
    ),
    case(
        "placeholder",
        "a risk with the example's id and its own description",
        "risks:\n  - {id: lag-anvandning, description: Få använder e-tjänsten, affects: [kortare-tid],"
        " owner: anna, mitigation: Informera byggföretagen}\n",
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)


@pytest.fixture
def swedish() -> None:
    set_language("sv")


def test_the_message_names_the_placeholder_and_what_to_write(write_plan) -> None:
    from nytta.rules.examples import apply_fragment

    found = run_check(write_plan(apply_fragment(PEOPLE.replace("Anna Lind", "Förnamn Efternamn"))))
    assert [d.message for d in found] == [
        "'Förnamn Efternamn' is a placeholder left by nytta init: write the benefit owner's name"
    ]
    found = run_check(write_plan(apply_fragment(PEOPLE.replace("Olle Ek", "First Last"))))
    assert [d.message for d in found] == ["'First Last' is a placeholder left by nytta init: write the person's name"]


def test_the_message_in_swedish(write_plan, swedish) -> None:
    from nytta.rules.examples import apply_fragment

    found = run_check(write_plan(apply_fragment(PEOPLE.replace("Anna Lind", "Förnamn Efternamn"))))
    assert [d.message for d in found] == ["'Förnamn Efternamn' är en platshållare från nytta init: skriv nyttoägarens namn"]
    found = run_check(write_plan(apply_fragment(EXAMPLE_BENEFIT)))
    assert [d.message for d in found] == [
        "nyttan 'kortare-vantetid' (Kortare väntetid på beslut) är ett exempel från nytta init: skriv in en egen nytta i stället"
    ]


# -- the plans nytta init writes ----------------------------------------------------------

TODAY = _dt.date(2026, 11, 27)


def _fresh(lang: str, write_plan) -> tuple[str, list]:
    """A new plan in ``lang`` with its commented-out sections taken into use, and its findings."""
    text = plan_text(lang=lang, phase=Phase.REALISE, today=TODAY) + optional_sections(lang, TODAY)
    return text, run_check(write_plan(text, f"{lang}.yaml"), as_of=TODAY)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_fresh_plan_gets_a_warning_for_each_placeholder_at_it(write_plan, lang: str) -> None:
    text, found = _fresh(lang, write_plan)
    lines = text.splitlines()
    assert found and {(d.rule, d.severity.value) for d in found} == {("placeholder", "warning")}
    for diagnostic in found:
        quoted = diagnostic.message.split("'")[1]  # the placeholder text, or the example's id
        line = lines[diagnostic.line - 1]
        at = line[diagnostic.column - 1 :]
        assert quoted in at or at.startswith(">"), (diagnostic, line)
    assert len({(d.line, d.column) for d in found}) == len(found)


def test_the_tables_are_the_templates_words(write_plan) -> None:
    """Every text and every example the rule knows is in a fresh plan, and is reported there."""
    reported = [d.message for lang in ("sv", "en") for d in _fresh(lang, write_plan)[1]]
    for (section, key), (texts, _message) in TEXTS.items():
        for text in texts:
            assert any(m.startswith(f"'{text}' is a placeholder") for m in reported), (section, key, text)
    for section, (examples, _message) in EXAMPLES.items():
        for ident, name in examples:
            assert any(f"'{ident}' ({name}) is the example" in m for m in reported), (section, ident)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_fresh_plan_has_no_other_finding(write_plan, lang: str) -> None:
    found = run_check(write_plan(plan_text(lang=lang, today=TODAY)), as_of=TODAY, ignore=frozenset({"placeholder"}))
    assert found == []


@pytest.mark.parametrize("plan", [*sorted(PLANS.glob("*.yaml")), SPEC_DIR / "bygglov-e-tjanst.yaml"], ids=lambda p: p.name)
def test_no_plan_of_the_repository_has_a_placeholder(plan: Path) -> None:
    assert run_check(plan, select=frozenset({"placeholder"})) == []


def test_check_after_init_warns_and_still_exits_0(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nyttoplan.yaml"
    assert run_cli(["init", str(path)], capsys)[0] == 0
    code, out, _err = run_cli(["check", str(path)], capsys)
    assert code == 0
    assert "warning placeholder 'Förnamn Efternamn' is a placeholder left by nytta init" in out
    code, _out, _err = run_cli(["check", "--strict", str(path)], capsys)
    assert code == 1
