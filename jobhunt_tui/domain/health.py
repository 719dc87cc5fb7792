"""Search health: active count against the floor, idle and quiet opportunities, weekly counts.

All day counts are local calendar days in the user's zone. A follow-up is *overdue* when its
due date is before today and *due today* when it is today (whatever the hour), matching the
day-based cadence. The board reads many opportunities with one aggregate query, so the card
builder takes pre-aggregated values per opportunity (`Aggregates`), never lists of rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import arrow

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.localtime import Zone, days_between, local_date
from jobhunt_tui.domain.models import FollowUpKind, FollowUpStatus, Settings, Stage
from jobhunt_tui.domain.spacing import is_reply, is_touch
from jobhunt_tui.domain.stages import is_active, is_open

if TYPE_CHECKING:
    from jobhunt_tui.domain.records import FollowUp, Interaction


class SearchHealth(NamedTuple):
    """How many opportunities are active against the floor the user wants to keep."""

    active: int
    floor: int

    @property
    def below_floor(self) -> bool:
        """True when the search needs a backup."""
        return self.active < self.floor

    @property
    def message(self) -> str:
        """One line for the status bar and the agenda."""
        noun = "opportunity" if self.active == 1 else "opportunities"
        if self.active == 0:
            return (
                f"No active opportunities yet (aim for at least {self.floor}): "
                "add one to get the search going."
            )
        if self.below_floor:
            return (
                f"Only {self.active} active {noun} (aim for at least {self.floor}): "
                "add a backup to keep the search going."
            )
        return f"{self.active} active {noun}: the search is healthy."


class DueCounts(NamedTuple):
    """Planned follow-ups due today and overdue."""

    due_today: int = 0
    overdue: int = 0


class WeekCount(NamedTuple):
    """Progress in one week (Monday to Sunday, local)."""

    week_start: dt.date
    applications: int = 0
    follow_ups_sent: int = 0
    interviews: int = 0


class Aggregates(NamedTuple):
    """Per-opportunity values the board query computes (or `aggregate` derives from rows)."""

    last_touch_at: arrow.Arrow | None = None
    last_reply_at: arrow.Arrow | None = None
    next_follow_up_at: arrow.Arrow | None = None
    next_follow_up_kind: FollowUpKind | None = None


def search_health(active: int, settings: Settings) -> SearchHealth:
    """Active count against `settings.active_floor`."""
    return SearchHealth(active=active, floor=settings.active_floor)


def count_active(stages: Iterable[tuple[Stage, bool]]) -> int:
    """How many (stage, archived) pairs count as active."""
    return sum(1 for stage, archived in stages if is_active(stage, archived))


def is_overdue(due_at: arrow.Arrow, now: arrow.Arrow, tz: Zone) -> bool:
    """True when the due date is before today."""
    return local_date(due_at, tz) < local_date(now, tz)


def due_counts(dues: Iterable[arrow.Arrow], now: arrow.Arrow, tz: Zone) -> DueCounts:
    """Count planned follow-ups (their due times) due today and overdue."""
    today = local_date(now, tz)
    days = [local_date(due, tz) for due in dues]
    return DueCounts(
        due_today=sum(1 for day in days if day == today),
        overdue=sum(1 for day in days if day < today),
    )


def header_line(active: int, due: DueCounts) -> str:
    """The header: "5 active · 2 due today · 1 overdue"."""
    return f"{active} active · {due.due_today} due today · {due.overdue} overdue"


def quiet_days(
    *,
    stage: Stage,
    archived: bool,
    last_touch_at: arrow.Arrow | None,
    last_reply_at: arrow.Arrow | None,
    next_follow_up_at: arrow.Arrow | None,
    now: arrow.Arrow,
    tz: Zone,
) -> int | None:
    """Days of silence once nothing is planned and the employer has not answered the last touch.

    None while the opportunity is not active, something is still planned, there was no touch
    yet, or the latest touch is the employer's reply (the next move is the user's).
    """
    if not is_active(stage, archived) or next_follow_up_at is not None or last_touch_at is None:
        return None
    if last_reply_at is not None and last_reply_at >= last_touch_at:
        return None
    return max(0, days_between(last_touch_at, now, tz))


def quiet_message(days: int) -> str:
    """Silence as a state, not a verdict."""
    unit = "day" if days == 1 else "days"
    return (
        f"{days} {unit} quiet: processes often take 2-6 weeks. "
        "Nothing is closed; keep the search going meanwhile."
    )


def is_idle(
    *,
    stage: Stage,
    archived: bool,
    last_touch_at: arrow.Arrow | None,
    next_follow_up_at: arrow.Arrow | None,
    created_at: arrow.Arrow,
    now: arrow.Arrow,
    tz: Zone,
    settings: Settings,
) -> bool:
    """Active, nothing planned, and no touch (or, without any, no creation) in idle_days."""
    if not is_active(stage, archived) or next_follow_up_at is not None:
        return False
    since = last_touch_at if last_touch_at is not None else created_at
    return days_between(since, now, tz) >= settings.idle_days


def aggregate(interactions: Iterable[Interaction], follow_ups: Iterable[FollowUp]) -> Aggregates:
    """The board's per-opportunity values computed from one opportunity's rows.

    The board reads these from one SQL query (`storage.reader.card_rows`); this is their
    definition, which that query is proven against (tests/services/test_card_parity.py) and
    which the pure cadence tests use without a database."""
    touches = [i.occurred_at for i in interactions if is_touch(i.kind)]
    replies = [i.occurred_at for i in interactions if is_reply(i.kind, i.direction)]
    planned = sorted(
        (f for f in follow_ups if f.status is FollowUpStatus.PLANNED), key=lambda f: f.due_at
    )
    return Aggregates(
        last_touch_at=max(touches, default=None),
        last_reply_at=max(replies, default=None),
        next_follow_up_at=planned[0].due_at if planned else None,
        next_follow_up_kind=planned[0].kind if planned else None,
    )


class CardBasics(NamedTuple):
    """The stored fields of an opportunity that a card shows or its rules need."""

    opportunity_id: int
    company: str
    role: str
    stage: Stage
    priority: int
    archived: bool
    created_at: arrow.Arrow


def card_for(
    basics: CardBasics, values: Aggregates, *, now: arrow.Arrow, tz: Zone, settings: Settings
) -> BoardCard:
    """A board card: what it shows, and the overdue, idle and quiet rules applied to it."""
    stage, archived = basics.stage, basics.archived
    next_at = values.next_follow_up_at
    return BoardCard(
        opportunity_id=basics.opportunity_id,
        company=basics.company,
        role=basics.role,
        stage=stage,
        priority=basics.priority,
        archived=archived,
        last_touch_at=values.last_touch_at,
        next_follow_up_at=next_at,
        next_follow_up_kind=values.next_follow_up_kind,
        days_since_touch=(
            None if values.last_touch_at is None else days_between(values.last_touch_at, now, tz)
        ),
        overdue=next_at is not None and is_open(stage) and is_overdue(next_at, now, tz),
        idle=is_idle(
            stage=stage,
            archived=archived,
            last_touch_at=values.last_touch_at,
            next_follow_up_at=next_at,
            created_at=basics.created_at,
            now=now,
            tz=tz,
            settings=settings,
        ),
        quiet_days=quiet_days(
            stage=stage,
            archived=archived,
            last_touch_at=values.last_touch_at,
            last_reply_at=values.last_reply_at,
            next_follow_up_at=next_at,
            now=now,
            tz=tz,
        ),
    )
