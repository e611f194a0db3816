"""Replace a file's contents atomically: a temporary file beside it, then one rename.

A crash at any point leaves either the old file or the new one, never a mixture. This module
owns those temporary files. Each is named ``.nytta-<name>.<random>.tmp`` in the target's
folder (so plan discovery, which reads ``*.yaml``, never takes one), is created with the
mode of the file it replaces, or for a new file with the mode any new file gets (0o666 less
the umask, applied by the system), is flushed to disk before the rename and removed on any
failure.

A killed writer leaves its temporary file behind; the next write to that folder removes it,
but never the file of a live writer. Whether a writer lives is told by a lock: it holds an
exclusive ``flock`` on its temporary file from just after creating it until after the rename,
and the system drops the lock when the process dies. Age alone cannot tell: a slow writer
(a large export on a slow disk) may take longer than any limit, and a file killed a second
ago is as dead as one killed a day ago. So a file whose lock can be taken is removed when it
is a temporary file of the same target (a killed earlier write of the file being written now:
it goes at once), or when it is older than :data:`STALE_SECONDS` (of another file: the age is
a second sign before removing what another command was writing). A file system without
locks, or a file that cannot be opened, leaves the file where it is. A cleaner that takes the
lock in the instant between a file's creation and its writer's lock removes it; the writer
then finds its file has no name left and starts again under a new name. Windows has no
``flock``; there a file open in another process cannot be removed anyway.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import time
from pathlib import Path

from nytta.i18n import _

PREFIX, SUFFIX = ".nytta-", ".tmp"
#: A temporary file of another target, unlocked and this old (seconds), is a killed writer's.
STALE_SECONDS = 60.0
_NAME_KEPT = 100  # bytes of the target's name kept in the temporary file's name (of 255 at most)
_ATTEMPTS = 100


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A symlink is written through: its target is replaced and the link stays a link."""
    target = Path(os.path.realpath(path))
    remove_stale(target.parent, target.name)
    folder = os.stat(target.parent)
    fd, temporary = _create(target)
    try:
        _write_all(fd, data)
        os.fsync(fd)
        if sys.platform == "win32":  # Windows renames no open file (and has no lock to keep)
            os.close(fd)
            fd = -1
        _same_folder(target.parent, folder)
        os.replace(temporary, target)  # under the lock: no cleaner can take the file meanwhile
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        if fd >= 0:
            os.close(fd)
    _sync_folder(target.parent)


class FolderChanged(OSError):
    """The target's folder was swapped for another (or for a link elsewhere) during the write."""


def _same_folder(folder: Path, before: os.stat_result) -> None:
    """Re-verified just before the rename: the folder is still the one the write started in,
    and still where its name says, so a folder swapped meanwhile cannot redirect the write."""
    now = os.stat(folder)
    if (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino) or os.path.realpath(folder) != str(folder):
        raise FolderChanged(errno.EXDEV, _("the folder {folder} was replaced during the write", folder=folder))


def is_temporary(name: str) -> bool:
    """Whether a file name is one of these temporary files."""
    return name.startswith(PREFIX) and name.endswith(SUFFIX)


def remove_stale(folder: Path, target: str | None = None) -> None:
    """Remove the temporary files in ``folder`` that killed writers left (see the module);
    those of the file named ``target`` whatever their age."""
    try:
        names = [entry.name for entry in os.scandir(folder) if is_temporary(entry.name)]
    except OSError:
        return
    now = time.time()
    for name in names:
        own = target is not None and _is_temporary_of(name, target)
        _remove_if_abandoned(folder / name, None if own else now - STALE_SECONDS)


def _is_temporary_of(name: str, target: str) -> bool:
    """Whether ``name`` is ``.nytta-<target>.<random>.tmp`` (the random part has no dot)."""
    start = f"{PREFIX}{_kept(target)}."
    return name.startswith(start) and "." not in name[len(start) : -len(SUFFIX)]


def _kept(name: str) -> str:
    """The start of ``name`` that a temporary file's name keeps."""
    kept = name[:_NAME_KEPT]
    while len(os.fsencode(kept)) > _NAME_KEPT:
        kept = kept[:-1]
    return kept


def _create(target: Path) -> tuple[int, Path]:
    """A new temporary file beside ``target``, open for writing and locked, with its mode."""
    mode = _mode_of(target)
    for _attempt in range(_ATTEMPTS):
        temporary = target.parent / f"{PREFIX}{_kept(target.name)}.{secrets.token_hex(4)}{SUFFIX}"
        fd = _open_new(temporary, mode)
        if fd is not None:
            return fd, temporary
    raise FileExistsError(_("no free temporary file name in {folder}", folder=target.parent))


def _open_new(temporary: Path, mode: int | None) -> int | None:
    """``temporary`` created, locked and given ``mode`` (None: the system's mode for a new file);
    None when the name is taken, or a cleaner removed the file before it was locked."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(temporary, flags, 0o666 if mode is None else 0o600)
    except FileExistsError:
        return None
    except PermissionError as exc:  # say why a file that may itself be writable cannot be replaced
        raise PermissionError(
            exc.errno, _("no permission to create a file in the folder {folder}", folder=temporary.parent)
        ) from None
    try:
        _lock(fd, wait=True)
        if os.fstat(fd).st_nlink == 0:
            os.close(fd)
            return None
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        os.close(fd)
        temporary.unlink(missing_ok=True)
        raise
    return fd


def _mode_of(target: Path) -> int | None:
    """The permission bits of the file replaced; None for a new file."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return None


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` (a short write is carried on; a failing one raises)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _lock(fd: int, *, wait: bool) -> bool:
    """Take the exclusive lock on an open temporary file; False when another process holds it.
    A file system without locks raises OSError; the writer then goes on unlocked, and a
    cleaner leaves the file (it cannot tell whether its writer lives)."""
    if sys.platform == "win32":
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        if wait:
            return False
        raise
    return True


def _remove_if_abandoned(path: Path, older_than: float | None) -> None:
    """Remove a temporary file that no live writer holds, if it was last written before
    ``older_than`` (a time; None: whenever); anything else is left as it is."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return
    try:
        info = os.fstat(fd)
        old_enough = older_than is None or info.st_mtime < older_than
        if stat.S_ISREG(info.st_mode) and old_enough and _lock(fd, wait=False) and os.path.samestat(os.lstat(path), info):
            os.unlink(path)
    except OSError:  # renamed or removed meanwhile, no locks here, or not ours to remove
        pass
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry of the renamed file to disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
