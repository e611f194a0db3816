"""The Swedish words of Inera's nyttokalkyl: the range and salary keys a plan may use as they
are (lägst, troligt, högst, månadslön), and the glossary words for the keys of a benefit and
of the calculation (storlek, kalkylräntans källa, årsarbetstid, arbetsgivaravgifter) that are
reported with the key they stand for and then read as it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_check
from nytta.i18n import set_language
from nytta.load.plan import load_plan
from nytta.model.plan import HourlyCost, Range
from nytta.rules.examples import EXAMPLE_AS_OF, apply_fragment, benefit_block

CALCULATION = "calculation:\n  base_year: 2025\n  first_year: 2025\n  last_year: 2028\n  discount_rate: 0.03\n"


def _write(tmp_path: Path, fragment: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(apply_fragment(fragment), encoding="utf-8")
    return path


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_swedish_range_and_salary_keys_are_read_without_a_finding(tmp_path: Path) -> None:
    fragment = benefit_block(
        replace={
            "category: quality": "category: omfördelning\n    alternative_use: Tillsyn",
            "    indicators:": "    valuation:\n"
            "      unit_value: {manadslon: {lagst: 34000, troligt: 38000, hogst: 42000}}\n"
            "      volume: {lägst: 10, troligt: 12, högst: 12}\n"
            "    indicators:",
            "unit: days": "unit: timmar",
        }
    )
    path = _write(tmp_path, fragment + CALCULATION)
    assert run_check(path, EXAMPLE_AS_OF) == []
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None
    valuation = doc.plan.benefits[0].valuation
    assert valuation is not None and isinstance(valuation.unit_value, HourlyCost)
    salary = valuation.unit_value.monthly_salary
    assert isinstance(salary, Range) and (salary.low, salary.likely, salary.high) == (34000, 38000, 42000)
    assert isinstance(valuation.volume, Range) and (valuation.volume.low, valuation.volume.high) == (10, 12)


@pytest.mark.parametrize(
    ("written", "key", "value", "read"),
    [
        ("kalkylräntans_källa", "rate_source", "Inera", "Inera"),
        ("källa för kalkylränta", "rate_source", "Inera", "Inera"),
        ("årsarbetstid", "hours_per_fte", "1600", 1600.0),
        ("timmar_per_årsarbetare", "hours_per_fte", "1600", 1600.0),
        ("arbetsgivaravgifter", "employer_contributions", "0.5", 0.5),
        ("personalomkostnadspålägg", "employer_contributions", "0.5", 0.5),
    ],
)
def test_a_calculation_key_written_in_swedish_names_the_key_and_is_read_as_it(
    tmp_path: Path, written: str, key: str, value: str, read: object
) -> None:
    path = _write(
        tmp_path, CALCULATION + f"  {written}: {value}\n" + "costs:\n  - {id: k, name: K, kind: running, amounts: {2025: 1}}\n"
    )
    line = _line(path, written)
    schema = [(d.line, d.column, d.message) for d in run_check(path, EXAMPLE_AS_OF) if d.rule == "schema"]
    assert len(schema) == 1 and schema[0][:2] == (line, 3)
    assert schema[0][2].startswith(f"unknown key '{written}' in calculation; did you mean '{key}' (")
    if key == "rate_source":
        assert schema[0][2].endswith("(kalkylräntans källa)?")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None and doc.plan.calculation is not None
    assert getattr(doc.plan.calculation, key) == read


def test_a_benefits_storlek_is_its_size(tmp_path: Path) -> None:
    path = _write(tmp_path, benefit_block(replace={"category: quality": "category: quality\n    storlek: stor"}) + CALCULATION)
    line = _line(path, "storlek")
    found = [(d.rule, d.line, d.column, d.message) for d in run_check(path, EXAMPLE_AS_OF)]
    assert found == [("schema", line, 5, "unknown key 'storlek' in benefits; did you mean 'size' (storlek)?")]
    set_language("sv")
    found = [(d.rule, d.message) for d in run_check(path, EXAMPLE_AS_OF)]
    assert found == [("schema", "okänd nyckel 'storlek' i benefits; menade du 'size' (storlek)?")]
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None
    assert doc.plan.benefits[0].size is not None and doc.plan.benefits[0].size.value == "large"
