"""Storing many new opportunities at once on a plain connection, inside the caller's write
transaction (`Database.writing_sql`), so an import of 20,000 rows takes seconds, not a minute.

The rows are already checked and cleaned by the service; this module only finds or creates
their companies, inserts opportunities, their first timeline entry and their contacts, in
batches through `executemany`. What it stores is what the row-by-row ORM import stored (a
test holds it to a golden copy), and the change capture's triggers journal every row, so the
import stays one undo step that other windows see.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from jobhunt_tui.domain.text import name_key

BATCH = 500
"""Rows per batch: progress is reported after each."""

_OPPORTUNITY_COLUMNS = (
    *("company_id", "role", "stage", "url", "location", "salary", "source", "priority"),
    *("applied_on", "expected_decision_on", "notes", "created_at", "updated_at", "archived"),
)
_INSERT_OPPORTUNITY = (
    f"INSERT INTO opportunity ({', '.join(_OPPORTUNITY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_OPPORTUNITY_COLUMNS))})"
)
_INSERT_ENTRY = (
    "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
    "VALUES (?, ?, ?, ?, ?)"
)
# A contact is added unless the company has one of that name already, compared as the
# repository's `contact_named` compares (SQLite's lower() of the stored name), row by row in
# SQLite, so a contact named twice in one file is added once.
_INSERT_CONTACT = (
    "INSERT INTO contact (name, email, phone, company_id) SELECT ?, ?, ?, ? "
    "WHERE NOT EXISTS (SELECT 1 FROM contact WHERE company_id = ? AND lower(name) = ?)"
)


@dataclass(frozen=True)
class NewContact:
    """A contact to add at the opportunity's company, unless it has one of that name."""

    name: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class NewEntry:
    """The first entry of a new opportunity's timeline (stored values)."""

    kind: str
    direction: str
    occurred_at: str
    summary: str


@dataclass(frozen=True)
class NewOpportunity:
    """One opportunity to insert: its company's name and its column values, cleaned."""

    company: str
    columns: Mapping[str, object]
    """Every opportunity column but `id`, `company_id`, `created_at` and `updated_at`."""
    entry: NewEntry | None = None
    contacts: tuple[NewContact, ...] = ()


def store_new(
    conn: sqlite3.Connection,
    rows: Sequence[NewOpportunity],
    created_at: str,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Insert `rows` in order (inside the caller's transaction); the new opportunity ids.

    A company is found by its name key or created with the first spelling met; `progress`
    hears (rows stored, all rows) before the first batch and after each.
    """
    if progress is not None:
        progress(0, len(rows))
    companies = _company_ids(conn, rows, created_at)
    ids: list[int] = []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        ids += _insert_opportunities(conn, batch, companies, created_at)
        conn.executemany(
            _INSERT_ENTRY,
            [
                (new_id, row.entry.kind, row.entry.direction, row.entry.occurred_at,
                 row.entry.summary)
                for new_id, row in zip(ids[start:], batch, strict=True)
                if row.entry is not None
            ],
        )  # fmt: skip
        conn.executemany(
            _INSERT_CONTACT,
            [
                (person.name, person.email, person.phone, company_id, company_id,
                 person.name.lower())
                for row in batch
                for company_id in (companies[name_key(row.company)],)
                for person in row.contacts
            ],
        )  # fmt: skip
        if progress is not None:
            progress(start + len(batch), len(rows))
    return ids


def _company_ids(
    conn: sqlite3.Connection, rows: Sequence[NewOpportunity], created_at: str
) -> dict[str, int]:
    """The id of every row's company by name key, creating those not stored yet."""
    known = {
        key: company_id for company_id, key in conn.execute("SELECT id, name_key FROM company")
    }
    for row in rows:
        key = name_key(row.company)
        if key not in known:
            cursor = conn.execute(
                "INSERT INTO company (name, name_key, created_at) VALUES (?, ?, ?)",
                (row.company, key, created_at),
            )
            known[key] = int(cursor.lastrowid or 0)
    return known


def _insert_opportunities(
    conn: sqlite3.Connection,
    batch: Sequence[NewOpportunity],
    companies: dict[str, int],
    created_at: str,
) -> list[int]:
    """Insert one batch; the new ids in the batch's order."""
    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM opportunity").fetchone()
    values = [
        {**row.columns, "company_id": companies[name_key(row.company)],
         "created_at": created_at, "updated_at": created_at}
        for row in batch
    ]  # fmt: skip
    conn.executemany(
        _INSERT_OPPORTUNITY, [[value[name] for name in _OPPORTUNITY_COLUMNS] for value in values]
    )
    # Ids only grow (AUTOINCREMENT) and this transaction holds the write lock: the rows above
    # `last`, in id order, are this batch, in its order.
    new = [
        row[0]
        for row in conn.execute("SELECT id FROM opportunity WHERE id > ? ORDER BY id", (last,))
    ]
    if len(new) != len(batch):
        raise RuntimeError(f"stored {len(new)} opportunities of a batch of {len(batch)}")
    return new
