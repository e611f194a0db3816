"""Writing a command's output file (``--output``): how each kind of file is written.

A regular file, or a name that does not exist yet, is replaced atomically (see
``nytta.write.atomic``): a full disk or a killed run leaves the old file as it was. A device
or a pipe (``/dev/null``, a FIFO) is written in place and never replaced by a regular file.
A symlink is written through to the file it names, and stays a link.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from nytta.i18n import _
from nytta.write.atomic import replace_file


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as its kind of file asks (see the module); raises OSError."""
    try:
        mode: int | None = os.stat(path).st_mode  # through symlinks
    except FileNotFoundError:  # a new name, or a link to one
        mode = None
    if mode is None or stat.S_ISREG(mode):
        replace_file(path, data)
    elif stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, _("it is a folder"))
    else:
        _write_in_place(path, data)


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to a device or pipe as it is (opening a pipe waits for its reader, as a shell does)."""
    with open(path, "wb") as stream:
        stream.write(data)
