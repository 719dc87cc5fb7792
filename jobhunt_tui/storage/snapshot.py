"""Whole-opportunity snapshots (its row, timeline, follow-ups, drafts) for undo."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from jobhunt_tui.domain.errors import NotFoundError

# Parents before children, so foreign keys hold while rows go back in.
_CHILD_TABLES = ("interaction", "follow_up", "draft")


@dataclass(frozen=True)
class OpportunitySnapshot:
    """Every stored row that belongs to one opportunity, as column→value dicts."""

    opportunity_id: int
    rows: dict[str, tuple[dict[str, Any], ...]]


def take(conn: sqlite3.Connection, opportunity_id: int) -> OpportunitySnapshot:
    """Copy an opportunity's rows (call inside a read or write transaction)."""
    found = conn.execute("SELECT * FROM opportunity WHERE id = ?", (opportunity_id,)).fetchall()
    if not found:
        raise NotFoundError(f"no opportunity with id {opportunity_id}")
    rows = {"opportunity": tuple(dict(row) for row in found)}
    for table in _CHILD_TABLES:
        cursor = conn.execute(
            f"SELECT * FROM {table} WHERE opportunity_id = ? ORDER BY id", (opportunity_id,)
        )
        rows[table] = tuple(dict(row) for row in cursor)
    # Drafts hang off follow-ups too (their opportunity_id may be empty).
    by_follow_up = conn.execute(
        "SELECT d.* FROM draft AS d JOIN follow_up AS f ON f.id = d.follow_up_id "
        "WHERE f.opportunity_id = ? AND d.opportunity_id IS NULL ORDER BY d.id",
        (opportunity_id,),
    )
    rows["draft"] += tuple(dict(row) for row in by_follow_up)
    return OpportunitySnapshot(opportunity_id, rows)


def restore(conn: sqlite3.Connection, snapshot: OpportunitySnapshot) -> None:
    """Put an opportunity back exactly as snapshotted (call inside a write transaction)."""
    conn.execute("DELETE FROM opportunity WHERE id = ?", (snapshot.opportunity_id,))
    for table in ("opportunity", *_CHILD_TABLES):
        for row in snapshot.rows[table]:
            columns = ", ".join(row)
            marks = ", ".join("?" * len(row))
            conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def remove(conn: sqlite3.Connection, opportunity_id: int) -> None:
    """Delete an opportunity that an undone action created, and its company if now unused."""
    row = conn.execute(
        "SELECT company_id FROM opportunity WHERE id = ?", (opportunity_id,)
    ).fetchone()
    if row is None:
        return
    conn.execute("DELETE FROM opportunity WHERE id = ?", (opportunity_id,))
    conn.execute(
        "DELETE FROM company WHERE id = ? AND NOT EXISTS "
        "(SELECT 1 FROM opportunity WHERE company_id = ?) AND NOT EXISTS "
        "(SELECT 1 FROM contact WHERE company_id = ?)",
        (row[0], row[0], row[0]),
    )
