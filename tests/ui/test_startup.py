"""The first frame with cards never waits for the ORM: no sqlmodel/sqlalchemy before it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from jobhunt_tui.domain.clock import fixed_clock
    from jobhunt_tui.storage.database import open_database
    from tests.ui.helpers import bulk_fill

    database = open_database(sys.argv[1])
    bulk_fill(database, 50)
    assert "sqlmodel" not in sys.modules, "opening the database imported the ORM"

    from jobhunt_tui.ui.app import JobhuntApp
    from jobhunt_tui.ui.messages import BoardLoaded

    seen = []

    def hook(message):
        if isinstance(message, BoardLoaded) and not seen:
            seen.append(("sqlmodel" in sys.modules, "sqlalchemy" in sys.modules,
                         len(message.snapshot.cards)))

    async def main():
        app = JobhuntApp(database, fixed_clock("2026-11-20T12:00:00Z"), tz="UTC")
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            print(seen[0], "sqlmodel" in sys.modules)

    asyncio.run(main())
    """
)


def test_board_paints_before_the_orm_is_imported(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "jobhunt.db")],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # At the first BoardLoaded: no ORM, 50 cards; after the first paint the warm-up loads it.
    assert result.stdout.strip() == "(False, False, 50) True"
