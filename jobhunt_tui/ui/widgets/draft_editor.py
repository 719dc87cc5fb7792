"""The draft pane: To, Subject and a body for email, the contact and a call script for phone.

It only displays and emits messages: the main screen's draft session saves, picks templates
and versions, and sends. The border names the follow-up and says how long the text is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from jobhunt_tui.ui.widgets.typing_gc import TypingCollector

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from jobhunt_tui.domain.drafts import DraftText
    from jobhunt_tui.ui.widgets.draft_fields import DraftFields, EditorView

EMPTY_LINES = (
    "No draft open.",
    "",
    "Press d on a card (or an agenda item)",
    "to write its next follow-up.",
    "",
    "ctrl+s save · ctrl+t template",
    "ctrl+r versions · ctrl+g $EDITOR",
    "ctrl+o send…",
    "escape back",
)


class DraftEditor(Vertical, can_focus=True):
    """One draft at a time; empty until the screen shows one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back", id="draft.leave",
                tooltip="Leave the editor (the draft is saved)"),
        Binding("ctrl+s", "save", "Save", id="draft.save",
                tooltip="Save now (it also saves by itself)"),
        Binding("ctrl+t", "template", "Template", id="draft.template",
                tooltip="Start again from a template"),
        Binding("ctrl+r", "versions", "Versions", id="draft.versions",
                tooltip="Earlier versions of this draft: restore one"),
        Binding("ctrl+g", "external", "$EDITOR", id="draft.external_editor",
                tooltip="Edit the body in your own editor ($VISUAL, $EDITOR, else vi)"),
        Binding("ctrl+o", "send", "Send…", id="draft.send",
                tooltip="Send…: mark the follow-up sent"),
    ]  # fmt: skip

    @dataclass
    class Edited(Message):
        """The user changed the text (the session schedules a save and the length hint)."""

        draft_id: int

    @dataclass
    class Action(Message):
        """A key of the pane: leave, save, template, versions, external or send."""

        draft_id: int | None
        name: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane draft-pane -empty")
        self.border_title = "Draft"
        self.view: EditorView | None = None
        self._fields: DraftFields | None = None
        self._words = -1
        self._hint_stale = False
        self.collector = TypingCollector(self.call_after_refresh)
        """Keeps the garbage collector out of the frames of typed keys."""

    def compose(self) -> ComposeResult:
        """The empty-state text; the fields come after the first frame (`fields`)."""
        yield Static(Content("\n").join(Content(line) for line in EMPTY_LINES), id="draft-empty")

    def on_mount(self) -> None:
        """The fields are hidden until a draft is open: they may arrive after the first frame."""
        self.call_after_refresh(self._ensure_fields)

    @property
    def fields(self) -> DraftFields:
        """The editing widgets (mounted right after the first frame, or sooner when asked)."""
        return self._ensure_fields()

    def _ensure_fields(self) -> DraftFields:
        """Mount the fields unless they are: a draft shown before the first frame is done
        is not kept waiting for them."""
        if self._fields is None:
            from jobhunt_tui.ui.widgets.draft_fields import DraftFields

            blink = bool(getattr(self.app, "cursor_blink", True))
            self._fields = DraftFields(self._edited, cursor_blink=blink)
            if self.is_attached:  # not when the call comes as the app quits, pane taken down
                self.mount(self._fields)
        return self._fields

    @property
    def body(self) -> TextArea:
        """The body (or call script) text area."""
        return self.fields.body

    # Showing

    def show(self, view: EditorView) -> None:
        """Put a draft in the pane and its cursor at the end of the body."""
        self.view = view
        self.remove_class("-empty")
        self.set_class(view.phone, "-phone")
        self.border_title = view.title
        self.fields.show(view)
        self._update_hint()
        self.body.focus()

    def set_text(self, text: DraftText, *, keep_undo: bool = True) -> None:
        """Replace the text (a template or a restored version); ctrl+z brings it back."""
        self.fields.set_text(text, keep_undo=keep_undo)
        self._update_hint()

    def current_text(self) -> DraftText:
        """What the fields hold now."""
        return self.fields.current_text()

    def set_status(self, message: str) -> None:
        """A short line under the body: saved, conflicts, what is left to fill in."""
        self.fields.set_status(message)

    # Typing

    def _edited(self) -> None:
        """The user changed the text: tell the session, and keep the length hint current."""
        if self.view is None:
            return
        self.collector.typed()
        self._hint_stale = True
        self.post_message(self.Edited(self.view.draft_id))

    def refresh_hint(self) -> None:
        """Bring the length hint up to date (the session calls this when typing pauses and
        when it saves): a new hint repaints the whole pane, which at every word cost the key
        that began it a third more time."""
        if self._hint_stale:
            self._update_hint()

    def _update_hint(self) -> None:
        self._hint_stale = False
        words, hint = self.fields.length()
        if words != self._words:
            self._words = words
            self.border_subtitle = hint

    def open_placeholders(self) -> tuple[str, ...]:
        """Placeholders still in the text (`{first_name}`): flagged before sending."""
        return self.fields.open_placeholders()

    def on_focus(self) -> None:
        """Tab lands on the pane: type into the body."""
        if self.view is not None:
            self.body.focus()

    def on_unmount(self) -> None:
        """Collection is automatic again once the pane is gone."""
        self.collector.idle()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Focus may be leaving the pane: the session saves when it has."""
        self.collector.idle()
        if self.view is not None:
            self.post_message(self.Action(self.view.draft_id, "blur"))

    # Keys

    def _action(self, name: str) -> None:
        self.post_message(self.Action(None if self.view is None else self.view.draft_id, name))

    def action_leave(self) -> None:
        """Back where the user came from (saved first)."""
        self._action("leave")

    def action_save(self) -> None:
        """Save now."""
        self._action("save")

    def action_template(self) -> None:
        """Choose a template."""
        self._action("template")

    def action_versions(self) -> None:
        """List the kept versions."""
        self._action("versions")

    def action_external(self) -> None:
        """Edit the body in the user's own editor."""
        self._action("external")

    def action_send(self) -> None:
        """Open the send dialog."""
        self._action("send")
