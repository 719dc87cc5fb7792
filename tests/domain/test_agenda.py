"""The agenda groups planned follow-ups by day and lists what needs a next step."""

from __future__ import annotations

import datetime as dt

from jobhunt_tui.domain.agenda import AgendaItem, build_agenda, due_label
from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import Channel, FollowUpKind, Settings, Stage
from tests.domain.cadence_sim import BERLIN, berlin

NOW = berlin("2026-11-20 12:00")


def _item(n: int, due: str) -> AgendaItem:
    return AgendaItem(n, n, f"Co {n}", "Role", FollowUpKind.FOLLOW_UP, Channel.EMAIL, berlin(due))


def _card(
    n: int,
    *,
    idle: bool = False,
    quiet: int | None = None,
    stage: Stage = Stage.APPLIED,
    days: int | None = None,
) -> BoardCard:
    return BoardCard(
        opportunity_id=n,
        company=f"Co {n}",
        role="Role",
        stage=stage,
        priority=2,
        archived=False,
        last_touch_at=None,
        next_follow_up_at=None,
        next_follow_up_kind=None,
        days_since_touch=days,
        overdue=False,
        idle=idle,
        quiet_days=quiet,
    )


def test_follow_ups_are_grouped_overdue_today_and_upcoming_within_the_horizon() -> None:
    items = [
        _item(1, "2026-11-20 18:00"),
        _item(2, "2026-11-18 09:00"),
        _item(3, "2026-11-20 08:00"),
        _item(4, "2026-11-27 09:00"),
        _item(5, "2026-12-04 09:00"),  # 14 days ahead: still in
        _item(6, "2026-12-05 09:00"),  # 15 days ahead: out
        _item(7, "2026-11-10 09:00"),
    ]
    agenda = build_agenda(items, [], now=NOW, tz=BERLIN, settings=Settings(), days=14)
    assert [i.follow_up_id for i in agenda.overdue] == [7, 2]
    assert [i.follow_up_id for i in agenda.due_today] == [3, 1]
    assert [i.follow_up_id for i in agenda.upcoming] == [4, 5]
    assert (agenda.counts.due_today, agenda.counts.overdue) == (2, 2)
    assert agenda.today == dt.date(2026, 11, 20)
    short = build_agenda(items, [], now=NOW, tz=BERLIN, settings=Settings(), days=7)
    assert [i.follow_up_id for i in short.upcoming] == [4]


def test_idle_cards_need_a_next_step_and_quiet_ones_get_a_nudge() -> None:
    cards = [
        _card(1, idle=True, quiet=20, days=20),
        _card(2, quiet=9, days=9),
        _card(6, quiet=5, days=5),  # a few quiet days are normal: no nudge yet
        _card(3, idle=True, quiet=None, days=30),
        _card(4),
        _card(5, stage=Stage.WISHLIST),
    ]
    agenda = build_agenda([], cards, now=NOW, tz=BERLIN, settings=Settings())
    assert [c.opportunity_id for c in agenda.needs_next_step] == [3, 1]
    assert [c.opportunity_id for c in agenda.quiet] == [2]
    assert agenda.health.active == 5 and not agenda.health.below_floor
    assert agenda.suggestions == (
        "Silence is not rejection: processes often take 2-6 weeks. Keep applying while you wait.",
    )


def test_a_thin_search_suggests_a_backup() -> None:
    agenda = build_agenda([], [_card(1)], now=NOW, tz=BERLIN, settings=Settings())
    assert agenda.health.below_floor
    assert agenda.suggestions[0].startswith("Only 1 active opportunity")


def test_due_labels() -> None:
    assert due_label(berlin("2026-11-20 08:00"), NOW, BERLIN) == "today"
    assert due_label(berlin("2026-11-21 08:00"), NOW, BERLIN) == "tomorrow"
    assert due_label(berlin("2026-11-24 08:00"), NOW, BERLIN) == "in 4 days"
    assert due_label(berlin("2026-11-19 23:00"), NOW, BERLIN) == "1 day late"
    assert due_label(berlin("2026-11-16 23:00"), NOW, BERLIN) == "4 days late"
