"""Bounded reads of the calendar pane and `jobhunt agenda`: month marks, day lists, agenda
sections, idle candidates and weekly counts.

Every query walks an index over a time range (ix_follow_up_due, ix_interaction_occurred;
CROSS JOIN keeps SQLite from starting at the opportunities instead) or stops at a LIMIT, so
a month or a list costs the same at 10,000 opportunities as at 100: no full board read. The
calendar's first frame reads only `day_kinds`, `planned_items` a screen deep and
`planned_totals` (counted in SQL): a few milliseconds at 10,000; `unplanned` and
`weekly_counts` visit every active opportunity or eight weeks of history (~30 ms each there),
so that first frame reads them only when the lists above leave room on screen.
Instants go in and out as stored text (UTC ISO); the service turns them into local days.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from jobhunt_tui.domain.agenda import AgendaItem
from jobhunt_tui.domain.models import Channel, Direction, FollowUpKind, InteractionKind, Stage
from jobhunt_tui.domain.spacing import SENT_KINDS, TOUCH_KINDS
from jobhunt_tui.domain.stages import OPEN_STAGES
from jobhunt_tui.domain.timeutil import from_stored
from jobhunt_tui.storage.reader import CLOSED_SQL, CardRow, card_select

_SENT = ", ".join(f"'{kind.value}'" for kind in sorted(SENT_KINDS, key=lambda k: k.value))
_TOUCH = ", ".join(f"'{kind.value}'" for kind in sorted(TOUCH_KINDS, key=lambda k: k.value))
_OPEN = f"o.archived = 0 AND o.stage NOT IN ({CLOSED_SQL})"
_ACTIVE = f"{_OPEN} AND o.stage != 'wishlist'"
_ACTIVE_SQL = ", ".join(
    f"'{stage.value}'" for stage in sorted(OPEN_STAGES, key=lambda s: s.value)
    if stage is not Stage.WISHLIST
)  # fmt: skip


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


def marks_between(
    conn: sqlite3.Connection, start: str, end: str, owner: int | None = None
) -> list[MarkRow]:
    """Planned follow-ups due, follow-ups sent and interviews held in [start, end), grouped
    by minute (time zones move by whole minutes, so a minute lies in one local day): a
    month at 10,000 opportunities is a few hundred rows, not thousands of marks (~9 ms).
    With `owner`, only that opportunity's, through its own index ranges (well under 1 ms)."""
    planned_of = interactions_of = ""
    if owner is not None:
        planned_of, interactions_of = (
            "AND f.opportunity_id = :owner",
            "AND i.opportunity_id = :owner",
        )
    query = f"""
        SELECT substr(f.due_at, 1, 16) AS minute, 'planned', group_concat(f.opportunity_id)
        FROM follow_up AS f JOIN opportunity AS o ON o.id = f.opportunity_id
        WHERE f.status = 'planned' AND f.due_at >= :start AND f.due_at < :end AND {_OPEN}
          {planned_of}
        GROUP BY minute
        UNION ALL
        SELECT substr(i.occurred_at, 1, 16) AS minute,
               CASE i.kind WHEN 'interview' THEN 'interview' ELSE 'done' END AS state,
               group_concat(i.opportunity_id)
        FROM interaction AS i
        WHERE i.occurred_at >= :start AND i.occurred_at < :end
          AND (i.kind = 'interview' OR (i.kind IN ({_SENT}) AND i.direction = 'out'))
          AND i.opportunity_id NOT IN (SELECT id FROM opportunity WHERE archived = 1)
          {interactions_of}
        GROUP BY minute, state
    """
    parameters = {"start": start, "end": end, "owner": owner}
    return [
        MarkRow(f"{minute}:00Z", state, tuple(map(int, ids.split(","))))
        for minute, state, ids in conn.execute(query, parameters)
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
# Opportunities whose planned follow-ups are not on the agenda (archived or closed): few, and
# each found through ix_opportunity_board, so counting theirs is a few hundred index probes.
_SHELVED = f"""
    SELECT id FROM opportunity WHERE archived = 1
    UNION ALL
    SELECT id FROM opportunity WHERE archived = 0 AND stage IN ({CLOSED_SQL})
"""


def planned_items(conn: sqlite3.Connection, start: str, end: str, limit: int) -> list[AgendaItem]:
    """The first `limit` planned follow-ups of open opportunities due in [start, end), by due
    date then id."""
    if limit <= 0:
        return []
    rows = conn.execute(f"{_AGENDA_ITEMS} ORDER BY f.due_at, f.id LIMIT ?", (start, end, limit))
    return [
        AgendaItem(*row[:4], FollowUpKind(row[4]), Channel(row[5]), from_stored(row[6]))
        for row in rows
    ]


def planned_totals(conn: sqlite3.Connection, bounds: Sequence[str]) -> list[int]:
    """How many planned follow-ups of open opportunities fall due in each [bounds[k],
    bounds[k + 1]).

    Every planned follow-up in a range is one covering-index count (ix_follow_up_due); those
    of archived or closed opportunities are counted through them and taken off. Joining
    each follow-up to its opportunity instead cost ~8 ms for the ~5,000 overdue at 10,000.
    """
    ranges = list(pairwise(bounds))
    if not ranges:
        return []
    count = "SELECT COUNT(*) FROM follow_up WHERE status = 'planned' AND due_at >= ? AND due_at < ?"
    totals = [int(conn.execute(count, pair).fetchone()[0]) for pair in ranges]
    cases = " ".join(f"WHEN f.due_at < ? THEN {k}" for k in range(len(ranges)))
    shelved = conn.execute(
        f"""SELECT CASE {cases} END AS bucket, COUNT(*)
            FROM ({_SHELVED}) AS o CROSS JOIN follow_up AS f
            WHERE f.opportunity_id = o.id AND f.status = 'planned'
              AND f.due_at >= ? AND f.due_at < ?
            GROUP BY bucket""",
        [*bounds[1:], bounds[0], bounds[-1]],
    )
    for bucket, count in shelved:
        totals[int(bucket)] -= int(count)
    return totals


def planned_between(
    conn: sqlite3.Connection, start: str, end: str, limit: int
) -> tuple[list[AgendaItem], int]:
    """The first `limit` planned follow-ups due in [start, end), by due date, and how many
    there are in all."""
    items = planned_items(conn, start, end, limit)
    if len(items) < limit:
        return items, len(items)
    return items, planned_totals(conn, (start, end))[0]


def active_count(conn: sqlite3.Connection) -> int:
    """Active opportunities (open, past the wishlist, not archived): one index range."""
    query = f"SELECT COUNT(*) FROM opportunity WHERE archived = 0 AND stage IN ({_ACTIVE_SQL})"
    return int(conn.execute(query).fetchone()[0])


# Active opportunities with nothing planned, with the last touch they had (or None).
_UNPLANNED = f"""
    SELECT o.id AS id, o.created_at AS created_at,
           (SELECT MAX(i.occurred_at) FROM interaction AS i
             WHERE i.opportunity_id = o.id AND i.kind IN ({_TOUCH})) AS last_touch
    FROM opportunity AS o
    WHERE {_ACTIVE} AND NOT EXISTS (
        SELECT 1 FROM follow_up AS n WHERE n.opportunity_id = o.id AND n.status = 'planned')
"""
_REPLY = "(r.kind = 'email_in' OR (r.kind = 'call' AND r.direction = 'in'))"
"""The employer reaching out (`domain.spacing.is_reply`), on an interaction `r`."""
_CHUNK = 500
"""Ids per IN list: far below SQLite's limit on bound parameters."""


class Unplanned(NamedTuple):
    """An active opportunity with nothing planned: since when it has been silent."""

    since: str
    """Its last touch, or its creation when it never had one (stored text)."""
    opportunity_id: int
    touched: bool


def unplanned(
    conn: sqlite3.Connection, idle_before: str, quiet_before: str
) -> tuple[list[Unplanned], list[Unplanned]]:
    """Active opportunities with nothing planned: (idle, quiet), each by (since, id).

    Idle: last touch (else creation) before `idle_before`. Quiet: touched since `idle_before`
    but before `quiet_before`, the last touch not the employer's reply (then the next move is
    the user's: `domain.health.quiet_days`). Only ids and stored times are read (plain text,
    compared as text); the caller reads cards for the few it lists.
    """
    idle: list[Unplanned] = []
    quiet: list[Unplanned] = []
    for opportunity_id, created_at, last_touch in conn.execute(_UNPLANNED):
        if last_touch is None:
            if created_at < idle_before:
                idle.append(Unplanned(created_at, opportunity_id, False))
        elif last_touch < idle_before:
            idle.append(Unplanned(last_touch, opportunity_id, True))
        elif last_touch < quiet_before:
            quiet.append(Unplanned(last_touch, opportunity_id, True))
    replied = _replied_since(conn, {q.opportunity_id: q.since for q in quiet})
    quiet = [q for q in quiet if q.opportunity_id not in replied]
    idle.sort()
    quiet.sort()
    return idle, quiet


def _replied_since(conn: sqlite3.Connection, touches: dict[int, str]) -> set[int]:
    """The ids whose employer replied at or after the given instant (their last touch)."""
    ids = list(touches)
    replied: set[int] = set()
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"""SELECT r.opportunity_id, MAX(r.occurred_at) FROM interaction AS r
                WHERE r.opportunity_id IN ({marks}) AND {_REPLY} GROUP BY r.opportunity_id""",
            chunk,
        )
        replied.update(i for i, reply in rows if reply >= touches[i])
    return replied


def cards(conn: sqlite3.Connection, ids: Sequence[int]) -> list[CardRow]:
    """The card rows of `ids`, in that order."""
    if not ids:
        return []
    found: dict[int, CardRow] = {}
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            (row[0], CardRow(*row))
            for row in conn.execute(card_select(f"o.id IN ({marks})"), chunk)
        )
    return [found[i] for i in ids if i in found]


def day_kinds(conn: sqlite3.Connection, bounds: Sequence[str]) -> list[tuple[bool, bool, bool]]:
    """For each day [bounds[k], bounds[k + 1]): (a follow-up of an open opportunity planned,
    an interview held, a follow-up sent), by the rules of `marks_between`.

    Three EXISTS per day, each stopping at its first row of an index range: a month costs
    well under a millisecond at 10,000 opportunities, where reading its marks costs ~15 ms.
    """
    days = len(bounds) - 1
    if days < 1:
        return []
    values = ", ".join("(?, ?, ?)" for _ in range(days))
    params = [value for k in range(days) for value in (k, bounds[k], bounds[k + 1])]
    query = f"""
        WITH d(n, start, stop) AS (VALUES {values})
        SELECT n,
          EXISTS (SELECT 1 FROM follow_up AS f
                  CROSS JOIN opportunity AS o ON o.id = f.opportunity_id
                  WHERE f.status = 'planned' AND f.due_at >= d.start AND f.due_at < d.stop
                    AND {_OPEN}),
          EXISTS (SELECT 1 FROM interaction AS i
                  CROSS JOIN opportunity AS o ON o.id = i.opportunity_id
                  WHERE i.occurred_at >= d.start AND i.occurred_at < d.stop
                    AND i.kind = 'interview' AND o.archived = 0),
          EXISTS (SELECT 1 FROM interaction AS i
                  CROSS JOIN opportunity AS o ON o.id = i.opportunity_id
                  WHERE i.occurred_at >= d.start AND i.occurred_at < d.stop
                    AND i.kind IN ({_SENT}) AND i.direction = 'out' AND o.archived = 0)
        FROM d ORDER BY n
    """
    return [(bool(p), bool(i), bool(s)) for _, p, i, s in conn.execute(query, params)]


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
