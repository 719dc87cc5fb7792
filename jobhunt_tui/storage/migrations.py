"""Creating a new file and bringing an older one up to the current schema.

A migration applies wholly or not at all (SQLite DDL is transactional) and a verified copy of
the file is taken before it starts.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.storage import atomic, paths
from jobhunt_tui.storage.connection import connect
from jobhunt_tui.storage.schema import APPLICATION_ID, Migration


class MigrationError(JobhuntError):
    """A migration failed; the file is as it was and a copy was kept."""


def create_new(path: Path, migrations: tuple[Migration, ...]) -> None:
    """Build a fresh database beside `path`, then link it into place in one step.

    A crash midway leaves at most a temporary file, never a half-made database at `path`.
    """
    staging = path.with_name(f".{path.name}.creating-{os.getpid()}")
    staging.unlink(missing_ok=True)
    conn = sqlite3.connect(str(staging), isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for migration in migrations:
            _apply(conn, migration)
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        staging.unlink(missing_ok=True)
        raise
    conn.close()
    os.chmod(staging, paths.FILE_MODE)
    try:
        # link, not replace: if another process created the file meanwhile, keep theirs.
        os.link(staging, path)
    except FileExistsError:
        pass
    finally:
        staging.unlink(missing_ok=True)


def migrate(path: Path, migrations: tuple[Migration, ...]) -> Path:
    """Apply the pending migrations to `path` in one transaction; returns the backup's path."""
    conn = connect(path)
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        pending = [m for m in migrations if m.version > current]
        backup = path.with_name(f"{path.name}.schema{current}.bak")
        verified_copy(conn, backup)
        # Table rebuilds need foreign keys off; they are checked again before the commit.
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for migration in pending:
                _apply(conn, migration)
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise MigrationError(f"foreign keys broken by the migration: {problems[:3]}")
            conn.execute("COMMIT")
        except Exception as error:
            conn.execute("ROLLBACK")
            raise MigrationError(
                f"upgrading {path} to schema {pending[-1].version} failed ({error}); "
                f"the file is unchanged and a copy is at {backup}"
            ) from error
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
    finally:
        conn.close()
    return backup


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    # executescript() would COMMIT first, so statements run one by one inside the transaction.
    for statement in migration.statements:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {migration.version}")


def verified_copy(source: sqlite3.Connection, destination: Path) -> None:
    """Copy a live database with the backup API and prove the copy is sound.

    The copy is made beside `destination` and renamed into place only once it has passed
    `integrity_check`: a full disk or a failed check leaves no partial file and keeps the
    file that was there before.
    """
    with atomic.replacing(destination) as temporary:
        target = sqlite3.connect(str(temporary))
        try:
            source.backup(target)
            # A copy in rollback-journal mode opens read-only without -wal/-shm beside it.
            target.execute("PRAGMA journal_mode = DELETE")
            verdict = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
        if verdict != "ok":
            raise JobhuntError(f"the copy at {destination} failed its integrity check: {verdict}")
