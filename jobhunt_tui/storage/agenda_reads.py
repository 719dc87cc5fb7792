"""Bounded reads of the calendar pane and `jobhunt agenda`: month marks, day lists, agenda
sections, idle candidates and weekly counts.

Every query walks an index over a time range (ix_follow_up_due, ix_interaction_occurred;
CROSS JOIN keeps SQLite from starting at the opportunities instead) or stops at a LIMIT, so
a month or a list costs the same at 10,000 opportunities as at 100: no full board read.
Instants go in and out as stored text (UTC ISO); the service turns them into local days.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from jobhunt_tui.domain.agenda import AgendaItem
from jobhunt_tui.domain.models import Channel, Direction, FollowUpKind, InteractionKind
from jobhunt_tui.domain.spacing import SENT_KINDS, TOUCH_KINDS
from jobhunt_tui.domain.timeutil import from_stored
from jobhunt_tui.storage.reader import CLOSED_SQL, CardRow, card_select

_SENT = ", ".join(f"'{kind.value}'" for kind in sorted(SENT_KINDS, key=lambda k: k.value))
_TOUCH = ", ".join(f"'{kind.value}'" for kind in sorted(TOUCH_KINDS, key=lambda k: k.value))
_OPEN = f"o.archived = 0 AND o.stage NOT IN ({CLOSED_SQL})"
_ACTIVE = f"{_OPEN} AND o.stage != 'wishlist'"


class MarkRow(NamedTuple):
    """Things on the calendar in one minute: when (stored, to the minute), what ("planned",
    "done", "interview"), and whose (opportunity ids)."""

    at: str
    state: str
    opportunity_ids: tuple[int, ...]


class DayRow(NamedTuple):
    """One entry of a chosen day, with the text the agenda shows."""

    at: str
    state: str
    opportunity_id: int
    company: str
    role: str
    kind: str
    follow_up_id: int | None
    channel: str | None


_PLANNED_IN = f"""
    SELECT f.due_at, 'planned', f.opportunity_id, c.name, o.role, f.kind, f.id, f.channel
    FROM follow_up AS f
    JOIN opportunity AS o ON o.id = f.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    WHERE f.status = 'planned' AND f.due_at >= ? AND f.due_at < ? AND {_OPEN}
"""
_HAPPENED_IN = f"""
    SELECT i.occurred_at, CASE i.kind WHEN 'interview' THEN 'interview' ELSE 'done' END,
           i.opportunity_id, c.name, o.role, i.kind, NULL, NULL
    FROM interaction AS i
    CROSS JOIN opportunity AS o ON o.id = i.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    WHERE i.occurred_at >= ? AND i.occurred_at < ? AND o.archived = 0
      AND (i.kind = 'interview' OR (i.kind IN ({_SENT}) AND i.direction = 'out'))
"""


def marks_between(conn: sqlite3.Connection, start: str, end: str) -> list[MarkRow]:
    """Planned follow-ups due, follow-ups sent and interviews held in [start, end), grouped
    by minute (time zones move by whole minutes, so a minute lies in one local day): a
    month at 10,000 opportunities is a few hundred rows, not thousands of marks."""
    query = f"""
        SELECT substr(f.due_at, 1, 16) AS minute, 'planned', group_concat(f.opportunity_id)
        FROM follow_up AS f JOIN opportunity AS o ON o.id = f.opportunity_id
        WHERE f.status = 'planned' AND f.due_at >= :start AND f.due_at < :end AND {_OPEN}
        GROUP BY minute
        UNION ALL
        SELECT substr(i.occurred_at, 1, 16) AS minute,
               CASE i.kind WHEN 'interview' THEN 'interview' ELSE 'done' END AS state,
               group_concat(i.opportunity_id)
        FROM interaction AS i
        WHERE i.occurred_at >= :start AND i.occurred_at < :end
          AND (i.kind = 'interview' OR (i.kind IN ({_SENT}) AND i.direction = 'out'))
          AND i.opportunity_id NOT IN (SELECT id FROM opportunity WHERE archived = 1)
        GROUP BY minute, state
    """
    return [
        MarkRow(f"{minute}:00Z", state, tuple(map(int, ids.split(","))))
        for minute, state, ids in conn.execute(query, {"start": start, "end": end})
    ]


def day_rows(conn: sqlite3.Connection, start: str, end: str, limit: int) -> list[DayRow]:
    """What [start, end) holds (one local day), by time, at most `limit` entries."""
    query = f"{_PLANNED_IN} UNION ALL {_HAPPENED_IN} ORDER BY 1, 3 LIMIT ?"
    return [DayRow(*row) for row in conn.execute(query, (start, end, start, end, limit))]


_AGENDA_ITEMS = f"""
    SELECT f.id, f.opportunity_id, c.name, o.role, f.kind, f.channel, f.due_at
    FROM follow_up AS f
    JOIN opportunity AS o ON o.id = f.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    WHERE f.status = 'planned' AND f.due_at >= ? AND f.due_at < ? AND {_OPEN}
"""


def planned_between(
    conn: sqlite3.Connection, start: str, end: str, limit: int
) -> tuple[list[AgendaItem], int]:
    """The first `limit` planned follow-ups due in [start, end), by due date, and how many
    there are in all."""
    rows = conn.execute(f"{_AGENDA_ITEMS} ORDER BY f.due_at, f.id LIMIT ?", (start, end, limit))
    items = [
        AgendaItem(*row[:4], FollowUpKind(row[4]), Channel(row[5]), from_stored(row[6]))
        for row in rows
    ]
    if len(items) < limit:
        return items, len(items)
    total = conn.execute(f"SELECT COUNT(*) FROM ({_AGENDA_ITEMS})", (start, end)).fetchone()[0]
    return items, int(total)


# Active opportunities with nothing planned, with the last touch they had (or None).
_UNPLANNED = f"""
    SELECT o.id AS id, o.created_at AS created_at,
           (SELECT MAX(i.occurred_at) FROM interaction AS i
             WHERE i.opportunity_id = o.id AND i.kind IN ({_TOUCH})) AS last_touch
    FROM opportunity AS o
    WHERE {_ACTIVE} AND NOT EXISTS (
        SELECT 1 FROM follow_up AS n WHERE n.opportunity_id = o.id AND n.status = 'planned')
"""


def idle_candidates(
    conn: sqlite3.Connection, idle_before: str, quiet_before: str, limit: int
) -> tuple[list[CardRow], list[CardRow], int, int]:
    """Cards of active opportunities with nothing planned: (idle, quiet, idle total, quiet
    total), the longest silence first, each list at most `limit`.

    Idle: last touch (else creation) before `idle_before`. Quiet: touched since `idle_before`
    but before `quiet_before`. Only ids and stored times are read for all of them (plain
    text, compared as text); full cards only for the few listed. The domain decides the
    final lists from the cards.
    """
    idle: list[tuple[str, int]] = []
    quiet: list[tuple[str, int]] = []
    for opportunity_id, created_at, last_touch in conn.execute(_UNPLANNED):
        since = last_touch or created_at
        if since < idle_before:
            idle.append((since, opportunity_id))
        elif last_touch is not None and last_touch < quiet_before:
            quiet.append((since, opportunity_id))
    idle.sort()
    quiet.sort()
    return (
        _cards(conn, [i for _, i in idle[:limit]]),
        _cards(conn, [i for _, i in quiet[:limit]]),
        len(idle),
        len(quiet),
    )


def _cards(conn: sqlite3.Connection, ids: Sequence[int]) -> list[CardRow]:
    """The card rows of `ids`, in that order."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {row[0]: CardRow(*row) for row in conn.execute(card_select(f"o.id IN ({marks})"), ids)}
    return [rows[i] for i in ids if i in rows]


def weekly_counts(
    conn: sqlite3.Connection, boundaries: Sequence[str]
) -> list[tuple[int, InteractionKind, Direction, int]]:
    """(week index, kind, direction, count) of the timeline between consecutive boundaries."""
    if len(boundaries) < 2:
        return []
    cases = " ".join(f"WHEN i.occurred_at < ? THEN {index}" for index in range(len(boundaries) - 1))
    query = f"""
        SELECT CASE {cases} END AS week, i.kind, i.direction, COUNT(*)
        FROM interaction AS i
        WHERE i.occurred_at >= ? AND i.occurred_at < ?
          AND i.kind IN ('applied', 'interview', {_SENT})
        GROUP BY week, i.kind, i.direction
    """
    params = [*boundaries[1:], boundaries[0], boundaries[-1]]
    return [
        (int(week), InteractionKind(kind), Direction(direction), int(count))
        for week, kind, direction, count in conn.execute(query, params)
    ]
