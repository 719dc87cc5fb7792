"""The templates table on a plain sqlite3 connection: read, add, change, delete, the default.

Reads run inside `Database.reading()`, writes inside `Database.writing_sql(...)`: the caller
owns the transaction and decides from the rows as they are stored.
"""

from __future__ import annotations

import sqlite3

from jobhunt_tui.domain.errors import NotFoundError
from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.templates import Template, TemplateInput

_KIND_ORDER = "CASE kind WHEN 'thank_you' THEN 0 WHEN 'follow_up' THEN 1 ELSE 2 END"


def _template(row: sqlite3.Row) -> Template:
    return Template(
        name=row["name"],
        kind=FollowUpKind(row["kind"]),
        channel=Channel(row["channel"]),
        subject=row["subject"],
        body=row["body"],
        id=row["id"],
        built_in=bool(row["built_in"]),
        is_default=bool(row["is_default"]),
    )


def all_templates(conn: sqlite3.Connection) -> list[Template]:
    """Every stored template: built-ins first, then the user's, each in stored order."""
    return [
        _template(row) for row in conn.execute("SELECT * FROM template ORDER BY built_in DESC, id")
    ]


def listed(conn: sqlite3.Connection) -> list[Template]:
    """Every template as the list shows them: by step, then channel, built-ins first."""
    rows = conn.execute(
        f"SELECT * FROM template ORDER BY {_KIND_ORDER}, channel, built_in DESC, id"
    )
    return [_template(row) for row in rows]


def get(conn: sqlite3.Connection, template_id: int) -> Template:
    """One template; NotFoundError when it is gone (deleted in another window, say)."""
    row = conn.execute("SELECT * FROM template WHERE id = ?", (template_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no template with id {template_id} (it may have been deleted)")
    return _template(row)


def names(conn: sqlite3.Connection, *, except_id: int = 0) -> set[str]:
    """The names in use (casefolded), leaving out one template's own."""
    rows = conn.execute("SELECT name FROM template WHERE id != ?", (except_id,))
    return {str(row[0]).casefold() for row in rows}


def built_in_for(conn: sqlite3.Connection, kind: FollowUpKind, channel: Channel) -> Template | None:
    """The stored built-in of a kind and channel, or None once it was deleted."""
    row = conn.execute(
        "SELECT * FROM template WHERE built_in = 1 AND kind = ? AND channel = ? ORDER BY id",
        (kind.value, channel.value),
    ).fetchone()
    return None if row is None else _template(row)


def insert(conn: sqlite3.Connection, draft: TemplateInput, *, built_in: bool = False) -> int:
    """Store a new template; returns its id."""
    cursor = conn.execute(
        "INSERT INTO template (name, kind, channel, subject, body, built_in) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (draft.name, draft.kind.value, draft.channel.value, draft.subject, draft.body,
         int(built_in)),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def update(conn: sqlite3.Connection, template_id: int, draft: TemplateInput) -> None:
    """Write a template's name, step, channel and words (a moved default stops being one)."""
    conn.execute(
        "UPDATE template SET is_default = CASE WHEN kind = ? AND channel = ? THEN is_default "
        "ELSE 0 END, name = ?, kind = ?, channel = ?, subject = ?, body = ? WHERE id = ?",
        (draft.kind.value, draft.channel.value, draft.name, draft.kind.value,
         draft.channel.value, draft.subject, draft.body, template_id),
    )  # fmt: skip


def delete(conn: sqlite3.Connection, template_id: int) -> None:
    """Remove a template."""
    conn.execute("DELETE FROM template WHERE id = ?", (template_id,))


def set_default(conn: sqlite3.Connection, template: Template, on: bool) -> None:
    """Make `template` the default of its kind and channel (the others stop being it), or
    make none the default."""
    conn.execute(
        "UPDATE template SET is_default = 0 WHERE kind = ? AND channel = ?",
        (template.kind.value, template.channel.value),
    )
    if on:
        conn.execute("UPDATE template SET is_default = 1 WHERE id = ?", (template.id,))
