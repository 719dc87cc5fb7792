"""Closing an opportunity: choose the outcome (accepted, rejected, withdrawn)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.domain.stages import CLOSED_STAGES
from jobhunt_tui.ui.display import literal

OUTCOME_HELP = {
    Stage.ACCEPTED: "you took the offer",
    Stage.REJECTED: "they said no",
    Stage.WITHDRAWN: "you stepped back",
}


class CloseDialog(ModalScreen[Stage | None]):
    """Pick how the opportunity ended; enter closes it, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="close.cancel", tooltip="Keep it open"),
    ]

    def __init__(self, card: BoardCard) -> None:
        super().__init__(classes="dialog-screen")
        self.card = card

    def compose(self) -> ComposeResult:
        """The opportunity's name and the three outcomes."""
        with Vertical(classes="dialog", id="close-dialog") as dialog:
            dialog.border_title = "Close opportunity"
            yield Static(
                Content.assemble(
                    literal(self.card.company, "bold"), " · ", literal(self.card.role)
                ),
                classes="dialog-subject",
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble((stage.label, "bold"), f"  {OUTCOME_HELP[stage]}"),
                        id=stage.value,
                    )
                    for stage in CLOSED_STAGES
                ),
                id="outcomes",
            )
            yield Static(Content("enter closes · escape cancels"), classes="dialog-hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Close with the chosen outcome."""
        assert event.option.id is not None
        self.dismiss(Stage(event.option.id))

    def action_cancel(self) -> None:
        """Keep the opportunity open."""
        self.dismiss(None)
