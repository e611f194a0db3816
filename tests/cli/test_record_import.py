"""`nytta record` and `nytta import`: validated, all-or-nothing, byte-preserving writes."""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, run_cli
from nytta.cli import main
from nytta.load.plan import load_plan
from nytta.rules.examples import BASE_PLAN

CSV_PLAN = BASE_PLAN.replace("  approvals:", "  measurements_file: matningar.csv\n  approvals:").replace(
    "        measurements:\n          - {date: 2026-09-30, value: 25}\n", ""
)


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    target = tmp_path / "plan.yaml"
    shutil.copy(DATA / "record" / "commented.yaml", target)
    return target


def test_record_keeps_every_other_byte_of_a_commented_plan(commented: Path, capsys) -> None:
    assert (
        run_cli(["record", str(commented), "dagar", "22", "--date", "2026-11-15", "--source", "Ärendesystemet"], capsys)[0] == 0
    )
    assert run_cli(["record", str(commented), "samtal", "310,5", "--date", "2026-09-30"], capsys)[0] == 0
    expected = (DATA / "record" / "commented.after-record.yaml").read_bytes()
    assert commented.read_bytes() == expected


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["samtl", "300"], "unknown indicator 'samtl'; did you mean 'samtal'?"),
        (["samtal", "många"], "is not a number"),
        (["samtal", "300", "--date", "2999-01-01"], "is dated 2999-01-01, after the as-of date"),
        (["dagar", "26", "--date", "2026-09-30"], "already has an actual measurement dated 2026-09-30 (25); this one is 26"),
    ],
)
def test_refused_record_leaves_the_file_byte_for_byte(commented: Path, argv: list[str], words: str, capsys) -> None:
    before = commented.read_bytes()
    code, _out, err = run_cli(["record", str(commented), *argv], capsys)
    assert code == 1
    assert words in err
    assert commented.read_bytes() == before


def test_same_value_on_same_date_is_already_present(commented: Path, capsys) -> None:
    before = commented.read_bytes()
    code, _out, _ = run_cli(["record", str(commented), "dagar", "25", "--date", "2026-09-30"], capsys)
    assert code == 0 and commented.read_bytes() == before


def test_forecast_may_lie_in_the_future(commented: Path, capsys) -> None:
    code, _, _ = run_cli(["record", str(commented), "dagar", "21", "--date", "2027-03-31", "--kind", "prognos"], capsys)
    assert code == 0
    assert "- {date: 2027-03-31, value: 21, kind: forecast}" in commented.read_text(encoding="utf-8")


def test_dry_run_shows_a_diff_and_writes_nothing(commented: Path, capsys) -> None:
    before = commented.read_bytes()
    code, out, _ = run_cli(["record", str(commented), "dagar", "22", "--date", "2026-11-15", "--dry-run"], capsys)
    assert code == 0 and commented.read_bytes() == before
    assert "+          - {date: 2026-11-15, value: 22}\n" in out and out.startswith("--- a/plan.yaml")


def test_record_into_a_semicolon_csv_keeps_its_dialect_and_bom(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(CSV_PLAN, encoding="utf-8")
    csv = tmp_path / "matningar.csv"
    csv.write_bytes("\ufeffindicator;date;value;note\r\ndagar;2026-06-30;30,5;\r\n".encode())
    assert run_cli(["record", str(plan), "dagar", "25.25", "--date", "2026-09-30", "--note", "a; b"], capsys)[0] == 0
    assert (
        csv.read_bytes()
        == '\ufeffindicator;date;value;note\r\ndagar;2026-06-30;30,5;\r\ndagar;2026-09-30;25,25;"a; b"\r\n'.encode()
    )
    doc = load_plan(plan, "plan.yaml")
    assert [o.value for o in doc.observations] == [30.5, 25.25]


def test_import_all_or_nothing_and_reports_what_is_present(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(CSV_PLAN, encoding="utf-8")
    csv = tmp_path / "matningar.csv"
    csv.write_text("indicator,date,value\ndagar,2026-06-30,30\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator;date;value\ndagar;2026-06-30;30\ndagar;2026-09-30;25\ndagar;2026-06-30;31\n", encoding="utf-8")
    before = csv.read_bytes()
    code, _, err = run_cli(["import", str(plan), str(bad)], capsys)
    assert code == 1 and csv.read_bytes() == before
    assert f"{bad.as_posix()}:4:7: 'dagar' already has an actual measurement dated 2026-06-30 (30); this one is 31" in err
    good = tmp_path / "good.csv"
    good.write_text("indicator;date;value\ndagar;2026-06-30;30\ndagar;2026-09-30;25,5\n", encoding="utf-8")
    code, out, err = run_cli(["import", str(plan), str(good)], capsys)
    assert code == 0
    assert out == "Added 1 measurement to matningar.csv; 1 already present (skipped).\n"
    assert csv.read_text(encoding="utf-8") == "indicator,date,value\ndagar,2026-06-30,30\ndagar,2026-09-30,25.5\n"


def test_import_inline_into_several_indicators(commented: Path, tmp_path: Path, capsys) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("indicator,date,value\nsamtal,2026-09-30,310\ndagar,2026-11-15,22\n", encoding="utf-8")
    code, out, _ = run_cli(["import", str(commented), str(rows)], capsys)
    assert code == 0 and out.startswith("Added 2 measurements")
    doc = load_plan(commented, "plan.yaml")
    assert {(o.indicator, o.date) for o in doc.observations} >= {
        ("samtal", _dt.date(2026, 9, 30)),
        ("dagar", _dt.date(2026, 11, 15)),
    }


def test_import_with_a_malformed_row_names_it(commented: Path, tmp_path: Path, capsys) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("indicator,date,value\nsamtal,30/9,310\n", encoding="utf-8")
    before = commented.read_bytes()
    code, _, err = run_cli(["import", str(commented), str(rows)], capsys)
    assert code == 1 and commented.read_bytes() == before
    assert f"{rows.as_posix()}:2:8: '30/9' is not a date" in err


def test_a_crash_between_temporary_file_and_rename_leaves_the_plan_intact(commented: Path, capsys, monkeypatch) -> None:
    import nytta.write.atomic as atomic

    def crash(*_: object) -> None:
        raise OSError("disk gone")

    before = commented.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", crash)
    code, _, err = run_cli(["record", str(commented), "dagar", "22", "--date", "2026-11-15"], capsys)
    assert code == 2 and err == f"nytta: error: cannot write {commented}: disk gone; the file is unchanged\n"
    assert commented.read_bytes() == before
    assert [p.name for p in commented.parent.iterdir()] == ["plan.yaml"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda v: round(v, 3)),
    day=st.dates(min_value=_dt.date(2025, 1, 1), max_value=_dt.date(2026, 11, 27)),
)
def test_record_then_reread_is_the_same_plan_plus_one_measurement(value: float, day: _dt.date, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("prop")
    plan = folder / "plan.yaml"
    shutil.copy(DATA / "record" / "commented.yaml", plan)
    before = load_plan(plan, "plan.yaml")
    with pytest.raises(SystemExit) as exit_:
        main(["record", str(plan), "samtal", repr(value), "--date", day.isoformat()])
    assert exit_.value.code in (0, None)
    after = load_plan(plan, "plan.yaml")
    assert after.plan.model_dump(exclude={"benefits"}) == before.plan.model_dump(exclude={"benefits"})
    assert after.plan.benefits[0] == before.plan.benefits[0]
    [added] = after.plan.benefits[1].indicators[0].measurements
    assert (added.date, added.value) == (day, float(value))
    assert [o for o in after.observations if o.indicator != "samtal"] == list(before.observations)
