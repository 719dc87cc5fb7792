"""Plan a follow-up by hand, with the pest guard's question asked inside the form.

When the date is too soon after the last unanswered touch, the form shows why and offers two
choices: "Plan on <the earliest polite date>" (highlighted: enter takes it) and "Plan anyway"
(explicit). The guard is asked through a read-only callable; the form itself writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import arrow
from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobhunt_tui.domain.localtime import Zone, short_date
from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.pest_guard import GuardResult
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.screens.form import Field, FormDialog, Values

GuardCheck = Callable[[FollowUpKind, arrow.Arrow], GuardResult]
"""Asks the pest guard about planning a kind at a time (reads only)."""

PLAN_ON = "plan-on"
PLAN_ANYWAY = "plan-anyway"


@dataclass(frozen=True)
class PlanRequest:
    """A follow-up to plan: kind, channel and due time; `force` overrides the pest guard."""

    kind: FollowUpKind
    channel: Channel
    due_at: arrow.Arrow
    force: bool = False


class PlanDialog(FormDialog[PlanRequest]):
    """The plan form; a refusal by the pest guard turns into two choices, never a checkbox."""

    def __init__(
        self,
        title: str,
        fields: tuple[Field, ...],
        read: Callable[[Values], PlanRequest],
        check: GuardCheck,
        tz: Zone,
        *,
        subject: Content | None = None,
    ) -> None:
        super().__init__(title, fields, read, subject=subject)
        self.check = check
        self.tz = tz
        self.pending: PlanRequest | None = None
        self.guard: GuardResult | None = None

    def compose_extra(self) -> ComposeResult:
        """The guard's warning and its two choices (hidden until it refuses)."""
        yield Static("", id="guard-warning", classes="dialog-warning", markup=False)
        yield OptionList(id="guard-choices", classes="dialog-warning")

    def accept(self, result: PlanRequest) -> None:
        """Ask the guard (a read, off the UI thread) before closing."""
        for widget in self.query(".dialog-warning.-shown"):
            widget.remove_class("-shown")
        self._ask_guard(result)

    @work(thread=True, exclusive=True, exit_on_error=False, group="guard")
    def _ask_guard(self, request: PlanRequest) -> None:
        answer = self.check(request.kind, request.due_at)
        self.app.call_from_thread(self._answered, request, answer)

    def _answered(self, request: PlanRequest, answer: GuardResult) -> None:
        if answer.allowed or answer.earliest_polite_at is None:
            self.dismiss(request)
            return
        self.pending, self.guard = request, answer
        warning = self.query_one("#guard-warning", Static)
        warning.update(literal(answer.message))
        warning.add_class("-shown")
        choices = self.query_one("#guard-choices", OptionList)
        choices.clear_options()
        polite = short_date(answer.earliest_polite_at, self.tz)
        choices.add_options(
            [
                Option(Content.assemble(("Plan on ", "bold"), (polite, "bold")), id=PLAN_ON),
                Option(
                    Content.assemble(
                        "Plan anyway", (f"  on {short_date(request.due_at, self.tz)}", "dim")
                    ),
                    id=PLAN_ANYWAY,
                ),
            ]
        )
        choices.highlighted = 0
        choices.add_class("-shown")
        choices.focus()
        self.query_one(".dialog-hint", Static).update(
            Content("enter plans on the polite date · ↓ to plan anyway · escape cancels")
        )

    @on(OptionList.OptionSelected, "#guard-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Plan on the polite date (the default), or as asked with the guard overridden."""
        event.stop()
        if self.pending is None or self.guard is None or self.guard.earliest_polite_at is None:
            return
        if event.option.id == PLAN_ON:
            self.dismiss(replace(self.pending, due_at=self.guard.earliest_polite_at))
        else:
            self.dismiss(replace(self.pending, force=True))
