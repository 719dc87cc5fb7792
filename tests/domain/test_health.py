"""Search health: the active floor, idle and quiet opportunities, due counts, weekly progress."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.health import (
    Aggregates,
    DueCounts,
    aggregate,
    count_active,
    due_counts,
    header_line,
    is_idle,
    quiet_days,
    search_health,
)
from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Opportunity,
    Settings,
    Stage,
)
from tests.domain.cadence_sim import BERLIN, berlin
from tests.domain.cards import build_card

NOW = berlin("2026-11-20 12:00")  # Friday
SETTINGS = Settings()


def _opportunity(
    stage: Stage = Stage.APPLIED, archived: bool = False, created: str = "2026-10-01 10:00"
) -> Opportunity:
    return Opportunity(
        id=7,
        company_id=1,
        company_name="Globex",
        role="SRE",
        stage=stage,
        created_at=berlin(created),
        updated_at=berlin(created),
        archived=archived,
        priority=1,
    )


def test_below_the_floor_warns_and_suggests_a_backup() -> None:
    low = search_health(1, SETTINGS)
    assert low.below_floor
    assert low.message == (
        "Only 1 active opportunity (aim for at least 2): add a backup to keep the search going."
    )
    ok = search_health(2, SETTINGS)
    assert not ok.below_floor
    assert ok.message == "2 active opportunities: the search is healthy."
    assert search_health(2, Settings(active_floor=3)).below_floor
    assert search_health(0, SETTINGS).message == (
        "No active opportunities yet (aim for at least 2): add one to get the search going."
    )


def test_active_means_open_not_archived_and_applied_or_further() -> None:
    pairs = [
        (Stage.WISHLIST, False),
        (Stage.APPLIED, False),
        (Stage.SCREENING, False),
        (Stage.INTERVIEWING, True),
        (Stage.OFFER, False),
        (Stage.REJECTED, False),
        (Stage.ACCEPTED, False),
    ]
    assert count_active(pairs) == 3


def test_due_counts_are_by_local_day() -> None:
    dues = [
        berlin("2026-11-20 08:00"),  # earlier today: due today, not overdue
        berlin("2026-11-20 23:30"),
        berlin("2026-11-19 23:59"),
        berlin("2026-11-01 09:00"),
        berlin("2026-11-21 00:00"),
    ]
    counts = due_counts(dues, NOW, BERLIN)
    assert counts == DueCounts(due_today=2, overdue=2)
    assert header_line(5, counts) == "5 active · 2 due today · 2 overdue"


def test_idle_needs_active_nothing_planned_and_fourteen_quiet_days() -> None:
    def idle(**overrides) -> bool:
        values = {
            "stage": Stage.APPLIED,
            "archived": False,
            "last_touch_at": berlin("2026-11-06 12:00"),
            "next_follow_up_at": None,
            "created_at": berlin("2026-10-01 10:00"),
            "now": NOW,
            "tz": BERLIN,
            "settings": SETTINGS,
        }
        values.update(overrides)
        return is_idle(**values)

    assert idle()
    assert not idle(last_touch_at=berlin("2026-11-07 12:00"))
    assert not idle(next_follow_up_at=berlin("2026-11-30 09:00"))
    assert not idle(stage=Stage.WISHLIST)
    assert not idle(stage=Stage.REJECTED)
    assert not idle(archived=True)
    assert idle(last_touch_at=None)  # never touched since creation in October
    assert not idle(last_touch_at=None, created_at=berlin("2026-11-19 10:00"))
    assert not idle(settings=Settings(idle_days=30))


def test_quiet_counts_days_since_the_last_unanswered_touch() -> None:
    def quiet(**overrides) -> int | None:
        values = {
            "stage": Stage.INTERVIEWING,
            "archived": False,
            "last_touch_at": berlin("2026-11-08 12:00"),
            "last_reply_at": None,
            "next_follow_up_at": None,
            "now": NOW,
            "tz": BERLIN,
        }
        values.update(overrides)
        return quiet_days(**values)

    assert quiet() == 12
    assert quiet(last_reply_at=berlin("2026-11-01 09:00")) == 12
    assert quiet(last_reply_at=berlin("2026-11-08 12:00")) is None
    assert quiet(next_follow_up_at=berlin("2026-11-25 09:00")) is None
    assert quiet(last_touch_at=None) is None
    assert quiet(stage=Stage.WITHDRAWN) is None


def test_aggregate_reads_touches_replies_and_the_next_planned_follow_up() -> None:
    def entry(
        n: int, kind: InteractionKind, at: str, direction: Direction = Direction.OUT
    ) -> Interaction:
        return Interaction(n, 7, kind, direction, berlin(at))

    interactions = [
        entry(1, InteractionKind.APPLIED, "2026-11-01 10:00"),
        entry(2, InteractionKind.CALL, "2026-11-05 10:00", Direction.IN),
        entry(3, InteractionKind.FOLLOW_UP, "2026-11-10 10:00"),
        entry(4, InteractionKind.NOTE, "2026-11-15 10:00"),
        entry(5, InteractionKind.STAGE_CHANGE, "2026-11-16 10:00"),
    ]

    def follow_up(n: int, kind: FollowUpKind, due: str, status: FollowUpStatus) -> FollowUp:
        return FollowUp(n, 7, kind, Channel.EMAIL, berlin(due), status)

    follow_ups = [
        follow_up(1, FollowUpKind.CHECK_IN, "2026-11-25 09:00", FollowUpStatus.PLANNED),
        follow_up(2, FollowUpKind.CUSTOM, "2026-11-18 09:00", FollowUpStatus.PLANNED),
        follow_up(3, FollowUpKind.THANK_YOU, "2026-11-02 09:00", FollowUpStatus.SKIPPED),
    ]
    values = aggregate(interactions, follow_ups)
    assert values == Aggregates(
        last_touch_at=berlin("2026-11-10 10:00"),
        last_reply_at=berlin("2026-11-05 10:00"),
        next_follow_up_at=berlin("2026-11-18 09:00"),
        next_follow_up_kind=FollowUpKind.CUSTOM,
    )
    card = build_card(_opportunity(), values, now=NOW, tz=BERLIN, settings=SETTINGS)
    assert card.overdue and not card.idle and card.quiet_days is None
    assert card.days_since_touch == 10
    assert (card.opportunity_id, card.company, card.role, card.priority) == (7, "Globex", "SRE", 1)


@pytest.mark.parametrize(
    ("values", "overdue", "idle", "quiet"),
    [
        (Aggregates(), False, True, None),  # created in October, never touched
        (Aggregates(last_touch_at=berlin("2026-11-19 10:00")), False, False, 1),
        (
            Aggregates(
                last_touch_at=berlin("2026-11-01 10:00"),
                next_follow_up_at=berlin("2026-11-20 07:00"),
                next_follow_up_kind=FollowUpKind.FOLLOW_UP,
            ),
            False,
            False,
            None,
        ),
    ],
)
def test_card_flags_from_pre_aggregated_values(
    values: Aggregates, overdue: bool, idle: bool, quiet: int | None
) -> None:
    card = build_card(_opportunity(), values, now=NOW, tz=BERLIN, settings=SETTINGS)
    assert (card.overdue, card.idle, card.quiet_days) == (overdue, idle, quiet)


def test_closed_and_archived_cards_are_neither_idle_nor_quiet() -> None:
    values = Aggregates(last_touch_at=berlin("2026-09-01 10:00"))
    for opportunity in (_opportunity(Stage.REJECTED), _opportunity(archived=True)):
        card = build_card(opportunity, values, now=NOW, tz=BERLIN, settings=SETTINGS)
        assert (card.idle, card.quiet_days) == (False, None)
