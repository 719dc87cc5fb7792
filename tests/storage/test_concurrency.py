"""Several processes writing one file: no lost updates, no 'database is locked'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService

PROCESSES = 3
UPDATES_EACH = 300

# Each process reads the counter and writes it back plus one, in a unit of work: the
# read-modify-write that loses updates when transactions begin DEFERRED.
WORKER = """
import sys
import arrow
from jobhunt_tui.storage.database import open_database
from jobhunt_tui.storage.repository import Repository

database = open_database(sys.argv[1])
now = arrow.get("2026-11-20T12:00:00Z")
for _ in range(int(sys.argv[2])):
    with database.writing("test update") as session:
        repo = Repository(session)
        current = int(repo.opportunity(1).salary)
        repo.update_opportunity(1, {"salary": str(current + 1)}, now)
print("ok")
"""


def test_concurrent_read_modify_write_loses_nothing(
    pipeline: PipelineService, db_path: Path
) -> None:
    pipeline.add(OpportunityInput(company="Acme", role="Engineer", salary="0"))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db_path), str(UPDATES_EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    results = [worker.communicate(timeout=120) for worker in workers]

    for (stdout, stderr), worker in zip(results, workers, strict=True):
        assert worker.returncode == 0, stderr
        assert "locked" not in stderr
        assert stdout.strip() == "ok"
    assert pipeline.get(1).salary == str(PROCESSES * UPDATES_EACH)


def test_a_writer_kept_waiting_names_the_import_that_holds_the_file(
    pipeline: PipelineService, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobhunt_tui.storage import writer_lock
    from jobhunt_tui.storage.import_marker import announced

    pipeline.add(OpportunityInput(company="Acme", role="Engineer"))
    monkeypatch.setattr(writer_lock, "WAIT_SECONDS", 0.2)
    holder = writer_lock.WriterLock(db_path)
    # A second lock object opens the lock file on its own, as another process does.
    waiting = writer_lock.WriterLock(db_path)
    with (
        announced(db_path, 20_000, "22:14 UTC"),
        holder.held(),
        pytest.raises(writer_lock.DatabaseBusyError, match="import of 20,000 rows"),
        waiting.held(),
    ):
        pass
    holder.close()
    waiting.close()
