"""The follow-up keys of the board (i, r, f): dialogs that call the follow-up service.

Each save runs in the dialog's worker, records the opportunity for undo first, and returns a
note; the main screen then re-reads the one card and shows the note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.dates import Looking, parse_day, parse_when, resolved_words
from jobhunt_tui.domain.localtime import START_OF_DAY, short_date
from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.spacing import send_at
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.screens.dialog import OVERRIDE, FieldDialog, FieldSpec, Values
from jobhunt_tui.ui.widgets.date_field import Resolver

if TYPE_CHECKING:
    from jobhunt_tui.ui.screens.main import MainScreen

KIND_CHOICES = tuple((kind.label, kind) for kind in FollowUpKind)
CHANNEL_CHOICES = (("email", Channel.EMAIL), ("phone", Channel.PHONE))


def _subject(card: BoardCard) -> Content:
    return Content.assemble(literal(card.company, "bold"), " · ", literal(card.role))


def _resolver(
    screen: MainScreen,
    looking: Looking,
    *,
    with_time: bool = True,
    default_time: dt.time = START_OF_DAY,
) -> Resolver:
    """Live preview of a date field: the words resolved as its save reads them."""
    services = screen.services

    def resolve(text: str) -> str:
        return resolved_words(
            text,
            services.clock(),
            services.tz,
            looking=looking,
            with_time=with_time,
            default_time=default_time,
        )

    return resolve


def _text(values: Values, name: str) -> str:
    return str(values.get(name) or "").strip()


def _open(
    screen: MainScreen,
    card: BoardCard,
    title: str,
    fields: tuple[FieldSpec, ...],
    apply: Callable[[Values], str],
    *,
    guarded: bool = False,
) -> None:
    """Push a dialog whose save refreshes the card afterwards."""

    def done(note: str | None) -> None:
        if note is not None:
            screen.card_saved(card.opportunity_id, note)

    screen.app.push_screen(FieldDialog(title, _subject(card), fields, apply, guarded=guarded), done)


def log_interview(screen: MainScreen, card: BoardCard | None) -> None:
    """Ask when and with whom, then log the interview and plan its follow-ups."""
    if card is None:
        return
    services = screen.services
    fields = (
        FieldSpec(
            "when",
            "When",
            "friday 14:00, 2026-11-20 14:00, today 10:30",
            resolve=_resolver(screen, Looking.FUTURE),
        ),
        FieldSpec("with_name", "With", "Ann Lee (optional)"),
        FieldSpec(
            "decision_on",
            "Decision by",
            "a date they gave (optional)",
            resolve=_resolver(screen, Looking.FUTURE, with_time=False),
        ),
        FieldSpec("summary", "Notes", "optional"),
    )

    def apply(values: Values) -> str:
        now, tz = services.clock(), services.tz
        when = _text(values, "when")
        at = parse_when(when, now, tz, field="when", looking=Looking.FUTURE)
        decision = _text(values, "decision_on")
        decision_on = (
            parse_day(decision, now, tz, field="decision_on", looking=Looking.FUTURE)
            if decision
            else None
        )
        result = services.follow_ups.log_interview(
            card.opportunity_id,
            at,
            decision_on=decision_on,
            with_name=_text(values, "with_name") or None,
            summary=_text(values, "summary"),
        )
        planned = ", ".join(f"{f.kind.label} {short_date(f.due_at, tz)}" for f in result.planned)
        return f"Interview logged at {visible(card.company)}. Planned: {planned or 'nothing'}."

    _open(screen, card, "Log interview", fields, apply)


def log_reply(screen: MainScreen, card: BoardCard | None) -> None:
    """Log that the employer answered (cancels the planned follow-ups)."""
    if card is None:
        return
    services = screen.services
    fields = (
        FieldSpec(
            "when",
            "When",
            "empty for now, or yesterday 16:00",
            resolve=_resolver(screen, Looking.PAST),
            empty_note="empty: now",
        ),
        FieldSpec("summary", "What they said", "optional"),
        FieldSpec("by_phone", "They called (not an email)", checkbox=True, value=False),
    )

    def apply(values: Values) -> str:
        when = _text(values, "when")
        at = (
            parse_when(when, services.clock(), services.tz, field="when", looking=Looking.PAST)
            if when
            else None
        )
        result = services.follow_ups.log_reply(
            card.opportunity_id,
            at=at,
            by_phone=bool(values.get("by_phone")),
            summary=_text(values, "summary"),
        )
        count = len(result.skipped)
        cancelled = f"{count} planned follow-up{'s' if count != 1 else ''} cancelled"
        return f"Reply from {visible(card.company)} logged; {cancelled}."

    _open(screen, card, "Log reply", fields, apply)


def plan_follow_up(screen: MainScreen, card: BoardCard | None) -> None:
    """Plan a follow-up by hand, showing the pest guard's warning with an override."""
    if card is None:
        return
    services = screen.services
    fields = (
        FieldSpec(
            "due",
            "Due",
            "+7d, friday, 2026-11-27 09:00",
            resolve=_resolver(screen, Looking.FUTURE, default_time=send_at(screen.settings)),
        ),
        FieldSpec("kind", "Kind", options=KIND_CHOICES, value=FollowUpKind.FOLLOW_UP),
        FieldSpec("channel", "Channel", options=CHANNEL_CHOICES, value=Channel.EMAIL),
    )

    def apply(values: Values) -> str:
        due_text = _text(values, "due")
        due = parse_when(
            due_text,
            services.clock(),
            services.tz,
            field="due",
            looking=Looking.FUTURE,
            default_time=send_at(screen.settings),
        )
        kind = values.get("kind")
        channel = values.get("channel")
        result = services.follow_ups.plan(
            card.opportunity_id,
            kind if isinstance(kind, FollowUpKind) else FollowUpKind.FOLLOW_UP,
            due,
            channel=channel if isinstance(channel, Channel) else Channel.EMAIL,
            force=bool(values.get(OVERRIDE)),
        )
        planned = result.follow_up
        return (
            f"Planned {planned.kind.label} for {visible(card.company)} "
            f"on {short_date(planned.due_at, services.tz)}."
        )

    _open(screen, card, "Plan follow-up", fields, apply, guarded=True)
