"""Undo and redo as inverses: put back exactly what one change did, and nothing else.

The rules (see DESIGN.md, "Changes"): a row the change created is removed only while it is
as the change left it and nothing else hangs off it; a field the change set goes back only
while it still holds what the change wrote; a row the change deleted comes back with its id.
Whatever a later change (from anywhere) touched is left alone and named in the result.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from jobhunt_tui.storage.change_capture import ChangeKind, JournalRow

# Parents before children: rows come back in this order and are removed in the reverse one.
_PARENT_FIRST = ("company", "contact", "opportunity", "interaction", "follow_up", "draft")

_COLUMNS = "id, label, kind, opportunity_ids, inverse"

_BOOKKEEPING = frozenset({"updated_at"})
"""Columns every change bumps: never a conflict, and set afresh when a row is reverted."""


@dataclass(frozen=True)
class LoggedChange:
    """One entry of the change log that undo or redo can revert."""

    id: int
    label: str
    kind: str
    opportunity_ids: tuple[int, ...]
    rows: tuple[JournalRow, ...]


@dataclass
class RevertResult:
    """What reverting did not put back, in words, and whether anything at all changed."""

    kept: list[str] = field(default_factory=list)
    changed: bool = False


def _entry(row: sqlite3.Row | None) -> LoggedChange | None:
    if row is None:
        return None
    rows = tuple(JournalRow.from_json(item) for item in json.loads(row["inverse"] or "[]"))
    opportunity_ids = tuple(int(i) for i in json.loads(row["opportunity_ids"]))
    return LoggedChange(int(row["id"]), str(row["label"]), str(row["kind"]), opportunity_ids, rows)


def to_undo(conn: sqlite3.Connection, writer: str) -> LoggedChange | None:
    """This writer's latest change (or redo) that is not reverted yet."""
    return _entry(
        conn.execute(
            f"SELECT {_COLUMNS} FROM change_log WHERE writer = ? "
            "AND kind IN (?, ?) AND reverted_by IS NULL ORDER BY id DESC LIMIT 1",
            (writer, ChangeKind.CHANGE, ChangeKind.REDO),
        ).fetchone()
    )


def to_redo(conn: sqlite3.Connection, writer: str) -> LoggedChange | None:
    """This writer's latest undo not yet redone, unless a new change came after it."""
    latest_change = conn.execute(
        "SELECT coalesce(max(id), 0) FROM change_log WHERE writer = ? AND kind = ?",
        (writer, ChangeKind.CHANGE),
    ).fetchone()[0]
    return _entry(
        conn.execute(
            f"SELECT {_COLUMNS} FROM change_log WHERE writer = ? AND kind = ? "
            "AND reverted_by IS NULL AND id > ? ORDER BY id DESC LIMIT 1",
            (writer, ChangeKind.UNDO, latest_change),
        ).fetchone()
    )


@dataclass
class _Net:
    """A row's net effect over one change: its state before (None: created) and after
    (None: deleted)."""

    table: str
    pk: str
    before: dict[str, object] | None
    after: dict[str, object] | None


def _net_effects(rows: tuple[JournalRow, ...]) -> list[_Net]:
    effects: dict[tuple[str, str], _Net] = {}
    for row in rows:
        key = (row.table, row.pk)
        if key in effects:
            effects[key].after = row.new
        else:
            effects[key] = _Net(row.table, row.pk, row.old, row.new)
    return [net for net in effects.values() if net.before != net.after]


def _order(table: str) -> int:
    return _PARENT_FIRST.index(table) if table in _PARENT_FIRST else len(_PARENT_FIRST)


def _primary_key(conn: sqlite3.Connection, table: str) -> str:
    rows = conn.execute(f'PRAGMA main.table_info("{table}")').fetchall()
    return next((row[1] for row in rows if row[5] == 1), "rowid")


def _current(conn: sqlite3.Connection, table: str, pk: str) -> dict[str, object] | None:
    key = _primary_key(conn, table)
    found = conn.execute(f'SELECT * FROM "{table}" WHERE "{key}" = ?', (pk,)).fetchone()
    return None if found is None else dict(found)


def _describe(conn: sqlite3.Connection, net: _Net, column: str | None = None) -> str:
    """A few words a person understands for a row (and one of its fields)."""
    values = net.after or net.before or {}
    opportunity_id = values.get("id") if net.table == "opportunity" else None
    opportunity_id = values.get("opportunity_id", opportunity_id)
    company = ""
    if opportunity_id is not None:
        hit = conn.execute(
            "SELECT c.name FROM opportunity AS o JOIN company AS c ON c.id = o.company_id "
            "WHERE o.id = ?",
            (opportunity_id,),
        ).fetchone()
        company = f" of {hit[0]}" if hit else f" of #{opportunity_id}"
    if net.table == "opportunity":
        what = f"the {column.replace('_', ' ')}" if column else "the opportunity"
        return f"{what}{company}"
    kind = str(values.get("kind", "")).replace("_", "-")
    noun = {"interaction": "entry", "follow_up": "follow-up"}.get(net.table, net.table)
    return f"the {kind} {noun}{company}".replace("  ", " ")


def _dependents(conn: sqlite3.Connection, table: str, pk: str) -> set[tuple[str, str]]:
    """Rows in other tables whose foreign keys point at this row."""
    found: set[tuple[str, str]] = set()
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for child in tables:
        for link in conn.execute(f'PRAGMA main.foreign_key_list("{child}")').fetchall():
            if link["table"] != table:
                continue
            key = _primary_key(conn, child)
            for (child_pk,) in conn.execute(
                f'SELECT "{key}" FROM "{child}" WHERE "{link["from"]}" = ?', (pk,)
            ):
                found.add((child, str(child_pk)))
    return found


def revert(conn: sqlite3.Connection, rows: tuple[JournalRow, ...], now: str) -> RevertResult:
    """Apply the inverse of `rows` inside the caller's write transaction."""
    result = RevertResult()
    effects = sorted(_net_effects(rows), key=lambda net: _order(net.table))
    for net in effects:
        if net.before is not None and net.after is None:
            _bring_back(conn, net, result)
    for net in effects:
        if net.before is not None and net.after is not None:
            _put_back_fields(conn, net, now, result)
    _remove_created(conn, [net for net in effects if net.before is None], result)
    return result


def _bring_back(conn: sqlite3.Connection, net: _Net, result: RevertResult) -> None:
    """Re-insert a row the change deleted, with its own id (ids are never reused)."""
    assert net.before is not None
    if _current(conn, net.table, net.pk) is not None:
        return
    names = list(net.before)
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    try:
        conn.execute("SAVEPOINT bring_back")
        conn.execute(
            f'INSERT INTO "{net.table}" ({columns}) VALUES ({marks})',
            [net.before[name] for name in names],
        )
        conn.execute("RELEASE bring_back")
        result.changed = True
    except sqlite3.IntegrityError:
        conn.execute("ROLLBACK TO bring_back")
        conn.execute("RELEASE bring_back")
        result.kept.append(f"{_describe(conn, net)} (what it belonged to is gone)")


def _put_back_fields(conn: sqlite3.Connection, net: _Net, now: str, result: RevertResult) -> None:
    """Restore each field the change set, unless something changed it since."""
    assert net.before is not None and net.after is not None
    current = _current(conn, net.table, net.pk)
    if current is None:
        result.kept.append(f"{_describe(conn, net)} (deleted since)")
        return
    restore: dict[str, object] = {}
    for column, old in net.before.items():
        new = net.after.get(column)
        if old == new or column in _BOOKKEEPING:
            continue
        if current.get(column) == new:
            restore[column] = old
        else:
            result.kept.append(f"{_describe(conn, net, column)} (changed since)")
    if not restore:
        return
    if "updated_at" in current:
        restore["updated_at"] = now
    assignments = ", ".join(f'"{column}" = ?' for column in restore)
    key = _primary_key(conn, net.table)
    conn.execute(
        f'UPDATE "{net.table}" SET {assignments} WHERE "{key}" = ?', [*restore.values(), net.pk]
    )
    result.changed = True


def _remove_created(conn: sqlite3.Connection, created: list[_Net], result: RevertResult) -> None:
    """Delete the rows the change created: only those unchanged since, with nothing new
    hanging off them (a note added elsewhere to an undone add keeps the opportunity)."""
    removable: dict[tuple[str, str], _Net] = {}
    for net in created:
        current = _current(conn, net.table, net.pk)
        if current is None:
            continue
        after = {k: v for k, v in (net.after or {}).items() if k not in _BOOKKEEPING}
        if any(current.get(column) != value for column, value in after.items()):
            result.kept.append(f"{_describe(conn, net)} (changed since)")
            continue
        removable[(net.table, net.pk)] = net
    dependents = {key: _dependents(conn, *key) for key in removable}
    settled = False
    while not settled:
        settled = True
        for key in list(removable):
            if not dependents[key] <= removable.keys():
                result.kept.append(f"{_describe(conn, removable.pop(key))} (has newer entries)")
                settled = False
    for (table, pk), _net in sorted(removable.items(), key=lambda item: -_order(item[0][0])):
        key = _primary_key(conn, table)
        conn.execute(f'DELETE FROM "{table}" WHERE "{key}" = ?', (pk,))
        result.changed = True
