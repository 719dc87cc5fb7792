"""One writer at a time across every process and thread that opens the file.

SQLite's BEGIN IMMEDIATE already admits one writer at a time, but the SQLite this Python links
(3.40) has the WAL-reset race fixed only in 3.51.3: two connections writing and checkpointing at
the same moment can corrupt the file. Holding an advisory lock on `<db>.lock` around every write
transaction (and so around the checkpoint its commit may run) keeps them apart.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.storage import paths
from jobhunt_tui.storage.import_marker import busy_because_of_import

try:
    import fcntl
except ImportError:  # Windows: SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 10.0
"""How long a writer waits for another to finish before giving up with a clear message."""

_POLL_SECONDS = 0.002


class DatabaseBusyError(JobhuntError):
    """Another writer held the file for longer than a writer waits."""


class WriterLock:
    """The lock file beside a database, taken around each write transaction."""

    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self.path = database_path.with_name(f"{database_path.name}.lock")
        self._thread_lock = threading.Lock()
        self._fd: int | None = None

    def _open(self) -> int:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, paths.FILE_MODE)
        return self._fd

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock (threads of this process, then other processes) for the block."""
        deadline = time.monotonic() + WAIT_SECONDS
        if not self._thread_lock.acquire(timeout=WAIT_SECONDS):
            raise DatabaseBusyError(_busy_message(self.database_path))
        try:
            if fcntl is None:
                yield
                return
            fd = self._open()
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise DatabaseBusyError(_busy_message(self.database_path)) from None
                    time.sleep(_POLL_SECONDS)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    def close(self) -> None:
        """Close the lock file (the file itself stays: others may hold it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _busy_message(database_path: Path) -> str:
    by_import = busy_because_of_import(database_path)
    if by_import is not None:
        return by_import
    return (
        f"the data file is busy: another jobhunt has been writing for over {WAIT_SECONDS:.0f} s;"
        " nothing was changed, try again in a moment"
    )
