"""The benchmark harness itself: deterministic databases, pty timing, graceful "not available"."""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
FAKE_BOARD = Path(__file__).with_name("fake_board.py")


def _bench_module(name: str) -> ModuleType:
    for folder in (ROOT, BENCH):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return importlib.import_module(name)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A child environment with private config folders."""
    return _bench_module("bench").child_env(tmp_path)


def _dump(path: Path) -> str:
    """Every row as SQL, but the change log's (it is stamped with the wall-clock time)."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(
            line for line in conn.iterdump() if not line.startswith('INSERT INTO "change_log"')
        )
    finally:
        conn.close()


def test_generated_databases_are_deterministic_and_stamped(tmp_path: Path) -> None:
    dbgen = _bench_module("dbgen")
    from jobhunt_tui.storage.database import inspect_file
    from jobhunt_tui.storage.schema import SCHEMA_VERSION

    first = dbgen.build(tmp_path / "a.db", 60)
    second = dbgen.build(tmp_path / "b.db", 60)

    assert _dump(first.path) == _dump(second.path)
    assert inspect_file(first.path).version == SCHEMA_VERSION
    assert 4 * 60 <= first.interactions <= 6 * 60
    assert 1.5 * 60 <= first.follow_ups <= 2.5 * 60
    assert first.first_column_companies
    assert first.per_stage[first.busiest_stage] == max(first.per_stage.values())


def test_first_paint_of_the_bare_app_is_detected(env: dict[str, str]) -> None:
    ptyrun = _bench_module("ptyrun")
    bare_app = _bench_module("bare_app")
    argv = [sys.executable, str(BENCH / "bare_app.py")]

    seconds, exit_info = ptyrun.first_paint(
        argv, env, ptyrun.substring_detector(bare_app.READY_TEXT), timeout=30, settle=0.1
    )

    assert seconds > 0  # measured from the fork to the ready text, whatever the machine
    assert exit_info.clean
    assert exit_info.peak_rss_kib > 10_000


def test_keys_are_timed_and_stage_moves_reach_the_database(
    tmp_path: Path, env: dict[str, str]
) -> None:
    dbgen = _bench_module("dbgen")
    scenarios = _bench_module("scenarios")
    ptyrun = _bench_module("ptyrun")
    bench = _bench_module("bench")
    generated = dbgen.build(tmp_path / "board.db", 40)
    app = scenarios.AppUnderTest(
        "fake",
        [sys.executable, str(FAKE_BOARD), "--db", str(generated.path)],
        ptyrun.word_detector(generated.first_column_companies),
        busiest_column=generated.busiest_column,
        column_length=generated.per_stage[generated.busiest_stage],
    )

    result = scenarios.key_session(
        app, env, presses=12, moves=2, quiet_nav=0.03, quiet_move=0.1, timeout=30
    )

    assert not result.error
    assert len(result.navigation) == 12
    assert len(result.moves) == 2
    assert all(seconds > 0 for seconds in result.navigation)  # each key drew a frame
    assert bench.stage_changes(generated.path) >= 2


def test_a_missing_app_is_reported_not_available(env: dict[str, str]) -> None:
    scenarios = _bench_module("scenarios")
    ptyrun = _bench_module("ptyrun")
    missing = scenarios.AppUnderTest(
        "missing", [os.devnull + "-no-such-app"], ptyrun.substring_detector("x")
    )
    results = {"missing": scenarios.LaunchResults()}

    scenarios.launch_round([missing], results, env, timeout=10)

    assert results["missing"].error.startswith("not available yet")
    assert not results["missing"].seconds


def test_import_profile_is_attributed_to_packages() -> None:
    importprobe = _bench_module("importprobe")
    text = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:      1500 |       1500 |     rich.style\n"
        "import time:      2500 |       4000 |   textual.app\n"
        "\x1b[1;1Hnoise import time:       500 |        500 | arrow\r\n"
    )

    assert importprobe.parse(text) == {"rich": 1.5, "textual": 2.5, "arrow": 0.5}


def test_the_linkedin_file_is_deterministic_and_imports_as_counted(tmp_path: Path) -> None:
    bulk_io = _bench_module("bulk_io")
    import arrow

    from jobhunt_tui.domain.clock import fixed_clock
    from jobhunt_tui.services.data_io import import_csv
    from jobhunt_tui.storage.database import open_database

    first = bulk_io.linkedin_csv(tmp_path / "a.csv", 400)
    second = bulk_io.linkedin_csv(tmp_path / "b.csv", 400)
    assert first.path.read_bytes() == second.path.read_bytes()
    assert 0 < first.duplicates < 40 and 0 < first.with_contact < 400

    database = open_database(bulk_io.empty_database(tmp_path / "import.db"))
    try:
        outcome = import_csv(database, fixed_clock(arrow.get(bulk_io.dbgen.ANCHOR)), first.path)
    finally:
        database.close()
    assert outcome.plan.dialect == "linkedin"
    assert outcome.plan.ignored_columns == ("Question And Answers",)
    assert (len(outcome.new), len(outcome.duplicates)) == (first.new, first.duplicates)
    assert bulk_io.stored_opportunities(tmp_path / "import.db") == first.new


def test_the_bulk_rows_time_the_commands_and_check_what_was_stored(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk_io = _bench_module("bulk_io")
    dbgen = _bench_module("dbgen")
    monkeypatch.setattr(bulk_io, "IMPORT_ROWS", 300)
    db = dbgen.build(tmp_path / "export.db", 30).path
    jobhunt = [sys.executable, "-m", "jobhunt_tui"]

    rows = bulk_io.rows(jobhunt, sys.executable, env, tmp_path, db, runs=1)

    assert [row.label for row in rows] == [
        "`jobhunt import` 300 LinkedIn rows",
        "`jobhunt export json` with all history",
        "`jobhunt export csv` one row each",
    ]
    assert all(row.available and len(row.samples) == 1 for row in rows), rows
    assert not rows[0].failed_check
    assert "duplicates skipped" in rows[0].note and "sqlalchemy" not in rows[0].note
    assert [row.target.max_value for row in rows] == [10.0, 2.0, 2.0]


def test_a_missing_jobhunt_makes_the_bulk_rows_not_available(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk_io = _bench_module("bulk_io")
    monkeypatch.setattr(bulk_io, "IMPORT_ROWS", 20)
    missing = [os.devnull + "-no-such-jobhunt"]

    rows = bulk_io.rows(missing, sys.executable, env, tmp_path, tmp_path / "none.db", runs=1)

    assert all(row.unavailable.startswith("not available yet") for row in rows)
    assert all(row.verdict == "n/a" for row in rows)
