"""Read queries for the search record on a plain sqlite3 connection: timeline entries in a
time range, and applications known only by their `applied_on` date."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.models import Direction, InteractionKind
from jobhunt_tui.domain.timeutil import date_to_stored, from_stored, to_stored

_ACTIVITIES = """
    SELECT i.occurred_at, i.kind, i.direction, i.summary, o.id, c.name, o.role
    FROM interaction AS i
    JOIN opportunity AS o ON o.id = i.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    WHERE i.kind IN ({kinds}) AND i.occurred_at >= ? AND i.occurred_at < ?
    ORDER BY i.occurred_at, i.id
"""
_APPLIED_ON_ONLY = """
    SELECT o.applied_on, o.id, c.name, o.role
    FROM opportunity AS o
    JOIN company AS c ON c.id = o.company_id
    WHERE o.applied_on >= ? AND o.applied_on <= ?
      AND NOT EXISTS (SELECT 1 FROM interaction AS i
                      WHERE i.opportunity_id = o.id AND i.kind = 'applied')
    ORDER BY o.applied_on, o.id
"""


@dataclass(frozen=True)
class Activity:
    """One timeline entry with its opportunity's company and role (stored text)."""

    at: arrow.Arrow
    kind: InteractionKind
    direction: Direction
    summary: str
    opportunity_id: int
    company: str
    role: str


@dataclass(frozen=True)
class DatedApplication:
    """An opportunity with an `applied_on` date but no 'applied' timeline entry."""

    applied_on: dt.date
    opportunity_id: int
    company: str
    role: str


def activities_between(
    conn: sqlite3.Connection,
    kinds: Iterable[InteractionKind],
    start: arrow.Arrow,
    end: arrow.Arrow,
) -> list[Activity]:
    """Timeline entries of these kinds from `start` (inclusive) to `end` (exclusive), in order."""
    values = [kind.value for kind in kinds]
    query = _ACTIVITIES.format(kinds=", ".join("?" * len(values)))
    return [
        Activity(
            from_stored(at),
            InteractionKind(kind),
            Direction(direction),
            summary,
            opportunity_id,
            company,
            role,
        )
        for at, kind, direction, summary, opportunity_id, company, role in conn.execute(
            query, (*values, to_stored(start), to_stored(end))
        )
    ]


def applications_without_entry(
    conn: sqlite3.Connection, since: dt.date, until: dt.date
) -> list[DatedApplication]:
    """Opportunities applied to from `since` to `until` (inclusive) with no 'applied' entry."""
    return [
        DatedApplication(dt.date.fromisoformat(applied_on), opportunity_id, company, role)
        for applied_on, opportunity_id, company, role in conn.execute(
            _APPLIED_ON_ONLY, (date_to_stored(since), date_to_stored(until))
        )
    ]
