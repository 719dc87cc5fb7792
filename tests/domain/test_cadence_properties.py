"""Property: whatever the user does, planned touches stay polite and follow their interview."""

from __future__ import annotations

import datetime as dt

import arrow
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import local_date
from jobhunt_tui.domain.models import FollowUpKind, InteractionKind, Settings
from jobhunt_tui.domain.pest_guard import PestGuardRefused
from jobhunt_tui.domain.spacing import interview_times, thank_you_deadline
from tests.domain.cadence_sim import Opportunity, due_before_interview, spacing_violations

ZONES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC")
STARTS = (
    arrow.get("2026-11-16T08:00:00+00:00"),
    arrow.get("2026-03-20T15:00:00+00:00"),  # spring DST in Europe and the US ahead
    arrow.get("2026-10-20T22:00:00+00:00"),  # autumn DST ahead
    arrow.get("2026-03-30T10:00:00+00:00"),  # Sydney leaves summer time on 5 April
)

cadence_settings = st.builds(
    Settings,
    thank_you_hours=st.integers(1, 72),
    follow_up_days=st.integers(1, 14),
    check_in_days=st.integers(1, 14),
    min_gap_days=st.integers(1, 14),
    decision_grace_business_days=st.integers(0, 5),
)


def _step(opp: Opportunity, data: st.DataObject, now: arrow.Arrow) -> None:
    """One random user action at `now`."""
    actions = ["interview", "done", "past_send", "reply", "snooze", "manual", "thank_you"]
    action = data.draw(st.sampled_from(actions))
    planned = opp.planned()
    if action == "interview":
        at = now.shift(minutes=data.draw(st.integers(-72 * 60, 72 * 60)))
        offset = data.draw(st.none() | st.integers(-5, 40))
        decision = None if offset is None else local_date(at, opp.tz) + dt.timedelta(offset)
        opp.interview(at, decision)
    elif action == "done" and planned:
        opp.done(data.draw(st.sampled_from(planned)).id, now)
    elif action == "past_send" and planned:
        # Recording a send that went out earlier, by other means: never refused.
        earlier = now.shift(minutes=-data.draw(st.integers(0, 20 * 24 * 60)))
        opp.done(data.draw(st.sampled_from(planned)).id, earlier)
    elif action == "reply":
        opp.reply(now, by_phone=data.draw(st.booleans()))
    elif action == "snooze" and planned:
        opp.snooze(data.draw(st.sampled_from(planned)).id, data.draw(st.integers(1, 20)), now)
    elif action == "manual":
        kind = data.draw(st.sampled_from(list(FollowUpKind)))
        due = now.shift(minutes=data.draw(st.integers(0, 40 * 24 * 60)))
        opp.manual(kind, due, now)
    elif action == "thank_you":
        _thank_you_after_the_last_interview(opp, data, now)


def _thank_you_after_the_last_interview(
    opp: Opportunity, data: st.DataObject, now: arrow.Arrow
) -> None:
    """Planning a thank-you inside the last interview's window is never refused."""
    interviews = interview_times(opp.interactions)
    if not interviews:
        return
    last = max(interviews)
    deadline = thank_you_deadline(last, opp.tz, opp.settings)
    start = max(last, now)
    if start > deadline:
        return
    minutes = int((deadline - start).total_seconds() // 60)
    due = start.shift(minutes=data.draw(st.integers(0, minutes)))
    try:
        opp.manual(FollowUpKind.THANK_YOU, due, now)
    except PestGuardRefused as refused:  # pragma: no cover - the property fails here
        raise AssertionError(f"a thank-you after an interview was refused: {refused}") from None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    config=cadence_settings,
    tz=st.sampled_from(ZONES),
    start=st.sampled_from(STARTS),
    applied_days_before=st.integers(0, 60),
)
def test_planned_touches_stay_polite_and_never_precede_their_interview(
    data: st.DataObject,
    config: Settings,
    tz: str,
    start: arrow.Arrow,
    applied_days_before: int,
) -> None:
    opp = Opportunity(tz=tz, settings=config)
    # Applications are back-dated: entered today, dated when the user applied.
    opp.log(InteractionKind.APPLIED, start.shift(days=-applied_days_before))
    now = start
    for _ in range(data.draw(st.integers(1, 14), label="steps")):
        now = now.shift(minutes=data.draw(st.integers(0, 10 * 24 * 60)))
        try:
            _step(opp, data, now)
        except PestGuardRefused as refused:
            # Only planning is refused, and a refusal always points at a later, polite date.
            assert refused.result.earliest_polite_at > refused.result.requested_at
        except ValidationError as error:
            # Recording a send is refused only for what is not a send: one already recorded.
            assert "already" in error.message or error.field in ("due", "days"), error
        assert spacing_violations(opp) == []
        assert due_before_interview(opp.follow_ups.values(), opp.interactions) == []


@settings(max_examples=200, deadline=None)
@given(
    config=cadence_settings,
    tz=st.sampled_from(ZONES),
    start=st.sampled_from(STARTS),
    minutes=st.integers(0, 14 * 24 * 60),
)
def test_every_cadence_due_date_is_a_weekday_after_the_interview(
    config: Settings, tz: str, start: arrow.Arrow, minutes: int
) -> None:
    opp = Opportunity(tz=tz, settings=config)
    interview_at = start.shift(minutes=minutes)
    plan = opp.interview(interview_at)
    assert [new.kind for new in plan.create] == [
        FollowUpKind.THANK_YOU,
        FollowUpKind.FOLLOW_UP,
        FollowUpKind.CHECK_IN,
    ]
    for new in plan.create:
        assert new.due_at >= interview_at
        assert local_date(new.due_at, tz).weekday() < 5
    thank_you, follow_up, check_in = plan.create
    assert thank_you.suggested_from <= thank_you.suggested_until <= thank_you.due_at
    assert follow_up.due_at < check_in.due_at
