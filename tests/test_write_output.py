"""The output writer and the atomic replace under it: temporary files, modes, links, devices,
and the removal of what killed writers left."""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import nytta.write.atomic as atomic
from nytta.write.output import write_output


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_the_umask_gives(mask: int, mode: int, tmp_path: Path, umask) -> None:
    os.umask(mask)
    atomic.replace_file(tmp_path / "new.txt", b"data")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    target = tmp_path / "old.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic.replace_file(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() == b"new"


def test_the_temporary_file_is_named_after_the_target_and_renamed(tmp_path: Path, monkeypatch) -> None:
    renamed: list[str] = []
    real_replace = os.replace

    def spy(source: str | Path, target: str | Path) -> None:
        renamed.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", spy)
    atomic.replace_file(tmp_path / "report.html", b"data")
    assert re.fullmatch(r"\.nytta-report\.html\.[0-9a-f]{8}\.tmp", renamed[0])
    assert _leftovers(tmp_path) == []


def test_a_long_name_still_makes_a_temporary_file_name_the_system_takes(tmp_path: Path) -> None:
    target = tmp_path / ("😀" * 60 + ".csv")  # 244 bytes in UTF-8; the limit is 255
    atomic.replace_file(target, b"data")
    assert target.read_bytes() == b"data"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "data.csv"
    target.write_bytes(b"old")

    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:3])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(OSError, match="No space left on device"):
        atomic.replace_file(target, b"new and longer")
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    write_output(link, b"new")
    assert link.is_symlink() and (tmp_path / "real.txt").read_bytes() == b"new"


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("missing.txt")
    write_output(link, b"new")
    assert link.is_symlink() and (tmp_path / "missing.txt").read_bytes() == b"new"


def test_a_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_output(fifo, b"through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and _leftovers(tmp_path) == []


def test_a_folder_is_not_written(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_output(tmp_path, b"data")


def test_a_temporary_file_of_the_same_target_is_removed_at_once_when_no_writer_holds_it(tmp_path: Path) -> None:
    own = tmp_path / ".nytta-data.csv.0badf00d.tmp"
    other = tmp_path / ".nytta-data.csv.bak.0badf00d.tmp"  # of data.csv.bak: another file
    for leftover in (own, other):
        leftover.write_bytes(b"half")
    atomic.replace_file(tmp_path / "data.csv", b"data")
    assert not own.exists() and other.exists()


def test_a_temporary_file_of_another_target_is_removed_once_it_is_old(tmp_path: Path) -> None:
    leftover = tmp_path / ".nytta-other.txt.0badf00d.tmp"
    leftover.write_bytes(b"half")
    atomic.remove_stale(tmp_path)
    assert leftover.exists()
    past = time.time() - atomic.STALE_SECONDS - 5
    os.utime(leftover, (past, past))
    atomic.remove_stale(tmp_path)
    assert not leftover.exists()


def test_a_live_writers_temporary_file_is_never_removed(tmp_path: Path) -> None:
    target = tmp_path / "data.csv"
    fd, temporary = atomic._create(target)
    try:
        os.utime(temporary, (0, 0))
        atomic.remove_stale(tmp_path, target.name)
        assert temporary.exists()
    finally:
        os.close(fd)  # the writer dies: its lock goes with it
    atomic.remove_stale(tmp_path, target.name)
    assert not temporary.exists()


def test_a_writer_whose_new_file_a_cleaner_took_starts_again(tmp_path: Path, monkeypatch) -> None:
    taken: list[Path] = []
    real_lock = atomic._lock

    def cleaner_first(fd: int, *, wait: bool) -> bool:
        if not taken:  # a cleaner removes the file between its creation and its lock
            [name] = _leftovers(tmp_path)
            taken.append(tmp_path / name)
            atomic._remove_if_abandoned(tmp_path / name, None)
        return real_lock(fd, wait=wait)

    monkeypatch.setattr(atomic, "_lock", cleaner_first)
    atomic.replace_file(tmp_path / "data.csv", b"data")
    assert len(taken) == 1 and not taken[0].exists()
    assert (tmp_path / "data.csv").read_bytes() == b"data" and _leftovers(tmp_path) == []


def test_other_files_that_look_temporary_are_left(tmp_path: Path) -> None:
    folder = tmp_path / ".nytta-folder.tmp"
    folder.mkdir()
    fifo = tmp_path / ".nytta-pipe.tmp"
    os.mkfifo(fifo)
    os.utime(fifo, (0, 0), follow_symlinks=False)
    link = tmp_path / ".nytta-link.tmp"
    link.symlink_to(tmp_path / "kept.txt")
    (tmp_path / "kept.txt").write_bytes(b"kept")
    os.utime(tmp_path / "kept.txt", (0, 0))
    atomic.remove_stale(tmp_path)
    assert folder.is_dir() and stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()
    assert (tmp_path / "kept.txt").read_bytes() == b"kept"
