"""Database and file-system failures in words a person can act on.

SQLite and the OS say "database is locked", "attempt to write a readonly database" or
`[Errno 28]`; people need to know what happened to their data and what to do. `explain`
returns one sentence for every failure of that kind, and None for anything else (a bug,
which deserves its traceback in the log).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_DISK_FULL_WORDS = "the disk is full: nothing was changed; free some space and try again"

# (SQLite primary result code name, words to look for in older Pythons' messages, sentence)
_SQLITE_REASONS: tuple[tuple[str, str, str], ...] = (
    (
        "SQLITE_BUSY",
        "database is locked",
        "the data file is busy: another jobhunt (an import, perhaps) is writing to it; "
        "nothing was changed, try again in a moment",
    ),
    (
        "SQLITE_LOCKED",
        "database table is locked",
        "the data file is busy; nothing was changed, try again in a moment",
    ),
    (
        "SQLITE_FULL",
        "database or disk is full",
        _DISK_FULL_WORDS,
    ),
    (
        "SQLITE_READONLY",
        "readonly database",
        "the data file or its folder is read-only: nothing can be saved until you may write "
        "to both",
    ),
    (
        "SQLITE_CANTOPEN",
        "unable to open database file",
        "the data file cannot be opened: its folder is missing, unreadable or not writable",
    ),
    (
        "SQLITE_PERM",
        "access permission denied",
        "permission denied on the data file",
    ),
    (
        "SQLITE_CORRUPT",
        "malformed",
        "the data file is damaged; `jobhunt restore` lists the backups that can replace it",
    ),
    (
        "SQLITE_NOTADB",
        "file is not a database",
        "the data file is not a database (damaged?); `jobhunt restore` lists the backups",
    ),
    (
        "SQLITE_IOERR",
        "disk i/o error",
        "the disk reported an error while jobhunt used the data file (full, removed or failing?)",
    ),
)

_ERRNO_REASONS: dict[int, str] = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be larger than this system allows (is the disk full?)",
    errno.EROFS: "the disk is mounted read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ELOOP: "too many levels of links",
    errno.EIO: "the disk reported an input/output error",
}


_NEARLY_NOTHING = 256 * 1024


def explain(error: BaseException, near: Path | None = None) -> str | None:
    """One sentence for a database or file-system failure, or None when it is neither.

    SQLite reports a full disk under the write-ahead log as a plain I/O error; given `near`
    (the data file), a disk with next to no room left is named as full.
    """
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error):
            reason = _sqlite_reason(cause)
            if reason.startswith("the disk reported") and near is not None and _full(near):
                return _DISK_FULL_WORDS
            return reason
        if isinstance(cause, OSError):
            return os_reason(cause)
    return None


def _full(near: Path) -> bool:
    import shutil  # only when a disk error is being explained

    try:
        return shutil.disk_usage(near.parent).free < _NEARLY_NOTHING
    except OSError:
        return False


def os_reason(error: OSError, *, name_file: bool = True) -> str:
    """`error` in words, naming the file it is about unless `name_file` is False (control
    characters made visible)."""
    from jobhunt_tui.domain.text import visible

    reason = _ERRNO_REASONS.get(error.errno or 0) or error.strerror or str(error)
    named = name_file and error.filename
    return f"{visible(str(error.filename))}: {reason}" if named else reason


def _sqlite_reason(error: sqlite3.Error) -> str:
    name = str(getattr(error, "sqlite_errorname", ""))
    message = str(error).casefold()
    for code, words, sentence in _SQLITE_REASONS:
        if name == code or name.startswith(code + "_") or words in message:
            return sentence
    return f"the database reported an error: {message}"


def _causes(error: BaseException) -> list[BaseException]:
    """`error`, then what it wraps (SQLAlchemy's `.orig`, the `raise … from` cause)."""
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        wrapped = getattr(current, "orig", None)
        if isinstance(wrapped, BaseException):
            found.append(wrapped)
        current = current.__cause__
    return found


def is_busy(error: BaseException) -> bool:
    """True when `error` is SQLite's "database is locked": another writer holds the lock."""
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error):
            name = str(getattr(cause, "sqlite_errorname", ""))
            return name.startswith("SQLITE_BUSY") or "database is locked" in str(cause)
    return False
