"""Read queries on a plain sqlite3 connection, returning domain objects.

These serve the first screen and the command line, so they never import the ORM.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import (
    Company,
    Contact,
    Draft,
    FollowUp,
    Interaction,
    Opportunity,
    OpportunityDetail,
    Settings,
    Stage,
)
from jobhunt_tui.storage import convert

_OPPORTUNITY_SELECT = """
    SELECT o.*, c.name AS company_name
    FROM opportunity AS o JOIN company AS c ON c.id = o.company_id
"""


def list_opportunities(
    conn: sqlite3.Connection,
    *,
    stages: tuple[Stage, ...] | None = None,
    include_archived: bool = False,
) -> list[Opportunity]:
    """Opportunities, newest first, optionally only those in `stages`."""
    clauses: list[str] = []
    params: list[object] = []
    if stages:
        clauses.append(f"o.stage IN ({','.join('?' * len(stages))})")
        params.extend(stage.value for stage in stages)
    if not include_archived:
        clauses.append("o.archived = 0")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(f"{_OPPORTUNITY_SELECT} {where} ORDER BY o.id", params)
    return [convert.opportunity(row) for row in rows]


def get_opportunity(conn: sqlite3.Connection, opportunity_id: int) -> Opportunity:
    """One opportunity; NotFoundError names the id when there is none."""
    row = conn.execute(f"{_OPPORTUNITY_SELECT} WHERE o.id = ?", (opportunity_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no opportunity with id {opportunity_id}")
    return convert.opportunity(row)


def opportunity_detail(conn: sqlite3.Connection, opportunity_id: int) -> OpportunityDetail:
    """An opportunity with its company's contacts, timeline, follow-ups and drafts."""
    found = get_opportunity(conn, opportunity_id)
    return OpportunityDetail(
        opportunity=found,
        contacts=tuple(company_contacts(conn, found.company_id)),
        interactions=tuple(interactions_of(conn, opportunity_id)),
        follow_ups=tuple(follow_ups_of(conn, opportunity_id)),
        drafts=tuple(drafts_of(conn, opportunity_id)),
    )


def company_contacts(conn: sqlite3.Connection, company_id: int) -> list[Contact]:
    """The contacts at one company, by name."""
    rows = conn.execute("SELECT * FROM contact WHERE company_id = ? ORDER BY name", (company_id,))
    return [convert.contact(row) for row in rows]


def interactions_of(conn: sqlite3.Connection, opportunity_id: int) -> list[Interaction]:
    """An opportunity's timeline, oldest first."""
    rows = conn.execute(
        "SELECT * FROM interaction WHERE opportunity_id = ? ORDER BY occurred_at, id",
        (opportunity_id,),
    )
    return [convert.interaction(row) for row in rows]


def follow_ups_of(conn: sqlite3.Connection, opportunity_id: int) -> list[FollowUp]:
    """An opportunity's follow-ups, by due date."""
    rows = conn.execute(
        "SELECT * FROM follow_up WHERE opportunity_id = ? ORDER BY due_at, id", (opportunity_id,)
    )
    return [convert.follow_up(row) for row in rows]


def drafts_of(conn: sqlite3.Connection, opportunity_id: int) -> list[Draft]:
    """The drafts written for an opportunity."""
    rows = conn.execute(
        "SELECT * FROM draft WHERE opportunity_id = ? ORDER BY updated_at, id", (opportunity_id,)
    )
    return [convert.draft(row) for row in rows]


def companies(conn: sqlite3.Connection) -> list[Company]:
    """Every company, by name."""
    rows = conn.execute("SELECT * FROM company ORDER BY name_key")
    return [convert.company(row) for row in rows]


def all_contacts(conn: sqlite3.Connection) -> list[Contact]:
    """Every contact, by id."""
    return [convert.contact(row) for row in conn.execute("SELECT * FROM contact ORDER BY id")]


def load_settings(conn: sqlite3.Connection) -> Settings:
    """The user's settings, defaults where nothing is stored."""
    pairs = {row["key"]: row["value"] for row in conn.execute("SELECT key, value FROM setting")}
    return convert.settings(pairs)


@dataclass(frozen=True)
class BoardRow:
    """What the board needs of one opportunity, aggregated in SQL (stored text, unparsed)."""

    opportunity_id: int
    company: str
    role: str
    stage: str
    priority: int
    archived: bool
    last_touch_at: str | None
    last_outbound_at: str | None
    next_due_at: str | None
    next_kind: str | None
    planned_count: int


# One pass over each table, grouped, instead of a query per card (10,000 cards stay one query).
_BOARD_QUERY = """
    WITH touches AS (
        SELECT opportunity_id,
               MAX(occurred_at) AS last_touch_at,
               MAX(CASE WHEN direction = 'out' THEN occurred_at END) AS last_outbound_at
        FROM interaction
        WHERE kind NOT IN ('note', 'stage_change')
        GROUP BY opportunity_id
    ),
    planned AS (
        SELECT opportunity_id, MIN(due_at) AS next_due_at, COUNT(*) AS planned_count
        FROM follow_up
        WHERE status = 'planned'
        GROUP BY opportunity_id
    )
    SELECT o.id, c.name, o.role, o.stage, o.priority, o.archived,
           t.last_touch_at, t.last_outbound_at, p.next_due_at,
           (SELECT f.kind FROM follow_up AS f
             WHERE f.opportunity_id = o.id AND f.status = 'planned'
             ORDER BY f.due_at, f.id LIMIT 1) AS next_kind,
           COALESCE(p.planned_count, 0)
    FROM opportunity AS o
    JOIN company AS c ON c.id = o.company_id
    LEFT JOIN touches AS t ON t.opportunity_id = o.id
    LEFT JOIN planned AS p ON p.opportunity_id = o.id
    {where}
    ORDER BY o.priority, o.updated_at DESC, o.id
"""


def board_rows(
    conn: sqlite3.Connection, *, include_closed: bool = False, opportunity_id: int | None = None
) -> list[BoardRow]:
    """Every card's aggregates in one query (or one card's, to refresh after a change)."""
    clauses = ["o.archived = 0"]
    params: list[object] = []
    if not include_closed:
        clauses.append("o.stage NOT IN ('accepted', 'rejected', 'withdrawn')")
    if opportunity_id is not None:
        clauses = ["o.id = ?"]
        params.append(opportunity_id)
    query = _BOARD_QUERY.format(where="WHERE " + " AND ".join(clauses))
    return [
        BoardRow(
            opportunity_id=row[0],
            company=row[1],
            role=row[2],
            stage=row[3],
            priority=row[4],
            archived=bool(row[5]),
            last_touch_at=row[6],
            last_outbound_at=row[7],
            next_due_at=row[8],
            next_kind=row[9],
            planned_count=row[10],
        )
        for row in conn.execute(query, params)
    ]
