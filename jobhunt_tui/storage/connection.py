"""Opening SQLite connections with the settings every jobhunt connection needs."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


class JobhuntConnection(sqlite3.Connection):
    """A sqlite3 connection that remembers for which schema its change capture is set up."""

    capture_schema: int | None = None


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with WAL, foreign keys and a busy timeout; transactions are explicit.

    `isolation_level=None` stops pysqlite from issuing its own deferred BEGIN, so every write
    transaction can start with BEGIN IMMEDIATE (a deferred read-then-write loses updates when
    two processes share the file).
    """
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
        factory=JobhuntConnection,
    )
    conn.row_factory = sqlite3.Row
    # Text that is not valid UTF-8 (written by another program) must not make every read
    # raise: it comes back with U+FFFD in place of the bad bytes, so it shows and can be fixed.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode survives a crash or kill -9 of the app; see docs/benchmarks.md.
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK if anything inside raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A deferred transaction, so several queries see one consistent snapshot."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")
