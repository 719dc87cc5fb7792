"""The pipeline board as the UI shows it: cards and the search-health counts.

Reads go through `Database.reading()` (standard-library sqlite3, one aggregate query for all
cards), so the first frame never waits for the ORM. The rules come from `domain.health`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.health import DueCounts, is_idle, is_overdue, quiet_days
from jobhunt_tui.domain.localtime import Zone, at_local, days_between, local_date
from jobhunt_tui.domain.models import Direction, FollowUpKind, InteractionKind, Settings, Stage
from jobhunt_tui.domain.spacing import TOUCH_KINDS
from jobhunt_tui.domain.stages import CLOSED_STAGES, OPEN_STAGES, is_open
from jobhunt_tui.domain.timeutil import from_stored, maybe_from_stored, to_stored
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import reader
from jobhunt_tui.storage.database import Database


@dataclass(frozen=True)
class HealthCounts:
    """What the header line says about the search as a whole."""

    active: int
    due: DueCounts
    floor: int

    @property
    def below_floor(self) -> bool:
        """True when fewer opportunities are active than the user's floor."""
        return self.active < self.floor


@dataclass(frozen=True)
class BoardSnapshot:
    """Everything the first screen needs, read in one transaction."""

    cards: list[BoardCard]
    counts: HealthCounts
    settings: Settings
    include_closed: bool


def _quoted(values: Iterable[str]) -> str:
    """SQL literals for a fixed set of enum values (never user input)."""
    return ", ".join(f"'{value}'" for value in sorted(values))


_TOUCH = _quoted(kind.value for kind in TOUCH_KINDS)
_CLOSED = _quoted(stage.value for stage in CLOSED_STAGES)
_ACTIVE = _quoted(stage.value for stage in OPEN_STAGES if stage is not Stage.WISHLIST)

# Like reader.board_rows, plus what the idle and quiet rules need (created_at, last reply).
_CARD_QUERY = f"""
    WITH touches AS (
        SELECT opportunity_id,
               MAX(CASE WHEN kind IN ({_TOUCH}) THEN occurred_at END) AS last_touch_at,
               MAX(CASE WHEN kind = '{InteractionKind.EMAIL_IN.value}'
                          OR (kind = '{InteractionKind.CALL.value}'
                              AND direction = '{Direction.IN.value}')
                        THEN occurred_at END) AS last_reply_at
        FROM interaction {{only_interactions}}
        GROUP BY opportunity_id
    ),
    planned AS (
        SELECT opportunity_id, MIN(due_at) AS next_due_at
        FROM follow_up WHERE status = 'planned' {{only_follow_ups}}
        GROUP BY opportunity_id
    )
    SELECT o.id, c.name, o.role, o.stage, o.priority, o.archived, o.created_at,
           t.last_touch_at, t.last_reply_at, p.next_due_at,
           (SELECT f.kind FROM follow_up AS f
             WHERE f.opportunity_id = o.id AND f.status = 'planned'
             ORDER BY f.due_at, f.id LIMIT 1) AS next_kind
    FROM opportunity AS o
    JOIN company AS c ON c.id = o.company_id
    LEFT JOIN touches AS t ON t.opportunity_id = o.id
    LEFT JOIN planned AS p ON p.opportunity_id = o.id
    WHERE {{where}}
    ORDER BY o.priority, o.updated_at DESC, o.id
"""


def _all_cards(where: str) -> str:
    """The card query over every opportunity matching `where`."""
    return _CARD_QUERY.format(where=where, only_interactions="", only_follow_ups="")


# One card after a change: the aggregates only look at that opportunity's rows (indexed).
_ONE_CARD = _CARD_QUERY.format(
    where="o.id = :id",
    only_interactions="WHERE opportunity_id = :id",
    only_follow_ups="AND opportunity_id = :id",
)

_COUNTS_QUERY = f"""
    SELECT
      (SELECT COUNT(*) FROM opportunity WHERE archived = 0 AND stage IN ({_ACTIVE})),
      COALESCE(SUM(f.due_at < :today), 0),
      COALESCE(SUM(f.due_at >= :today AND f.due_at < :tomorrow), 0)
    FROM follow_up AS f JOIN opportunity AS o ON o.id = f.opportunity_id
    WHERE f.status = 'planned' AND o.archived = 0 AND o.stage NOT IN ({_CLOSED})
"""


def _card(row: sqlite3.Row, now: arrow.Arrow, tz: Zone, settings: Settings) -> BoardCard:
    """One card from its aggregated row and the rules of `domain.health`."""
    stage = Stage(row[3])
    archived = bool(row[5])
    last_touch = maybe_from_stored(row[7])
    next_due = maybe_from_stored(row[9])
    return BoardCard(
        opportunity_id=row[0],
        company=row[1],
        role=row[2],
        stage=stage,
        priority=row[4],
        archived=archived,
        last_touch_at=last_touch,
        next_follow_up_at=next_due,
        next_follow_up_kind=FollowUpKind(row[10]) if row[10] else None,
        days_since_touch=None if last_touch is None else days_between(last_touch, now, tz),
        overdue=next_due is not None and is_open(stage) and is_overdue(next_due, now, tz),
        idle=is_idle(
            stage=stage,
            archived=archived,
            last_touch_at=last_touch,
            next_follow_up_at=next_due,
            created_at=from_stored(row[6]),
            now=now,
            tz=tz,
            settings=settings,
        ),
        quiet_days=quiet_days(
            stage=stage,
            archived=archived,
            last_touch_at=last_touch,
            last_reply_at=maybe_from_stored(row[8]),
            next_follow_up_at=next_due,
            now=now,
            tz=tz,
        ),
    )


class BoardService:
    """Builds the board's cards from one aggregate query; refreshes one card after a change."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()

    def load(self, include_closed: bool = False) -> BoardSnapshot:
        """Every card (closed ones too when asked) with the settings and header counts."""
        now = self.clock()
        where = "o.archived = 0"
        if not include_closed:
            where += f" AND o.stage NOT IN ({_CLOSED})"
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            rows = conn.execute(_all_cards(where)).fetchall()
            counts = self._counts(conn, now, settings)
        cards = [_card(row, now, self.tz, settings) for row in rows]
        return BoardSnapshot(cards, counts, settings, include_closed)

    def card(
        self, opportunity_id: int, settings: Settings
    ) -> tuple[BoardCard | None, HealthCounts]:
        """One card re-read after a change (None when gone or archived), and fresh counts."""
        now = self.clock()
        with self.database.reading() as conn:
            row = conn.execute(_ONE_CARD, {"id": opportunity_id}).fetchone()
            counts = self._counts(conn, now, settings)
        if row is None or row[5]:
            return None, counts
        return _card(row, now, self.tz, settings), counts

    def counts(self, settings: Settings) -> HealthCounts:
        """The header counts alone."""
        with self.database.reading() as conn:
            return self._counts(conn, self.clock(), settings)

    def _counts(
        self, conn: sqlite3.Connection, now: arrow.Arrow, settings: Settings
    ) -> HealthCounts:
        today = local_date(now, self.tz)
        start = at_local(today, dt.time(0, 0), self.tz)
        end = at_local(today + dt.timedelta(days=1), dt.time(0, 0), self.tz)
        active, overdue, due_today = conn.execute(
            _COUNTS_QUERY, {"today": to_stored(start), "tomorrow": to_stored(end)}
        ).fetchone()
        return HealthCounts(
            active, DueCounts(due_today=due_today, overdue=overdue), settings.active_floor
        )

    def now(self) -> arrow.Arrow:
        """The service's clock reading (the UI phrases relative dates with it)."""
        return self.clock()

    def prepare_writes(self) -> None:
        """Import the ORM ahead of the first write (call in a worker after the first paint)."""
        import jobhunt_tui.storage.engine
        import jobhunt_tui.storage.repository  # noqa: F401
