"""The write-command benchmark: real writes on a private copy, rows the report can print."""

from __future__ import annotations

import importlib
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
JOBHUNT = [sys.executable, "-m", "jobhunt_tui"]


def _bench_module(name: str) -> ModuleType:
    for folder in (ROOT, BENCH):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return _bench_module("bench").child_env(tmp_path)


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    return _bench_module("dbgen").build(tmp_path / "bench.db", 40).path


def test_note_and_move_rows_write_every_run_on_a_copy(generated: Path, env: dict[str, str]) -> None:
    cli_writes = _bench_module("cli_writes")
    before = _dump(generated)

    note, move = cli_writes.rows(JOBHUNT, sys.executable, env, generated, runs=2)

    assert (note.label, move.label) == ("`jobhunt note`", "`jobhunt move`")
    for row, what in ((note, "notes"), (move, "stage changes")):
        assert (row.size, row.unit, len(row.samples)) == ("40", "s", 2)
        assert row.target is cli_writes.WRITE and row.target.max_value == 0.5
        # Warm-up, two timed runs and the import probe: four writes, none of them the ORM's.
        assert row.note == f"no heavy imports; 4 {what} stored"
        assert row.failed_check == ""
    assert _dump(generated) == before  # the shared benchmark file is left as built


def test_a_command_that_stores_nothing_fails_its_check(
    generated: Path, env: dict[str, str]
) -> None:
    cli_writes = _bench_module("cli_writes")
    # Exits 0 without writing. Only the import probe runs the real jobhunt: it adds a note,
    # but its move is back to the stage the opportunity never left, so stores nothing.
    note, move = cli_writes.rows([sys.executable, "-c", "pass"], sys.executable, env, generated, 2)
    assert note.failed_check == "3 of 4 runs stored nothing"
    assert move.failed_check == "4 of 4 runs stored nothing"
    assert (note.verdict, move.verdict) == ("MISSED", "MISSED")


def test_a_failing_command_is_reported_not_available(generated: Path, env: dict[str, str]) -> None:
    cli_writes = _bench_module("cli_writes")
    broken = [sys.executable, "-c", "import sys; sys.exit(3)"]
    for row in cli_writes.rows(broken, sys.executable, env, generated, runs=2):
        assert row.unavailable.startswith("not available yet: exit 3")
        assert (row.samples, row.verdict) == ([], "n/a")
