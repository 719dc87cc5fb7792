"""The add and edit keys of the board (a, e): the opportunity form and what its save does.

Each save runs in the form's worker and is undoable; the main screen then re-reads the one
card it touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from jobhunt_tui.domain.models import Opportunity
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.screens.form import OpportunityForm

if TYPE_CHECKING:
    from jobhunt_tui.services.pipeline import OpportunityInput
    from jobhunt_tui.ui.screens.main import MainScreen


def add_opportunity(screen: MainScreen) -> None:
    """Open the empty form; saving adds the opportunity (undo removes it again)."""

    def save(data: OpportunityInput) -> Opportunity:
        return screen.services.pipeline.add(data)

    form = OpportunityForm("Add opportunity", save, _day_parser(screen))
    screen.app.push_screen(form, lambda saved: _saved(screen, saved))


def edit_opportunity(screen: MainScreen, current: Opportunity) -> None:
    """Open the form on `current` (call on the UI thread); saving is undoable."""

    def save(data: OpportunityInput) -> Opportunity:
        return screen.services.pipeline.edit(current.id, data)

    form = OpportunityForm("Edit opportunity", save, _day_parser(screen), current)
    screen.app.push_screen(form, lambda saved: _saved(screen, saved))


def _day_parser(screen: MainScreen) -> Callable[[str, str], object]:
    """Dates typed in the form, read against the app's clock and zone."""

    def parse(text: str, field: str) -> object:
        from jobhunt_tui.domain.dates import Looking, parse_day

        # "friday" in Applied on is the last one; in Decision by, the coming one.
        looking = Looking.PAST if field == "applied_on" else Looking.FUTURE
        services = screen.services
        return parse_day(text, services.clock(), services.tz, field=field, looking=looking)

    return parse


def _saved(screen: MainScreen, saved: Opportunity | None) -> None:
    """After the form: re-read the one card it touched."""
    if saved is not None:
        screen.card_saved(saved.id, f"Saved {visible(saved.company_name)}")
