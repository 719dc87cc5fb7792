"""Migrations keep every row, and one that fails leaves the file exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import header_stamp, open_database
from jobhunt_tui.storage.migrations import MigrationError
from jobhunt_tui.storage.schema import APPLICATION_ID, MIGRATIONS, Migration

ADD_REFERRAL = Migration(
    version=2,
    description="opportunities remember who referred you",
    statements=(
        "ALTER TABLE opportunity ADD COLUMN referred_by TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX ix_opportunity_referred_by ON opportunity (referred_by)",
    ),
)

BREAKS_MIDWAY = Migration(
    version=2,
    description="adds a column, then fails",
    statements=(
        "ALTER TABLE opportunity ADD COLUMN referred_by TEXT NOT NULL DEFAULT ''",
        "UPDATE opportunity SET referred_by = 'x'",
        "CREATE TABLE company (id INTEGER)",  # already exists: fails after real changes
    ),
)


def _version_one_file(path: Path) -> None:
    database = open_database(path, migrations=MIGRATIONS[:1])
    service = PipelineService(database, fixed_clock("2026-11-20T12:00:00Z"))
    for index in range(5):
        service.add(OpportunityInput(company=f"Company {index}", role="Engineer ✨ مهندس"))
    service.note(1, "a note")
    database.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_migration_keeps_every_row_and_takes_a_copy_first(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    _version_one_file(path)
    before = _dump(path)

    database = open_database(path, migrations=(*MIGRATIONS[:1], ADD_REFERRAL))
    with database.reading() as conn:
        rows = conn.execute("SELECT role, referred_by FROM opportunity ORDER BY id").fetchall()
        notes = conn.execute("SELECT count(*) FROM interaction WHERE kind = 'note'").fetchone()[0]
    database.close()

    assert [tuple(row) for row in rows] == [("Engineer ✨ مهندس", "")] * 5
    assert notes == 1
    assert header_stamp(path) == (APPLICATION_ID, 2)
    backup = tmp_path / "jobhunt.db.schema1.bak"
    assert _dump(backup) == before


def test_failed_migration_leaves_the_file_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "jobhunt.db"
    _version_one_file(path)
    before_bytes = path.read_bytes()
    before_dump = _dump(path)

    with pytest.raises(MigrationError, match="unchanged"):
        open_database(path, migrations=(*MIGRATIONS[:1], BREAKS_MIDWAY))

    assert path.read_bytes() == before_bytes
    assert _dump(path) == before_dump
    assert header_stamp(path) == (APPLICATION_ID, 1)
    # …and it still opens normally afterwards.
    open_database(path, migrations=MIGRATIONS[:1]).close()


def _version_one_with_typed_in_dates(path: Path) -> None:
    """A file as earlier versions wrote it: every application dated when it was typed in."""
    open_database(path, migrations=MIGRATIONS[:1]).close()
    conn = sqlite3.connect(path)
    stamp = "2026-11-20T12:00:00Z"
    with conn:
        conn.execute("INSERT INTO company VALUES (1, 'Acme', 'acme', '', '', ?)", (stamp,))
        conn.executemany(
            "INSERT INTO opportunity (id, company_id, role, stage, applied_on, created_at, "
            "updated_at) VALUES (?, 1, ?, 'applied', ?, ?, ?)",
            [
                (1, "Back-dated", "2026-10-30", stamp, stamp),
                (2, "Same day", "2026-11-20", stamp, stamp),
                (3, "No date", None, stamp, stamp),
                (4, "Later date", "2026-11-25", stamp, stamp),
            ],
        )
        conn.executemany(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
            "VALUES (?, ?, 'out', ?, ?)",
            [
                (1, "applied", stamp, "Applied"),
                (1, "applied", "2026-11-21T09:00:00Z", "Applied again"),  # not the first
                (1, "note", stamp, "a note"),
                (2, "applied", stamp, "Applied"),
                (3, "applied", stamp, "Applied"),
                (4, "applied", stamp, "Applied"),
            ],
        )
    conn.close()


def test_version_3_dates_each_first_application_on_applied_on_and_keeps_every_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobhunt.db"
    _version_one_with_typed_in_dates(path)
    before = _dump(path)

    open_database(path).close()

    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT opportunity_id, kind, occurred_at, summary FROM interaction ORDER BY id"
    ).fetchall()
    conn.close()
    assert rows == [
        (1, "applied", "2026-10-30T12:00:00Z", "Applied"),  # re-dated to applied_on
        (1, "applied", "2026-11-21T09:00:00Z", "Applied again"),
        (1, "note", "2026-11-20T12:00:00Z", "a note"),
        (2, "applied", "2026-11-20T12:00:00Z", "Applied"),  # already that day
        (3, "applied", "2026-11-20T12:00:00Z", "Applied"),  # no applied_on to go by
        (4, "applied", "2026-11-20T12:00:00Z", "Applied"),  # never moved later
    ]
    assert header_stamp(path) == (APPLICATION_ID, MIGRATIONS[-1].version)
    assert _dump(tmp_path / "jobhunt.db.schema1.bak") == before
