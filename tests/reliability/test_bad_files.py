"""Battery 4 and 6: a full disk and bad files at the database path. Each is one clear line and
exit 2, and leaves every file byte-identical; a file with invalid UTF-8 inside reads safely."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, open_database
from jobhunt_tui.storage.schema import SCHEMA_VERSION

_CLI = "import sys; from jobhunt_tui.cli import main; main(sys.argv[1:])"


def _cli(db: Path, *args: str, max_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if max_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return subprocess.run(
        [sys.executable, "-c", _CLI, "--db", str(db), *args],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "JOBHUNT_NOW": "2026-11-20T12:00:00+00:00"},
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _assert_one_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("jobhunt: ")
    assert words in result.stderr, result.stderr


def _zero_length(path: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path) -> None:
    path.write_text("company,role\nAcme,Engineer\n")


def _truncated(path: Path) -> None:
    database = open_database(path)
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [(f"k{n}", "x" * 4000) for n in range(10)],
        )
    database.close()
    path.write_bytes(path.read_bytes()[:8192])


def _another_apps(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


def _newer_jobhunt(path: Path) -> None:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_zero_length, "is empty (0 bytes)"),
        (_text, "is not a SQLite database"),
        (_truncated, "damaged: cut short at 8,192"),
        (_another_apps, "not a jobhunt one"),
        (_newer_jobhunt, "newer jobhunt"),
    ],
)
@pytest.mark.parametrize("command", [("list",), ("add", "Acme", "Engineer"), ()])
def test_bad_files_are_refused_in_one_line_and_stay_byte_identical(
    tmp_path: Path, make: Callable[[Path], None], words: str, command: tuple[str, ...]
) -> None:
    path = tmp_path / "jobhunt.db"
    make(path)
    before = _snapshot(tmp_path)
    _assert_one_line(_cli(path, *command), words)  # () opens the app, which refuses too
    assert _snapshot(tmp_path) == before


def test_a_write_on_a_full_disk_is_one_line_and_earlier_data_is_intact(
    database: Database, pipeline: PipelineService
) -> None:
    for n in range(5):
        pipeline.add(OpportunityInput(f"Company {n}", "Engineer"))
    database.close()
    size = database.path.stat().st_size
    before = database.path.read_bytes()
    # No file may grow: the write-ahead log cannot take the new row, as on a full disk.
    # (SQLite reports EFBIG as an I/O error; a real ENOSPC reads "the disk is full".)
    result = _cli(database.path, "add", "Late Co", "Engineer", "--notes", "x" * 5000, max_bytes=1)
    _assert_one_line(result, "the disk reported an error while jobhunt used the data file")
    assert database.path.read_bytes() == before and database.path.stat().st_size == size
    listed = _cli(database.path, "list")
    assert listed.returncode == 0 and listed.stdout.count("Company") == 5
