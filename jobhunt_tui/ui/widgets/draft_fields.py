"""The draft pane's fields: the call line, To, Subject, the body and the status line.

The pane mounts them after its first frame (or at once when a draft is shown sooner): a text
area and two inputs are a fifth of the widgets of the first screen, and nothing shows them
until a draft is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
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
from jobhunt_tui.ui.widgets.text_box import TextBox


class DraftBody(TextBox):
    """The body: a soft-wrapped text box (stored text shown literally) whose growing text
    re-lays out only itself.

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


class DraftFields(Vertical):
    """The editing widgets of the pane; `on_edit` is called for every change the user makes."""

    def __init__(self, on_edit: Callable[[], None], *, cursor_blink: bool) -> None:
        super().__init__(id="draft-fields")
        self._on_edit = on_edit
        self._status = ""
        # Made here, not in compose, so that a draft shown before they are mounted has
        # somewhere to go.
        self._call = Static("", id="draft-call", markup=False)
        self._to = TextInput(id="draft-to", compact=True, placeholder="their address")
        self._subject = TextInput(id="draft-subject", compact=True)
        self._body = DraftBody(id="draft-body", soft_wrap=True, show_line_numbers=False,
                               compact=True)  # fmt: skip
        self._body.cursor_blink = cursor_blink
        self._flags = Static("", id="draft-flags", markup=False)

    def compose(self) -> ComposeResult:
        """The call line (phone), To and Subject (email), the body, the status line."""
        yield self._call
        with Horizontal(classes="draft-row email-only"):
            yield Label(Content("To"), classes="draft-label")
            yield self._to
        with Horizontal(classes="draft-row email-only"):
            yield Label(Content("Subject"), classes="draft-label")
            yield self._subject
        yield self._body
        yield self._flags

    @property
    def body(self) -> TextArea:
        """The body (or call script) text area."""
        return self._body

    def show(self, view: EditorView) -> None:
        """Fill the fields with one draft (no undo history), the cursor at the end."""
        self._call.update(literal(view.call_line))
        self.set_text(view.text, keep_undo=False)

    def set_text(self, text: DraftText, *, keep_undo: bool = True) -> None:
        """Replace the text (a template or a restored version); ctrl+z brings it back."""
        # Not an edit of the user's: the fields' change messages are not even posted (they
        # arrive after this returns, so a flag set meanwhile could not tell them apart).
        with self.prevent(Input.Changed, TextArea.Changed):
            self._to.value = text.to
            self._subject.value = text.subject
            body = self._body
            if keep_undo:
                body.replace(text.body, body.document.start, body.document.end)
            else:
                body.load_text(text.body)
            body.move_cursor(body.document.end)

    def current_text(self) -> DraftText:
        """What the fields hold now."""
        return DraftText(self._to.value, self._subject.value, self._body.text)

    def length(self) -> tuple[int, str]:
        """The body's word count and its hint ("38 words · short is fine")."""
        words = word_count(self.body.text)
        return words, length_hint(words)

    def open_placeholders(self) -> tuple[str, ...]:
        """Placeholders still in the text (`{first_name}`)."""
        text = self.current_text()
        return unfilled_in(text.subject, text.body)

    def set_status(self, message: str) -> None:
        """A short line under the body: saved, conflicts, what is left to fill in."""
        flags = self._flags
        # A new stamp in the same words ("saved 10:41:07") keeps the line's size: a repaint
        # will do, not a layout of the whole screen (which cost a key typed meanwhile).
        shown = literal(message)
        flags.update(shown, layout=_shape(shown.plain) != _shape(self._status))
        flags.set_class(bool(message), "-shown")
        self._status = shown.plain

    @on(TextArea.Changed, "#draft-body")
    @on(Input.Changed, "#draft-to, #draft-subject")
    def _changed(self, event: Message) -> None:
        """The user changed a field (loading text posts no such message): tell the pane."""
        event.stop()
        self._on_edit()

    @on(Input.Submitted, "#draft-to")
    def _to_done(self, event: Input.Submitted) -> None:
        """Enter in To goes on to Subject."""
        event.stop()
        self._subject.focus()

    @on(Input.Submitted, "#draft-subject")
    def _subject_done(self, event: Input.Submitted) -> None:
        """Enter in Subject goes on to the body."""
        event.stop()
        self._body.focus()
