"""The first frame with cards never waits for the ORM, nor for reading every card; the ORM
loads only when a form opens, the move path once the board is read."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.board import BoardService, BoardSnapshot, first_screen_cards
from jobhunt_tui.services.demo import fill_demo
from jobhunt_tui.services.read_ahead import ReadAhead
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from tests.ui.helpers import screen_text, settle

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from jobhunt_tui.domain.clock import fixed_clock
    from jobhunt_tui.storage.database import open_database
    from tests.ui.helpers import bulk_fill

    database = open_database(sys.argv[1])
    bulk_fill(database, int(sys.argv[2]))
    assert "sqlmodel" not in sys.modules, "opening the database imported the ORM"

    from jobhunt_tui.ui.app import JobhuntApp
    from jobhunt_tui.ui.screens.main import MainScreen

    shown = []
    original = MainScreen._show

    def spy(self, snapshot, select_id=None):
        shown.append(("sqlmodel" in sys.modules, "sqlalchemy" in sys.modules,
                      "pipeline" in vars(self.services), len(snapshot.cards), snapshot.complete))
        original(self, snapshot, select_id)

    MainScreen._show = spy

    async def main():
        app = JobhuntApp(database, fixed_clock("2026-11-20T12:00:00Z"), tz="UTC")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            print(shown[0])
            print(len(shown), app.screen.board.card_count, "sqlmodel" in sys.modules,
                  "pipeline" in vars(app.screen.services))

    asyncio.run(main())
    """
)


def _run(tmp_path: Path, opportunities: int) -> list[str]:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "jobhunt.db"), str(opportunities)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def test_a_small_board_paints_whole_before_the_orm_is_imported(tmp_path: Path) -> None:
    first, final = _run(tmp_path, 50)
    # The first frame: no ORM, all 50 cards; nor after it: nothing has needed it yet. The
    # move path (no ORM) is built after the first frame, so the first `L` does not build it.
    assert first == "(False, False, False, 50, True)"
    assert final == "1 50 False True"


def test_a_large_board_paints_its_first_screen_then_the_rest(tmp_path: Path) -> None:
    first, final = _run(tmp_path, 400)
    # 400 cards over 5 columns: the first frame holds what a 40-line terminal can show of
    # each column (13 cards of at least 3 lines).
    assert first_screen_cards(40) == 13
    assert first == "(False, False, False, 65, False)"
    assert final == "2 400 False True"


WRITES_SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from jobhunt_tui.domain.clock import fixed_clock
    from jobhunt_tui.storage.database import open_database
    from tests.ui.helpers import bulk_fill

    database = open_database(sys.argv[1])
    bulk_fill(database, 5)

    from jobhunt_tui.ui.app import JobhuntApp

    async def main():
        app = JobhuntApp(database, fixed_clock("2026-11-20T12:00:00Z"), tz="UTC")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("L")  # a stage move: plain SQL
            await app.workers.wait_for_complete()
            await pilot.pause()
            moved = "sqlmodel" in sys.modules
            await pilot.press("a")  # a form: its save will need the ORM, which loads now
            await pilot.pause()
            await app.workers.wait_for_complete()
            print(moved, type(app.screen).__name__, "sqlmodel" in sys.modules)

    asyncio.run(main())
    """
)


def test_the_orm_loads_when_a_form_opens_not_for_a_stage_move(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "jobhunt.db"
    result = subprocess.run(
        [sys.executable, "-c", WRITES_SCRIPT, str(db)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False FormDialog True"
    conn = sqlite3.connect(db)
    moves = conn.execute("SELECT count(*) FROM interaction WHERE kind = 'stage_change'").fetchone()
    conn.close()
    assert moves == (1,)  # the move was stored, without the ORM


async def test_the_first_frame_uses_what_was_read_ahead(
    make_app: Callable[..., JobhuntApp],
    database: Database,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_demo(database, clock)
    first_screens: list[bool] = []
    load = BoardService.load

    def counted(self: BoardService, *args: Any, **options: Any) -> BoardSnapshot:
        first_screens.append(options.get("first_screen") is not None)
        return load(self, *args, **options)

    monkeypatch.setattr(BoardService, "load", counted)
    ahead = ReadAhead(database, clock, "UTC", 40).start()
    app = make_app(read_ahead=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
    assert first_screens.count(True) == 1  # the read ahead's; the screen did not read again
    assert "Globex" in text and "Overdue" in text
