"""One writer at a time per plan: an exclusive lock held for the whole read → vet → write.

The lock file lives in the system's temporary folder, named by a hash of the plan's real
path, so that nothing is left beside the plan (and nothing shows up in ``git status``) and
every way of naming the plan — a relative path, a symlink — takes the same lock. The
lock is ``filelock``'s: an operating-system lock (fcntl/msvcrt) that a killed process
releases by itself. Readers take no lock: they never see a partial file anyway, since
every write is a rename.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nytta.i18n import _

#: How long a writer waits for another one to finish, in seconds.
WAIT_SECONDS = 60.0


class Busy(Exception):
    """Another writer held the plan for longer than the wait."""


@contextmanager
def plan_lock(plan: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the plan's lock inside the block; raise :class:`Busy` after waiting ``wait`` seconds."""
    from filelock import FileLock, Timeout

    folder = Path(tempfile.gettempdir()) / "nytta-locks"
    if not folder.is_dir():
        folder.mkdir(exist_ok=True)
        with contextlib.suppress(OSError):
            folder.chmod(0o1777)  # shared by every user, like /tmp itself (the umask would narrow mkdir's mode)
    key = hashlib.sha256(str(plan.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    lock = FileLock(str(folder / f"{key}.lock"), timeout=wait, mode=0o666)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(
            _("{plan} is being written by another nytta; waited {wait:g} s, nothing was written", plan=plan, wait=wait)
        ) from None
    try:
        yield
    finally:
        lock.release()
