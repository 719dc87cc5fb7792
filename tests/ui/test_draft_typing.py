"""Typing in the draft pane stays cheap: the collector runs between keys, the length hint and
the status line follow the text, and a body that grows past the pane still scrolls."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.draft_editor import DraftEditor
from tests.draft_seed import interviewed
from tests.ui.helpers import screen_text
from tests.ui.test_drafts import SIZE, open_from_board, stored_draft


@pytest.fixture(autouse=True)
def collector_back_on() -> Iterator[None]:
    """Whatever a test does, automatic collection is on again for the next one."""
    yield
    gc.enable()


def _hint(editor: DraftEditor) -> str:
    return str(editor.border_subtitle)


async def test_typing_pauses_the_collector_and_a_pause_in_typing_resumes_it(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        await pilot.pause(0.6)  # opening fills the fields; the pause after it resumes too
        assert gc.isenabled()
        await pilot.press(*" thanks again")
        assert not gc.isenabled()
        assert editor.collector.paused
        await pilot.pause(0.6)
        assert gc.isenabled()
        assert not editor.collector.paused


async def test_garbage_is_still_collected_between_keys_while_typing(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_board(pilot, app, seeded)
        young, _, _ = gc.get_threshold()
        for char in " keep typing without a pause" * 3:
            await pilot.press(char)
            await pilot.pause(0.02)  # the frame, then the collection after it
            assert not gc.isenabled()
            # Young garbage never piles up past a few keys' worth while typing goes on.
            assert gc.get_count()[0] < young * 10


async def test_leaving_the_pane_resumes_the_collector(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_board(pilot, app, seeded)
        await pilot.press(*" bye", "escape")
        await pilot.pause()
        assert gc.isenabled()
        assert app.focused is app.screen.board


async def test_the_length_hint_follows_the_words_once_typing_pauses(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        words = len(editor.body.text.split())
        assert _hint(editor).startswith(f"{words} words")
        await pilot.press(*" one two three four")
        await pilot.pause(0.6)
        assert _hint(editor).startswith(f"{words + 4} words")
        assert f"{words + 4} words" in screen_text(app)
        stored = stored_draft(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
        assert str(stored["body"]).endswith("one two three four")


async def test_each_autosave_stamps_the_status_line_anew(database: Database, clock) -> None:
    seeded = interviewed(database, clock)
    now = [clock()]
    app = JobhuntApp(database, lambda: now[0], tz="UTC", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        await pilot.press(*" first")
        await pilot.pause(0.7)
        assert "saved 12:00:00" in screen_text(app)
        now[0] = now[0].shift(seconds=5)
        await pilot.press(*" second")
        await pilot.pause(0.7)
        shown = screen_text(app)
        assert "saved 12:00:05" in shown and "saved 12:00:00" not in shown
        assert editor.query_one("#draft-flags").size.height == 1
    stored = stored_draft(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    assert str(stored["body"]).endswith("first second")


async def test_a_body_longer_than_the_pane_scrolls_to_keep_the_cursor_in_view(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        body = editor.body
        visible = body.container_size.height
        while body.wrapped_document.height <= visible + 3:
            await pilot.press(*" more words to fill the pane")
        await pilot.pause()
        assert body.virtual_size.height == body.wrapped_document.height
        assert body.max_scroll_y > 0 and body.scroll_y > 0
        assert body.show_vertical_scrollbar
        _, cursor_row = body.cursor_screen_offset
        assert body.region.y <= cursor_row < body.region.bottom


async def test_a_body_that_fits_keeps_its_height_current_without_a_scrollbar(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        body = editor.body
        before = body.wrapped_document.height
        await pilot.press("enter", "enter", *"PS")
        await pilot.pause()
        assert body.wrapped_document.height == before + 2
        assert body.virtual_size.height == before + 2
        assert not body.show_vertical_scrollbar
        assert body.scroll_y == 0
