"""Reading the draft of one follow-up (for `jobhunt draft`, the .eml file and the clipboard)."""

from __future__ import annotations

import sqlite3

from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import Draft
from jobhunt_tui.storage import convert


def draft_of_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> Draft:
    """The draft written for `follow_up_id`; NotFoundError says whether the follow-up or only
    its draft is missing."""
    if conn.execute("SELECT 1 FROM follow_up WHERE id = ?", (follow_up_id,)).fetchone() is None:
        raise NotFoundError(f"no follow-up with id {follow_up_id}")
    row = conn.execute("SELECT * FROM draft WHERE follow_up_id = ?", (follow_up_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            f"follow-up #{follow_up_id} has no draft yet: open it in the app (d) to write one"
        )
    return convert.draft(row)
