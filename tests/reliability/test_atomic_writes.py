"""Defect 5: every file jobhunt writes is wholly new or wholly old, and private."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jobhunt_tui.services.file_output import OutputError, save_text
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import atomic
from jobhunt_tui.storage.database import Database, file_mode


def test_a_failure_midway_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    target.write_text('{"good": true}')
    with pytest.raises(RuntimeError), atomic.replacing(target) as temporary:
        temporary.write_text('{"half')
        raise RuntimeError("disk went away")
    assert target.read_text() == '{"good": true}'
    assert sorted(path.name for path in tmp_path.iterdir()) == ["old.json"]


def test_a_replaced_file_is_private_even_if_the_old_one_was_not(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old")
    os.chmod(target, 0o644)
    save_text(target, "new")
    assert target.read_text() == "new"
    assert file_mode(target) == 0o600


def test_writing_through_a_link_replaces_what_it_points_at(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_text("old")
    link = tmp_path / "calendar.ics"
    link.symlink_to(real)
    save_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_an_unwritable_target_says_why_and_that_the_old_file_is_unchanged(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "out.json"
    with pytest.raises(OutputError, match="no such file or folder; nothing was written"):
        save_text(missing, "x")


def _limited(max_bytes: int) -> None:
    # In the child: files may not grow past max_bytes, and the kernel's SIGXFSZ (which would
    # kill the process) is ignored, so a write past it fails with EFBIG as on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))


def _run_limited(args: list[str], max_bytes: int, db: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from jobhunt_tui.cli import main; main(sys.argv[1:])"
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), *args],
        preexec_fn=lambda: _limited(max_bytes),
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "JOBHUNT_NOW": "2026-11-20T12:00:00+00:00"},
    )


def test_export_on_a_full_disk_keeps_the_previous_good_export(
    database: Database, pipeline: PipelineService, db_path: Path, tmp_path: Path
) -> None:
    pipeline.add(OpportunityInput("Acme", "Engineer"))
    old = tmp_path / "old.json"
    first = _run_limited(["export", "json", "-o", str(old)], 10**9, db_path)
    assert first.returncode == 0, first.stderr
    good = old.read_bytes()
    for n in range(30):
        pipeline.add(OpportunityInput(f"Company {n}", "Engineer", notes="n" * 200))
    # Keep -wal and -shm at their size so only the export itself needs room.
    keeper = sqlite3.connect(db_path)
    keeper.execute("SELECT count(*) FROM opportunity").fetchone()

    result = _run_limited(["export", "json", "-o", str(old)], len(good) + 100, db_path)
    keeper.close()

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "file would be larger than this system allows" in result.stderr
    assert "it is unchanged" in result.stderr
    assert old.read_bytes() == good
    json.loads(good)
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")) == []
