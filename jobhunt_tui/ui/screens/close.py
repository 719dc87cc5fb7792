"""A short list of choices in a dialog (close an opportunity, confirm a removal).

It returns the chosen option's id, or None on escape; the caller runs the change.
"""

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

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.domain.stages import CLOSED_STAGES
from jobhunt_tui.ui.screens import DIALOG_CSS

OUTCOME_HELP = {
    Stage.ACCEPTED: "you took the offer",
    Stage.REJECTED: "they said no",
    Stage.WITHDRAWN: "you stepped back",
}


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a few options; enter takes the highlighted one, escape cancels."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel", tooltip="Change nothing"),
    ]

    def __init__(
        self, title: str, subject: Content, choices: list[tuple[str, Content]], hint: str
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.subject = subject
        self.choices = choices
        self.hint = hint

    def compose(self) -> ComposeResult:
        """The subject line and the options."""
        with Vertical(classes="dialog", id="choice-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(self.subject, classes="dialog-subject")
            yield OptionList(
                *(Option(prompt, id=key) for key, prompt in self.choices), id="choices"
            )
            yield Static(Content(self.hint), classes="dialog-hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Close with the chosen option's id."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)


def close_dialog(subject: Content) -> ChoiceDialog:
    """Accepted, rejected or withdrawn; the result is the stage's value."""
    choices = [
        (stage.value, Content.assemble((stage.label, "bold"), f"  {OUTCOME_HELP[stage]}"))
        for stage in CLOSED_STAGES
    ]
    return ChoiceDialog("Close opportunity", subject, choices, "enter closes · escape cancels")
