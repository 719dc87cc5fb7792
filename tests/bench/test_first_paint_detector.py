"""The benchmark's first paint waits for the board's cards and the calendar's data together,
and the texts it waits for are what the app really shows on a generated database."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import arrow
import pytest

from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.storage.database import open_database
from jobhunt_tui.ui.app import JobhuntApp
from tests.ui.helpers import screen_text

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


def _bench_module(name: str) -> ModuleType:
    for folder in (ROOT, BENCH):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _bench_module("dbgen").build(tmp_path_factory.mktemp("bench") / "j.db", 40)


def test_the_detector_needs_the_cards_and_the_calendar_data(generated: Any) -> None:
    bench = _bench_module("bench")
    detect = bench.first_paint_detector(generated)
    company = sorted(generated.first_column_companies)[0].encode()
    heading = generated.agenda_heading.encode()
    mark = generated.today_mark.encode()
    assert heading.startswith(b"Overdue") and mark.startswith(b"2")

    assert not detect(b"Wishlist 12 " + company + b" Calendar loading")
    assert not detect(company + b" " + heading)  # the agenda, but not yet the month's marks
    assert not detect(heading + b" " + mark)  # the calendar, but no card
    assert detect(b"| " + company + b" P1 || " + mark + b" 3  4 || " + heading + b" |")


def test_parts_painted_in_different_reads_are_all_seen(tmp_path: Path) -> None:
    ptyrun = _bench_module("ptyrun")
    env = _bench_module("bench").child_env(tmp_path)
    script = (
        "import sys, time; w = sys.stdout.write; w('\\x1b[1mcar'); sys.stdout.flush(); "
        "time.sleep(0.2); w('ds\\x1b[0m ' + 'x' * 5000); sys.stdout.flush(); time.sleep(0.2); "
        "w('agenda'); sys.stdout.flush(); time.sleep(1)"
    )
    session = ptyrun.PtySession([sys.executable, "-c", script], env)
    with session:
        # "cards" is cut by an escape sequence and a read; "agenda" comes 5,000 bytes later.
        both = ptyrun.all_detector(
            ptyrun.substring_detector("cards"), ptyrun.substring_detector("agenda")
        )
        assert session.wait_for(both, timeout=10) > 0
        with pytest.raises(ptyrun.AppFailed):
            session.wait_for(ptyrun.substring_detector("never"), timeout=0.5)


async def test_the_awaited_texts_are_on_the_apps_first_screen(
    generated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dbgen = _bench_module("dbgen")
    monkeypatch.setenv("LC_ALL", "C")
    database = open_database(generated.path)
    try:
        now = arrow.get(dbgen.ANCHOR)
        app = JobhuntApp(database, fixed_clock(now), tz="UTC", cursor_blink=False,
                         backup_after=None)  # fmt: skip
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            text = screen_text(app)
    finally:
        database.close()
    assert generated.agenda_heading in text
    assert generated.today_mark in text
    assert any(name in text for name in generated.first_column_companies)
