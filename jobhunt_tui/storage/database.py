"""Opening the data file: refuse what is not ours, create or migrate what is, hand out
connections. Standard library only: this is on the path to the first frame."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jobhunt_tui.domain.errors import DatabaseRefusedError, StorageUnavailableError
from jobhunt_tui.domain.text import visible
from jobhunt_tui.storage import change_capture, paths
from jobhunt_tui.storage.change_capture import ChangeKind, PendingEntry
from jobhunt_tui.storage.connection import connect, read_transaction, write_transaction
from jobhunt_tui.storage.failures import explain, os_reason
from jobhunt_tui.storage.file_header import parse_header, read_header, wal_has_frames
from jobhunt_tui.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Migration
from jobhunt_tui.storage.writer_lock import WriterLock

if TYPE_CHECKING:
    from sqlmodel import Session

    from jobhunt_tui.storage.engine import WriteEngine

CLI_WRITER = "cli"
"""The change-log writer of every command-line process (`jobhunt undo` undoes its changes)."""


class NewerDatabaseError(DatabaseRefusedError):
    """A jobhunt file from a newer version: sound, but this version must not touch it."""


class FileState(NamedTuple):
    """What is at a path before we open it: nothing yet, or our file at some version."""

    exists: bool
    version: int = 0


def inspect_file(path: Path, newest: int = SCHEMA_VERSION) -> FileState:
    """Decide about the file at `path` without writing to it or creating anything beside it;
    refuse anything that is not ours (DatabaseRefusedError) or cannot be read
    (StorageUnavailableError). `newest` is the newest schema version this jobhunt knows."""
    shown = visible(str(path))
    try:
        if path.is_symlink() and not path.exists():
            target = visible(os.readlink(path))
            raise DatabaseRefusedError(
                f"{shown} is a link to {target}, which does not exist; jobhunt created "
                "nothing. Fix or remove the link, or choose another file with --db"
            )
        if not path.exists():
            return FileState(exists=False)
        if path.is_dir():
            raise DatabaseRefusedError(f"{shown} is a folder, not a jobhunt database")
        raw = read_header(path)
        size = path.stat().st_size
    except OSError as error:
        raise StorageUnavailableError(f"{shown} cannot be read: {os_reason(error)}") from None
    if not raw:
        raise DatabaseRefusedError(
            f"{shown} is empty (0 bytes), not a jobhunt database; move it away or choose --db"
        )
    header = parse_header(raw)
    if header is None:
        raise DatabaseRefusedError(f"{shown} is not a SQLite database; jobhunt left it untouched")
    if wal_has_frames(path):
        application_id, version = _read_stamp(path)
    else:
        application_id, version = header.application_id, header.user_version
    if application_id != APPLICATION_ID:
        raise DatabaseRefusedError(
            f"{shown} is a SQLite database but not a jobhunt one; jobhunt left it untouched"
        )
    if version > newest:
        raise NewerDatabaseError(
            f"{shown} was written by a newer jobhunt (schema {version}; this one knows "
            f"{newest}); upgrade jobhunt to open it"
        )
    if size < header.expected_size:
        raise DatabaseRefusedError(
            f"{shown} is damaged: cut short at {size:,} of {header.expected_size:,} bytes; "
            "jobhunt left it untouched"
        )
    return FileState(exists=True, version=version)


def _read_stamp(path: Path) -> tuple[int, int]:
    """(application_id, user_version), read through a read-only connection.

    Only asked when a -wal file beside `path` holds frames: then the header bytes on disk can
    be stale, so SQLite reads them, read-only (-wal exists already; no -wal is created).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        reason = explain(error) or str(error)
        raise DatabaseRefusedError(f"{visible(str(path))} cannot be opened: {reason}") from None
    return int(application_id), int(version)


def header_stamp(path: Path) -> tuple[int, int]:
    """(application_id, user_version) straight from the header bytes (for tests and checks)."""
    header = parse_header(read_header(path))
    if header is None:
        raise DatabaseRefusedError(f"{visible(str(path))} is not a SQLite database")
    return header.application_id, header.user_version


def open_database(
    path: Path | str | None = None,
    *,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> Database:
    """Open (creating or migrating as needed) the jobhunt database at `path`.

    What the user should hear about once (a file made private) is in `Database.notices`.
    """
    from jobhunt_tui.storage.migrations import create_new, migrate

    target = Path(path).expanduser() if path is not None else paths.default_database_path()
    paths.make_private()
    state = inspect_file(target, migrations[-1].version)
    notices: list[str] = []
    try:
        if not state.exists:
            paths.ensure_folder(target)
            create_new(target, migrations)
        else:
            notices += paths.tighten(target)
            if state.version < migrations[-1].version:
                migrate(target, migrations)
    except (sqlite3.Error, OSError) as error:
        reason = explain(error, target) or str(error)
        raise StorageUnavailableError(f"{visible(str(target))}: {reason}") from None
    database = Database(target)
    database.notices = tuple(notices)
    return database


class Database:
    """The open data file. Connections are per thread and per unit of work, never shared.

    Every write is one BEGIN IMMEDIATE transaction that also appends its entry to the change
    log (see `change_capture`), under a lock that serialises writers across processes.
    """

    def __init__(self, path: Path, writer: str = CLI_WRITER) -> None:
        self.path = path
        self.writer = writer
        """Who this process writes as in the change log: the command line, or one app window."""
        self.notices: tuple[str, ...] = ()
        """What opening the file did that the user should hear about once."""
        self._local = threading.local()
        self._write_engine: WriteEngine | None = None
        self._engine_lock = threading.Lock()
        self._writer_lock = WriterLock(path)

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
        return conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent read-only snapshot through the standard library (no ORM import)."""
        with read_transaction(self._connection()) as conn:
            yield conn

    @contextmanager
    def writing_sql(self, label: str, *, undoable: bool = True) -> Iterator[sqlite3.Connection]:
        """A BEGIN IMMEDIATE transaction on a plain connection: writes that need no ORM (moves,
        notes, settings, drafts, imports), so a command or session making only those never loads it.

        `label` names the change for people ("move Acme to Screening"); `undoable=False`
        marks writes that are not undo steps (draft autosaves, settings).
        """
        kind = ChangeKind.CHANGE if undoable else ChangeKind.RECORD
        with self._recorded(label, kind) as conn:
            yield conn

    @contextmanager
    def reverting(self, kind: str) -> Iterator[tuple[sqlite3.Connection, PendingEntry]]:
        """A write transaction that undoes or redoes an entry of the change log.

        The block finds that entry inside the transaction and fills in the pending entry's
        label and `reverts`; raising leaves nothing recorded.
        """
        entry = PendingEntry(label=kind)
        with self._recorded(entry, kind) as conn:
            yield conn, entry

    @contextmanager
    def _recorded(self, label: str | PendingEntry, kind: str) -> Iterator[sqlite3.Connection]:
        entry = label if isinstance(label, PendingEntry) else PendingEntry(label)
        conn = self._connection()
        # Outside the transaction, so a rollback cannot take the triggers away with it.
        change_capture.install(conn)
        with self._writer_lock.held(), write_transaction(conn):
            try:
                change_capture.begin(conn)
                yield conn
                self._finish(conn, entry.label, kind, entry.reverts)
            except BaseException:
                change_capture.forget(conn)
                self._local.better_label = None
                raise

    @contextmanager
    def writing(self, label: str, *, undoable: bool = True) -> Iterator[Session]:
        """A SQLModel session in one BEGIN IMMEDIATE transaction: commit, or roll back on error.

        `label` and `undoable` as for `writing_sql`.
        """
        kind = ChangeKind.CHANGE if undoable else ChangeKind.RECORD
        engine = self._engine()
        with self._writer_lock.held(), engine.unit_of_work() as session:
            conn = engine.driver_connection(session)
            try:
                change_capture.begin(conn)
                yield session
                session.flush()
                self._finish(conn, label, kind, None)
            except BaseException:
                change_capture.forget(conn)
                self._local.better_label = None
                raise

    def name_change(self, label: str) -> None:
        """Give the write transaction running in this thread a better label, found inside
        it ("move Acme to Offer" once the stored row is read)."""
        self._local.better_label = label

    def _finish(self, conn: sqlite3.Connection, label: str, kind: str, reverts: int | None) -> None:
        import arrow

        better: str | None = getattr(self._local, "better_label", None)
        self._local.better_label = None
        change_capture.finish(
            conn,
            label=better or label,
            writer=self.writer,
            kind=kind,
            at=arrow.utcnow(),
            reverts=reverts,
        )

    def prepare_writes(self) -> None:
        """Load the ORM and build the write engine now (call off the UI thread, after the
        first paint) so the first change does not pay for it."""
        from sqlalchemy.orm import configure_mappers

        import jobhunt_tui.storage.repository  # noqa: F401  (maps the tables)

        self._engine()
        configure_mappers()

    def _engine(self) -> WriteEngine:
        # The ORM import costs ~0.3 s, so it happens on the first write, not at startup.
        with self._engine_lock:
            if self._write_engine is None:
                from jobhunt_tui.storage.engine import WriteEngine

                self._write_engine = WriteEngine(self.path)
            return self._write_engine

    def backup_to(self, destination: Path) -> None:
        """A consistent copy through SQLite's backup API, verified with integrity_check."""
        from jobhunt_tui.storage.migrations import verified_copy

        verified_copy(self._connection(), destination)

    def close(self) -> None:
        """Close this thread's connection and the write engine."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
        if self._write_engine is not None:
            self._write_engine.dispose()
            self._write_engine = None
        self._writer_lock.close()


def file_mode(path: Path) -> int:
    """The permission bits of `path` (for checks and tests)."""
    return os.stat(path).st_mode & 0o777
