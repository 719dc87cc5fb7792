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
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
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
