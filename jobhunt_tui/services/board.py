"""The pipeline board as the UI shows it: cards and the search-health counts.

Reads go through `Database.reading()` (standard-library sqlite3), so the first frame never
waits for the ORM. The first screen reads only the first cards of each column (bounded work,
whatever N); the rest arrives from a full read after the first paint.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

import arrow

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.health import Aggregates, CardBasics, DueCounts, card_for
from jobhunt_tui.domain.localtime import Zone, at_local, local_date
from jobhunt_tui.domain.models import FollowUpKind, Settings, Stage
from jobhunt_tui.domain.stages import is_active
from jobhunt_tui.domain.timeutil import from_stored, maybe_from_stored, to_stored
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import agenda_reads, change_feed, reader
from jobhunt_tui.storage.database import Database
from jobhunt_tui.storage.reader import CardRow


def first_screen_cards(lines: int) -> int:
    """Cards per column read before the first paint in a terminal `lines` tall: more than it
    can show (no card is under three lines), and no more: each costs ~30 µs to build."""
    return max(1, lines // 3)


class HealthCounts(NamedTuple):
    """What the header line says about the search as a whole."""

    active: int
    due: DueCounts
    floor: int

    @property
    def below_floor(self) -> bool:
        """True when fewer opportunities are active than the user's floor."""
        return self.active < self.floor


class BoardSnapshot(NamedTuple):
    """Everything the board shows, read in one transaction (maybe only the first screen)."""

    cards: list[BoardCard]
    counts: HealthCounts
    settings: Settings
    include_closed: bool
    totals: dict[Stage, int]
    complete: bool
    change_id: int
    """The change log's newest id when this was read: the live view carries on from it."""


class CardsRead(NamedTuple):
    """Some cards as stored at change-log id `as_of` (None: gone), and the counts then.

    Reads finish in any order; `as_of` lets the screen drop one older than what it shows.
    """

    cards: dict[int, BoardCard | None]
    counts: HealthCounts
    as_of: int


def _card(row: CardRow, now: arrow.Arrow, tz: Zone, settings: Settings) -> BoardCard:
    """One card from its aggregated row and the rules of `domain.health`."""
    basics = CardBasics(
        row.opportunity_id,
        row.company,
        row.role,
        Stage(row.stage),
        row.priority,
        bool(row.archived),
        from_stored(row.created_at),
    )
    values = Aggregates(
        last_touch_at=maybe_from_stored(row.last_touch_at),
        last_reply_at=maybe_from_stored(row.last_reply_at),
        next_follow_up_at=maybe_from_stored(row.next_due_at),
        next_follow_up_kind=FollowUpKind(row.next_kind) if row.next_kind else None,
    )
    return card_for(basics, values, now=now, tz=tz, settings=settings)


def card_from_row(row: CardRow, now: arrow.Arrow, tz: Zone, settings: Settings) -> BoardCard:
    """One card from its row, as the board builds it (the agenda's idle list uses it too)."""
    return _card(row, now, tz, settings)


class BoardService:
    """Builds the board's cards; refreshes one card after a change."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()

    def load(
        self, include_closed: bool = False, *, first_screen: int | None = None
    ) -> BoardSnapshot:
        """Every card with the counts; for the first paint, only the first of each column that
        a terminal `first_screen` lines tall shows."""
        now = self.clock()
        limit = first_screen_cards(first_screen) if first_screen is not None else None
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            rows = reader.card_rows(conn, include_closed=include_closed, per_stage_limit=limit)
            totals = reader.stage_totals(conn, include_closed=include_closed)
            active = sum(count for stage, count in totals.items() if is_active(stage))
            counts = self._counts(conn, now, settings, active)
            change_id = change_feed.latest_id(conn)
        cards = [_card(row, now, self.tz, settings) for row in rows]
        complete = len(cards) == sum(totals.values())
        return BoardSnapshot(cards, counts, settings, include_closed, totals, complete, change_id)

    def cards(self, opportunity_ids: frozenset[int], settings: Settings) -> CardsRead:
        """Cards re-read after a change, in one transaction (None for each gone or archived
        one), with fresh counts."""
        now = self.clock()
        found: dict[int, BoardCard | None] = {}
        with self.database.reading() as conn:
            for opportunity_id in sorted(opportunity_ids):
                row = reader.card_row(conn, opportunity_id)
                live = row is not None and not row.archived
                found[opportunity_id] = _card(row, now, self.tz, settings) if live else None
            counts = self._counts(conn, now, settings)
            as_of = change_feed.latest_id(conn)
        return CardsRead(found, counts, as_of)

    def settings(self) -> Settings:
        """The stored settings: the app reads them before its first frame (the theme)."""
        with self.database.reading() as conn:
            return reader.load_settings(conn)

    def counts(self, settings: Settings) -> HealthCounts:
        """The header counts alone."""
        with self.database.reading() as conn:
            return self._counts(conn, self.clock(), settings)

    def _counts(
        self,
        conn: sqlite3.Connection,
        now: arrow.Arrow,
        settings: Settings,
        active: int | None = None,
    ) -> HealthCounts:
        """The header's counts; `active` when the caller has already counted it."""
        today = local_date(now, self.tz)
        start = at_local(today, dt.time(0, 0), self.tz)
        end = at_local(today + dt.timedelta(days=1), dt.time(0, 0), self.tz)
        # The agenda's own count: at the first frame both read it, the second from a warm cache.
        overdue, due_today = agenda_reads.planned_totals(
            conn, ("", to_stored(start), to_stored(end))
        )
        if active is None:
            active = agenda_reads.active_count(conn)
        return HealthCounts(
            active, DueCounts(due_today=due_today, overdue=overdue), settings.active_floor
        )

    def now(self) -> arrow.Arrow:
        """The service's clock reading (the UI phrases relative dates with it)."""
        return self.clock()

    def prepare_writes(self) -> None:
        """Load the ORM ahead of the first write (call in a worker after the first paint)."""
        self.database.prepare_writes()
