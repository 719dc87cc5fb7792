"""`make screenshots`: regenerate screenshots/*.svg (board, calendar, detail, help) from demo data.

The clock is fixed and the zone is UTC, so the pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "screenshots"
NOW = "2026-11-20T12:00:00+00:00"
SIZE = (160, 48)

# Before anything reads the zone: the demo and the app both use JOBHUNT_TZ.
os.environ["JOBHUNT_TZ"] = "UTC"
os.environ["LC_ALL"] = "C"  # the calendar's month and weekday names, the same everywhere
sys.path.insert(0, str(REPO))

from jobhunt_tui.domain.clock import fixed_clock  # noqa: E402
from jobhunt_tui.services.demo import fill_demo  # noqa: E402
from jobhunt_tui.storage.database import open_database  # noqa: E402
from jobhunt_tui.ui import keymap  # noqa: E402
from jobhunt_tui.ui.app import JobhuntApp  # noqa: E402

SHOTS: dict[str, tuple[str, ...]] = {
    "board": ("l", "l", "l", "j"),
    "calendar": ("l", "l", "l", "j", "tab", "l", "l"),
    "detail": ("l", "l", "l", "enter"),
    "help": ("question_mark",),
}


async def shoot(database_path: Path, name: str, keys: tuple[str, ...]) -> Path:
    """Open the app on the demo data, press `keys`, and save the screen as SVG."""
    clock = fixed_clock(NOW)
    database = open_database(database_path)
    app = JobhuntApp(database, clock, tz="UTC", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause(0.3)  # the calendar highlights the selected card after a rest
        target = OUTPUT / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"jobhunt: {name}"), encoding="utf-8")
    database.close()
    return target


def main() -> None:
    """Fill a temporary demo database, then take each screenshot."""
    keymap.config_path = lambda: Path("~/.config/jobhunt/keymap.toml")  # not the user's file
    OUTPUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        database = open_database(path)
        fill_demo(database, fixed_clock(NOW))
        database.close()
        for name, keys in SHOTS.items():
            print(f"wrote {asyncio.run(shoot(path, name, keys)).relative_to(REPO)}")


if __name__ == "__main__":
    main()
