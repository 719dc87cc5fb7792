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

from jobhunt_tui.domain.dates import parse_day, parse_when
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import local_date, short_date
from jobhunt_tui.domain.models import Channel, FollowUp, FollowUpKind
from jobhunt_tui.domain.stages import is_open
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.screens.dialog import PlanDialog, PlanRequest
from jobhunt_tui.ui.screens.form import Field, FormDialog, Values, text

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.host import Host, Subject

R = TypeVar("R")

KIND_CHOICES = tuple((kind.value.replace("_", "-"), kind) for kind in FollowUpKind)
CHANNEL_CHOICES = (("email", Channel.EMAIL), ("phone", Channel.PHONE))


def kind_label(kind: FollowUpKind) -> str:
    """'thank-you', 'follow-up', 'check-in', 'custom'."""
    return kind.value.replace("_", "-")


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
        Field("when", "When", "friday 14:00, today 10:30", kind="date"),
        Field("with_name", "With", "Ann Lee (optional)"),
        Field("decision_on", "Decision by", "a date they gave (optional)", kind="date"),
        Field("summary", "Notes", "how it went (optional)"),
    )

    def read(values: Values) -> InterviewRequest:
        now, tz = services.clock(), services.tz
        at = parse_when(text(values, "when"), now, tz, field="when")
        decision = text(values, "decision_on")
        decision_on = parse_day(decision, now, tz, field="decision_on") if decision else None
        if decision_on is not None and decision_on < local_date(at, tz):
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
            f"{kind_label(f.kind)} {short_date(f.due_at, services.tz)}" for f in result.planned
        )
        return f"Interview logged at {subject.name}. Planned: {planned or 'nothing'}."

    _run(host, subject, "log interview", FormDialog("Log interview", fields, read,
                                                    subject=subject.line), apply)  # fmt: skip


def log_reply(host: Host, subject: Subject | None) -> None:
    """Log that the employer answered (cancels the planned follow-ups)."""
    if subject is None:
        return
    services = host.services
    fields = (
        Field("when", "When", "(empty: now) or yesterday 16:00", kind="date"),
        Field("summary", "They said", "they will decide next week"),
        Field("by_phone", "They called (not an email)", value=False, kind="check"),
    )

    def read(values: Values) -> ReplyRequest:
        when = text(values, "when")
        at = parse_when(when, services.clock(), services.tz, field="when") if when else None
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

    form = FormDialog("Log reply", fields, read, subject=subject.line)
    _run(host, subject, "log reply", form, apply)


def plan_follow_up(host: Host, subject: Subject | None) -> None:
    """Plan a follow-up by hand; a too-soon date is answered in the form by the pest guard."""
    subject = _plannable(host, subject)
    if subject is None:
        return
    services = host.services
    fields = (
        Field("due", "Due", "+7d, friday, 2026-11-27 09:00", kind="date"),
        Field("kind", "Kind", value=FollowUpKind.FOLLOW_UP, kind="select", options=KIND_CHOICES),
        Field("channel", "Channel", value=Channel.EMAIL, kind="select", options=CHANNEL_CHOICES),
    )

    def read(values: Values) -> PlanRequest:
        due = parse_when(text(values, "due"), services.clock(), services.tz, field="due")
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
            f"Planned {kind_label(planned.kind)} for {subject.name} "
            f"on {short_date(planned.due_at, services.tz)}."
        )

    check = partial(services.follow_ups.check, subject.opportunity_id)
    form = PlanDialog("Plan follow-up", fields, read, check, services.tz, subject=subject.line)
    _run(host, subject, "plan follow-up", form, apply)


def mark_done(host: Host, subject: Subject, follow_up: FollowUp) -> None:
    """Mark a planned follow-up sent now (history is never refused); the cadence re-plans."""
    services = host.services

    def apply() -> str:
        result = services.follow_ups.done(follow_up.id, force=True)
        moved = f"; {len(result.moved)} later step(s) re-planned" if result.moved else ""
        return f"{kind_label(follow_up.kind).capitalize()} for {subject.name} done{moved}."

    host.change(subject.opportunity_id, f"mark {kind_label(follow_up.kind)} done at "
                f"{subject.name}", apply)  # fmt: skip


def snooze(host: Host, subject: Subject, follow_up: FollowUp, days: int = 1) -> None:
    """Move a planned follow-up a day later (the steps after it move along)."""
    services = host.services

    def apply() -> str:
        result = services.follow_ups.snooze(follow_up.id, days)
        due = short_date(result.follow_up.due_at, services.tz)
        return f"{kind_label(follow_up.kind).capitalize()} for {subject.name} now due {due}."

    host.change(subject.opportunity_id, f"snooze {kind_label(follow_up.kind)} at "
                f"{subject.name}", apply)  # fmt: skip


def _run(
    host: Host, subject: Subject, verb: str, form: FormDialog[R], apply: Callable[[R], str]
) -> None:
    """Push `form`; its result (if any) becomes one change on the host."""

    def done(request: R | None) -> None:
        if request is not None:
            host.change(subject.opportunity_id, f"{verb} at {visible(subject.company)}",
                        lambda: apply(request))  # fmt: skip

    host.app.push_screen(form, done)
