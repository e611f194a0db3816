"""Shape errors become located `schema` findings with useful messages, and the rest still runs."""

from __future__ import annotations

from conftest import run_check
from nytta.rules.examples import BASE_PLAN


def _lines(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_several_errors_are_all_reported_each_located(write_plan) -> None:
    text = (
        BASE_PLAN.replace("  - {id: anna, name: Anna Lind}", "  - {id: anna, name: Anna Lind, mail: a@b.se}")
        .replace("    owner: anna\n", "")
        .replace("category: quality", "category: qualty")
        .replace("{value: 40, date: 2024-12-31}", '{value: "40,5", date: 2024-12-31}')
        .replace("frequency: quarterly", "frequency: every week")
        .replace("leads_to: [kortare-tid]", "leads_to: [kortare-tiden]")
    )
    found = {(d.rule, d.line) for d in run_check(write_plan(text))}
    expected = {
        ("schema", _lines(text, "mail: a@b.se")),
        ("missing-owner", _lines(text, "- id: kortare-tid")),
        ("schema", _lines(text, "category: qualty")),
        ("non-numeric-value", _lines(text, '"40,5"')),
        ("schema", _lines(text, "every week")),
        ("unknown-reference", _lines(text, "kortare-tiden")),
    }
    assert expected <= found, found


def test_unknown_key_suggests_the_known_one(write_plan) -> None:
    text = BASE_PLAN.replace("    owner: anna\n", "    ownr: anna\n")
    [finding] = [d for d in run_check(write_plan(text)) if d.rule == "schema"]
    assert finding.message == "unknown key 'ownr' in benefits; did you mean 'owner'?"
    assert (finding.line, finding.column) == (_lines(text, "ownr:"), 5)
    assert finding.path == "benefits[0].ownr"


def test_enum_value_suggestion_and_swedish_aliases(write_plan) -> None:
    text = BASE_PLAN.replace("direction: decrease", "direction: minska").replace("phase: realise", "phase: realisera")
    assert run_check(write_plan(text)) == []
    bad = BASE_PLAN.replace("category: quality", "category: kvalite")
    [finding] = run_check(write_plan(bad))
    assert "did you mean 'kvalitet'?" in finding.message
    assert "Miljö" not in finding.message


def test_swedish_alias_with_diacritics(write_plan) -> None:
    text = BASE_PLAN.replace("category: quality", "category: miljö").replace("type: intervention", "type: insats")
    assert run_check(write_plan(text)) == []


def test_decimal_comma_text_where_a_number_belongs(write_plan) -> None:
    text = BASE_PLAN + 'calculation: {base_year: 2025, first_year: 2025, last_year: 2028, discount_rate: "0,03"}\n'
    [finding] = [d for d in run_check(write_plan(text)) if d.rule == "schema"]
    assert "write 0.03" in finding.message
    assert finding.line == text.count("\n")


def test_missing_required_key_points_at_the_mapping(write_plan) -> None:
    text = BASE_PLAN.replace("        unit: days\n", "")
    [finding] = run_check(write_plan(text))
    assert finding.rule == "schema"
    assert finding.message == "missing required key 'unit' in indicators"
    assert finding.line == _lines(text, "- id: dagar")


def test_a_dropped_entity_does_not_cascade_into_unknown_references(write_plan) -> None:
    text = BASE_PLAN.replace("  - {id: anna, name: Anna Lind}", "  - {id: anna, name: [Anna, Lind]}")
    rules = [d.rule for d in run_check(write_plan(text))]
    assert rules == ["schema"]


def test_invalid_id_pattern(write_plan) -> None:
    text = BASE_PLAN.replace("{id: service, name", "{id: 'god service', name")
    found = [d for d in run_check(write_plan(text)) if d.rule == "schema"]
    assert found and "not a valid id" in found[0].message
