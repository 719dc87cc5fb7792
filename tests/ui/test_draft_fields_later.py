"""The draft pane's fields arrive after the first frame, and a draft shown sooner still opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App, ComposeResult

from jobhunt_tui.domain.drafts import DraftText
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.draft_editor import DraftEditor
from jobhunt_tui.ui.widgets.draft_fields import DraftFields, EditorView
from tests.ui.helpers import settle


async def test_the_first_frame_shows_the_pane_and_the_fields_come_right_after(
    make_app: Callable[..., JobhuntApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    fields_at_first_frame: list[bool] = []
    display = App._display

    def spy(self: App[Any], screen: Any, update: Any) -> None:
        if not fields_at_first_frame and update is not None:
            fields_at_first_frame.append(bool(screen.query(DraftFields)))
        display(self, screen, update)

    monkeypatch.setattr(App, "_display", spy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.screen.query_one(DraftEditor)
        assert "No draft open." in str(editor.query_one("#draft-empty").render())
        assert fields_at_first_frame == [False]
        assert editor.query_one(DraftFields).display is False  # there, hidden: nothing open


class _Pane(App[None]):
    """A draft pane shown a draft in its own on_mount, before any frame mounted its fields."""

    def compose(self) -> ComposeResult:
        yield DraftEditor(id="draft-pane")

    def on_mount(self) -> None:
        editor = self.query_one(DraftEditor)
        assert not editor.query(DraftFields)
        text = DraftText("ann@initech.example", "Thank you", "Hi Ann,\n\nThanks for today.")
        editor.show(EditorView(7, "thank-you · Initech", False, text))


async def test_a_draft_shown_before_the_fields_arrive_is_all_there() -> None:
    app = _Pane()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        editor = app.query_one(DraftEditor)
        assert editor.current_text() == DraftText(
            "ann@initech.example", "Thank you", "Hi Ann,\n\nThanks for today."
        )
        assert app.focused is editor.body
        assert editor.border_title == "thank-you · Initech"
        assert editor.border_subtitle is not None and "5 words" in str(editor.border_subtitle)
        assert len(editor.query(DraftFields)) == 1  # mounted once, not again after the frame


class _Closing(App[None]):
    """An app that quits before its first frame (as on a failure of its first read): the
    pane's call for its fields comes as the pane is taken down."""

    def compose(self) -> ComposeResult:
        yield DraftEditor(id="draft-pane")

    def on_mount(self) -> None:
        self.exit()


async def test_quitting_before_the_fields_arrive_ends_cleanly() -> None:
    app = _Closing()
    async with app.run_test(size=(60, 20)):
        pass
    assert app.return_code == 0
