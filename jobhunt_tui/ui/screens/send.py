"""Send…: the dialog of `ctrl+o` in the draft pane. Its default (`enter`) is mark sent.

It only asks: the pest guard's warning and any placeholder left open are shown first, and
the result says whether the user went ahead despite the warning. The screen runs the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from jobhunt_tui.ui.display import literal


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


class SendDialog(ModalScreen[MarkSent | None]):
    """Mark the follow-up sent (enter) or go back to the draft (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "mark_sent", "Mark sent", id="send.mark_sent",
                tooltip="Log it as sent with this text and plan what comes next"),
        Binding("escape", "cancel", "Cancel", id="send.cancel", tooltip="Back to the draft"),
    ]  # fmt: skip

    def __init__(self, request: SendRequest) -> None:
        super().__init__(classes="dialog-screen")
        self.request = request

    def compose(self) -> ComposeResult:
        """The follow-up, the warnings, the one choice that exists."""
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
            yield Static(Content("enter marks sent · escape goes back"), classes="dialog-hint")

    def action_mark_sent(self) -> None:
        """Mark sent (over the warning, if one is shown)."""
        self.dismiss(MarkSent(force=bool(self.request.guard_warning)))

    def action_cancel(self) -> None:
        """Back to the draft."""
        self.dismiss(None)
