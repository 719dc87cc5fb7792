"""The pest guard: a week between outbound touches, thank-yous right after interviews excepted."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.errors import PestGuardError
from jobhunt_tui.domain.models import (
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Settings,
)
from jobhunt_tui.domain.pest_guard import PestGuardRefused, check_plan, check_send, enforce
from tests.domain.cadence_sim import BERLIN, Opportunity, berlin


def _plan(opp: Opportunity, kind: FollowUpKind, at: str):
    return check_plan(
        kind,
        berlin(at),
        interactions=opp.interactions,
        follow_ups=opp.follow_ups.values(),
        tz=BERLIN,
        settings=opp.settings,
    )


def _send(opp: Opportunity, kind: FollowUpKind, at: str):
    return check_send(
        kind, berlin(at), interactions=opp.interactions, tz=BERLIN, settings=opp.settings
    )


def test_planning_within_a_week_of_the_last_touch_is_refused_with_the_polite_date() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.APPLIED, berlin("2026-11-16 10:00"))
    result = _plan(opp, FollowUpKind.CUSTOM, "2026-11-20 10:00")
    assert not result.allowed
    assert (result.last_touch.kind, result.last_touch.planned) == ("applied", False)
    assert result.earliest_polite_at.format("YYYY-MM-DD HH:mm") == "2026-11-23 10:00"
    assert result.message == (
        "Too soon: the application sent on Mon 16 Nov 2026 is less than 7 days from "
        "Fri 20 Nov 2026. The earliest polite date is Mon 23 Nov 2026."
    )
    assert result.title == "Too soon for another touch"


def test_forcing_creates_the_follow_up_anyway() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.APPLIED, berlin("2026-11-16 10:00"))
    now = berlin("2026-11-17 08:00")
    with pytest.raises(PestGuardError):
        opp.manual(FollowUpKind.CUSTOM, berlin("2026-11-20 10:00"), now)
    assert opp.planned() == []
    plan = opp.manual(FollowUpKind.CUSTOM, berlin("2026-11-20 10:00"), now, force=True)
    assert not plan.guard.allowed
    assert opp.local_planned() == [("custom", "2026-11-20 10:00")]


def test_exactly_seven_days_later_is_polite() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.APPLIED, berlin("2026-11-16 18:00"))
    result = _plan(opp, FollowUpKind.CUSTOM, "2026-11-23 08:00")
    assert result.allowed and not result.exempt
    assert result.message == "Nothing else within 7 days: this is polite."


def test_planned_follow_ups_count_on_both_sides_and_the_polite_date_clears_them_all() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))  # follow-up Wed 25 Nov, check-in Wed 2 Dec
    result = _plan(opp, FollowUpKind.CUSTOM, "2026-11-27 10:00")
    assert not result.allowed
    assert (result.last_touch.kind, result.last_touch.planned) == ("check_in", True)
    assert "the check-in planned for Wed 2 Dec 2026" in result.message
    assert result.earliest_polite_at.format("YYYY-MM-DD HH:mm") == "2026-12-09 10:00"
    before = _plan(opp, FollowUpKind.CUSTOM, "2026-11-21 10:00")
    assert not before.allowed and before.last_touch.kind == "follow_up"


def test_the_earliest_polite_date_is_a_weekday() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.CALL, berlin("2026-11-14 10:00"))  # a Saturday call out
    result = _plan(opp, FollowUpKind.CUSTOM, "2026-11-17 10:00")
    assert result.earliest_polite_at.format("ddd YYYY-MM-DD") == "Mon 2026-11-23"


def test_a_thank_you_right_after_the_interview_is_exempt() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    result = _send(opp, FollowUpKind.THANK_YOU, "2026-11-18 17:00")
    assert result.allowed and result.exempt
    assert "always fine" in result.message


def test_what_was_sent_before_an_interview_never_blocks_what_follows_it() -> None:
    # Issue 9, case 2: a follow-up five days before an interview, then the thank-you.
    opp = Opportunity()
    opp.log(InteractionKind.FOLLOW_UP, berlin("2026-11-13 10:00"))
    opp.interview(berlin("2026-11-18 14:00"))
    late = _send(opp, FollowUpKind.THANK_YOU, "2026-11-21 11:00")  # past its window
    assert late.allowed and not late.exempt
    assert _plan(opp, FollowUpKind.CUSTOM, "2026-11-19 10:00").allowed is False  # the thank-you


def test_answering_the_employer_the_same_day_is_never_pestering() -> None:
    # Issue 9, case 3: they ask for references; the answer goes out that afternoon.
    opp = Opportunity()
    opp.log(InteractionKind.FOLLOW_UP, berlin("2026-11-16 10:00"))
    opp.log(InteractionKind.EMAIL_IN, berlin("2026-11-18 15:00"), Direction.IN)
    assert _plan(opp, FollowUpKind.CUSTOM, "2026-11-18 10:00").allowed  # planned for that day
    assert _send(opp, FollowUpKind.CUSTOM, "2026-11-18 16:00").allowed
    assert not _send(opp, FollowUpKind.CUSTOM, "2026-11-18 14:00").allowed  # before it came


def test_a_week_between_unanswered_touches_is_the_rule() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.log(InteractionKind.THANK_YOU, berlin("2026-11-18 17:00"))
    refused = _send(opp, FollowUpKind.FOLLOW_UP, "2026-11-23 10:00")
    assert not refused.allowed and refused.last_touch.kind == "thank_you"
    assert refused.offer == "Plan it on Wed 25 Nov 2026"


def test_inbound_touches_and_notes_do_not_count() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.EMAIL_IN, berlin("2026-11-18 10:00"), Direction.IN)
    opp.log(InteractionKind.CALL, berlin("2026-11-18 11:00"), Direction.IN)
    opp.log(InteractionKind.NOTE, berlin("2026-11-18 12:00"))
    opp.log(InteractionKind.STAGE_CHANGE, berlin("2026-11-18 12:00"))
    assert _plan(opp, FollowUpKind.CUSTOM, "2026-11-19 10:00").allowed


def test_skipped_and_done_follow_ups_are_not_planned_touches() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    opp.reply(berlin("2026-11-19 10:00"))
    assert all(f.status is FollowUpStatus.SKIPPED for f in opp.follow_ups.values())
    assert _plan(opp, FollowUpKind.CUSTOM, "2026-11-26 10:00").allowed


def test_moving_a_follow_up_does_not_conflict_with_itself() -> None:
    opp = Opportunity()
    opp.interview(berlin("2026-11-18 14:00"))
    follow_up = opp.step(FollowUpKind.FOLLOW_UP)
    result = check_plan(
        FollowUpKind.FOLLOW_UP,
        berlin("2026-11-26 14:00"),
        interactions=opp.interactions,
        follow_ups=opp.follow_ups.values(),
        tz=BERLIN,
        settings=opp.settings,
        exclude=[follow_up.id],
    )
    # Only the check-in (2 Dec) is near: 6 days.
    assert not result.allowed and result.last_touch.kind == "check_in"


def test_the_gap_comes_from_settings() -> None:
    opp = Opportunity(settings=Settings(min_gap_days=3))
    opp.log(InteractionKind.APPLIED, berlin("2026-11-16 10:00"))
    assert _plan(opp, FollowUpKind.CUSTOM, "2026-11-19 10:00").allowed
    assert not _plan(opp, FollowUpKind.CUSTOM, "2026-11-18 10:00").allowed


def test_enforce_raises_a_pest_guard_error_carrying_the_result() -> None:
    opp = Opportunity()
    opp.log(InteractionKind.APPLIED, berlin("2026-11-16 10:00"))
    result = _plan(opp, FollowUpKind.CUSTOM, "2026-11-18 10:00")
    enforce(result, force=True)
    with pytest.raises(PestGuardRefused) as refused:
        enforce(result, force=False)
    assert isinstance(refused.value, PestGuardError)
    assert refused.value.result is result
    assert str(refused.value) == result.message
