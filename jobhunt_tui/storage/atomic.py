"""Writing a file so that it is either wholly the new content or still wholly the old one.

Every file jobhunt writes (exports, backups, reports, .ics) goes to a temporary file beside
the target, is flushed to disk, then renamed over the target in one step. A full disk, a
killed process or any error midway removes the temporary file and leaves the old file as it
was: an export on a nearly full disk can no longer replace a good file with half of one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jobhunt_tui.storage.paths import FILE_MODE


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A fresh private (0600) temporary path beside `target` to fill; on leaving the block it
    is fsynced and renamed over `target`, or removed if the block raised."""
    final = Path(os.path.realpath(target))  # write through a link, not over it
    temporary = final.with_name(f".{final.name}.{os.urandom(4).hex()}.tmp")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    try:
        yield temporary
        _sync_file(temporary)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, final)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(final.parent)


def write_bytes(target: Path, data: bytes) -> None:
    """Replace `target` with `data`, atomically and privately (0600)."""
    with replacing(target) as temporary, temporary.open("wb") as handle:
        handle.write(data)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk; some systems refuse this.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
