"""The services the screens call, built once by the app (widgets never see them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.services.history import History

if TYPE_CHECKING:
    from jobhunt_tui.services.agenda import AgendaService
    from jobhunt_tui.services.followups import FollowUpService
    from jobhunt_tui.services.pipeline import PipelineService
    from jobhunt_tui.storage.database import Database


@dataclass
class Services:
    """Everything a screen may ask of the data, sharing one database and one clock.

    Only the board is needed for the first frame; the others are imported on first use.
    """

    database: Database
    clock: Clock
    tz: Zone
    board: BoardService = field(init=False)
    history: History = field(init=False)

    def __post_init__(self) -> None:
        self.board = BoardService(self.database, self.clock, self.tz)
        # Eager: workers share it, and one undo stack must never become two.
        self.history = History(self.database)

    @cached_property
    def pipeline(self) -> PipelineService:
        """Add, edit, move and close opportunities."""
        from jobhunt_tui.services.pipeline import PipelineService

        return PipelineService(self.database, self.clock)

    @cached_property
    def follow_ups(self) -> FollowUpService:
        """Interviews, replies and follow-ups."""
        from jobhunt_tui.services.followups import FollowUpService

        return FollowUpService(self.database, self.clock, self.tz)

    @cached_property
    def agenda(self) -> AgendaService:
        """The agenda and the calendar (bounded reads)."""
        from jobhunt_tui.services.agenda import AgendaService

        return AgendaService(self.database, self.clock, self.tz)
