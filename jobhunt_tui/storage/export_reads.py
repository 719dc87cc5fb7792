"""Whole-table read queries for export and import on a plain sqlite3 connection.

Per-opportunity reads live in `reader`; these read every row at once, so an export of
thousands of opportunities stays a handful of queries.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from jobhunt_tui.domain.models import Draft, FollowUp, Interaction
from jobhunt_tui.storage import convert

_OPPORTUNITY_KEYS = (
    "SELECT c.name_key, o.role FROM opportunity AS o JOIN company AS c ON c.id = o.company_id"
)
_DRAFTS_WITH_OWNER = (
    "SELECT d.*, COALESCE(d.opportunity_id, f.opportunity_id) AS owner FROM draft AS d "
    "LEFT JOIN follow_up AS f ON f.id = d.follow_up_id ORDER BY d.updated_at, d.id"
)


def all_interactions(conn: sqlite3.Connection) -> list[Interaction]:
    """Every timeline entry, oldest first."""
    rows = conn.execute("SELECT * FROM interaction ORDER BY occurred_at, id")
    return [convert.interaction(row) for row in rows]


def all_follow_ups(conn: sqlite3.Connection) -> list[FollowUp]:
    """Every follow-up, by due date."""
    rows = conn.execute("SELECT * FROM follow_up ORDER BY due_at, id")
    return [convert.follow_up(row) for row in rows]


def drafts_by_opportunity(conn: sqlite3.Connection) -> dict[int | None, list[Draft]]:
    """Every draft under its opportunity (its own, or its follow-up's), oldest edit first."""
    drafts: dict[int | None, list[Draft]] = defaultdict(list)
    for row in conn.execute(_DRAFTS_WITH_OWNER):
        drafts[row["owner"]].append(convert.draft(row))
    return drafts


def opportunity_keys(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(company name_key, role as stored) of every opportunity, archived too."""
    return [(company_key, role) for company_key, role in conn.execute(_OPPORTUNITY_KEYS)]
