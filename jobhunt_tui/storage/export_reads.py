"""Whole-table read queries for export and import on a plain sqlite3 connection.

Per-opportunity reads live in `reader`; these read every row at once, so an export of
thousands of opportunities stays a handful of queries. The export reads rows straight into
JSON-ready dicts, without building a domain object per row (an export of 10,000
opportunities holds ~90,000 rows): each dict has the keys of its domain class's fields, in
their order, with the values `services.records.record` gives that object (instants in ISO
8601, flags as booleans, enums as their stored values), so the shape has one definition.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import typing
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import arrow

from jobhunt_tui.domain.models import Contact, Draft, FollowUp, Interaction, Opportunity
from jobhunt_tui.domain.timeutil import from_stored

Record = dict[str, Any]

_OPPORTUNITY_KEYS = (
    "SELECT c.name_key, o.role FROM opportunity AS o JOIN company AS c ON c.id = o.company_id"
)


@dataclass(frozen=True)
class _Shape:
    """How the rows of one table become records of one domain class."""

    keys: tuple[str, ...]
    select: str
    """The columns, in field order, as SQL (`o."role"`, `c.name`)."""
    instants: tuple[str, ...]
    flags: tuple[str, ...]


def _shape(model: type, alias: str, columns: Mapping[str, str] | None = None) -> _Shape:
    """The record shape of `model`'s fields, read from table alias `alias` (a field stored
    under another name is mapped in `columns`)."""
    hints = typing.get_type_hints(model)
    keys = tuple(field.name for field in dataclasses.fields(model))
    renamed = columns or {}
    select = ", ".join(renamed.get(key, f'{alias}."{key}"') for key in keys)
    instants = tuple(
        key for key in keys if arrow.Arrow in (hints[key], *typing.get_args(hints[key]))
    )
    flags = tuple(key for key in keys if hints[key] is bool)
    return _Shape(keys, select, instants, flags)


def _iso_instant(stored: str) -> str:
    """A stored instant as `record` writes it (`2026-11-02T09:00:00+00:00`)."""
    if len(stored) == 20 and stored[10] == "T" and stored[19] == "Z":  # what to_stored writes
        return stored[:19] + "+00:00"
    return from_stored(stored).isoformat()


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    """Every row of `sql` as a plain tuple (zipped with the keys after)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    # The connection's text factory (bad UTF-8 shown as U+FFFD) is a Python call per value:
    # ~500,000 at 10,000 opportunities. sqlite3 decodes valid UTF-8 itself in C, so that is
    # tried first; text that is not valid UTF-8 makes it fail, and the rows are read again.
    shown_safely = conn.text_factory
    conn.text_factory = str
    try:
        return cursor.execute(sql).fetchall()
    except sqlite3.OperationalError as error:
        if "decode" not in str(error):
            raise
    finally:
        conn.text_factory = shown_safely
    return cursor.execute(sql).fetchall()


def _records(shape: _Shape, rows: list[tuple[Any, ...]]) -> list[Record]:
    """Rows that start with `shape.select`'s columns as records (later columns ignored)."""
    found = [dict(zip(shape.keys, row, strict=False)) for row in rows]
    for key in shape.instants:
        for item in found:
            if item[key] is not None:
                item[key] = _iso_instant(item[key])
    for key in shape.flags:
        for item in found:
            item[key] = bool(item[key])
    return found


_OPPORTUNITY = _shape(Opportunity, "o", {"company_name": "c.name"})
_CONTACT = _shape(Contact, "contact")
_INTERACTION = _shape(Interaction, "interaction")
_FOLLOW_UP = _shape(FollowUp, "follow_up")
_DRAFT = _shape(Draft, "d", {"to": "d.to_address"})


def opportunity_records(conn: sqlite3.Connection) -> list[Record]:
    """Every opportunity (archived too) by id, with its company's name."""
    sql = (
        f"SELECT {_OPPORTUNITY.select} FROM opportunity AS o "
        "JOIN company AS c ON c.id = o.company_id ORDER BY o.id"
    )
    return _records(_OPPORTUNITY, _rows(conn, sql))


def contact_records(conn: sqlite3.Connection) -> list[Record]:
    """Every contact, by id."""
    return _records(_CONTACT, _rows(conn, f"SELECT {_CONTACT.select} FROM contact ORDER BY id"))


def interaction_records(conn: sqlite3.Connection) -> list[Record]:
    """Every timeline entry, oldest first."""
    sql = f"SELECT {_INTERACTION.select} FROM interaction ORDER BY occurred_at, id"
    return _records(_INTERACTION, _rows(conn, sql))


def follow_up_records(conn: sqlite3.Connection) -> list[Record]:
    """Every follow-up, by due date."""
    sql = f"SELECT {_FOLLOW_UP.select} FROM follow_up ORDER BY due_at, id"
    return _records(_FOLLOW_UP, _rows(conn, sql))


def draft_records_by_opportunity(conn: sqlite3.Connection) -> dict[int | None, list[Record]]:
    """Every draft under its opportunity (its own, or its follow-up's), oldest edit first."""
    sql = (
        f"SELECT {_DRAFT.select}, COALESCE(d.opportunity_id, f.opportunity_id) FROM draft AS d "
        "LEFT JOIN follow_up AS f ON f.id = d.follow_up_id ORDER BY d.updated_at, d.id"
    )
    rows = _rows(conn, sql)
    drafts: dict[int | None, list[Record]] = defaultdict(list)
    for row, item in zip(rows, _records(_DRAFT, rows), strict=True):
        drafts[row[-1]].append(item)
    return drafts


def opportunity_keys(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(company name_key, role as stored) of every opportunity, archived too."""
    return [(company_key, role) for company_key, role in conn.execute(_OPPORTUNITY_KEYS)]
