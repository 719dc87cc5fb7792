"""The cadence after an interview: thank-you, follow-up, check-in, then quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from jobhunt_tui.domain import cadence
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.health import aggregate, quiet_message
from jobhunt_tui.domain.models import (
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Settings,
    Stage,
)
from jobhunt_tui.domain.models import (
    Opportunity as OpportunityRow,
)
from tests.domain.cadence_sim import BERLIN, Opportunity, berlin
from tests.domain.cards import build_card

THANK_YOU, FOLLOW_UP, CHECK_IN = (
    FollowUpKind.THANK_YOU,
    FollowUpKind.FOLLOW_UP,
    FollowUpKind.CHECK_IN,
)


def _local(moment) -> str:
    return moment.to(BERLIN).format("YYYY-MM-DD HH:mm")


def test_a_midweek_interview_plans_thank_you_follow_up_and_check_in() -> None:
    opp = Opportunity()
    plan = opp.interview(berlin("2026-11-18 14:00"))  # a Wednesday
    assert opp.local_planned() == [
        ("thank_you", "2026-11-19 14:00"),
        ("follow_up", "2026-11-25 10:00"),
        ("check_in", "2026-12-02 10:00"),
    ]
    interview_id = opp.interactions[0].id
    assert {f.anchor_interaction_id for f in opp.planned()} == {interview_id}
    thank_you = plan.create[0]
    assert (_local(thank_you.suggested_from), _local(thank_you.suggested_until)) == (
        "2026-11-18 16:00",
        "2026-11-18 18:00",
    )


def test_friday_interview_thank_you_may_wait_to_monday() -> None:
    opp = Opportunity()
    plan = opp.interview(berlin("2026-11-20 14:00"))  # Friday: +24 h is Saturday
    assert opp.local_planned() == [
        ("thank_you", "2026-11-23 14:00"),
        ("follow_up", "2026-11-27 10:00"),
        ("check_in", "2026-12-04 10:00"),
    ]
    # Early enough on Friday: still suggested the same afternoon.
    assert _local(plan.create[0].suggested_from) == "2026-11-20 16:00"


def test_late_friday_interview_suggests_monday_morning() -> None:
    plan = Opportunity().interview(berlin("2026-11-20 16:30"))
    thank_you = plan.create[0]
    assert _local(thank_you.due_at) == "2026-11-23 16:30"
    assert (_local(thank_you.suggested_from), _local(thank_you.suggested_until)) == (
        "2026-11-23 09:00",
        "2026-11-23 11:00",
    )


def test_weekend_due_dates_move_to_monday() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-21 10:00"))  # a Saturday interview
    assert opp.local_planned() == [
        ("thank_you", "2026-11-23 10:00"),
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-07 10:00"),
    ]


def test_wall_clock_time_survives_the_end_of_summer_time() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-10-23 14:00"))  # CEST; clocks go back on 25 October
    assert opp.local_planned() == [
        ("thank_you", "2026-10-26 14:00"),
        ("follow_up", "2026-10-30 10:00"),
        ("check_in", "2026-11-06 10:00"),
    ]


def test_a_later_decision_date_pushes_the_follow_up() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"), decision_on=dt.date(2026, 12, 4))  # a Friday
    # Two business days after Friday 4 December is Tuesday 8 December.
    assert opp.local_planned()[1:] == [
        ("follow_up", "2026-12-08 10:00"),
        ("check_in", "2026-12-15 10:00"),
    ]
    # Sending the thank-you does not pull the follow-up before the decision grace date.
    opp.done(opp.step(THANK_YOU).id, berlin("2026-11-19 10:00"))
    assert opp.local_planned()[0] == ("follow_up", "2026-12-08 10:00")


def test_an_earlier_decision_date_keeps_the_seven_days() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"), decision_on=dt.date(2026, 11, 23))
    assert opp.local_planned()[1] == ("follow_up", "2026-11-25 10:00")


def test_done_re_plans_the_next_steps_from_the_real_send_time() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    plan = opp.done(opp.step(THANK_YOU).id, berlin("2026-11-19 20:30"))
    assert opp.local_planned() == [
        ("follow_up", "2026-11-26 10:00"),
        ("check_in", "2026-12-03 10:00"),
    ]
    assert [c.reason for c in plan.moved] == ["re-planned from the real send time"] * 2
    sent = opp.interactions[-1]
    assert (sent.kind, sent.direction, _local(sent.occurred_at)) == (
        InteractionKind.THANK_YOU,
        Direction.OUT,
        "2026-11-19 20:30",
    )
    opp.done(opp.step(FOLLOW_UP).id, berlin("2026-11-27 10:00"))
    assert opp.local_planned() == [("check_in", "2026-12-04 10:00")]


def test_a_thank_you_sent_on_saturday_moves_the_follow_up_to_monday() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-19 15:00"))
    opp.done(opp.step(THANK_YOU).id, berlin("2026-11-21 11:00"))
    assert opp.local_planned() == [
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-07 10:00"),
    ]


def test_sending_the_follow_up_first_skips_the_thank_you() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    thank_you = opp.step(THANK_YOU)
    plan = opp.done(opp.step(FOLLOW_UP).id, berlin("2026-11-19 09:00"))
    assert [c.follow_up_id for c in plan.skipped] == [thank_you.id]
    assert opp.local_planned() == [("check_in", "2026-11-26 10:00")]


def test_recording_an_early_send_is_never_refused_and_says_why_it_was_early() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.done(opp.step(THANK_YOU).id, berlin("2026-11-19 10:00"))
    follow_up = opp.step(FOLLOW_UP)
    plan = opp.done(follow_up.id, berlin("2026-11-23 10:00"))
    assert opp.follow_ups[follow_up.id].status is FollowUpStatus.DONE
    assert plan.guard is not None and not plan.guard.allowed
    assert plan.guard.message == (
        "Too soon: the thank-you sent on Thu 19 Nov 2026 is less than 7 days from "
        "Mon 23 Nov 2026. The earliest polite date is Thu 26 Nov 2026."
    )
    assert opp.local_planned() == [("check_in", "2026-11-30 10:00")]


def test_an_inbound_reply_skips_everything_planned() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.manual(FOLLOW_UP, berlin("2026-12-16 10:00"), berlin("2026-11-18 15:00"))
    plan = opp.reply(berlin("2026-11-20 09:30"))
    assert len(plan.skipped) == 4
    assert {c.reason for c in plan.skipped} == {"the employer replied on Fri 20 Nov 2026"}
    assert opp.planned() == []
    assert (opp.interactions[-1].kind, opp.interactions[-1].direction) == (
        InteractionKind.EMAIL_IN,
        Direction.IN,
    )


def test_an_inbound_call_is_a_reply_too() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    plan = opp.reply(berlin("2026-11-19 09:00"), by_phone=True)
    assert len(plan.skipped) == 3
    assert plan.log[0].kind is InteractionKind.CALL and plan.log[0].direction is Direction.IN


def test_a_new_interview_supersedes_the_old_cadence() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    old = {f.id for f in opp.planned()}
    plan = opp.interview(berlin("2026-11-24 11:00"))
    assert {c.follow_up_id for c in plan.skipped} == old
    assert opp.local_planned() == [
        ("thank_you", "2026-11-25 11:00"),
        ("follow_up", "2026-12-01 10:00"),
        ("check_in", "2026-12-08 10:00"),
    ]


def test_a_planned_follow_up_by_hand_keeps_the_cadence_polite() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.manual(FollowUpKind.CUSTOM, berlin("2026-12-09 10:00"), berlin("2026-11-19 08:00"))
    assert opp.local_planned()[-1] == ("custom", "2026-12-09 10:00")
    assert opp.planned()[-1].anchor_interaction_id is None


def test_a_new_interview_is_placed_around_a_custom_follow_up() -> None:
    opp = Opportunity()
    now = berlin("2026-11-16 09:00")
    opp.manual(FollowUpKind.CUSTOM, berlin("2026-11-26 10:00"), now)
    opp.interview(berlin("2026-11-18 14:00"))
    # The follow-up would be Wed 25, one day before the custom one: it waits until 3 December.
    assert opp.local_planned() == [
        ("thank_you", "2026-11-19 14:00"),
        ("custom", "2026-11-26 10:00"),
        ("follow_up", "2026-12-03 10:00"),
        ("check_in", "2026-12-10 10:00"),
    ]


def test_snooze_moves_the_step_and_the_ones_after_it() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    plan = opp.snooze(opp.step(FOLLOW_UP).id, 2, berlin("2026-11-19 09:00"))
    assert plan.update[0].reason == "snoozed 2 days"
    assert opp.local_planned()[1:] == [
        ("follow_up", "2026-11-27 10:00"),
        ("check_in", "2026-12-04 10:00"),
    ]


def test_snoozing_an_overdue_step_counts_from_today_and_skips_the_weekend() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.snooze(opp.step(FOLLOW_UP).id, 1, berlin("2026-11-28 09:00"))  # Saturday; +1 is Sunday
    assert opp.local_planned()[1:] == [
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-07 10:00"),
    ]


def test_snoozing_a_thank_you_past_its_window_keeps_the_follow_up_a_week_after_it() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.APPLIED, berlin("2026-11-17 10:00"))
    opp.interview(berlin("2026-11-18 14:00"))
    thank_you = opp.step(THANK_YOU)
    # The application came before the interview: another conversation, so no refusal.
    opp.snooze(thank_you.id, 2, berlin("2026-11-18 15:00"))  # Sat 21 -> Mon 23
    assert opp.local_planned() == [
        ("thank_you", "2026-11-23 14:00"),
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-07 10:00"),
    ]


@pytest.mark.parametrize("days", [0, -1, 366])
def test_snooze_days_out_of_range_are_refused(days: int) -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    with pytest.raises(ValidationError, match="between 1 and 365"):
        opp.snooze(opp.step(FOLLOW_UP).id, days, berlin("2026-11-19 09:00"))


def test_done_twice_is_refused() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    thank_you = opp.step(THANK_YOU)
    opp.done(thank_you.id, berlin("2026-11-18 17:00"))
    with pytest.raises(ValidationError, match="already recorded as sent"):
        opp.done(thank_you.id, berlin("2026-11-18 18:00"))
    with pytest.raises(ValidationError, match="not a follow-up"):
        opp.done(999, berlin("2026-11-18 18:00"))


def test_a_forced_follow_up_is_not_moved_by_an_unrelated_change() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.APPLIED, berlin("2026-11-16 10:00"))
    opp.interview(berlin("2026-11-18 14:00"))
    now = berlin("2026-11-18 15:00")
    opp.manual(FollowUpKind.CUSTOM, berlin("2026-11-20 10:00"), now, force=True)
    plan = opp.snooze(opp.step(CHECK_IN).id, 2, now)
    assert [c.kind for c in plan.update] == [CHECK_IN]
    assert ("custom", "2026-11-20 10:00") in opp.local_planned()


def test_a_send_crowding_a_custom_follow_up_moves_it_a_polite_gap_later() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    now = berlin("2026-11-18 15:00")
    opp.manual(FollowUpKind.CUSTOM, berlin("2026-12-09 10:00"), now)
    # The check-in sent early, on 4 December, crowds the custom follow-up of 9 December.
    plan = opp.done(opp.step(CHECK_IN).id, berlin("2026-12-04 10:00"))
    assert [(c.kind, c.reason) for c in plan.moved] == [
        (FollowUpKind.CUSTOM, "kept polite spacing")
    ]
    assert opp.local_planned() == [("custom", "2026-12-11 10:00")]


def test_a_send_recorded_before_its_interview_is_still_recorded() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-20 14:00"))
    thank_you = opp.step(THANK_YOU)
    opp.done(thank_you.id, berlin("2026-11-20 10:00"))
    assert opp.follow_ups[thank_you.id].status is FollowUpStatus.DONE
    # The follow-up still comes a week after the interview, not before it.
    assert opp.local_planned()[0] == ("follow_up", "2026-11-27 10:00")


def test_planning_in_the_past_is_refused() -> None:
    opp = Opportunity()
    with pytest.raises(ValidationError, match="in the past"):
        opp.manual(FOLLOW_UP, berlin("2026-11-17 10:00"), berlin("2026-11-18 09:00"))
    assert opp.planned() == []


def test_after_the_cadence_the_opportunity_is_quiet_and_never_closed() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.done(opp.step(THANK_YOU).id, berlin("2026-11-19 10:00"))
    opp.done(opp.step(FOLLOW_UP).id, berlin("2026-11-26 10:00"))
    opp.done(opp.step(CHECK_IN).id, berlin("2026-12-03 10:00"))
    assert opp.planned() == []
    row = OpportunityRow(
        id=1,
        company_id=1,
        company_name="Initech",
        role="PM",
        stage=Stage.INTERVIEWING,
        created_at=berlin("2026-11-01 10:00"),
        updated_at=berlin("2026-11-01 10:00"),
    )
    values = aggregate(opp.interactions, opp.follow_ups.values())

    def card_at(now: str):
        return build_card(row, values, now=berlin(now), tz=BERLIN, settings=Settings())

    card = card_at("2026-12-15 12:00")
    assert (card.stage, card.quiet_days, card.idle) == (Stage.INTERVIEWING, 12, False)
    assert quiet_message(card.quiet_days).startswith(
        "12 days quiet: processes often take 2-6 weeks"
    )
    later = card_at("2026-12-20 12:00")
    assert (later.stage, later.quiet_days, later.idle) == (Stage.INTERVIEWING, 17, True)

    opp.reply(berlin("2026-12-21 09:00"))
    replied = build_card(
        row,
        aggregate(opp.interactions, opp.follow_ups.values()),
        now=berlin("2026-12-22 12:00"),
        tz=BERLIN,
        settings=Settings(),
    )
    assert replied.quiet_days is None


def test_numbers_come_from_settings() -> None:
    settings = Settings(
        thank_you_hours=4,
        follow_up_days=10,
        check_in_days=14,
        min_gap_days=10,
        decision_grace_business_days=3,
    )
    opp = Opportunity(settings=settings)
    opp.interview(berlin("2026-11-18 09:00"), decision_on=dt.date(2026, 11, 20))
    # +10 days is Saturday 28, so Monday 30; the grace date (Wed 25) is earlier.
    assert opp.local_planned() == [
        ("thank_you", "2026-11-18 13:00"),
        ("follow_up", "2026-11-30 10:00"),
        ("check_in", "2026-12-14 10:00"),
    ]


def test_thank_you_hours_beyond_the_window_keeps_the_suggestion_before_the_deadline() -> None:
    plan = cadence.plan_interview(
        cadence.History(1),
        5,
        berlin("2026-11-18 23:00"),
        tz=BERLIN,
        settings=Settings(thank_you_hours=3),
    )
    thank_you = plan.create[0]
    assert _local(thank_you.due_at) == "2026-11-19 02:00"
    assert thank_you.suggested_from <= thank_you.due_at
    assert thank_you.suggested_until <= thank_you.due_at
