"""Read queries for the calendar export on a plain sqlite3 connection: every follow-up and
every interview with its company and role."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.models import FollowUpKind, FollowUpStatus, Stage
from jobhunt_tui.domain.timeutil import from_stored, maybe_from_stored

_FOLLOW_UPS = """
    SELECT f.id, f.opportunity_id, f.kind, f.channel, f.due_at, f.status, f.done_at,
           c.name, o.role, o.stage, o.archived
    FROM follow_up AS f
    JOIN opportunity AS o ON o.id = f.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    ORDER BY f.id
"""
_INTERVIEWS = """
    SELECT i.id, i.opportunity_id, i.occurred_at, i.summary, c.name, o.role
    FROM interaction AS i
    JOIN opportunity AS o ON o.id = i.opportunity_id
    JOIN company AS c ON c.id = o.company_id
    WHERE i.kind = 'interview'
    ORDER BY i.id
"""


@dataclass(frozen=True)
class CalendarFollowUp:
    """One follow-up with what its to-do shows of the opportunity (stored text, unescaped)."""

    id: int
    opportunity_id: int
    kind: FollowUpKind
    channel: str
    due_at: arrow.Arrow
    status: FollowUpStatus
    done_at: arrow.Arrow | None
    company: str
    role: str
    stage: Stage
    archived: bool


@dataclass(frozen=True)
class CalendarInterview:
    """One interview on the timeline with its company and role (stored text, unescaped)."""

    id: int
    opportunity_id: int
    start: arrow.Arrow
    summary: str
    company: str
    role: str


def calendar_follow_ups(conn: sqlite3.Connection) -> list[CalendarFollowUp]:
    """Every follow-up, any status, archived and closed opportunities too, by id."""
    return [
        CalendarFollowUp(
            id=row[0],
            opportunity_id=row[1],
            kind=FollowUpKind(row[2]),
            channel=row[3],
            due_at=from_stored(row[4]),
            status=FollowUpStatus(row[5]),
            done_at=maybe_from_stored(row[6]),
            company=row[7],
            role=row[8],
            stage=Stage(row[9]),
            archived=bool(row[10]),
        )
        for row in conn.execute(_FOLLOW_UPS)
    ]


def calendar_interviews(conn: sqlite3.Connection) -> list[CalendarInterview]:
    """Every interview on any timeline, by id."""
    return [
        CalendarInterview(
            id=row[0],
            opportunity_id=row[1],
            start=from_stored(row[2]),
            summary=row[3],
            company=row[4],
            role=row[5],
        )
        for row in conn.execute(_INTERVIEWS)
    ]
