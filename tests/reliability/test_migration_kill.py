"""Battery 7: a migration killed with SIGKILL at each of its steps leaves the file wholly old
or wholly new, never in between; the next start finishes the job."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, open_database
from jobhunt_tui.storage.schema import MIGRATIONS, SCHEMA_VERSION

# Run in a child: migrate with a migration that rebuilds a table, dying at statement `k`.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from jobhunt_tui.storage import migrations
    from jobhunt_tui.storage.database import open_database
    from tests.reliability.test_migration_kill import WITH_REBUILD

    kill_at = int(sys.argv[2])
    seen = []
    real_connect = migrations.connect

    def connect(path):
        conn = real_connect(path)

        def trace(statement):
            seen.append(statement)
            if len(seen) == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

        conn.set_trace_callback(trace)
        return conn

    migrations.connect = connect
    open_database(sys.argv[1], migrations=WITH_REBUILD).close()
    print(len(seen))
    """
)

NEW_VERSION = SCHEMA_VERSION + 1
REBUILD = MIGRATIONS[-1].__class__(
    version=NEW_VERSION,
    description="rebuild the setting table with a note column (a typical table rebuild)",
    statements=(
        "CREATE TABLE setting_new (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
        "note TEXT NOT NULL DEFAULT '')",
        "INSERT INTO setting_new (key, value) SELECT key, value FROM setting",
        "DROP TABLE setting",
        "ALTER TABLE setting_new RENAME TO setting",
        "UPDATE opportunity SET notes = notes || ''",
        "CREATE INDEX ix_setting_note ON setting (note)",
    ),
)
WITH_REBUILD = (*MIGRATIONS, REBUILD)


def _run_child(path: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(kill_at)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
    )


def _state(path: Path) -> tuple[int, bool, int, int]:
    """(user_version, has the note column, settings, opportunities), after integrity_check."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(setting)")}
        settings = conn.execute("SELECT count(*) FROM setting").fetchone()[0]
        opportunities = conn.execute("SELECT count(*) FROM opportunity").fetchone()[0]
    finally:
        conn.close()
    return version, "note" in columns, settings, opportunities


def test_a_migration_killed_at_every_step_is_wholly_old_or_wholly_new(
    database: Database, pipeline: PipelineService, tmp_path: Path
) -> None:
    for n in range(3):
        pipeline.add(OpportunityInput(f"Company {n}", "Engineer"))
    with database.writing_sql("test setup") as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('your_name', '\"Ada\"')")
    database.close()
    pristine = tmp_path / "pristine.db"
    shutil.copyfile(database.path, pristine)

    counted = _run_child(database.path, kill_at=10_000)
    assert counted.returncode == 0, counted.stderr
    steps = int(counted.stdout.strip())
    assert steps >= len(REBUILD.statements)
    outcomes = set()
    for kill_at in range(1, steps + 1):
        shutil.copyfile(pristine, database.path)
        for suffix in ("-wal", "-shm"):
            Path(f"{database.path}{suffix}").unlink(missing_ok=True)
        died = _run_child(database.path, kill_at)
        assert died.returncode == -9, (kill_at, died.stderr)
        version, has_note, settings, opportunities = _state(database.path)
        assert (version, has_note) in ((SCHEMA_VERSION, False), (NEW_VERSION, True)), kill_at
        assert (settings, opportunities) == (1, 3), kill_at
        outcomes.add(version)
        # The next start completes (or finds complete) the migration.
        open_database(database.path, migrations=WITH_REBUILD).close()
        assert _state(database.path) == (NEW_VERSION, True, 1, 3)
    assert outcomes == {SCHEMA_VERSION, NEW_VERSION}
