"""A long import holds the write lock (it is one transaction, all or nothing): other writers
wait for it and say so, instead of failing with "database is locked"."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.worker import WorkerFailed

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.data_io import apply_plan, parse_import_text
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import connection
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.import_marker import announced, marker_path, running_import
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, settle

_CLI = "import sys; from jobhunt_tui.cli import main; main(sys.argv[1:])"


def _cli(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CLI, "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "JOBHUNT_NOW": "2026-11-20T12:00:00+00:00"},
    )


def test_a_writer_waits_for_the_import_saying_so_then_saves(database: Database) -> None:
    path = database.path
    holder = sqlite3.connect(path, isolation_level=None)
    with announced(path, 20_000, "22:14 UTC"):
        holder.execute("BEGIN IMMEDIATE")
        # The note names this test's process: to the child CLI it is another process.
        writer = _cli(path, "add", "Acme", "Engineer")
        time.sleep(1.5)
        holder.execute("COMMIT")
    out, err = writer.communicate(timeout=60)
    holder.close()
    assert writer.returncode == 0, err
    assert err.count("\n") == 1
    assert "waiting for the import of 20,000 rows started 22:14 UTC to finish" in err
    assert "added #1" in out


def test_a_note_left_by_a_killed_import_is_ignored(database: Database) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    marker_path(database.path).write_text(f'{{"pid": {child.pid}, "rows": 5, "started": "x"}}')
    assert running_import(database.path) is None
    writer = _cli(database.path, "add", "Acme", "Engineer")
    _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and err == ""


async def test_the_app_names_the_import_that_holds_the_lock(
    make_app: Callable[..., JobhuntApp],
    pipeline: PipelineService,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    created = pipeline.add(OpportunityInput("Acme", "Engineer"))
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(created.id)
        holder = sqlite3.connect(database.path, isolation_level=None)
        with announced(database.path, 20_000, "22:14 UTC"):
            holder.execute("BEGIN IMMEDIATE")
            await pilot.press("L")
            for _ in range(3):
                with contextlib.suppress(WorkerFailed):
                    await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.pause(0.1)
            shown = screen_text(app)
            holder.execute("ROLLBACK")
        holder.close()
    toast = " ".join(
        line.split("▌ ", 1)[1].rstrip(" │─╯") for line in shown.splitlines() if "▌ " in line
    )
    assert "the import of 20,000 rows started 22:14 UTC holds it" in " ".join(toast.split())


@pytest.mark.slow
def test_a_real_long_import_does_not_make_other_writers_fail(
    database: Database, clock: Clock
) -> None:
    lines = ["company,role,stage,contacts"]
    lines += [f"Company {n},Role {n},applied,Ann {n} <a{n}@x.io>" for n in range(4000)]
    plan = parse_import_text("\n".join(lines) + "\n")
    said: list[str] = []
    writers: list[subprocess.Popen[str]] = []

    def halfway(done: int, total: int) -> None:
        # Mid-transaction, batches already stored: another process tries to write.
        if done >= total // 2 and not writers:
            writers.append(_cli(database.path, "add", "Late Co", "Engineer"))
            assert writers[0].stderr is not None
            said.append(writers[0].stderr.readline())

    apply_plan(database, clock, plan, progress=halfway)
    _out, err = writers[0].communicate(timeout=300)
    assert writers[0].returncode == 0, err
    assert "waiting for the import of 4,000 rows" in said[0]
    assert err == ""  # said once, then saved
    with database.reading() as conn:
        assert conn.execute("SELECT count(*) FROM opportunity").fetchone()[0] == 4001
