"""The calculation's staff-time settings must be positive numbers: a shape finding says so
in words, at the value (not pydantic's "Input should be greater than 0")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_check
from nytta.i18n import set_language

PLAN = """nytta: 1
plan: {id: p, title: P, phase: identify}
calculation: {base_year: 2025, first_year: 2025, last_year: 2026, discount_rate: 0.03, KEY: VALUE}
"""


@pytest.mark.parametrize(
    ("key", "value", "english", "swedish"),
    [
        ("hours_per_fte", "0", "'hours_per_fte' must be more than 0, got 0", "'hours_per_fte' ska vara större än 0, inte 0"),
        (
            "employer_contributions",
            "-0.1",
            "'employer_contributions' must be at least 0, got -0.1",
            "'employer_contributions' ska vara minst 0, inte -0.1",
        ),
    ],
)
def test_a_staff_time_setting_out_of_range_is_a_located_schema_finding(
    tmp_path: Path, key: str, value: str, english: str, swedish: str
) -> None:
    text = PLAN.replace("KEY", key).replace("VALUE", value)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    column = text.splitlines()[2].index(f"{key}: {value}") + len(key) + 3
    for language, message in (("en", english), ("sv", swedish)):
        set_language(language)
        found = [(d.rule, d.line, d.column, d.message) for d in run_check(path) if d.rule == "schema"]
        assert found == [("schema", 3, column, message)]
