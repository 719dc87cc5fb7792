"""Automatic backups: once a day on start, 7 daily / 4 weekly / 6 monthly kept, each verified
and private; a refused file offers the newest good one; `jobhunt restore` lists and restores."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.domain.retention import backups_to_keep
from jobhunt_tui.services.backup import automatic_backup, damage, list_backups
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, file_mode
from jobhunt_tui.ui.app import JobhuntApp
from tests.cli.helpers import run_cli
from tests.conftest import NOW
from tests.ui.helpers import settle


def test_retention_keeps_7_daily_4_weekly_6_monthly() -> None:
    start = dt.datetime(2025, 1, 1, 9, tzinfo=dt.timezone.utc)
    stamps = [start + dt.timedelta(days=n, hours=n % 5) for n in range(400)]
    kept = sorted(backups_to_keep(stamps), reverse=True)
    newest = stamps[-1]
    assert kept[:7] == sorted(stamps[-7:], reverse=True)  # the last 7 days
    assert len({stamp.isocalendar()[:2] for stamp in kept}) >= 4
    assert len({(stamp.year, stamp.month) for stamp in kept}) == 6
    assert len(kept) <= 7 + 4 + 6
    assert newest - kept[-1] < dt.timedelta(days=6 * 31)


def test_a_backup_is_made_once_a_day_verified_private_and_pruned(
    database: Database, pipeline: PipelineService
) -> None:
    pipeline.add(OpportunityInput("Acme", "Engineer"))
    first = automatic_backup(database, fixed_clock(NOW))
    assert first is not None
    assert file_mode(first.path) == 0o600
    assert damage(first.path) is None
    assert automatic_backup(database, fixed_clock(NOW.shift(hours=23))) is None
    for day in range(1, 60):
        automatic_backup(database, fixed_clock(NOW.shift(days=day)))
    backups = list_backups(database.path)
    assert len(backups) <= 17
    assert backups[0].taken_at == NOW.shift(days=59).datetime
    conn = sqlite3.connect(backups[0].path)
    assert conn.execute("SELECT count(*) FROM opportunity").fetchone()[0] == 1
    conn.close()
    assert not any(path.name.endswith(("-wal", "-shm")) for path in first.path.parent.iterdir())


async def test_the_app_backs_up_when_it_starts(
    make_app: Callable[..., JobhuntApp], database: Database
) -> None:
    app = make_app(backup_after=0.1)
    async with app.run_test() as pilot:
        await pilot.pause(0.3)
        await settle(pilot)
    assert len(list_backups(database.path)) == 1


def test_a_damaged_file_offers_the_newest_good_backup_and_restore_puts_it_back(
    database: Database,
    pipeline: PipelineService,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pipeline.add(OpportunityInput("Acme", "Engineer"))
    for day in (2, 1):
        automatic_backup(database, fixed_clock(NOW.shift(days=-day)))
    database.close()
    whole = db_path.read_bytes()
    db_path.write_bytes(whole[: len(whole) // 2])
    damaged = db_path.read_bytes()

    refused = run_cli(capsys, db_path, "list")
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1
    assert "damaged" in refused.stderr and "jobhunt restore" in refused.stderr
    assert db_path.read_bytes() == damaged

    listing = run_cli(capsys, db_path, "restore")
    assert listing.exit_code == 0
    assert "1  2026-11-19 12:00 UTC" in listing.stdout and " ok" in listing.stdout

    restored = run_cli(capsys, db_path, "restore", "1")
    assert restored.exit_code == 0, restored.stderr
    kept = next(db_path.parent.glob("jobhunt.db.replaced-*"))
    assert kept.read_bytes() == damaged
    assert file_mode(db_path) == 0o600
    shown = run_cli(capsys, db_path, "list")
    assert "Acme" in shown.stdout


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    database: Database, db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    database.close()
    before = db_path.read_bytes()
    result = run_cli(capsys, db_path, "restore", str(bad))
    assert result.exit_code == 2
    assert "nothing was changed" in result.stderr
    assert db_path.read_bytes() == before


def test_the_backup_clock_uses_utc_names(database: Database) -> None:
    made = automatic_backup(database, fixed_clock(arrow.get("2026-11-20T23:30:00-05:00")))
    assert made is not None and made.path.name == "jobhunt-20261121-043000.db"
