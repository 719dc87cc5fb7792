"""The pipeline's simple writes (a note, a stage move) on a plain sqlite3 connection.

They run inside `Database.writing_sql(...)`, which records the change log (undo, the live
view), so a one-shot command writes without importing the ORM. The rows they store are the
ones `Repository` stores for the same change (tests/services/test_plain_sql_parity.py).
"""

from __future__ import annotations

import sqlite3

import arrow

from jobhunt_tui.domain.models import FollowUpStatus, Interaction, Opportunity
from jobhunt_tui.domain.plans import NewInteraction
from jobhunt_tui.domain.stage_moves import StageMove
from jobhunt_tui.domain.timeutil import date_to_stored, to_stored
from jobhunt_tui.storage import convert, reader


def add_interaction(conn: sqlite3.Connection, entry: NewInteraction) -> Interaction:
    """Append `entry` to its opportunity's timeline; the stored entry, with its id."""
    cursor = conn.execute(
        "INSERT INTO interaction (opportunity_id, contact_id, kind, direction, occurred_at, "
        "summary) VALUES (?, ?, ?, ?, ?, ?)",
        (
            entry.opportunity_id,
            entry.contact_id,
            entry.kind.value,
            entry.direction.value,
            to_stored(entry.occurred_at),
            entry.summary,
        ),
    )
    row = conn.execute("SELECT * FROM interaction WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return convert.interaction(row)


def apply_move(conn: sqlite3.Connection, move: StageMove, now: arrow.Arrow) -> Opportunity:
    """Store a planned move: the stage (and applied-on date), its timeline entries, the
    follow-ups it skips. Returns the opportunity as stored."""
    columns = {"stage": move.stage.value}
    if move.applied_on is not None:
        columns["applied_on"] = date_to_stored(move.applied_on)
    columns["updated_at"] = to_stored(now)
    assignments = ", ".join(f"{name} = ?" for name in columns)  # fixed names, never input
    conn.execute(
        f"UPDATE opportunity SET {assignments} WHERE id = ?",
        (*columns.values(), move.opportunity_id),
    )
    for entry in move.log:
        add_interaction(conn, entry)
    for follow_up_id in move.skip:
        conn.execute(
            "UPDATE follow_up SET status = ? WHERE id = ?",
            (FollowUpStatus.SKIPPED.value, follow_up_id),
        )
    return reader.get_opportunity(conn, move.opportunity_id)
