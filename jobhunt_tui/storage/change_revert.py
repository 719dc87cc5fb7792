"""Undo and redo as inverses: put back exactly what one change did, and nothing else.

The rules (see DESIGN.md, "Changes"): a row the change created is removed only while it is
as the change left it and nothing else hangs off it; a field the change set goes back only
while it still holds what the change wrote and no later change still in effect set it (even
to the same value); a row the change deleted comes back with its id.
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


def _opportunity_of(net: _Net) -> int | None:
    values = net.after or net.before or {}
    if net.table == "opportunity":
        return int(values["id"])  # type: ignore[call-overload]
    found = values.get("opportunity_id")
    return None if found is None else int(found)  # type: ignore[call-overload]


def _set_since(conn: sqlite3.Connection, after_id: int | None) -> set[tuple[str, str, str]]:
    """(table, pk, column) of every field a later change still in effect set.

    A field another writer changed and changed back (A→B→A) holds what this change wrote,
    yet putting it back would take that writer's last change away. Later entries that revert
    one another form chains (a change, its undo, its redo…): a chain of even length cancels
    out; one of odd length leaves the first entry's effect in place.
    """
    if after_id is None:
        return set()
    later = {
        row["id"]: row
        for row in conn.execute(
            "SELECT id, inverse, reverts, reverted_by FROM change_log WHERE id > ?", (after_id,)
        )
    }
    touched: set[tuple[str, str, str]] = set()
    for head in (row for row in later.values() if row["reverts"] not in later):
        length, link = 1, head
        while link["reverted_by"] in later:
            length, link = length + 1, later[link["reverted_by"]]
        if length % 2 == 0 or head["inverse"] is None:
            continue
        for item in json.loads(head["inverse"]):
            row = JournalRow.from_json(item)
            if row.old is not None and row.new is not None:
                touched |= {
                    (row.table, row.pk, column)
                    for column, value in row.new.items()
                    if column not in _BOOKKEEPING and row.old.get(column) != value
                }
    return touched


def _problems(
    conn: sqlite3.Connection, plan: list[_Net], set_since: set[tuple[str, str, str]]
) -> list[tuple[_Net, str]]:
    """What in `plan` cannot be put back because a later change touched it."""
    problems: list[tuple[_Net, str]] = []
    removable = {(net.table, net.pk) for net in plan if net.before is None}
    for net in plan:
        current = _current(conn, net.table, net.pk)
        if net.before is None:  # created by the change
            if current is None:
                continue
            after = {k: v for k, v in (net.after or {}).items() if k not in _BOOKKEEPING}
            if any(current.get(column) != value for column, value in after.items()):
                problems.append((net, f"{_describe(conn, net)} changed since"))
            elif not _dependents(conn, net.table, net.pk) <= removable:
                problems.append((net, f"{_describe(conn, net)} has newer entries"))
        elif net.after is not None:  # changed by the change
            if current is None:
                problems.append((net, f"{_describe(conn, net)} was deleted since"))
                continue
            for column, old in net.before.items():
                new = net.after.get(column)
                later = current.get(column) != new or (net.table, net.pk, column) in set_since
                if old != new and column not in _BOOKKEEPING and later:
                    problems.append((net, f"{_describe(conn, net, column)} changed since"))
    return problems


def revert(
    conn: sqlite3.Connection, rows: tuple[JournalRow, ...], now: str, after_id: int | None = None
) -> RevertResult:
    """Apply the inverse of `rows` (change-log entry `after_id`) inside the caller's write
    transaction.

    Each opportunity goes back wholly or not at all: when a later change touched any part of
    what this change did to it, all of that is left (so its timeline never loses a step that
    still shows), and the result says why.
    """
    result = RevertResult()
    plan = sorted(_net_effects(rows), key=lambda net: _order(net.table))
    set_since = _set_since(conn, after_id)
    while True:
        problems = _problems(conn, plan, set_since)
        if not problems:
            break
        blocked = {_opportunity_of(net) for net, _reason in problems} - {None}
        dropped = {id(net) for net, _reason in problems}
        result.kept.extend(reason for _net, reason in problems)
        plan = [
            net for net in plan if id(net) not in dropped and _opportunity_of(net) not in blocked
        ]
    for net in plan:
        if net.after is None:
            _bring_back(conn, net, result)
    for net in plan:
        if net.before is not None and net.after is not None:
            _put_back_fields(conn, net, now, result)
    for net in reversed(plan):
        if net.before is None and _current(conn, net.table, net.pk) is not None:
            key = _primary_key(conn, net.table)
            conn.execute(f'DELETE FROM "{net.table}" WHERE "{key}" = ?', (net.pk,))
            result.changed = True
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
    """Restore each field the change set (the plan holds no conflicts any more)."""
    assert net.before is not None and net.after is not None
    restore = {
        column: old
        for column, old in net.before.items()
        if old != net.after.get(column) and column not in _BOOKKEEPING
    }
    if not restore:
        return
    if "updated_at" in net.before:
        restore["updated_at"] = now
    assignments = ", ".join(f'"{column}" = ?' for column in restore)
    key = _primary_key(conn, net.table)
    conn.execute(
        f'UPDATE "{net.table}" SET {assignments} WHERE "{key}" = ?', [*restore.values(), net.pk]
    )
    result.changed = True
