"""The calendar's item keys (space, s, o, f) as changes on the main screen.

Each write goes through `screen.change(opportunity_id, label, apply)`; `apply` calls the
follow-up service in the change's worker and returns the note to show. A snooze the pest
guard refuses offers the earliest polite date instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobhunt_tui.domain.agenda import snooze_days_to_reach
from jobhunt_tui.domain.localtime import short_date
from jobhunt_tui.domain.pest_guard import PestGuardRefused
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.ui.widgets.agenda_lines import AgendaRow

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.main import MainScreen


def act(screen: MainScreen, action: str, row: AgendaRow) -> None:
    """Run one agenda key on `row`."""
    if action == "done":
        mark_done(screen, row)
    elif action == "snooze":
        snooze(screen, row, 1)
    elif action == "open":
        open_card(screen, row)
    elif action == "plan" and row.card is not None:
        from jobhunt_tui.ui.screens import follow_up_actions
        from jobhunt_tui.ui.screens.host import Subject

        subject = None if row.card is None else Subject.of_card(row.card)
        follow_up_actions.plan_follow_up(screen, subject)


def mark_done(screen: MainScreen, row: AgendaRow) -> None:
    """Mark the follow-up sent now; the cadence re-plans what comes after it."""
    assert row.follow_up_id is not None and row.opportunity_id is not None
    services = screen.services
    follow_up_id = row.follow_up_id

    def apply() -> str:
        # Recording what already went out is never refused (history must stay true); the
        # guard's words, if any, come along as information.
        result = services.follow_ups.done(follow_up_id, force=True)
        following = sorted(result.moved, key=lambda f: f.due_at)
        if following:
            step = following[0]
            nxt = f"next: {kind_label(step.kind.value)} {short_date(step.due_at, services.tz)}"
        else:
            nxt = "nothing more planned"
        note = f"Done: {row.label}; {nxt}."
        if result.guard is not None and not result.guard.allowed:
            note += f" Note: {result.guard.message}"
        return note

    screen.change(row.opportunity_id, f"mark {row.label} done", apply)


def snooze(screen: MainScreen, row: AgendaRow, days: int) -> None:
    """Move the follow-up `days` later; a refusal offers the earliest polite date."""
    assert row.follow_up_id is not None and row.opportunity_id is not None
    services = screen.services
    follow_up_id = row.follow_up_id

    def apply() -> str:
        try:
            result = services.follow_ups.snooze(follow_up_id, days)
        except PestGuardRefused as refused:
            screen.app.call_from_thread(_offer, screen, row, refused)
            return ""
        when = short_date(result.follow_up.due_at, services.tz)
        return f"Snoozed {row.label} to {when}."

    screen.change(row.opportunity_id, f"snooze {row.label}", apply)


def _offer(screen: MainScreen, row: AgendaRow, refused: PestGuardRefused) -> None:
    """Show the guard's words and offer its earliest polite date (enter accepts)."""
    from jobhunt_tui.ui.screens.snooze_offer import SnoozeOffer

    guard = refused.result
    if guard.earliest_polite_at is None or row.due_at is None:
        screen.notify(str(refused), markup=False, severity="warning")
        return
    tz = screen.services.tz
    days = snooze_days_to_reach(row.due_at, guard.earliest_polite_at, screen.services.clock(), tz)
    offer = f"Snooze to {short_date(guard.earliest_polite_at, tz)} instead?"

    def answered(accept: bool | None) -> None:
        if accept:
            snooze(screen, row, days)

    screen.app.push_screen(SnoozeOffer(guard.title, guard.message, offer), answered)


def open_card(screen: MainScreen, row: AgendaRow) -> None:
    """Select the item's card on the board and go there."""
    assert row.opportunity_id is not None
    if not screen.board.select(row.opportunity_id):
        screen.notify("That card is not on the board (closed or filtered out).", markup=False)
        return
    screen.set_class(False, "-side-shown")
    screen.board.focus()
