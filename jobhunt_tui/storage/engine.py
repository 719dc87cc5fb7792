"""The SQLAlchemy engine behind write sessions: same pragmas, BEGIN IMMEDIATE on every begin."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, event
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, create_engine

from jobhunt_tui.storage.connection import connect


class WriteEngine:
    """Hands out one session per unit of work; each is a single IMMEDIATE transaction."""

    def __init__(self, path: Path) -> None:
        self.engine = create_engine(
            "sqlite://",
            creator=lambda: connect(path),
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

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _begin_immediate(conn: Connection) -> None:
    # Take the write lock up front: a deferred read-then-write loses updates across processes.
    conn.exec_driver_sql("BEGIN IMMEDIATE")
