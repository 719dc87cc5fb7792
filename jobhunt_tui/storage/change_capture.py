"""Recording what a write transaction changed, row by row, and committing it to the change log.

Each connection that writes gets TEMP triggers on the user tables. They copy every inserted,
updated and deleted row (old and new values, as JSON) into a TEMP journal, so no writer can
forget to record a change: the ORM session, plain SQL, imports and undo itself all land there.
Before COMMIT, `finish` turns the journal into one `change_log` row: the label, the writer, the
opportunities touched and the inverse (the journal itself, which `change_revert` applies).

TEMP objects belong to one connection, so only jobhunt's own write connections pay for this,
and the file itself carries nothing SQLite-specific beyond the plain `change_log` table.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

import arrow

from jobhunt_tui.domain.timeutil import to_stored

NOT_RECORDED = frozenset({"change_log", "sqlite_sequence", "draft_version"})
"""Tables whose rows are not part of any change: the log itself, and draft history (drafts
keep versions of their own)."""

KEEP_ENTRIES = 5_000
"""How many change-log entries are kept; older ones are pruned (undo goes back this far)."""

KEEP_DAYS = 90
"""Entries older than this are pruned too."""

PRUNE_EVERY = 200
"""Prune once every this many entries, so the cost is spread thin."""

_JOURNAL = """CREATE TEMP TABLE IF NOT EXISTS change_journal (
    seq INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    op TEXT NOT NULL,
    old TEXT,
    new TEXT
)"""


class ChangeKind:
    """The kinds of entry in the change log."""

    CHANGE = "change"  # an undoable change
    UNDO = "undo"
    REDO = "redo"
    RECORD = "record"  # a write that is not an undo step (draft autosave, settings)


@dataclass
class PendingEntry:
    """The label and reverted entry of a change-log entry still being written."""

    label: str
    reverts: int | None = None


def _columns(conn: sqlite3.Connection, table: str) -> tuple[list[str], str]:
    """(column names, primary key column) of a main-schema table."""
    rows = conn.execute(f"PRAGMA main.table_info({table})").fetchall()
    names = [row[1] for row in rows]
    primary = next((row[1] for row in rows if row[5] == 1), "rowid")
    return names, primary


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [row[0] for row in rows if row[0] not in NOT_RECORDED]


def _json_of(prefix: str, columns: list[str]) -> str:
    pairs = ", ".join(f"'{name}', {prefix}.\"{name}\"" for name in columns)
    return f"json_object({pairs})"


def install(conn: sqlite3.Connection) -> None:
    """Create this connection's journal and triggers (once per connection and schema)."""
    version = conn.execute("PRAGMA main.schema_version").fetchone()[0]
    if getattr(conn, "capture_schema", None) == version:
        return
    conn.execute(_JOURNAL)
    for table in _user_tables(conn):
        columns, primary = _columns(conn, table)
        old, new = _json_of("OLD", columns), _json_of("NEW", columns)
        for op, when, pk, values in (
            ("insert", "INSERT", f'NEW."{primary}"', f"NULL, {new}"),
            ("update", "UPDATE", f'OLD."{primary}"', f"{old}, {new}"),
            ("delete", "DELETE", f'OLD."{primary}"', f"{old}, NULL"),
        ):
            conn.execute(f"DROP TRIGGER IF EXISTS temp.capture_{table}_{op}")
            conn.execute(
                f'CREATE TEMP TRIGGER capture_{table}_{op} AFTER {when} ON main."{table}" '
                f"BEGIN INSERT INTO change_journal (tbl, pk, op, old, new) "
                f"VALUES ('{table}', {pk}, '{op}', {values}); END"
            )
    if hasattr(conn, "capture_schema"):  # jobhunt's own connection class remembers it
        conn.capture_schema = version


def begin(conn: sqlite3.Connection) -> None:
    """Start recording: call right after BEGIN IMMEDIATE (`install` ran before it)."""
    install(conn)
    conn.execute("DELETE FROM temp.change_journal")


def forget(conn: sqlite3.Connection) -> None:
    """A transaction rolled back: what `install` did inside it may be gone, so redo it."""
    if hasattr(conn, "capture_schema"):
        conn.capture_schema = None


class JournalRow(NamedTuple):
    """One row as a change left it: `old` is None for an insert, `new` None for a delete."""

    table: str
    pk: str
    op: str
    old: dict[str, object] | None
    new: dict[str, object] | None

    def as_json(self) -> list[object]:
        """The compact form stored in `change_log.inverse`."""
        return [self.table, self.pk, self.op, self.old, self.new]

    @classmethod
    def from_json(cls, value: list[object]) -> JournalRow:
        """Read back what `as_json` stored."""
        table, pk, op, old, new = value
        return cls(str(table), str(pk), str(op), old, new)  # type: ignore[arg-type]


def journal(conn: sqlite3.Connection) -> list[JournalRow]:
    """What this transaction changed so far, in order."""
    rows = conn.execute("SELECT tbl, pk, op, old, new FROM temp.change_journal ORDER BY seq")
    return [
        JournalRow(
            tbl,
            str(pk),
            op,
            None if old is None else json.loads(old),
            None if new is None else json.loads(new),
        )
        for tbl, pk, op, old, new in rows
    ]


def _opportunity_ids(conn: sqlite3.Connection, rows: list[JournalRow]) -> list[int]:
    """Every opportunity whose card or details a change can alter."""
    found: set[int] = set()
    companies: set[object] = set()
    for row in rows:
        for values in (row.old, row.new):
            if values is None:
                continue
            if row.table == "opportunity":
                found.add(int(values["id"]))  # type: ignore[call-overload]
            elif row.table == "company":
                companies.add(values["id"])
            if values.get("opportunity_id") is not None:
                found.add(int(values["opportunity_id"]))  # type: ignore[call-overload]
            if row.table == "draft" and values.get("follow_up_id") is not None:
                hit = conn.execute(
                    "SELECT opportunity_id FROM follow_up WHERE id = ?", (values["follow_up_id"],)
                ).fetchone()
                if hit is not None:
                    found.add(int(hit[0]))
    for company_id in companies:
        for (opportunity_id,) in conn.execute(
            "SELECT id FROM opportunity WHERE company_id = ?", (company_id,)
        ):
            found.add(int(opportunity_id))
    return sorted(found)


def finish(
    conn: sqlite3.Connection,
    *,
    label: str,
    writer: str,
    kind: str,
    at: arrow.Arrow,
    reverts: int | None = None,
) -> int | None:
    """Append this transaction's entry to the change log (call just before COMMIT).

    Returns its id, or None when the transaction changed nothing (nothing is logged then, so
    a refused or empty change leaves no undo step).
    """
    rows = journal(conn)
    if not rows and kind in (ChangeKind.CHANGE, ChangeKind.RECORD):
        return None
    if not _has_change_log(conn):  # a file older than the change log (migration tests)
        return None
    tables = sorted({row.table for row in rows})
    inverse = None if kind == ChangeKind.RECORD else json.dumps([r.as_json() for r in rows])
    cursor = conn.execute(
        "INSERT INTO change_log (at, writer, label, kind, opportunity_ids, tables, inverse, "
        "reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            to_stored(at),
            writer,
            label,
            kind,
            json.dumps(_opportunity_ids(conn, rows)),
            json.dumps(tables),
            inverse,
            reverts,
        ),
    )
    entry_id = int(cursor.lastrowid or 0)
    if reverts is not None:
        conn.execute("UPDATE change_log SET reverted_by = ? WHERE id = ?", (entry_id, reverts))
    conn.execute("DELETE FROM temp.change_journal")
    if entry_id % PRUNE_EVERY == 0:
        prune(conn, at)
    return entry_id


def _has_change_log(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'change_log'"
    ).fetchone()
    return found is not None


def prune(conn: sqlite3.Connection, now: arrow.Arrow) -> None:
    """Drop entries past the count and age bounds."""
    cutoff = to_stored(now.shift(days=-KEEP_DAYS))
    conn.execute(
        "DELETE FROM change_log WHERE id <= (SELECT max(id) FROM change_log) - ? OR at < ?",
        (KEEP_ENTRIES, cutoff),
    )
