"""The calendar's reads are bounded: index range walks, never a scan of the big tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from jobhunt_tui.storage import agenda_reads
from jobhunt_tui.storage.database import Database
from tests.ui.helpers import bulk_fill

START, END = "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"


def _plan(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> str:
    return "\n".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_month_and_day_reads_walk_the_time_indexes(database: Database) -> None:
    with database.reading() as conn:
        day = _plan(
            conn,
            f"{agenda_reads._PLANNED_IN} UNION ALL {agenda_reads._HAPPENED_IN}",
            (START, END, START, END),
        )
        items = _plan(conn, agenda_reads._AGENDA_ITEMS, (START, END))
    assert "ix_follow_up_due" in day and "ix_interaction_occurred" in day
    assert "ix_follow_up_due" in items
    assert "SCAN o" not in day and "SCAN f" not in day and "SCAN i" not in day


def test_marks_and_lists_come_back_by_range_and_limit(database: Database) -> None:
    bulk_fill(database, 12)
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO follow_up (opportunity_id, kind, channel, due_at, created_at) "
            "VALUES (?, 'check_in', 'phone', ?, '2026-11-01T10:00:00Z')",
            [(n, f"2026-11-{n + 10:02d}T10:00:00Z") for n in range(1, 13)],
        )
    with database.reading() as conn:
        marks = agenda_reads.marks_between(conn, "2026-11-12T00:00:00Z", "2026-11-14T00:00:00Z")
        items, total = agenda_reads.planned_between(conn, "", END, 3)
        weeks = agenda_reads.weekly_counts(
            conn, ["2026-10-26T00:00:00Z", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z"]
        )
    assert [(m.at, m.state, m.opportunity_ids) for m in marks] == [
        ("2026-11-12T10:00:00Z", "planned", (2,)),
        ("2026-11-13T10:00:00Z", "planned", (3,)),
    ]
    assert [i.opportunity_id for i in items] == [1, 2, 3] and total == 12
    # bulk_fill applied all 12 on 1 Nov: the week starting 26 Oct (index 0).
    assert [(w, kind.value, n) for w, kind, _, n in weeks] == [(0, "applied", 12)]


def test_the_first_views_reads_stop_at_index_ranges(database: Database) -> None:
    bulk_fill(database, 30)
    bounds = [START, "2026-11-02T00:00:00Z", END]
    with database.reading() as conn:
        statements = _statements(conn, lambda: agenda_reads.day_kinds(conn, bounds))
        statements += _statements(conn, lambda: agenda_reads.planned_totals(conn, bounds))
        lines = [line for sql in statements for line in _plan(conn, sql, ()).splitlines()]
    assert any("ix_follow_up_due" in line for line in lines)
    assert any("ix_interaction_occurred" in line for line in lines)
    # No walk over a whole table (the archived and closed ones come from ix_opportunity_board).
    tables = ("f", "i", "follow_up", "interaction", "opportunity")
    assert not [line for line in lines if line.strip() in {f"SCAN {t}" for t in tables}]


def _statements(conn: sqlite3.Connection, run: Callable[[], object]) -> list[str]:
    """The queries `run` sends, values filled in (as the trace callback sees them)."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
