"""Follow-ups and interviews as an iCalendar file (RFC 5545) that calendar programs import.

Every follow-up is a VTODO with a DUE date; a planned one carries a DISPLAY alarm at its due
time, a sent one is COMPLETED, a skipped one (or one of a closed or archived opportunity) is
CANCELLED, so importing a newer export updates the to-do instead of leaving it open. Every
interview is a one-hour VEVENT. UIDs come from the database ids (`followup-12@jobhunt`,
`interview-7@jobhunt`), so exporting again gives the same UIDs: re-importing updates, never
duplicates. Times are written in UTC. The icalendar package folds long lines and escapes text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import arrow

from jobhunt_tui.domain.models import FollowUpStatus
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.stages import is_open
from jobhunt_tui.domain.text import strip_controls
from jobhunt_tui.storage import calendar_reads
from jobhunt_tui.storage.calendar_reads import CalendarFollowUp, CalendarInterview
from jobhunt_tui.storage.database import Database

if TYPE_CHECKING:
    from icalendar import Event, Todo

PRODID = "-//jobhunt//jobhunt-tui//EN"
UID_DOMAIN = "jobhunt"
INTERVIEW_LENGTH = dt.timedelta(hours=1)


def follow_up_uid(follow_up_id: int) -> str:
    """The stable UID of a follow-up's VTODO."""
    return f"followup-{follow_up_id}@{UID_DOMAIN}"


def interview_uid(interaction_id: int) -> str:
    """The stable UID of an interview's VEVENT."""
    return f"interview-{interaction_id}@{UID_DOMAIN}"


def export_ics(database: Database, now: arrow.Arrow) -> bytes:
    """The whole calendar as iCalendar bytes (UTF-8, CRLF line endings)."""
    from icalendar import Calendar

    with database.reading() as conn:
        follow_ups = calendar_reads.calendar_follow_ups(conn)
        interviews = calendar_reads.calendar_interviews(conn)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "jobhunt")
    stamp = _utc(now)
    for row in follow_ups:
        calendar.add_component(_todo(row, stamp))
    for interview in interviews:
        calendar.add_component(_event(interview, stamp))
    return calendar.to_ical()


def _todo(row: CalendarFollowUp, stamp: dt.datetime) -> Todo:
    from icalendar import Alarm, Todo

    label = kind_label(row.kind.value).capitalize()
    title = f"{label}: {_text(row.company)} — {_text(row.role)}"
    todo = Todo()
    todo.add("uid", follow_up_uid(row.id))
    todo.add("dtstamp", stamp)
    todo.add("summary", title)
    todo.add(
        "description",
        f"{label} by {row.channel} for {_text(row.company)} — {_text(row.role)} "
        f"(jobhunt opportunity #{row.opportunity_id}, follow-up #{row.id}).",
    )
    todo.add("due", _utc(row.due_at))
    todo.add("categories", ["jobhunt"])
    if row.status is FollowUpStatus.DONE:
        todo.add("status", "COMPLETED")
        todo.add("percent-complete", 100)
        if row.done_at is not None:
            todo.add("completed", _utc(row.done_at))
    elif row.status is FollowUpStatus.SKIPPED or not is_open(row.stage) or row.archived:
        todo.add("status", "CANCELLED")
    else:
        todo.add("status", "NEEDS-ACTION")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", dt.timedelta(0), parameters={"RELATED": "END"})
        todo.add_component(alarm)
    return todo


def _event(interview: CalendarInterview, stamp: dt.datetime) -> Event:
    from icalendar import Event

    company, role = _text(interview.company), _text(interview.role)
    event = Event()
    event.add("uid", interview_uid(interview.id))
    event.add("dtstamp", stamp)
    event.add("summary", f"Interview: {company} — {role}")
    details = _text(interview.summary)
    event.add(
        "description",
        f"{details + ' ' if details else ''}(jobhunt opportunity #{interview.opportunity_id}).",
    )
    event.add("dtstart", _utc(interview.start))
    event.add("dtend", _utc(interview.start) + INTERVIEW_LENGTH)
    event.add("categories", ["jobhunt"])
    return event


def _utc(moment: arrow.Arrow) -> dt.datetime:
    """A UTC datetime, whole seconds (written with a Z)."""
    return moment.to("UTC").datetime.replace(microsecond=0)


def _text(value: str) -> str:
    """Stored text without control characters (tabs and newlines kept)."""
    return strip_controls(value, multiline=True)
