"""The .ics export: parses with icalendar, stable UIDs, alarms on what is still planned."""

from __future__ import annotations

import datetime as dt

import arrow
import pytest
from icalendar import Calendar

from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.models import FollowUpKind, Stage
from jobhunt_tui.services.calendar_export import export_ics, follow_up_uid, interview_uid
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database

TZ = "Europe/Berlin"
UTC = dt.timezone.utc


def berlin(text: str) -> arrow.Arrow:
    """A wall-clock time in Berlin."""
    return arrow.get(text, "YYYY-MM-DD HH:mm", tzinfo=TZ)


@pytest.fixture
def seeded(database: Database, clock: Clock) -> dict[str, int]:
    """Two opportunities: one interviewed with a thank-you sent, one that replied."""
    pipeline = PipelineService(database, fixed_clock(berlin("2026-11-02 10:00")))
    acme = pipeline.add(
        OpportunityInput(company='Acme, Inc; "Labs"', role="Backend Engineer " + "x" * 80)
    ).id
    globex = pipeline.add(OpportunityInput(company="Globex", role="SRE")).id
    early = FollowUpService(database, fixed_clock(berlin("2026-11-10 09:00")), TZ)
    interview = early.log_interview(acme, berlin("2026-11-10 11:00"), with_name="Ann Lee")
    second = early.log_interview(globex, berlin("2026-11-10 15:00"))
    sent = FollowUpService(database, fixed_clock(berlin("2026-11-10 16:00")), TZ)
    sent.done(interview.planned[0].id)
    sent.log_reply(globex)
    return {
        "acme": acme,
        "globex": globex,
        "interview": interview.interview.id,
        "second": second.interview.id,
    }


def _components(data: bytes, name: str) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(c["UID"]): c for c in calendar.walk(name)}


def test_follow_ups_are_todos_and_interviews_events(
    database: Database, clock: Clock, seeded: dict[str, int]
) -> None:
    data = export_ics(database, clock())
    calendar = Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == "-//jobhunt//jobhunt-tui//EN"
    assert str(calendar["VERSION"]) == "2.0"

    todos = _components(data, "VTODO")
    assert sorted(todos) == sorted(follow_up_uid(n) for n in range(1, 7))
    statuses = {uid: str(todo["STATUS"]) for uid, todo in todos.items()}
    assert statuses == {
        "followup-1@jobhunt": "COMPLETED",  # Acme thank-you, sent
        "followup-2@jobhunt": "NEEDS-ACTION",
        "followup-3@jobhunt": "NEEDS-ACTION",
        "followup-4@jobhunt": "CANCELLED",  # Globex replied
        "followup-5@jobhunt": "CANCELLED",
        "followup-6@jobhunt": "CANCELLED",
    }
    follow_up = todos["followup-2@jobhunt"]
    assert follow_up.decoded("DUE") == dt.datetime(2026, 11, 17, 9, 0, tzinfo=UTC)  # send-at hour
    assert str(follow_up["SUMMARY"]).startswith('Follow-up: Acme, Inc; "Labs" — Backend Engineer')
    [alarm] = follow_up.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert alarm.decoded("TRIGGER") == dt.timedelta(0)
    assert todos["followup-1@jobhunt"].walk("VALARM") == []
    assert todos["followup-1@jobhunt"].decoded("COMPLETED") == dt.datetime(
        2026, 11, 10, 15, 0, tzinfo=UTC
    )
    assert todos["followup-4@jobhunt"].walk("VALARM") == []

    events = _components(data, "VEVENT")
    assert sorted(events) == sorted(interview_uid(seeded[key]) for key in ("interview", "second"))
    event = events[interview_uid(seeded["interview"])]
    assert event.decoded("DTSTART") == dt.datetime(2026, 11, 10, 10, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 11, 10, 11, 0, tzinfo=UTC)
    assert "Interview with Ann Lee" in str(event["DESCRIPTION"])


def test_exporting_twice_gives_the_same_uids_and_updates_dates(
    database: Database, seeded: dict[str, int]
) -> None:
    first = export_ics(database, berlin("2026-11-20 12:00"))
    again = export_ics(database, berlin("2026-11-21 12:00"))
    assert sorted(_components(first, "VTODO")) == sorted(_components(again, "VTODO"))
    assert sorted(_components(first, "VEVENT")) == sorted(_components(again, "VEVENT"))

    service = FollowUpService(database, fixed_clock(berlin("2026-11-12 09:00")), TZ)
    service.snooze(2, 2)
    moved = _components(export_ics(database, berlin("2026-11-21 12:00")), "VTODO")
    assert sorted(moved) == sorted(_components(first, "VTODO"))
    assert moved["followup-2@jobhunt"].decoded("DUE") > _components(first, "VTODO")[
        "followup-2@jobhunt"
    ].decoded("DUE")


def test_lines_are_folded_and_end_with_crlf(database: Database, seeded: dict[str, int]) -> None:
    data = export_ics(database, berlin("2026-11-20 12:00"))
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long role was folded
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_a_closed_opportunitys_planned_follow_ups_are_cancelled(
    database: Database, seeded: dict[str, int]
) -> None:
    PipelineService(database).close(seeded["acme"], Stage.REJECTED)
    todos = _components(export_ics(database, berlin("2026-11-20 12:00")), "VTODO")
    assert str(todos["followup-2@jobhunt"]["STATUS"]) == "CANCELLED"
    assert todos["followup-2@jobhunt"].walk("VALARM") == []


def test_an_empty_database_is_a_valid_empty_calendar(database: Database, clock: Clock) -> None:
    calendar = Calendar.from_ical(export_ics(database, clock()))
    assert calendar.walk("VTODO") == [] and calendar.walk("VEVENT") == []


def test_a_custom_follow_up_is_exported_with_its_kind(
    database: Database, seeded: dict[str, int]
) -> None:
    service = FollowUpService(database, fixed_clock(berlin("2026-11-20 12:00")), TZ)
    planned = service.plan(seeded["globex"], FollowUpKind.CUSTOM, berlin("2026-11-27 09:00"))
    todos = _components(export_ics(database, berlin("2026-11-20 12:00")), "VTODO")
    todo = todos[follow_up_uid(planned.follow_up.id)]
    assert str(todo["SUMMARY"]) == "Custom follow-up: Globex — SRE"
    assert todo.decoded("DUE") == dt.datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
