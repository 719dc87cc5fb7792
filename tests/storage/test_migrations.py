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
