"""Read queries on a plain sqlite3 connection, returning domain objects.

These serve the first screen and the command line, so they never import the ORM.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from jobhunt_tui.domain import models
from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import Settings, Stage
from jobhunt_tui.domain.spacing import TOUCH_KINDS
from jobhunt_tui.domain.stages import CLOSED_STAGES, OPEN_STAGES
from jobhunt_tui.storage import convert

if TYPE_CHECKING:
    from jobhunt_tui.domain.records import (
        Contact,
        Draft,
        FollowUp,
        Interaction,
        Opportunity,
        OpportunityDetail,
    )

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
    return models.OpportunityDetail(
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


def get_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> FollowUp:
    """One follow-up, or NotFoundError."""
    row = conn.execute("SELECT * FROM follow_up WHERE id = ?", (follow_up_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no follow-up with id {follow_up_id}")
    return convert.follow_up(row)


def drafts_of(conn: sqlite3.Connection, opportunity_id: int) -> list[Draft]:
    """The drafts written for an opportunity."""
    rows = conn.execute(
        "SELECT * FROM draft WHERE opportunity_id = ? ORDER BY updated_at, id", (opportunity_id,)
    )
    return [convert.draft(row) for row in rows]


def all_contacts(conn: sqlite3.Connection) -> list[Contact]:
    """Every contact, by id."""
    return [convert.contact(row) for row in conn.execute("SELECT * FROM contact ORDER BY id")]


def load_settings(conn: sqlite3.Connection) -> Settings:
    """The user's settings, defaults where nothing is stored."""
    pairs = {row["key"]: row["value"] for row in conn.execute("SELECT key, value FROM setting")}
    return convert.settings(pairs)


class CardRow(NamedTuple):
    """What the board needs of one opportunity, aggregated in SQL (stored text, unparsed)."""

    opportunity_id: int
    company: str
    role: str
    stage: str
    priority: int
    archived: int
    created_at: str
    last_touch_at: str | None
    last_reply_at: str | None
    next_due_at: str | None
    next_kind: str | None


def _quoted(values: Iterable[str]) -> str:
    """SQL literals for a fixed set of enum values (never user input)."""
    return ", ".join(f"'{value}'" for value in sorted(values))


# SQL literals of fixed enum sets (never user input), shared with the other read modules.
_TOUCH = _quoted(kind.value for kind in TOUCH_KINDS)
CLOSED_SQL = _quoted(stage.value for stage in CLOSED_STAGES)
_BOARD_ORDER = "o.priority, o.updated_at DESC, o.id"

# Correlated subqueries on (opportunity_id, …) indexes: each card costs a few index probes,
# so the first screen (a few cards per column) is as cheap at 10,000 opportunities as at 10.
_CARD_COLUMNS = f"""
    o.id, c.name, o.role, o.stage, o.priority, o.archived, o.created_at,
    (SELECT MAX(i.occurred_at) FROM interaction AS i
      WHERE i.opportunity_id = o.id AND i.kind IN ({_TOUCH})),
    (SELECT MAX(i.occurred_at) FROM interaction AS i
      WHERE i.opportunity_id = o.id
        AND (i.kind = 'email_in' OR (i.kind = 'call' AND i.direction = 'in'))),
    f.due_at, f.kind
"""
_CARD_JOINS = """
    JOIN company AS c ON c.id = o.company_id
    LEFT JOIN follow_up AS f ON f.id = (
        SELECT n.id FROM follow_up AS n
        WHERE n.opportunity_id = o.id AND n.status = 'planned'
        ORDER BY n.due_at, n.id LIMIT 1)
"""


def card_rows(
    conn: sqlite3.Connection,
    *,
    include_closed: bool = False,
    per_stage_limit: int | None = None,
) -> list[CardRow]:
    """The board's cards in board order; with `per_stage_limit`, only the first of each stage."""
    where = "o.archived = 0"
    if not include_closed:
        where += f" AND o.stage NOT IN ({CLOSED_SQL})"
    query = f"SELECT {_CARD_COLUMNS} FROM opportunity AS o {_CARD_JOINS} WHERE {where}"
    if per_stage_limit is None:
        return [CardRow(*row) for row in conn.execute(f"{query} ORDER BY {_BOARD_ORDER}")]
    # One indexed walk per stage (ix_opportunity_board), stopping after the limit.
    stages = OPEN_STAGES + (CLOSED_STAGES if include_closed else ())
    limited = f"{query} AND o.stage = ? ORDER BY {_BOARD_ORDER} LIMIT ?"
    return [
        CardRow(*row)
        for stage in stages
        for row in conn.execute(limited, (stage.value, per_stage_limit))
    ]


def card_select(where: str) -> str:
    """The board's card query restricted by `where` (SQL on `o`, placeholders for values)."""
    return f"SELECT {_CARD_COLUMNS} FROM opportunity AS o {_CARD_JOINS} WHERE {where}"


def card_row(conn: sqlite3.Connection, opportunity_id: int) -> CardRow | None:
    """One opportunity's card (to refresh it after a change), archived or not."""
    query = f"SELECT {_CARD_COLUMNS} FROM opportunity AS o {_CARD_JOINS} WHERE o.id = ?"
    row = conn.execute(query, (opportunity_id,)).fetchone()
    return None if row is None else CardRow(*row)


def stage_totals(conn: sqlite3.Connection, *, include_closed: bool = False) -> dict[Stage, int]:
    """How many unarchived opportunities each stage holds."""
    rows = conn.execute("SELECT stage, COUNT(*) FROM opportunity WHERE archived = 0 GROUP BY stage")
    totals = {Stage(stage): count for stage, count in rows}
    return {s: n for s, n in totals.items() if include_closed or s not in CLOSED_STAGES}
