"""How much a database holds, on a plain sqlite3 connection."""

from __future__ import annotations

import sqlite3

COUNTED_TABLES = frozenset(
    {"company", "contact", "opportunity", "interaction", "follow_up", "draft", "setting"}
)


def has_opportunities(conn: sqlite3.Connection) -> bool:
    """Whether any opportunity is stored (archived ones too)."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM opportunity)").fetchone()[0])


def row_count(conn: sqlite3.Connection, table: str) -> int:
    """How many rows one of the data tables holds (ValueError for any other name)."""
    if table not in COUNTED_TABLES:
        raise ValueError(f"not a jobhunt data table: {table!r}")
    count: int = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return count
