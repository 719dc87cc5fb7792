"""The header's counts: active opportunities, and planned follow-ups overdue and due today,
counting only opportunities that are open and not archived."""

from __future__ import annotations

import itertools

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.domain.stages import is_open
from jobhunt_tui.storage import agenda_reads
from jobhunt_tui.storage.database import Database

TODAY = "2026-11-20T00:00:00Z"
TOMORROW = "2026-11-21T00:00:00Z"
STAMP = "2026-11-01T12:00:00Z"
DUES = ("2026-11-10T09:00:00Z", "2026-11-20T09:00:00Z", "2026-11-25T09:00:00Z")


def test_counts_leave_out_closed_archived_and_unplanned(database: Database) -> None:
    """One opportunity per (stage, archived) pair, each with a follow-up per (due, status)."""
    expected_active = expected_overdue = expected_today = 0
    cases = list(itertools.product(Stage, (0, 1)))
    with database.writing_sql("test setup") as conn:
        for number, (stage, archived) in enumerate(cases, start=1):
            conn.execute(
                "INSERT INTO company (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
                (number, f"Company {number}", f"company {number}", STAMP),
            )
            conn.execute(
                "INSERT INTO opportunity (id, company_id, role, stage, archived, created_at, "
                "updated_at) VALUES (?, ?, 'Role', ?, ?, ?, ?)",
                (number, number, stage.value, archived, STAMP, STAMP),
            )
            counted = not archived and is_open(stage)
            expected_active += counted and stage is not Stage.WISHLIST
            for due, status in itertools.product(DUES, ("planned", "done", "skipped")):
                conn.execute(
                    "INSERT INTO follow_up (opportunity_id, kind, channel, due_at, status, "
                    "created_at) VALUES (?, 'follow_up', 'email', ?, ?, ?)",
                    (number, due, status, STAMP),
                )
                if counted and status == "planned":
                    expected_overdue += due < TODAY
                    expected_today += TODAY <= due < TOMORROW
    with database.reading() as conn:
        active = agenda_reads.active_count(conn)
        overdue, due_today = agenda_reads.planned_totals(conn, ("", TODAY, TOMORROW))
    assert (active, overdue, due_today) == (expected_active, expected_overdue, expected_today)
    assert (active, overdue, due_today) == (4, 5, 5)  # wishlist is open but not yet active
