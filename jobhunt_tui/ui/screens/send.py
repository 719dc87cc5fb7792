"""Send…: the dialog of `ctrl+o` in the draft pane. Its default (`enter`) is mark sent.

The pest guard's warning and any placeholder left open are shown first. The ways out (copy,
open in the mail app, save as .eml) are narrow callables handed in by the draft pane
(`WaysOut`); each says what it did in the dialog, which stays open so mark sent is still one
`enter` away. The result says whether the user marked it sent over the warning; the screen
runs that change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.screens import DIALOG_CSS

WayOut = Callable[[], str]
"""Does one way out and returns what to tell the user; JobhuntError or OSError says why not."""


@dataclass(frozen=True)
class MarkSent:
    """The user chose mark sent; `force` when they did so over the pest guard's warning."""

    force: bool


@dataclass(frozen=True)
class SendRequest:
    """What the dialog shows: the follow-up, and the warnings that apply."""

    title: str
    summary: str
    guard_warning: str = ""
    open_placeholders: tuple[str, ...] = ()


WAY_CHOICES = (
    ("c", "copy", "Copy the text to the clipboard"),
    ("m", "open_mail", "Open it in your mail app"),
    ("s", "save_eml", "Save it as an .eml file in the current folder"),
)
"""The ways out as the dialog lists them: key, action, what it does."""


@dataclass(frozen=True)
class WaysOut:
    """The dialog's other keys. `copy` runs on the app's thread (the clipboard is the
    terminal's); the others in a worker. None where the draft has no such form (a call)."""

    copy: WayOut
    open_mail: WayOut | None = None
    save_eml: WayOut | None = None


class SendDialog(ReportsWorkerFailures, ModalScreen[MarkSent | None]):
    """Mark the follow-up sent (enter) or go back to the draft (escape).

    A way out that fails in its worker for another reason than the user's (the data file
    unreadable, say) is reported from here: a modal's workers report to their own screen.
    """

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "mark_sent", "Mark sent", id="send.mark_sent",
                tooltip="Log it as sent with this text and plan what comes next"),
        Binding("c", "copy", "Copy", id="send.copy",
                tooltip="Copy the subject and body to the clipboard"),
        Binding("m", "open_mail", "Mail app", id="send.open_mail",
                tooltip="Open it in your mail app (a mailto: link)"),
        Binding("s", "save_eml", "Save .eml", id="send.save_eml",
                tooltip="Save it as an .eml file in the current folder"),
        Binding("escape", "cancel", "Cancel", id="send.cancel", tooltip="Back to the draft"),
    ]  # fmt: skip

    def __init__(self, request: SendRequest, ways: WaysOut | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.request = request
        self.ways = ways

    def compose(self) -> ComposeResult:
        """The follow-up, the warnings, mark sent, and the ways out this draft has."""
        request = self.request
        with Vertical(classes="dialog", id="send-dialog") as dialog:
            dialog.border_title = "Send…"
            yield Static(literal(request.title, "bold"), classes="dialog-subject")
            yield Static(literal(request.summary))
            if request.open_placeholders:
                names = ", ".join(f"{{{name}}}" for name in request.open_placeholders)
                yield Static(literal(f"Still to fill in: {names}"), classes="dialog-warning -shown")
            if request.guard_warning:
                yield Static(literal(request.guard_warning), classes="dialog-warning -shown")
            verb = "Mark sent anyway" if request.guard_warning else "Mark sent"
            yield Static(
                Content.assemble(("enter", "bold $accent"), f"  {verb}: log it with this text, "
                                 "mark the follow-up done, plan the next step"),
                id="send-choice",
            )  # fmt: skip
            for key, action, text in WAY_CHOICES:
                if self.check_action(action, ()):
                    yield Static(Content.assemble((key, "bold $accent"), f"      {text}"),
                                 classes="send-way")  # fmt: skip
            yield Static("", id="send-result", classes="dialog-note", markup=False)
            yield Static(Content("enter marks sent · escape goes back"), classes="dialog-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the ways out this draft has (a call has no mail form)."""
        ways = self.ways
        if action == "copy":
            return ways is not None
        if action == "open_mail":
            return ways is not None and ways.open_mail is not None
        if action == "save_eml":
            return ways is not None and ways.save_eml is not None
        return True

    def _said(self, note: str, *, problem: bool = False) -> None:
        """Show what a way out did (or why not), in the dialog, which stays open."""
        result = self.query_one("#send-result", Static)
        result.update(literal(note))
        result.set_class(problem, "-problem")
        result.add_class("-shown")

    def _run(self, way: WayOut, *, in_worker: bool) -> None:
        def attempt() -> None:
            try:
                note, problem = way(), False
            except (JobhuntError, OSError) as error:
                note, problem = f"Not done: {error}", True
            if in_worker:
                self.app.call_from_thread(self._said, note, problem=problem)
            else:
                self._said(note, problem=problem)

        if in_worker:
            self.run_worker(attempt, thread=True, exit_on_error=False, group="send-way")
        else:
            attempt()

    def action_copy(self) -> None:
        """Copy the subject and body (the clipboard belongs to this thread's terminal)."""
        if self.ways is not None:
            self._run(self.ways.copy, in_worker=False)

    def action_open_mail(self) -> None:
        """Hand the mailto: link to the system's mail handler."""
        if self.ways is not None and self.ways.open_mail is not None:
            self._run(self.ways.open_mail, in_worker=True)

    def action_save_eml(self) -> None:
        """Write the .eml file."""
        if self.ways is not None and self.ways.save_eml is not None:
            self._run(self.ways.save_eml, in_worker=True)

    def action_mark_sent(self) -> None:
        """Mark sent (over the warning, if one is shown)."""
        self.dismiss(MarkSent(force=bool(self.request.guard_warning)))

    def action_cancel(self) -> None:
        """Back to the draft."""
        self.dismiss(None)
