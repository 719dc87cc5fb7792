"""The follow-up keys (i, r, f, and done / snooze in the detail view) as flows.

Each flow opens a form that returns a typed request, then runs the change on the host: the
form only reads what was typed (and, for a plan, asks the pest guard), the host writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import arrow

from jobhunt_tui.domain.dates import Looking
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import local_date, short_date
from jobhunt_tui.domain.models import Channel, FollowUp, FollowUpKind
from jobhunt_tui.domain.spacing import send_at
from jobhunt_tui.domain.stages import is_open
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.screens import date_words
from jobhunt_tui.ui.screens.dialog import PlanDialog, PlanRequest
from jobhunt_tui.ui.screens.form import Field, FormDialog, Values, open_form, text

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.host import Host, Subject

R = TypeVar("R")

KIND_CHOICES = tuple((kind.label, kind) for kind in FollowUpKind)
CHANNEL_CHOICES = (("email", Channel.EMAIL), ("phone", Channel.PHONE))


@dataclass(frozen=True)
class InterviewRequest:
    """An interview to log."""

    at: arrow.Arrow
    with_name: str | None
    decision_on: dt.date | None
    summary: str


@dataclass(frozen=True)
class ReplyRequest:
    """A reply from the employer to log (at None: now)."""

    at: arrow.Arrow | None
    by_phone: bool
    summary: str


def _plannable(host: Host, subject: Subject | None) -> Subject | None:
    """The subject, unless it is closed (nothing is planned for a search that is over)."""
    if subject is not None and not is_open(subject.stage):
        host.app.notify(
            f"{subject.name} is closed ({subject.stage.label}): move it back to an open stage "
            "first.",
            severity="warning",
            markup=False,
        )
        return None
    return subject


def log_interview(host: Host, subject: Subject | None) -> None:
    """Ask when and with whom, then log the interview and plan its follow-ups."""
    subject = _plannable(host, subject)
    if subject is None:
        return
    services = host.services
    fields = (
        Field(
            "when",
            "When",
            "friday 14:00, today 10:30",
            kind="date",
            resolve=date_words.preview(services, Looking.FUTURE),
        ),
        Field("with_name", "With", "Ann Lee (optional)"),
        Field(
            "decision_on",
            "Decision by",
            "a date they gave (optional)",
            kind="date",
            resolve=date_words.preview(services, Looking.FUTURE, with_time=False),
        ),
        Field("summary", "Notes", "how it went (optional)"),
    )

    def read(values: Values) -> InterviewRequest:
        at = date_words.moment(services, text(values, "when"), "when", Looking.FUTURE)
        decision = text(values, "decision_on")
        decision_on = (
            date_words.day(services, decision, "decision_on", Looking.FUTURE) if decision else None
        )
        if decision_on is not None and decision_on < local_date(at, services.tz):
            raise ValidationError("decision_on", "is before the interview")
        return InterviewRequest(at, text(values, "with_name") or None, decision_on,
                                text(values, "summary"))  # fmt: skip

    def apply(request: InterviewRequest) -> str:
        result = services.follow_ups.log_interview(
            subject.opportunity_id,
            request.at,
            decision_on=request.decision_on,
            with_name=request.with_name,
            summary=request.summary,
        )
        planned = ", ".join(
            f"{f.kind.label} {short_date(f.due_at, services.tz)}" for f in result.planned
        )
        return f"Interview logged at {subject.name}. Planned: {planned or 'nothing'}."

    form = partial(FormDialog, "Log interview", fields, read, subject=subject.line)
    _run(host, subject, "log interview", form, apply)


def log_reply(host: Host, subject: Subject | None) -> None:
    """Log that the employer answered (cancels the planned follow-ups)."""
    if subject is None:
        return
    services = host.services
    fields = (
        Field(
            "when",
            "When",
            "(empty: now) or yesterday 16:00",
            kind="date",
            resolve=date_words.preview(services, Looking.PAST),
            empty_note="empty: now",
        ),
        Field("summary", "They said", "they will decide next week"),
        Field("by_phone", "They called (not an email)", value=False, kind="check"),
    )

    def read(values: Values) -> ReplyRequest:
        when = text(values, "when")
        at = date_words.moment(services, when, "when", Looking.PAST) if when else None
        return ReplyRequest(at, bool(values.get("by_phone")), text(values, "summary"))

    def apply(request: ReplyRequest) -> str:
        result = services.follow_ups.log_reply(
            subject.opportunity_id,
            at=request.at,
            by_phone=request.by_phone,
            summary=request.summary,
        )
        count = len(result.skipped)
        cancelled = f"{count} planned follow-up{'s' if count != 1 else ''} cancelled"
        return f"Reply from {subject.name} logged; {cancelled}."

    form = partial(FormDialog, "Log reply", fields, read, subject=subject.line)
    _run(host, subject, "log reply", form, apply)


def plan_follow_up(host: Host, subject: Subject | None) -> None:
    """Plan a follow-up by hand; a too-soon date is answered in the form by the pest guard."""
    subject = _plannable(host, subject)
    if subject is None:
        return
    services = host.services
    # A due date typed without a time lands at the user's "send at" hour.
    send_time = send_at(host.settings)
    fields = (
        Field(
            "due",
            "Due",
            "+7d, friday, 2026-11-27 09:00",
            kind="date",
            resolve=date_words.preview(services, Looking.FUTURE, default_time=send_time),
        ),
        Field("kind", "Kind", value=FollowUpKind.FOLLOW_UP, kind="select", options=KIND_CHOICES),
        Field("channel", "Channel", value=Channel.EMAIL, kind="select", options=CHANNEL_CHOICES),
    )

    def read(values: Values) -> PlanRequest:
        due = date_words.moment(
            services, text(values, "due"), "due", Looking.FUTURE, default_time=send_time
        )
        kind, channel = values.get("kind"), values.get("channel")
        return PlanRequest(
            kind if isinstance(kind, FollowUpKind) else FollowUpKind.FOLLOW_UP,
            channel if isinstance(channel, Channel) else Channel.EMAIL,
            due,
        )

    def apply(request: PlanRequest) -> str:
        result = services.follow_ups.plan(
            subject.opportunity_id,
            request.kind,
            request.due_at,
            channel=request.channel,
            force=request.force,
        )
        planned = result.follow_up
        return (
            f"Planned {planned.kind.label} for {subject.name} "
            f"on {short_date(planned.due_at, services.tz)}."
        )

    check = partial(services.follow_ups.check, subject.opportunity_id)
    form = partial(PlanDialog, "Plan follow-up", fields, read, check, services.tz,
                   subject=subject.line)  # fmt: skip
    _run(host, subject, "plan follow-up", form, apply)


def mark_done(host: Host, subject: Subject, follow_up: FollowUp) -> None:
    """Mark a planned follow-up sent now (history is never refused); the cadence re-plans."""
    services = host.services

    def apply() -> str:
        result = services.follow_ups.done(follow_up.id, force=True)
        moved = f"; {len(result.moved)} later step(s) re-planned" if result.moved else ""
        return f"{follow_up.kind.label.capitalize()} for {subject.name} done{moved}."

    host.change(subject.opportunity_id, f"mark {follow_up.kind.label} done at "
                f"{subject.name}", apply)  # fmt: skip


def snooze(host: Host, subject: Subject, follow_up: FollowUp, days: int = 1) -> None:
    """Move a planned follow-up a day later (the steps after it move along)."""
    services = host.services

    def apply() -> str:
        result = services.follow_ups.snooze(follow_up.id, days)
        due = short_date(result.follow_up.due_at, services.tz)
        return f"{follow_up.kind.label.capitalize()} for {subject.name} now due {due}."

    host.change(subject.opportunity_id, f"snooze {follow_up.kind.label} at "
                f"{subject.name}", apply)  # fmt: skip


def _run(
    host: Host,
    subject: Subject,
    verb: str,
    make_form: Callable[[], FormDialog[R]],
    apply: Callable[[R], str],
) -> None:
    """Open the form; its result (if any) becomes one change on the host."""
    label = f"{verb} at {visible(subject.company)}"
    open_form(host, make_form, subject.opportunity_id, label, apply)
