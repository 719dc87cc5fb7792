"""The services the screens call, built once by the app (widgets never see them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.services.history import History, new_app_writer

if TYPE_CHECKING:
    from jobhunt_tui.services.agenda import AgendaService
    from jobhunt_tui.services.board import BoardSnapshot
    from jobhunt_tui.services.contacts import ContactService
    from jobhunt_tui.services.drafts import DraftService
    from jobhunt_tui.services.followups import FollowUpService
    from jobhunt_tui.services.live import LiveFeed
    from jobhunt_tui.services.mail import MailService
    from jobhunt_tui.services.pipeline import PipelineService
    from jobhunt_tui.services.read_ahead import ReadAhead, ReadAheadCalendar
    from jobhunt_tui.services.settings import SettingsService
    from jobhunt_tui.services.templates import TemplateService
    from jobhunt_tui.storage.database import Database


@dataclass
class Services:
    """Everything a screen may ask of the data, sharing one database and one clock.

    Only the board is needed for the first frame; the others are imported on first use.
    """

    database: Database
    clock: Clock
    tz: Zone
    read_ahead: ReadAhead | None = None
    """The first frame's reads, started before the app (by `jobhunt`), if any."""
    board: BoardService = field(init=False)
    history: History = field(init=False)
    live: LiveFeed | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.board = BoardService(self.database, self.clock, self.tz)
        # This window writes as a writer of its own: its undo never takes back another's.
        self.database.writer = new_app_writer()
        self.history = History(self.database)

    def first_board(self, lines: int) -> BoardSnapshot:
        """The board's first screen in a terminal `lines` tall: read ahead when it was, else
        now."""
        board = self.read_ahead.board(lines) if self.read_ahead is not None else None
        return board if board is not None else self.board.load(first_screen=lines)

    @cached_property
    def calendar(self) -> ReadAheadCalendar:
        """The agenda service as the calendar pane reads it (its first view maybe read ahead)."""
        from jobhunt_tui.services.read_ahead import ReadAheadCalendar

        return ReadAheadCalendar(self.agenda, self.read_ahead)

    def today(self) -> dt.date:
        """The user's local date now (the live view rolls over when it changes)."""
        return local_date(self.clock(), self.tz)

    def watch_changes(self, since_id: int) -> LiveFeed:
        """Start following other writers' changes after change-log id `since_id`."""
        from jobhunt_tui.services.live import LiveFeed

        self.live = LiveFeed(self.database, since_id)
        return self.live

    @cached_property
    def pipeline(self) -> PipelineService:
        """Add, edit, move and close opportunities."""
        from jobhunt_tui.services.pipeline import PipelineService

        return PipelineService(self.database, self.clock, self.tz)

    def prepare_moves(self) -> None:
        """Build the pipeline service ahead of the first move (its import is ~10 ms; it writes
        in plain SQL, so this loads no ORM)."""
        self.pipeline  # noqa: B018 - the cached property builds it

    @cached_property
    def follow_ups(self) -> FollowUpService:
        """Interviews, replies and follow-ups."""
        from jobhunt_tui.services.followups import FollowUpService

        return FollowUpService(self.database, self.clock, self.tz)

    @cached_property
    def settings(self) -> SettingsService:
        """Read and change the user's settings."""
        from jobhunt_tui.services.settings import SettingsService

        return SettingsService(self.database)

    @cached_property
    def drafts(self) -> DraftService:
        """Draft texts, their versions and templates; marking them sent."""
        from jobhunt_tui.services.drafts import DraftService

        return DraftService(self.database, self.clock, self.tz)

    @cached_property
    def mail(self) -> MailService:
        """A draft as an .eml file, a mailto: link or text."""
        from jobhunt_tui.services.mail import MailService

        return MailService(self.database, self.clock)

    @cached_property
    def templates(self) -> TemplateService:
        """Your templates: add, edit, duplicate, delete, the default, the built-ins."""
        from jobhunt_tui.services.templates import TemplateService

        return TemplateService(self.database)

    @cached_property
    def contacts(self) -> ContactService:
        """The people at an opportunity's company."""
        from jobhunt_tui.services.contacts import ContactService

        return ContactService(self.database)

    @cached_property
    def agenda(self) -> AgendaService:
        """The agenda and the calendar (bounded reads)."""
        from jobhunt_tui.services.agenda import AgendaService

        return AgendaService(self.database, self.clock, self.tz)
