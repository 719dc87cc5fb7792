"""Commands of the follow-up engine: interview, reply, followup, done, snooze, agenda, report.

(`export ics` is the `export` command of `cli.data`, on `services.calendar_export`.)

Dates are read in the user's zone (JOBHUNT_TZ, else the system's) by the one parser,
`domain.dates`: a bare weekday is the coming one for an interview, a decision or a due date, the
last one for a reply, a send or a report's range. Every confirmation shows the date the words
resolved to. Every argument is checked before the database is touched, so bad input writes
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import arrow
import click

from jobhunt_tui.cli.base import CliState, cli, echo_json, fail, pass_state, safe
from jobhunt_tui.domain.agenda import (
    DEFAULT_DAYS,
    LIST_LIMIT,
    MAX_DAYS,
    Agenda,
    AgendaItem,
    due_label,
)
from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.dates import Looking, parse_day, parse_when
from jobhunt_tui.domain.health import quiet_message
from jobhunt_tui.domain.localtime import Zone, local_date, short_date, short_datetime
from jobhunt_tui.domain.models import Channel, FollowUp, FollowUpKind, kind_label
from jobhunt_tui.domain.pest_guard import GuardResult, PestGuardRefused
from jobhunt_tui.domain.spacing import send_at
from jobhunt_tui.services.file_output import save_bytes
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.zone import local_zone

KIND_NAMES = [kind.value for kind in FollowUpKind]
CHANNEL_NAMES = [channel.value for channel in Channel]


def _service(state: CliState, tz: Zone) -> FollowUpService:
    return FollowUpService(state.database, state.clock, tz)


def _when(
    text: str, option: str, now: arrow.Arrow, tz: Zone, looking: Looking, **kwargs: Any
) -> arrow.Arrow:
    return parse_when(text, now, tz, field=option, looking=looking, **kwargs)


def _step_line(step: FollowUp, tz: Zone) -> str:
    label = kind_label(step.kind.value)
    return (
        f"  #{step.id:<5} {label:<10} {step.channel.value:<6} due {short_datetime(step.due_at, tz)}"
    )


def _refused(error: PestGuardRefused, verb: str, retry: str = "") -> None:
    polite = error.result.earliest_polite_at
    offer = ""
    if retry and polite is not None:
        offer = f' {error.result.offer}: {retry} "{polite.format("YYYY-MM-DD HH:mm")}"; or'
    fail(f"{error}{offer} use --force to {verb} anyway.")


def _warn_forced(guard: GuardResult | None) -> None:
    if guard is not None and not guard.allowed:
        click.echo(f"warning (forced): {guard.message}", err=True)


def _note_spacing(guard: GuardResult | None) -> None:
    """What the pest guard thinks of a send already made: information, never a refusal."""
    if guard is not None and not guard.allowed:
        click.echo(f"note: recorded as it happened. {guard.message}", err=True)


@cli.command()
@click.argument("opportunity_id", type=int)
@click.option("--at", "at_text", required=True, help='When: "2026-11-20 14:00", "friday 14:00"…')
@click.option("--decision-by", help="The decision date the employer gave (YYYY-MM-DD, +2w…).")
@click.option("--with", "with_name", help="Who interviewed you (added as a contact).")
@pass_state
def interview(
    state: CliState,
    opportunity_id: int,
    at_text: str,
    decision_by: str | None,
    with_name: str | None,
) -> None:
    """Log an interview and plan its thank-you, follow-up and check-in."""
    tz = local_zone()
    now = state.clock()
    at = _when(at_text, "--at", now, tz, Looking.FUTURE)
    decision = (
        parse_day(decision_by, now, tz, field="--decision-by", looking=Looking.FUTURE)
        if decision_by
        else None
    )
    result = _service(state, tz).log_interview(
        opportunity_id, at, decision_on=decision, with_name=with_name
    )
    click.echo(
        f"logged interview #{result.interview.id} on #{opportunity_id} at "
        f"{short_datetime(at, tz)}; planned:"
    )
    for step in result.planned:
        click.echo(_step_line(step, tz))
    if result.suggested_from is not None and result.suggested_until is not None:
        click.echo(
            f"  send the thank-you {short_datetime(result.suggested_from, tz)}"
            f"–{result.suggested_until.to(tz).format('HH:mm')}; short is fine"
        )
    if result.superseded:
        count = len(result.superseded)
        click.echo(f"replaced {count} follow-up{'s' if count != 1 else ''} of an earlier interview")


@cli.command()
@click.argument("opportunity_id", type=int)
@click.option("--at", "at_text", help="When they answered (default: now).")
@click.option("--phone", is_flag=True, help="They called (default: an email).")
@click.option("--summary", default="", help="What they said, in a line.")
@pass_state
def reply(
    state: CliState, opportunity_id: int, at_text: str | None, phone: bool, summary: str
) -> None:
    """Log the employer's reply: planned follow-ups of the opportunity are cancelled."""
    tz = local_zone()
    now = state.clock()
    at = _when(at_text, "--at", now, tz, Looking.PAST) if at_text else None
    result = _service(state, tz).log_reply(opportunity_id, at=at, by_phone=phone, summary=summary)
    count = len(result.skipped)
    when = short_datetime(result.reply.occurred_at, tz)
    if count:
        click.echo(
            f"logged the reply on #{opportunity_id} at {when}; cancelled {count} planned "
            f"follow-up{'s' if count != 1 else ''}"
        )
    else:
        click.echo(f"logged the reply on #{opportunity_id} at {when}; no follow-ups were planned")


@cli.command()
@click.argument("opportunity_id", type=int)
@click.option("--kind", type=click.Choice(KIND_NAMES, case_sensitive=False), required=True)
@click.option("--due", "due_text", required=True, help='When: "2026-11-27 09:00", "+7d"…')
@click.option("--channel", type=click.Choice(CHANNEL_NAMES, case_sensitive=False), default="email")
@click.option("--force", is_flag=True, help="Plan it even if it is too soon after another touch.")
@pass_state
def followup(
    state: CliState, opportunity_id: int, kind: str, due_text: str, channel: str, force: bool
) -> None:
    """Plan a follow-up by hand (the pest guard applies)."""
    tz = local_zone()
    now = state.clock()
    _when(due_text, "--due", now, tz, Looking.FUTURE)  # bad words: refused before the file opens
    service = _service(state, tz)
    hour = send_at(service.settings())  # a day alone means the user's "send at" hour
    due = _when(due_text, "--due", now, tz, Looking.FUTURE, default_time=hour)
    try:
        result = service.plan(
            opportunity_id,
            FollowUpKind(kind.lower()),
            due,
            channel=Channel(channel.lower()),
            force=force,
        )
    except PestGuardRefused as error:
        _refused(error, "plan it", f"jobhunt followup {opportunity_id} --kind {kind} --due")
        return
    _warn_forced(result.guard)
    click.echo(f"planned on #{opportunity_id} for {short_datetime(result.follow_up.due_at, tz)}:")
    click.echo(_step_line(result.follow_up, tz))


@cli.command()
@click.argument("follow_up_id", type=int)
@click.option("--at", "at_text", help="When you sent it (default: now): yesterday 16:00, friday…")
# Recording what happened is never refused, so --force has nothing left to override; it is
# still accepted (and ignored) so that scripts written for earlier versions keep working.
@click.option("--force", is_flag=True, hidden=True)
@pass_state
def done(state: CliState, follow_up_id: int, at_text: str | None, force: bool) -> None:
    """Record a follow-up sent: it goes on the timeline and the next steps are re-planned.

    Never refused for spacing: it already happened. A send closer to another touch than the
    pest guard likes is recorded, with a note.
    """
    tz = local_zone()
    at = _when(at_text, "--at", state.clock(), tz, Looking.PAST) if at_text else None
    result = _service(state, tz).done(follow_up_id, at=at)
    _note_spacing(result.guard)
    sent = result.follow_up
    assert sent.done_at is not None
    click.echo(f"#{sent.id} {kind_label(sent.kind.value)} sent {short_datetime(sent.done_at, tz)}")
    _changes(result.moved, result.skipped, tz)


@cli.command()
@click.argument("follow_up_id", type=int)
@click.option("--days", type=int, default=1, show_default=True, help="How many days later.")
@click.option("--force", is_flag=True, help="Move it even if it lands too soon.")
@pass_state
def snooze(state: CliState, follow_up_id: int, days: int, force: bool) -> None:
    """Move a planned follow-up later; the steps after it move along."""
    tz = local_zone()
    try:
        result = _service(state, tz).snooze(follow_up_id, days, force=force)
    except PestGuardRefused as error:
        _refused(error, "move it")
        return
    _warn_forced(result.guard)
    step = result.follow_up
    click.echo(
        f"#{step.id} {kind_label(step.kind.value)} now due {short_datetime(step.due_at, tz)}"
    )
    _changes(result.moved, (), tz)


def _changes(moved: Iterable[FollowUp], skipped: Iterable[FollowUp], tz: Zone) -> None:
    moved, skipped = list(moved), list(skipped)
    if moved:
        click.echo("re-planned:")
        for step in moved:
            click.echo(_step_line(step, tz))
    if skipped:
        click.echo("skipped (no longer needed):")
        for step in skipped:
            click.echo(_step_line(step, tz))


@cli.command()
@click.option(
    "--days",
    type=click.IntRange(0, MAX_DAYS),
    default=DEFAULT_DAYS,
    show_default=True,
    help="How far ahead to look.",
)
@click.option(
    "--limit",
    type=click.IntRange(1, 100_000),
    default=LIST_LIMIT,
    show_default=True,
    help='Items listed per section (the rest is counted under "more").',
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def agenda(state: CliState, days: int, limit: int, as_json: bool) -> None:
    """Overdue, today, upcoming, what needs a next step, and search health."""
    from jobhunt_tui.services.agenda import AgendaService

    tz = local_zone()
    now = state.clock()
    result = AgendaService(state.database, state.clock, tz).agenda(days, limit=limit)
    if as_json:
        echo_json(_agenda_record(result, now, tz))
        return
    click.echo("\n".join(_agenda_text(result, now, tz)))


def _item_line(item: AgendaItem, now: arrow.Arrow, tz: Zone) -> str:
    label = kind_label(item.kind.value)
    return (
        f"  #{item.follow_up_id:<5} {short_datetime(item.due_at, tz)}  {label:<10} "
        f"{item.channel.value:<6} {safe(item.company)} — {safe(item.role)} "
        f"(#{item.opportunity_id}, {due_label(item.due_at, now, tz)})"
    )


def _card_line(card: BoardCard) -> str:
    since = (
        "never touched"
        if card.days_since_touch is None
        else (f"last touch {card.days_since_touch} days ago")
    )
    return f"  #{card.opportunity_id:<5} {safe(card.company)} — {safe(card.role)} ({since})"


def _agenda_text(result: Agenda, now: arrow.Arrow, tz: Zone) -> list[str]:
    lines = [f"Agenda for {short_date(now, tz)} (next {result.days} days)"]
    for title, items in (
        ("Overdue", result.overdue),
        ("Today", result.due_today),
        ("Upcoming", result.upcoming),
    ):
        lines.append(f"{title} ({len(items)})" if items else f"{title}: nothing")
        lines += [_item_line(item, now, tz) for item in items]
    if result.needs_next_step:
        lines.append(f"Needs a next step ({len(result.needs_next_step)})")
        lines += [_card_line(card) for card in result.needs_next_step]
    if result.quiet:
        lines.append("Quiet")
        for card in result.quiet:
            assert card.quiet_days is not None
            lines.append(
                f"  #{card.opportunity_id:<5} {safe(card.company)} — {safe(card.role)}: "
                f"{quiet_message(card.quiet_days)}"
            )
    lines.append(f"Search health: {result.health.message}")
    if result.weekly:
        lines.append(
            f"Last {len(result.weekly)} weeks (applications / follow-ups sent / interviews):"
        )
        for week in result.weekly:
            lines.append(
                f"  week of {week.week_start.isoformat()}: {week.applications} / "
                f"{week.follow_ups_sent} / {week.interviews}"
            )
    lines += [f"… and {count} more {name.replace('_', ' ')}" for name, count in result.hidden]
    lines += [text for text in result.suggestions if text != result.health.message]
    return lines


def _agenda_record(result: Agenda, now: arrow.Arrow, tz: Zone) -> dict[str, Any]:
    def item(entry: AgendaItem) -> dict[str, Any]:
        return {
            "follow_up_id": entry.follow_up_id,
            "opportunity_id": entry.opportunity_id,
            "company": entry.company,
            "role": entry.role,
            "kind": entry.kind.value,
            "channel": entry.channel.value,
            "due_at": entry.due_at.to(tz).isoformat(),
            "due": due_label(entry.due_at, now, tz),
        }

    def card(entry: BoardCard) -> dict[str, Any]:
        return {
            "opportunity_id": entry.opportunity_id,
            "company": entry.company,
            "role": entry.role,
            "stage": entry.stage.value,
            "days_since_touch": entry.days_since_touch,
            "quiet_days": entry.quiet_days,
            "idle": entry.idle,
        }

    return {
        "today": result.today.isoformat(),
        "days": result.days,
        "overdue": [item(entry) for entry in result.overdue],
        "due_today": [item(entry) for entry in result.due_today],
        "upcoming": [item(entry) for entry in result.upcoming],
        "needs_next_step": [card(entry) for entry in result.needs_next_step],
        "quiet": [card(entry) for entry in result.quiet],
        "health": {
            "active": result.health.active,
            "floor": result.health.floor,
            "below_floor": result.health.below_floor,
            "message": result.health.message,
        },
        "weekly": [
            {
                "week_start": week.week_start.isoformat(),
                "applications": week.applications,
                "follow_ups_sent": week.follow_ups_sent,
                "interviews": week.interviews,
            }
            for week in result.weekly
        ],
        "suggestions": list(result.suggestions),
        "more": dict(result.hidden),
    }


@cli.command()
@click.option("--since", "since_text", required=True, help="First day (YYYY-MM-DD, -… words).")
@click.option("--until", "until_text", help="Last day (default: today).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html"], case_sensitive=False),
    help="Default: from the file name (.html), else Markdown.",
)
@pass_state
def report(
    state: CliState, since_text: str, until_text: str | None, output: Path | None, fmt: str | None
) -> None:
    """A printable record of the search: applications, interviews, follow-ups, stage changes."""
    from jobhunt_tui.services.report import build_report, render_html, render_markdown

    tz = local_zone()
    now = state.clock()
    since = parse_day(since_text, now, tz, field="--since", looking=Looking.PAST)
    until = (
        parse_day(until_text, now, tz, field="--until", looking=Looking.PAST)
        if until_text
        else local_date(now, tz)
    )
    if until < since:
        fail(f"--until: {until.isoformat()} is before --since {since.isoformat()}")
    click.echo(f"report from {since.isoformat()} to {until.isoformat()}", err=True)
    as_html = (fmt or "").lower() == "html" or (
        fmt is None and output is not None and output.suffix.lower() in (".html", ".htm")
    )
    built = build_report(state.database, since, until, now, tz)
    text = render_html(built) if as_html else render_markdown(built)
    _write(text.encode("utf-8"), output)


def _write(data: bytes, output: Path | None) -> None:
    """Bytes to `output`, or to standard output."""
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    save_bytes(output, data)
    click.echo(f"wrote {safe(str(output))}", err=True)
