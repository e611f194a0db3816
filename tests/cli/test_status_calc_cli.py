"""`nytta status` and `nytta calc` from the command line: contracts, formats, options."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import (
    CALC_KEYS,
    SPEC_DIR,
    STATUS_BENEFIT_KEYS,
    STATUS_INDICATOR_KEYS,
    STATUS_PLAN_KEYS,
    STATUS_TREND_KEYS,
    run_cli,
)
from nytta.rules.examples import BASE_PLAN

SPEC = str(SPEC_DIR / "bygglov-e-tjanst.yaml")


def test_status_json_is_the_contract_for_the_spec_example(capsys) -> None:
    code, out, _ = run_cli(["status", SPEC, "--format", "json", "--as-of", "2026-11-27"], capsys)
    data = json.loads(out)
    assert code == 0 and data["as_of"] == "2026-11-27"
    [plan] = data["plans"]
    assert list(plan) == STATUS_PLAN_KEYS
    assert (plan["id"], plan["status"]) == ("bygglov-e-tjanst", "at_risk")
    first = plan["benefits"][0]
    assert list(first) == STATUS_BENEFIT_KEYS
    assert list(plan["trend"]) == STATUS_TREND_KEYS and list(first["trend"]) == STATUS_TREND_KEYS
    indicator = first["indicators"][0]
    assert set(indicator) == set(STATUS_INDICATOR_KEYS)
    assert indicator["baseline"] == {"value": 42, "date": "2024-12-31"}
    assert indicator["target"] == {"value": 21, "date": "2026-12-31"}
    assert indicator["latest"] == {"value": 27, "date": "2026-09-30"}
    assert indicator["planned"] == pytest.approx(25.5)
    assert indicator["achievement"] == pytest.approx(0.909, abs=5e-4)
    assert indicator["progress"] == pytest.approx(0.714, abs=5e-4)
    assert indicator["forecast"] == pytest.approx(24.21, abs=5e-3)
    assert (indicator["status"], indicator["forecast_meets_target"], indicator["next_due"], indicator["overdue"]) == (
        "on_track",
        False,
        "2026-12-31",
        False,
    )


def test_status_text_spells_out_status_and_reasons(capsys) -> None:
    code, out, _ = run_cli(["status", SPEC, "--as-of", "2026-11-27"], capsys)
    assert code == 0
    assert "bygglov-e-tjanst — E-tjänst för bygglovsansökan: at risk" in out
    assert "handlaggningstid: 27 days vs planned 25.5 at 2026-09-30" in out
    assert "(dis-benefit)" in out and "\x1b[" not in out


def test_status_csv_has_a_row_per_indicator(capsys) -> None:
    _code, out, _ = run_cli(["status", SPEC, "-f", "csv", "--as-of", "2026-11-27"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["indicator"] for r in rows] == ["handlaggningstid", "kompletteringstid", "forvaltningstid"]
    assert rows[0]["status"] == "on_track" and float(rows[0]["planned"]) == pytest.approx(25.5)


def test_status_of_a_directory_is_the_portfolio(tmp_path, capsys) -> None:
    (tmp_path / "a.yaml").write_text(BASE_PLAN, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BASE_PLAN.replace("id: exempel", "id: andra"), encoding="utf-8")
    code, out, _ = run_cli(["status", str(tmp_path), "--as-of", "2026-11-27"], capsys)
    assert code == 0
    assert out.index("exempel") < out.index("andra")
    assert "Benefit status as of 2026-11-27" in out


def test_thresholds_come_from_nytta_toml_when_the_plan_sets_none(tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / "plan.yaml").write_text(BASE_PLAN, encoding="utf-8")
    _code, out, _ = run_cli(["status", str(tmp_path / "plan.yaml"), "-f", "json", "--as-of", "2026-11-27"], capsys)
    indicator = json.loads(out)["plans"][0]["benefits"][0]["indicators"][0]
    assert indicator["status"] == "at_risk"  # 25 vs planned ≈ 23.2: 89 % of the planned improvement
    (tmp_path / "nytta.toml").write_text("[thresholds]\non_track = 0.85\nat_risk = 0.5\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli(["status", "plan.yaml", "-f", "json", "--as-of", "2026-11-27"], capsys)
    assert json.loads(out)["plans"][0]["benefits"][0]["indicators"][0]["status"] == "on_track"
    with_own = BASE_PLAN.replace("  approvals:", "  thresholds: {on_track: 0.95, at_risk: 0.9}\n  approvals:")
    (tmp_path / "plan.yaml").write_text(with_own, encoding="utf-8")
    _, out, _ = run_cli(["status", "plan.yaml", "-f", "json", "--as-of", "2026-11-27"], capsys)
    assert json.loads(out)["plans"][0]["benefits"][0]["indicators"][0]["status"] == "off_track"


def test_unreadable_plan_is_skipped_with_a_message(tmp_path, capsys) -> None:
    (tmp_path / "good.yaml").write_text(BASE_PLAN, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("nytta: 1\nplan: [\n", encoding="utf-8")
    code, out, err = run_cli(["status", str(tmp_path), "-f", "json", "--as-of", "2026-11-27"], capsys)
    assert code == 1
    assert [p["id"] for p in json.loads(out)["plans"]] == ["exempel"]
    assert "skipped" in err and "bad.yaml" in err


def test_calc_json_is_the_contract_for_the_spec_example(capsys) -> None:
    code, out, _ = run_cli(["calc", SPEC, "-f", "json", "--as-of", "2026-11-27"], capsys)
    data = json.loads(out)
    assert code == 0
    assert list(data) == CALC_KEYS
    assert data["benefits"]["2027"] == pytest.approx(432_000)
    assert data["benefits_by_category"]["redeployment"]["2027"] == pytest.approx(432_000)
    assert data["npv"] == pytest.approx(135_299, abs=1)
    assert data["benefit_cost_ratio"] == pytest.approx(1.104, abs=5e-4)
    assert (data["payback_year"], data["years"]) == (2029, [2025, 2026, 2027, 2028, 2029])
    assert data["realised_to_date"] == pytest.approx(161_741, abs=1)


def test_calc_rate_override_discounts_by_the_formula(capsys) -> None:
    _, base, _ = run_cli(["calc", SPEC, "-f", "json", "--as-of", "2026-11-27"], capsys)
    _, high, _ = run_cli(["calc", SPEC, "-f", "json", "--as-of", "2026-11-27", "--rate", "0,07"], capsys)
    base_data, high_data = json.loads(base), json.loads(high)
    expected = sum(v / 1.07 ** (int(y) - 2025) for y, v in base_data["net"].items())
    assert high_data["discount_rate"] == 0.07
    assert high_data["npv"] == pytest.approx(expected)
    assert high_data["npv"] < base_data["npv"]


def test_calc_text_states_rate_and_budget_effect(capsys) -> None:
    code, out, _ = run_cli(["calc", SPEC, "--as-of", "2026-11-27"], capsys)
    assert code == 0
    assert "Discount rate 3% a year, base year 2025." in out
    assert "Only financial benefits change budgets" in out
    assert "432,000" in out and "SEK 135,299" in out


def test_calc_csv(capsys) -> None:
    _, out, _ = run_cli(["calc", SPEC, "-f", "csv", "--as-of", "2026-11-27"], capsys)
    rows = {r[0]: r[1:] for r in csv.reader(io.StringIO(out))}
    assert float(rows["Benefits"][2]) == pytest.approx(432_000)
    assert rows["payback_year"] == ["2029"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["calc", "nope.yaml"], "no such file"),
        (["calc", SPEC, "--rate", "tre"], "not a number"),
        (["calc", SPEC, "--rate", "3"], "outside 0–1"),
        (["status", SPEC, "-f", "xml"], "--format 'xml'"),
        (["status", "nope/"], "no such file or directory"),
    ],
)
def test_cannot_run_exits_2(argv: list[str], words: str, capsys) -> None:
    code, _, err = run_cli(argv, capsys)
    assert code == 2 and words in err and err.count("\n") == 1


def test_calc_without_a_calculation_block_says_so(tmp_path, capsys) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE_PLAN, encoding="utf-8")
    code, _, err = run_cli(["calc", str(plan)], capsys)
    assert code == 2 and "no 'calculation' block" in err
