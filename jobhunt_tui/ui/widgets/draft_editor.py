"""The draft pane: To, Subject and a body for email, the contact and a call script for phone.

It only displays and emits messages: the main screen's draft session saves, picks templates
and versions, and sends. The border names the follow-up and says how long the text is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from jobhunt_tui.domain.drafts import DraftText
from jobhunt_tui.domain.templates import length_hint, unfilled_in, word_count
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.widgets.inputs import TextInput
from jobhunt_tui.ui.widgets.typing_gc import TypingCollector

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


class DraftBody(TextArea):
    """The body: a soft-wrapped text area whose growing text re-lays out only itself.

    Textual re-lays out the whole screen whenever a text area's wrapped height changes (a
    new line every ~35 characters here): 5-25 ms at 10,000 opportunities, inside the key's
    frame. While the text fits the pane before and after, nothing else can move (no
    scrollbar appears, nothing scrolls), so the new height is stored without that layout.
    """

    def _refresh_size(self) -> None:
        height = self.wrapped_document.height
        fits = self.container_size.height
        old = self.virtual_size
        if self.soft_wrap and old.width == 0 and fits and max(old.height, height) <= fits:
            self.set_reactive(Widget.virtual_size, Size(0, height))
            self._refresh_scrollbars()
            return
        super()._refresh_size()


def _shape(text: str) -> tuple[int, ...]:
    """The cell widths of a line's words: text of the same shape wraps to the same height."""
    return tuple(cell_len(word) for word in text.split(" ")) if text else ()


@dataclass(frozen=True)
class EditorView:
    """What the pane shows for one draft (plain values, pushed down by the screen)."""

    draft_id: int
    title: str
    phone: bool
    text: DraftText
    call_line: str = ""


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
        self._words = -1
        self._hint_stale = False
        self._loading = False
        self._status = ""
        self.collector = TypingCollector(self.call_after_refresh)
        """Keeps the garbage collector out of the frames of typed keys."""

    def compose(self) -> ComposeResult:
        """The empty-state text, and the editor's fields (hidden while nothing is open)."""
        yield Static(Content("\n").join(Content(line) for line in EMPTY_LINES), id="draft-empty")
        yield Static("", id="draft-call", markup=False)
        with Horizontal(classes="draft-row email-only"):
            yield Label(Content("To"), classes="draft-label")
            yield TextInput(id="draft-to", compact=True, placeholder="their address")
        with Horizontal(classes="draft-row email-only"):
            yield Label(Content("Subject"), classes="draft-label")
            yield TextInput(id="draft-subject", compact=True)
        yield DraftBody(id="draft-body", soft_wrap=True, show_line_numbers=False, compact=True)
        yield Static("", id="draft-flags", markup=False)

    def on_mount(self) -> None:
        """The body's cursor follows the app's blink setting."""
        self.body.cursor_blink = bool(getattr(self.app, "cursor_blink", True))

    @property
    def body(self) -> TextArea:
        """The body (or call script) text area."""
        return self.query_one("#draft-body", TextArea)

    # Showing

    def show(self, view: EditorView) -> None:
        """Put a draft in the pane and its cursor at the end of the body."""
        self.view = view
        self.remove_class("-empty")
        self.set_class(view.phone, "-phone")
        self.border_title = view.title
        self.query_one("#draft-call", Static).update(literal(view.call_line))
        self.set_text(view.text, keep_undo=False)
        self.body.focus()

    def set_text(self, text: DraftText, *, keep_undo: bool = True) -> None:
        """Replace the text (a template or a restored version); ctrl+z brings it back."""
        self._loading = True
        self.query_one("#draft-to", Input).value = text.to
        self.query_one("#draft-subject", Input).value = text.subject
        if keep_undo:
            self.body.replace(text.body, self.body.document.start, self.body.document.end)
        else:
            self.body.load_text(text.body)
        self.body.move_cursor(self.body.document.end)
        self._loading = False
        self._update_hint()

    def current_text(self) -> DraftText:
        """What the fields hold now."""
        return DraftText(
            self.query_one("#draft-to", Input).value,
            self.query_one("#draft-subject", Input).value,
            self.body.text,
        )

    def set_status(self, message: str) -> None:
        """A short line under the body: saved, conflicts, what is left to fill in."""
        flags = self.query_one("#draft-flags", Static)
        # A new stamp in the same words ("saved 10:41:07") keeps the line's size: a repaint
        # will do, not a layout of the whole screen (which cost a key typed meanwhile).
        shown = literal(message)
        flags.update(shown, layout=_shape(shown.plain) != _shape(self._status))
        flags.set_class(bool(message), "-shown")
        self._status = shown.plain

    # Typing

    @on(TextArea.Changed, "#draft-body")
    @on(Input.Changed, "#draft-to, #draft-subject")
    def _changed(self, event: Message) -> None:
        """Tell the session, and keep the length hint current."""
        event.stop()
        if self._loading or self.view is None:
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
        words = word_count(self.body.text)
        if words != self._words:
            self._words = words
            self.border_subtitle = length_hint(words)

    def open_placeholders(self) -> tuple[str, ...]:
        """Placeholders still in the text (`{first_name}`): flagged before sending."""
        text = self.current_text()
        return unfilled_in(text.subject, text.body)

    def on_focus(self) -> None:
        """Tab lands on the pane: type into the body."""
        if self.view is not None:
            self.body.focus()

    @on(Input.Submitted, "#draft-to")
    def _to_done(self, event: Input.Submitted) -> None:
        """Enter in To goes on to Subject."""
        event.stop()
        self.query_one("#draft-subject", Input).focus()

    @on(Input.Submitted, "#draft-subject")
    def _subject_done(self, event: Input.Submitted) -> None:
        """Enter in Subject goes on to the body."""
        event.stop()
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
