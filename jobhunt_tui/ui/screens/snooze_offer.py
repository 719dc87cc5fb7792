"""The refused snooze: the pest guard's words and an offer of its earliest polite date."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from jobhunt_tui.ui.screens import DIALOG_CSS


class SnoozeOffer(ModalScreen[bool]):
    """ "Too soon … Snooze to Mon 30 Nov instead?": enter accepts, escape keeps it as it is."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer(True)", "Snooze to that date", id="snooze_offer.accept",
                tooltip="Snooze to the earliest polite date"),
        Binding("escape", "answer(False)", "Keep", id="snooze_offer.cancel",
                tooltip="Leave the follow-up where it is"),
    ]  # fmt: skip

    def __init__(self, title: str, message: str, offer: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.message = message
        self.offer = offer

    def compose(self) -> ComposeResult:
        """The refusal and the offer."""
        with Vertical(classes="dialog", id="snooze-offer") as dialog:
            dialog.border_title = self.title_text
            yield Static(Content(self.message), classes="dialog-subject")
            yield Static(Content.styled(self.offer, "bold"))
            yield Static(Content("enter snoozes to that date · escape keeps it"),
                         classes="dialog-hint")  # fmt: skip

    def action_answer(self, accept: bool) -> None:
        """Close with the answer."""
        self.dismiss(accept)
