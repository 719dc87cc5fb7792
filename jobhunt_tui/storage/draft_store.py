"""Drafts, their kept versions and the templates, on a plain sqlite3 connection.

Reads run inside `Database.reading()`, writes inside `Database.writing_sql(...)`: the
caller owns the transaction, so a save decides from the rows as they are stored.
"""

from __future__ import annotations

import sqlite3

import arrow

from jobhunt_tui.domain.drafts import DraftContext, DraftText, DraftVersion
from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import Draft
from jobhunt_tui.domain.templates import Template
from jobhunt_tui.domain.timeutil import from_stored, maybe_from_stored, to_stored
from jobhunt_tui.storage import convert, template_store

_CONTEXT = """
    SELECT f.*, o.role, co.name AS company_name,
           ct.name AS contact_name, ct.email AS contact_email, ct.phone AS contact_phone,
           anchor.occurred_at AS anchor_at
    FROM follow_up AS f
    JOIN opportunity AS o ON o.id = f.opportunity_id
    JOIN company AS co ON co.id = o.company_id
    LEFT JOIN contact AS ct ON ct.id = f.contact_id
    LEFT JOIN interaction AS anchor ON anchor.id = f.anchor_interaction_id
    WHERE f.id = ?
"""
# Without a contact of its own, a follow-up writes to the company's first contact with an
# address; without an anchor, the day of the latest interview before it was due.
_COMPANY_CONTACT = """
    SELECT ct.name, ct.email, ct.phone FROM contact AS ct
    JOIN opportunity AS o ON o.company_id = ct.company_id
    WHERE o.id = ? ORDER BY (ct.email = '') , ct.id LIMIT 1
"""
_LAST_INTERVIEW = """
    SELECT occurred_at FROM interaction
    WHERE opportunity_id = ? AND kind = 'interview' AND occurred_at <= ?
    ORDER BY occurred_at DESC LIMIT 1
"""
_NEXT_PLANNED = """
    SELECT id FROM follow_up WHERE opportunity_id = ? AND status = 'planned'
    ORDER BY due_at, id LIMIT 1
"""


def context(conn: sqlite3.Connection, follow_up_id: int) -> DraftContext:
    """The follow-up with its company, role, contact and interview day."""
    row = conn.execute(_CONTEXT, (follow_up_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no follow-up with id {follow_up_id}")
    follow_up = convert.follow_up(row)
    name, email, phone = row["contact_name"], row["contact_email"], row["contact_phone"]
    if name is None:
        found = conn.execute(_COMPANY_CONTACT, (follow_up.opportunity_id,)).fetchone()
        if found is not None:
            name, email, phone = found
    interview_at = maybe_from_stored(row["anchor_at"])
    if interview_at is None:
        last = conn.execute(_LAST_INTERVIEW, (follow_up.opportunity_id, row["due_at"])).fetchone()
        interview_at = None if last is None else from_stored(last[0])
    return DraftContext(
        follow_up=follow_up,
        company=row["company_name"],
        role=row["role"],
        contact_name=name or "",
        contact_email=email or "",
        contact_phone=phone or "",
        interview_at=interview_at,
    )


def next_planned(conn: sqlite3.Connection, opportunity_id: int) -> int | None:
    """The id of the opportunity's next planned follow-up, or None."""
    row = conn.execute(_NEXT_PLANNED, (opportunity_id,)).fetchone()
    return None if row is None else int(row[0])


def draft_for(conn: sqlite3.Connection, follow_up_id: int) -> Draft | None:
    """The follow-up's draft, or None before it has one."""
    row = conn.execute("SELECT * FROM draft WHERE follow_up_id = ?", (follow_up_id,)).fetchone()
    return None if row is None else convert.draft(row)


def get_draft(conn: sqlite3.Connection, draft_id: int) -> Draft:
    """One draft; NotFoundError when it is gone."""
    row = conn.execute("SELECT * FROM draft WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no draft with id {draft_id}")
    return convert.draft(row)


def insert_draft(
    conn: sqlite3.Connection, draft_context: DraftContext, text: DraftText, now: arrow.Arrow
) -> int:
    """Store a new draft for the follow-up (revision 0); returns its id."""
    follow_up = draft_context.follow_up
    cursor = conn.execute(
        "INSERT INTO draft (follow_up_id, opportunity_id, channel, to_address, subject, body, "
        "updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        (
            follow_up.id,
            follow_up.opportunity_id,
            follow_up.channel.value,
            text.to,
            text.subject,
            text.body,
            to_stored(now),
        ),
    )
    return int(cursor.lastrowid or 0)


def update_text(
    conn: sqlite3.Connection, draft_id: int, text: DraftText, revision: int, now: arrow.Arrow
) -> None:
    """Write the draft's text at `revision`."""
    conn.execute(
        "UPDATE draft SET to_address = ?, subject = ?, body = ?, updated_at = ?, revision = ? "
        "WHERE id = ?",
        (text.to, text.subject, text.body, to_stored(now), revision, draft_id),
    )


def _version(row: sqlite3.Row) -> DraftVersion:
    return DraftVersion(
        id=row["id"],
        draft_id=row["draft_id"],
        text=DraftText(row["to_address"], row["subject"], row["body"]),
        saved_at=from_stored(row["saved_at"]),
        revision=row["revision"],
        note=row["note"],
    )


def versions(conn: sqlite3.Connection, draft_id: int) -> list[DraftVersion]:
    """The draft's kept versions, newest first."""
    rows = conn.execute(
        "SELECT * FROM draft_version WHERE draft_id = ? ORDER BY id DESC", (draft_id,)
    )
    return [_version(row) for row in rows]


def get_version(conn: sqlite3.Connection, version_id: int) -> DraftVersion:
    """One kept version; NotFoundError when it was pruned meanwhile."""
    row = conn.execute("SELECT * FROM draft_version WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no draft version with id {version_id} (it may have been pruned)")
    return _version(row)


def add_version(
    conn: sqlite3.Connection,
    draft_id: int,
    text: DraftText,
    revision: int,
    saved_at: arrow.Arrow,
    note: str = "",
) -> None:
    """Keep a version of the draft."""
    conn.execute(
        "INSERT INTO draft_version (draft_id, to_address, subject, body, saved_at, revision, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft_id, text.to, text.subject, text.body, to_stored(saved_at), revision, note),
    )


def refresh_version(
    conn: sqlite3.Connection, version_id: int, text: DraftText, revision: int
) -> None:
    """Bring a kept version up to the latest text of the same writing spell."""
    conn.execute(
        "UPDATE draft_version SET to_address = ?, subject = ?, body = ?, revision = ? WHERE id = ?",
        (text.to, text.subject, text.body, revision, version_id),
    )


def prune_versions(conn: sqlite3.Connection, draft_id: int, keep: int) -> None:
    """Drop all but the `keep` newest versions of the draft."""
    conn.execute(
        "DELETE FROM draft_version WHERE draft_id = ? AND id NOT IN "
        "(SELECT id FROM draft_version WHERE draft_id = ? ORDER BY id DESC LIMIT ?)",
        (draft_id, draft_id, keep),
    )


def templates(conn: sqlite3.Connection) -> list[Template]:
    """Every stored template: built-ins first, then the user's, each in stored order."""
    return template_store.all_templates(conn)
