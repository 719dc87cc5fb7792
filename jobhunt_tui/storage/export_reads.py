"""Whole-table read queries for export and import on a plain sqlite3 connection.

Per-opportunity reads live in `reader`; these read every row at once, so an export of
thousands of opportunities stays a handful of queries. The JSON export is written by SQLite
itself, a row at a time (an export of 10,000 opportunities holds ~90,000 rows): each row
comes back as the text `json.dumps(record(obj), indent=2)` gives its domain object at its
place in the export, built from the domain class's fields in their order (instants in ISO
8601, flags as booleans, enums as their stored values), so the shape has one definition and
no domain object or dict is built per row.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import typing
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import arrow

from jobhunt_tui.domain.models import Contact, Draft, FollowUp, Interaction, Opportunity
from jobhunt_tui.domain.timeutil import from_stored

_OPPORTUNITY_KEYS = (
    "SELECT c.name_key, o.role FROM opportunity AS o JOIN company AS c ON c.id = o.company_id"
)
_INDENT = "  "
_INSTANT_FUNCTION = "jobhunt_iso_instant"


@dataclass(frozen=True)
class _Shape:
    """How the rows of one table become records of one domain class: a JSON text expression
    for the value of each field, in field order."""

    keys: tuple[str, ...]
    values: tuple[str, ...]


def _shape(model: type, alias: str, columns: Mapping[str, str] | None = None) -> _Shape:
    """The record shape of `model`'s fields, read from table alias `alias` (a field stored
    under another name is mapped in `columns`)."""
    hints = typing.get_type_hints(model)
    keys = tuple(field.name for field in dataclasses.fields(model))
    values = []
    for key in keys:
        column = (columns or {}).get(key, f'{alias}."{key}"')
        if arrow.Arrow in (hints[key], *typing.get_args(hints[key])):
            # What to_stored writes is rewritten in SQL; anything else goes through Python.
            values.append(
                f"CASE WHEN {column} IS NULL THEN 'null' WHEN length({column}) = 20 "
                f"AND substr({column}, 11, 1) = 'T' AND substr({column}, 20, 1) = 'Z' "
                f"THEN json_quote(substr({column}, 1, 19) || '+00:00') "
                f"ELSE json_quote({_INSTANT_FUNCTION}({column})) END"
            )
        elif hints[key] is bool:
            values.append(f"CASE WHEN {column} THEN 'true' ELSE 'false' END")
        else:
            values.append(f"json_quote({column})")
    return _Shape(keys, tuple(values))


def _iso_instant(stored: str) -> str:
    """A stored instant as `record` writes it (`2026-11-02T09:00:00+00:00`)."""
    return from_stored(stored).isoformat()


def _items_sql(shape: _Shape, level: int) -> str:
    """SQL for the text of a record's items, one a line at indent `level`, no braces."""
    pad = _INDENT * level
    parts = []
    for index, (key, value) in enumerate(zip(shape.keys, shape.values, strict=True)):
        lead = "" if index == 0 else f",{chr(10)}{pad}"
        parts.append(f"'{lead}{json.dumps(key)}: ' || {value}")
    return " || ".join(parts)


def _object_sql(shape: _Shape, level: int) -> str:
    """SQL for the text of a record as an object whose braces sit at indent `level`."""
    inner, outer = _INDENT * (level + 1), _INDENT * level
    return f"'{{{chr(10)}{inner}' || {_items_sql(shape, level + 1)} || '{chr(10)}{outer}}}'"


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    """Every row of `sql` as a plain tuple."""
    conn.create_function(_INSTANT_FUNCTION, 1, _iso_instant, deterministic=True)
    cursor = conn.cursor()
    cursor.row_factory = None
    # The connection's text factory (bad UTF-8 shown as U+FFFD) is a Python call per value.
    # sqlite3 decodes valid UTF-8 itself in C, so that is tried first; text that is not
    # valid UTF-8 makes it fail, and the rows are read again the connection's way.
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


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[Any, list[str]]:
    """The texts of `sql`'s rows (owner, text) under their owner, in the rows' order."""
    grouped: dict[Any, list[str]] = defaultdict(list)
    for owner, text in _rows(conn, sql):
        grouped[owner].append(text)
    return grouped


_OPPORTUNITY = _shape(Opportunity, "o", {"company_name": "c.name"})
_CONTACT = _shape(Contact, "contact")
_INTERACTION = _shape(Interaction, "interaction")
_FOLLOW_UP = _shape(FollowUp, "follow_up")
_DRAFT = _shape(Draft, "d", {"to": "d.to_address"})


def opportunity_json(conn: sqlite3.Connection, level: int) -> list[tuple[int, int, str]]:
    """(id, company id, its items as JSON text at indent `level`) of every opportunity,
    archived too, by id; the company's name is among the items."""
    sql = (
        f"SELECT o.id, o.company_id, {_items_sql(_OPPORTUNITY, level)} FROM opportunity AS o "
        "JOIN company AS c ON c.id = o.company_id ORDER BY o.id"
    )
    return [(int(key), int(company), text) for key, company, text in _rows(conn, sql)]


def contact_json(conn: sqlite3.Connection, level: int) -> dict[int | None, list[str]]:
    """Every contact as a JSON object at indent `level`, under its company, by id."""
    sql = f"SELECT company_id, {_object_sql(_CONTACT, level)} FROM contact ORDER BY id"
    return _grouped(conn, sql)


def interaction_json(conn: sqlite3.Connection, level: int) -> dict[int, list[str]]:
    """Every timeline entry as a JSON object at indent `level`, under its opportunity,
    oldest first."""
    sql = (
        f"SELECT opportunity_id, {_object_sql(_INTERACTION, level)} FROM interaction "
        "ORDER BY occurred_at, id"
    )
    return _grouped(conn, sql)


def follow_up_json(conn: sqlite3.Connection, level: int) -> dict[int, list[str]]:
    """Every follow-up as a JSON object at indent `level`, under its opportunity, by due
    date."""
    sql = (
        f"SELECT opportunity_id, {_object_sql(_FOLLOW_UP, level)} FROM follow_up "
        "ORDER BY due_at, id"
    )
    return _grouped(conn, sql)


def draft_json(conn: sqlite3.Connection, level: int) -> dict[int | None, list[str]]:
    """Every draft as a JSON object at indent `level`, under its opportunity (its own, or
    its follow-up's), oldest edit first."""
    sql = (
        f"SELECT COALESCE(d.opportunity_id, f.opportunity_id), {_object_sql(_DRAFT, level)} "
        "FROM draft AS d LEFT JOIN follow_up AS f ON f.id = d.follow_up_id "
        "ORDER BY d.updated_at, d.id"
    )
    return _grouped(conn, sql)


def opportunity_keys(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(company name_key, role as stored) of every opportunity, archived too."""
    return [(company_key, role) for company_key, role in conn.execute(_OPPORTUNITY_KEYS)]
