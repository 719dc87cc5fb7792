"""The SQLAlchemy engine behind write sessions: same pragmas, BEGIN IMMEDIATE on every begin."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, event
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, create_engine

from jobhunt_tui.storage import change_capture
from jobhunt_tui.storage.connection import connect


class WriteEngine:
    """Hands out one session per unit of work; each is a single IMMEDIATE transaction."""

    def __init__(self, path: Path) -> None:
        self.engine = create_engine(
            "sqlite://",
            creator=lambda: _capturing(connect(path)),
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=4,
        )
        event.listen(self.engine, "begin", _begin_immediate)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @staticmethod
    def driver_connection(session: Session) -> sqlite3.Connection:
        """The sqlite3 connection under `session` (this begins its IMMEDIATE transaction)."""
        raw = session.connection().connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        return raw

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _capturing(conn: sqlite3.Connection) -> sqlite3.Connection:
    # Set up change capture before any transaction, so no rollback can take it away.
    change_capture.install(conn)
    return conn


def _begin_immediate(conn: Connection) -> None:
    # Take the write lock up front: a deferred read-then-write loses updates across processes.
    conn.exec_driver_sql("BEGIN IMMEDIATE")
