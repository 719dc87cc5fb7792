"""Read queries of the follow-up engine on a plain sqlite3 connection: the agenda and the
recent timeline, as domain values."""

from __future__ import annotations

import sqlite3

import arrow

from jobhunt_tui.domain.agenda import AgendaItem
from jobhunt_tui.domain.models import Channel, Direction, FollowUpKind, InteractionKind
from jobhunt_tui.domain.timeutil import from_stored, to_stored
from jobhunt_tui.storage.reader import CLOSED_SQL

_PLANNED_BEFORE = f"""
    SELECT f.id, f.opportunity_id, c.name, o.role, f.kind, f.channel, f.due_at
    FROM follow_up AS f
    JOIN opportunity AS o ON o.id = f.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    WHERE f.status = 'planned' AND o.archived = 0 AND o.stage NOT IN ({CLOSED_SQL})
      AND f.due_at < ?
    ORDER BY f.due_at, f.id
"""
_TOUCHES_SINCE = "SELECT kind, direction, occurred_at FROM interaction WHERE occurred_at >= ?"


def planned_before(conn: sqlite3.Connection, horizon: arrow.Arrow) -> list[AgendaItem]:
    """Planned follow-ups of open, unarchived opportunities due before `horizon`, by due date."""
    return [
        AgendaItem(*row[:4], FollowUpKind(row[4]), Channel(row[5]), from_stored(row[6]))
        for row in conn.execute(_PLANNED_BEFORE, (to_stored(horizon),))
    ]


def touches_since(
    conn: sqlite3.Connection, since: arrow.Arrow
) -> list[tuple[InteractionKind, Direction, arrow.Arrow]]:
    """(kind, direction, when) of every timeline entry from `since` on."""
    return [
        (InteractionKind(kind), Direction(direction), from_stored(at))
        for kind, direction, at in conn.execute(_TOUCHES_SINCE, (to_stored(since),))
    ]
