"""Writes that neither lose nor corrupt data: many writers at once, text that would break the
file it goes into, odd files around the plan."""

from __future__ import annotations

import datetime as _dt
import errno
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import PLANS, run_cli
from nytta.load.csv import read_measurements
from nytta.load.plan import load_plan

CSV_PLAN = "forskoleplats-e-tjanst"  # measurements in a ;-separated CSV with BOM
INLINE_PLAN = "digitala-vardbesok"  # measurements inline in the YAML
CSV_INDICATOR = "samtal-forskola"
INLINE_INDICATOR = "latt-fa-kontakt"


def _copy(tmp_path: Path, name: str) -> Path:
    for source in PLANS.glob(f"{name}.*"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path / f"{name}.yaml"


def _nytta(*argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from nytta.cli import main; main()", *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _dates(count: int) -> list[_dt.date]:
    """``count`` past days that are not month ends (the example series are monthly)."""
    days = (_dt.date(2026, 9, 1) + _dt.timedelta(days=n) for n in range(90))
    return [d for d in days if (d + _dt.timedelta(days=1)).day != 1][:count]


def _recorded(plan: Path, indicator: str) -> set[_dt.date]:
    doc = load_plan(plan, plan.name)
    assert doc is not None and doc.plan is not None, doc.diagnostics if doc else None
    return {o.date for o in doc.observations if o.indicator == indicator}


@pytest.mark.parametrize(("name", "indicator", "writers"), [(CSV_PLAN, CSV_INDICATOR, 24), (INLINE_PLAN, INLINE_INDICATOR, 20)])
def test_concurrent_records_lose_no_row(tmp_path: Path, name: str, indicator: str, writers: int) -> None:
    plan = _copy(tmp_path, name)
    days = _dates(writers)
    with ThreadPoolExecutor(writers) as pool:
        runs = list(pool.map(lambda d: _nytta("record", str(plan), indicator, "250", "--date", d.isoformat()), days))
    assert [r.returncode for r in runs] == [0] * writers, [r.stderr for r in runs if r.returncode]
    assert set(days) <= _recorded(plan, indicator)


@pytest.mark.parametrize(("name", "indicator"), [(CSV_PLAN, CSV_INDICATOR), (INLINE_PLAN, INLINE_INDICATOR)])
def test_concurrent_imports_lose_no_row(tmp_path: Path, name: str, indicator: str) -> None:
    plan = _copy(tmp_path, name)
    days = _dates(40)
    files = []
    for n in range(20):
        rows = tmp_path / f"rows-{n}.csv"
        pair = days[2 * n : 2 * n + 2]
        rows.write_text("indicator,date,value\n" + "".join(f"{indicator},{d},{200 + n}\n" for d in pair), encoding="utf-8")
        files.append(rows)
    with ThreadPoolExecutor(20) as pool:
        runs = list(pool.map(lambda rows: _nytta("import", str(plan), str(rows)), files))
    assert [r.returncode for r in runs] == [0] * 20, [r.stderr for r in runs if r.returncode]
    assert set(days) <= _recorded(plan, indicator)


@pytest.mark.parametrize("note", ["?x", ": k", "? k", "a, b", "#c", "- z", "x: y"])
def test_a_note_that_looks_like_yaml_is_written_so_it_reads_back(tmp_path: Path, note: str, capsys) -> None:
    plan = _copy(tmp_path, INLINE_PLAN)
    code, _, err = run_cli(["record", str(plan), INLINE_INDICATOR, "70", "--date", "2026-11-30", "--note", note], capsys)
    assert code == 0, err
    doc = load_plan(plan, plan.name)
    assert doc is not None and not doc.diagnostics
    [added] = [o for o in doc.observations if o.indicator == INLINE_INDICATOR and o.date == _dt.date(2026, 11, 30)]
    assert added.note == note


@pytest.mark.parametrize("note", ["ok\r=1+1", "två\nrader", 'citat "så"', "a;b"])
def test_a_note_with_line_breaks_or_separators_keeps_the_csv_row_whole(tmp_path: Path, note: str, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30", "--note", note], capsys)
    assert code == 0, err
    table = read_measurements((tmp_path / f"{CSV_PLAN}.measurements.csv").read_bytes().decode("utf-8-sig"))
    assert not table.problems
    assert table.rows[-1].note == note and table.rows[-1].value == 280


def test_a_csv_with_an_open_quote_is_refused_where_it_is(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    csv = tmp_path / f"{CSV_PLAN}.measurements.csv"
    csv.write_bytes(csv.read_bytes() + f'{CSV_INDICATOR};2026-10-15;"290;Telefonisystemet;\n'.encode())
    before = csv.read_bytes()
    lines = before.decode("utf-8-sig").count("\n")
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 1 and csv.read_bytes() == before
    assert f"{CSV_PLAN}.measurements.csv:{lines}:" in err and "[measurements-file]" in err


def test_a_measurements_file_naming_the_plan_itself_is_refused(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    text = plan.read_text(encoding="utf-8").replace(f"{CSV_PLAN}.measurements.csv", plan.name)
    plan.write_text(text, encoding="utf-8")
    code, out, _ = run_cli(["check", str(plan), "-f", "json"], capsys)
    assert code == 1 and "is the plan itself" in out
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 1 and plan.read_text(encoding="utf-8") == text and "is the plan itself" in err


def test_a_symlinked_plan_stays_a_link_and_its_target_takes_the_row(tmp_path: Path, capsys) -> None:
    real = _copy(tmp_path, INLINE_PLAN)
    link = tmp_path / "lanken.yaml"
    link.symlink_to(real.name)
    code, _, err = run_cli(["record", str(link), INLINE_INDICATOR, "70", "--date", "2026-11-30"], capsys)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == real.name
    assert _dt.date(2026, 11, 30) in _recorded(real, INLINE_INDICATOR)


def test_a_plan_with_crlf_newlines_takes_an_inline_record_and_keeps_them(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, INLINE_PLAN)
    plan.write_bytes(plan.read_bytes().replace(b"\n", b"\r\n"))
    before = plan.read_bytes().split(b"\r\n")
    code, _, err = run_cli(["record", str(plan), INLINE_INDICATOR, "70", "--date", "2026-11-30"], capsys)
    assert code == 0, err
    after = plan.read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert len(after.split(b"\r\n")) == len(before) + 1
    assert _dt.date(2026, 11, 30) in _recorded(plan, INLINE_INDICATOR)


def test_a_csv_with_cr_only_newlines_takes_the_row_in_its_own_newlines(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    csv = tmp_path / f"{CSV_PLAN}.measurements.csv"
    csv.write_bytes(csv.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 0, err
    written = csv.read_bytes()
    assert b"\n" not in written and written.endswith(f"{CSV_INDICATOR};2026-11-30;280;;\r".encode())
    assert _dt.date(2026, 11, 30) in _recorded(plan, CSV_INDICATOR)


def test_a_csv_that_is_not_utf8_is_refused_at_the_plans_measurements_file_key(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    csv = tmp_path / f"{CSV_PLAN}.measurements.csv"
    csv.write_bytes(csv.read_bytes().decode("utf-8-sig").encode("utf-16"))
    before = csv.read_bytes()
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 1 and csv.read_bytes() == before
    line = next(n for n, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "measurements_file:" in text)
    assert f"{plan.as_posix()}:{line}:" in err and "not UTF-8" in err and "[measurements-file]" in err


def test_a_full_disk_leaves_the_file_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    csv = tmp_path / f"{CSV_PLAN}.measurements.csv"
    before = csv.read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 2 and "No space left on device" in err and "unchanged" in err
    assert csv.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_a_read_only_folder_refuses_the_write_cleanly(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, INLINE_PLAN)
    before = plan.read_bytes()
    tmp_path.chmod(0o555)
    try:
        code, _, err = run_cli(["record", str(plan), INLINE_INDICATOR, "70", "--date", "2026-11-30"], capsys)
    finally:
        tmp_path.chmod(0o755)
    assert code == 2 and err.startswith("nytta: error: cannot write") and plan.read_bytes() == before


def test_a_read_only_file_system_refuses_the_write_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    plan = _copy(tmp_path, INLINE_PLAN)
    before = plan.read_bytes()

    def read_only(source: object, target: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    code, _, err = run_cli(["record", str(plan), INLINE_INDICATOR, "70", "--date", "2026-11-30"], capsys)
    assert code == 2 and "Read-only file system" in err and plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_new_measurements_file_gets_the_umasks_mode(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, CSV_PLAN)
    (tmp_path / f"{CSV_PLAN}.measurements.csv").unlink()
    old = os.umask(0o022)
    try:
        code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    finally:
        os.umask(old)
    assert code == 0, err
    assert (tmp_path / f"{CSV_PLAN}.measurements.csv").stat().st_mode & 0o777 == 0o644


def test_the_next_write_removes_what_a_killed_write_left(tmp_path: Path, capsys) -> None:
    plan = _copy(tmp_path, INLINE_PLAN)
    own = tmp_path / f".nytta-{plan.name}.dead.tmp"  # a killed write of this plan
    old = tmp_path / ".nytta-annan.yaml.dead.tmp"  # of another file, long ago
    fresh = tmp_path / ".nytta-annan.yaml.live.tmp"  # of another file, perhaps being written now
    for leftover in (own, old, fresh):
        leftover.write_bytes(b"half a plan")
    os.utime(old, (0, 0))
    code, _, err = run_cli(["record", str(plan), INLINE_INDICATOR, "70", "--date", "2026-11-30"], capsys)
    assert code == 0, err
    assert not own.exists() and not old.exists() and fresh.exists()
    code, out, _ = run_cli(["check", str(tmp_path)], capsys)
    assert "dead.tmp" not in out and "live.tmp" not in out


def _plan_with_csv_in_a_folder(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(plan, its CSV in repo/data/, a copy of that CSV in a folder outside the repository)."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "data").mkdir(parents=True)
    outside.mkdir()
    plan = _copy(repo, CSV_PLAN)
    csv_name = f"{CSV_PLAN}.measurements.csv"
    (repo / csv_name).rename(repo / "data" / csv_name)
    plan.write_text(plan.read_text(encoding="utf-8").replace(csv_name, f"data/{csv_name}"), encoding="utf-8")
    shutil.copy(repo / "data" / csv_name, outside / csv_name)
    return plan, repo / "data" / csv_name, outside / csv_name


def _swap(data: Path, outside: Path) -> None:
    data.rename(data.with_name("data-old"))
    data.symlink_to(outside)


def test_a_folder_swapped_after_vetting_cannot_redirect_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import nytta.write.measurements as measurements

    plan, csv, elsewhere = _plan_with_csv_in_a_folder(tmp_path)
    before = elsewhere.read_bytes()
    real_prepare = measurements.prepare

    def prepare_then_swap(*args: object, **kwargs: object) -> object:
        outcome = real_prepare(*args, **kwargs)  # type: ignore[arg-type]
        if not csv.parent.is_symlink():
            _swap(csv.parent, elsewhere.parent)
        return outcome

    monkeypatch.setattr(measurements, "prepare", prepare_then_swap)
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 1 and "lies outside" in err
    assert elsewhere.read_bytes() == before


def test_a_folder_swapped_during_the_write_cannot_redirect_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    plan, csv, elsewhere = _plan_with_csv_in_a_folder(tmp_path)
    before = elsewhere.read_bytes()
    real_fsync = os.fsync

    def fsync_then_swap(descriptor: int) -> None:
        real_fsync(descriptor)
        if not csv.parent.is_symlink():
            _swap(csv.parent, elsewhere.parent)

    monkeypatch.setattr(os, "fsync", fsync_then_swap)
    code, _, err = run_cli(["record", str(plan), CSV_INDICATOR, "280", "--date", "2026-11-30"], capsys)
    assert code == 2 and "was replaced during the write" in err
    assert elsewhere.read_bytes() == before
    assert [p.name for p in elsewhere.parent.iterdir()] == [elsewhere.name]
