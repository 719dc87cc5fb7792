"""A snapshot of the draft pane with a thank-you open (and what it must show)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from tests.draft_seed import interviewed
from tests.ui.helpers import screen_text, settle

SnapCompare = Callable[..., bool]


def test_the_draft_pane_with_a_thank_you_open(
    snap_compare: SnapCompare, database: Database, clock: Clock
) -> None:
    interviewed(database, clock, only_initech=True)
    app = JobhuntApp(database, clock, tz="UTC", cursor_blink=False)
    shown: list[str] = []

    async def open_draft(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        shown.append(screen_text(pilot.app))

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_draft)
    assert "thank-you · Initech · due today" in shown[0]
    assert "Hi Ann," in shown[0] and "words · short is fine" in shown[0]
