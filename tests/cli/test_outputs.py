"""``--output`` loses and corrupts nothing: it never overwrites an input of the run, never
replaces a device, pipe or symlink by a regular file, leaves the old file whole when the write
fails, gives a new file the umask's mode, and cleans up after killed runs."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PLANS, ROOT, run_cli

CSV_PLAN = "forskoleplats-e-tjanst"  # its measurements are in a CSV beside it
INLINE_PLAN = "digitala-vardbesok"
AS_OF = ["--as-of", "2026-11-27"]


def _copy(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    for source in PLANS.glob(f"{name}.*"):
        shutil.copy(source, folder / source.name)
    return folder / f"{name}.yaml"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return _copy(tmp_path / "plans", INLINE_PLAN)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _refused(argv: list[str], output: Path, read: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command exits 2 with one line naming the input, and writes nothing."""
    before = read.read_bytes()
    code, out, err = run_cli([*argv, "-o", str(output)], capsys)
    assert (code, out) == (2, "")
    assert err == f"nytta: error: --output {output} would overwrite {read}, which this command reads; nothing was written\n"
    assert read.read_bytes() == before


# -o naming an input


@pytest.mark.parametrize("command", ["status", "report", "check", "export", "calc"])
def test_output_naming_the_plan_is_refused(command: str, plan: Path, capsys) -> None:
    _refused([command, str(plan), *AS_OF], plan, plan, capsys)


def test_output_naming_either_plan_of_a_diff_is_refused(plan: Path, capsys) -> None:
    other = _copy(plan.parent, CSV_PLAN)
    _refused(["diff", str(plan), str(other)], other, other, capsys)


@pytest.mark.parametrize("command", ["status", "report", "check", "export"])
def test_output_through_a_symlink_to_the_plan_is_refused(command: str, plan: Path, tmp_path: Path, capsys) -> None:
    link = tmp_path / "out.yaml"
    link.symlink_to(plan)
    _refused([command, str(plan), *AS_OF], link, plan, capsys)
    assert link.is_symlink()


def test_output_as_a_hard_link_to_the_plan_is_refused(plan: Path, tmp_path: Path, capsys) -> None:
    twin = tmp_path / "twin.yaml"
    os.link(plan, twin)
    _refused(["status", str(plan)], twin, plan, capsys)


@pytest.mark.parametrize("command", ["status", "report", "check", "export"])
def test_output_naming_a_plan_found_in_a_folder_is_refused(command: str, plan: Path, capsys) -> None:
    _copy(plan.parent, CSV_PLAN)
    _refused([command, str(plan.parent), *AS_OF], plan, plan, capsys)


def test_output_naming_a_plans_measurements_file_is_refused(plan: Path, tmp_path: Path, capsys) -> None:
    _copy(plan.parent, CSV_PLAN)
    measurements = plan.parent / f"{CSV_PLAN}.measurements.csv"
    _refused(["export", str(plan.parent), *AS_OF], measurements, measurements, capsys)
    link = tmp_path / "register.csv"
    link.symlink_to(measurements)
    _refused(["export", str(plan.parent), *AS_OF], link, measurements, capsys)


def test_output_naming_a_template_is_refused(plan: Path, tmp_path: Path, capsys) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    template = templates / "plan.html.j2"
    _refused(["report", str(plan), "--templates", str(templates), *AS_OF], template, template, capsys)


def test_output_naming_the_configuration_is_refused(plan: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    config = tmp_path / "nytta.toml"
    config.write_text("[rules]\n", encoding="utf-8")
    _refused(["check", str(plan), "--config", str(config)], config, config, capsys)
    monkeypatch.chdir(tmp_path)  # the configuration found from here
    _refused(["status", str(plan)], Path("nytta.toml"), tmp_path / "nytta.toml", capsys)


def test_an_output_beside_the_plans_that_is_no_input_is_written(plan: Path, capsys) -> None:
    _copy(plan.parent, CSV_PLAN)
    register = plan.parent / "register.csv"
    for _ in range(2):  # the second time over the first one's file
        code, _, err = run_cli(["export", str(plan.parent), *AS_OF, "-o", str(register)], capsys)
        assert code == 0, err
    assert register.read_text(encoding="utf-8").count("\n") > 2


# what -o names: a device, a pipe, a symlink


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device like /dev/null (minor 3) or /dev/full (minor 7) of the test's own, so
    that a writer that replaces devices cannot break the machine's."""
    if os.geteuid() != 0:
        pytest.skip("only root makes device nodes")
    device = tmp_path / name
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return device


def test_a_null_device_as_output_stays_a_device(plan: Path, tmp_path: Path, capsys) -> None:
    null = _device(tmp_path, "null", 3)
    code, _, err = run_cli(["export", str(plan), "-f", "xlsx", "-o", str(null)], capsys)
    assert code == 0, err
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_full_device_as_output_stays_a_device_and_the_write_fails(plan: Path, tmp_path: Path, capsys) -> None:
    full = _device(tmp_path, "full", 7)
    code, _, err = run_cli(["export", str(plan), "-f", "xlsx", "-o", str(full)], capsys)
    assert (code, err) == (2, f"nytta: error: cannot write {full}: No space left on device\n")
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_pipe_as_output_is_written_and_stays_a_pipe(plan: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer's open does not wait
    try:
        code, _, err = run_cli(["export", str(plan), "-f", "xlsx", "-o", str(fifo)], capsys)
        received = _drain(reader)
    finally:
        os.close(reader)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and received.startswith(b"PK")


def _drain(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_symlink_as_output_stays_a_link_and_its_target_takes_the_content(fmt: str, plan: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / f"register.{fmt}"
    target.write_bytes(b"old")
    link = tmp_path / f"link.{fmt}"
    link.symlink_to(target.name)
    code, _, err = run_cli(["export", str(plan), "-f", fmt, "-o", str(link)], capsys)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_bytes() != b"old" and target.read_bytes()[:2] == (b"PK" if fmt == "xlsx" else b"\xef\xbb")


# a write that fails leaves the old file


def test_a_full_disk_leaves_the_old_report_and_no_temporary_file(plan: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import nytta.write.atomic as atomic

    report = tmp_path / "report.html"
    report.write_bytes(b"<p>the old report</p>")

    def half_then_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", half_then_full)
    code, out, err = run_cli(["report", str(plan), *AS_OF, "-o", str(report)], capsys)
    assert (code, out) == (2, "")
    assert err == f"nytta: error: cannot write {report}: No space left on device\n"
    assert report.read_bytes() == b"<p>the old report</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans", "report.html"]


def test_a_read_only_folder_is_refused_with_the_reason(plan: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    report = folder / "report.html"
    report.write_bytes(b"old")  # the file itself may be written, its folder not
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        code, _, err = run_cli(["report", str(plan), *AS_OF, "-o", str(report)], capsys)
    finally:
        folder.chmod(0o755)
    assert code == 2 and report.read_bytes() == b"old"
    assert err == f"nytta: error: cannot write {report}: no permission to create a file in the folder {folder.resolve()}\n"


# modes and temporary files


@pytest.mark.parametrize(("command", "name"), [("export", "register.xlsx"), ("report", "report.html")])
def test_a_new_output_file_gets_the_umasks_mode(command: str, name: str, plan: Path, tmp_path: Path, capsys, umask_022) -> None:
    output = tmp_path / name
    code, _, err = run_cli([command, str(plan), *AS_OF, "-o", str(output)], capsys)
    assert code == 0, err
    assert stat.S_IMODE(output.stat().st_mode) == 0o644


def test_an_existing_output_file_keeps_its_mode(plan: Path, tmp_path: Path, capsys, umask_022) -> None:
    output = tmp_path / "register.xlsx"
    output.write_bytes(b"old")
    output.chmod(0o640)
    code, _, err = run_cli(["export", str(plan), *AS_OF, "-o", str(output)], capsys)
    assert code == 0, err
    assert stat.S_IMODE(output.stat().st_mode) == 0o640 and output.read_bytes() != b"old"


def test_a_new_plan_from_init_gets_the_umasks_mode(tmp_path: Path, capsys, umask_022) -> None:
    code, _, err = run_cli(["init", str(tmp_path / "ny.yaml")], capsys)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "ny.yaml").stat().st_mode) == 0o644


def test_the_next_write_removes_stale_temporary_files_and_keeps_fresh_ones(plan: Path, tmp_path: Path, capsys) -> None:
    stale = tmp_path / ".nytta-x.tmp"  # of another file, killed two hours ago
    fresh = tmp_path / ".nytta-y.tmp"  # of another file, perhaps being written now
    own = tmp_path / ".nytta-report.html.0badf00d.tmp"  # a killed earlier write of this very file
    for leftover in (stale, fresh, own):
        leftover.write_bytes(b"half a report")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    code, _, err = run_cli(["report", str(plan), *AS_OF, "-o", str(tmp_path / "report.html")], capsys)
    assert code == 0, err
    assert not stale.exists() and not own.exists() and fresh.exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="flock")
def test_the_temporary_file_of_a_live_writer_is_kept_however_old(plan: Path, tmp_path: Path, capsys) -> None:
    import fcntl

    live = tmp_path / ".nytta-report.html.5ca1ab1e.tmp"
    live.write_bytes(b"being written")
    os.utime(live, (0, 0))
    with open(live, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as its writer holds it
        code, _, err = run_cli(["report", str(plan), *AS_OF, "-o", str(tmp_path / "report.html")], capsys)
        assert code == 0, err
        assert live.exists()


def test_plan_discovery_ignores_temporary_files(plan: Path, capsys) -> None:
    leftover = plan.parent / f".nytta-{plan.name}.0badf00d.tmp"
    leftover.write_bytes(plan.read_bytes())
    code, out, err = run_cli(["status", str(plan.parent), *AS_OF, "-f", "json"], capsys)
    assert code == 0, err
    assert ".tmp" not in out and out.count('"file"') == 1
