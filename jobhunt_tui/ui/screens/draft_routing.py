"""The main screen's side of the draft pane: its messages go to the draft session.

The session (and the editor's fields, templates and draft rules it brings) is loaded when a
draft is first used, not before the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobhunt_tui.ui.messages import DraftOpened, DraftSaved, OpenDraft
    from jobhunt_tui.ui.screens.draft_session import DraftSession
    from jobhunt_tui.ui.widgets.draft_editor import DraftEditor


class DraftRouting:
    """Mixin for the main screen: routes the draft pane's messages to its session."""

    _draft_session: DraftSession | None = None

    @property
    def draft_session(self) -> DraftSession:
        """The draft pane's controller (made on first use)."""
        if self._draft_session is None:
            from jobhunt_tui.ui.screens.draft_session import DraftSession

            self._draft_session = DraftSession(self)  # type: ignore[arg-type]
        return self._draft_session

    def flush_draft(self) -> None:
        """Save the open draft and wait for it (before quitting); nothing if none was used."""
        if self._draft_session is not None:
            self._draft_session.flush()

    def on_draft_editor_edited(self, event: DraftEditor.Edited) -> None:
        """A key changed the draft."""
        self.draft_session.edited(event.draft_id)

    def on_draft_editor_action(self, event: DraftEditor.Action) -> None:
        """A key of the pane."""
        self.draft_session.act(event.name)

    def on_open_draft(self, event: OpenDraft) -> None:
        """The agenda (or anyone) asked for a follow-up's draft."""
        self.draft_session.open(event.follow_up_id)

    def on_draft_opened(self, event: DraftOpened) -> None:
        """A draft was read: show it."""
        self.draft_session.show_opened(event.opened)

    def on_draft_saved(self, event: DraftSaved) -> None:
        """A save finished."""
        self.draft_session.saved(event)
