"""The services the screens call, built once by the app (widgets never see them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.history import History
from jobhunt_tui.services.pipeline import PipelineService

if TYPE_CHECKING:
    from jobhunt_tui.storage.database import Database


@dataclass
class Services:
    """Everything a screen may ask of the data, sharing one database and one clock."""

    database: Database
    clock: Clock
    tz: Zone
    pipeline: PipelineService = field(init=False)
    board: BoardService = field(init=False)
    history: History = field(init=False)
    follow_ups: FollowUpService = field(init=False)

    def __post_init__(self) -> None:
        self.pipeline = PipelineService(self.database, self.clock)
        self.board = BoardService(self.database, self.clock, self.tz)
        self.history = History(self.database)
        self.follow_ups = FollowUpService(self.database, self.clock, self.tz)
