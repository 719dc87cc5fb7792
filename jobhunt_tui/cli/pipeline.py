"""Commands on the pipeline: add, list, show, move, note."""

from __future__ import annotations

import datetime as dt

import click

from jobhunt_tui.cli.base import CliState, cli, echo_json, fail, pass_state, safe
from jobhunt_tui.domain.dates import Looking, parse_day
from jobhunt_tui.domain.models import Opportunity, OpportunityDetail, Stage
from jobhunt_tui.domain.stages import parse_stage
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.services.records import record
from jobhunt_tui.services.zone import local_zone

STAGE_NAMES = [stage.value for stage in Stage]


def _stage(value: str | None) -> Stage | None:
    if value is None:
        return None
    try:
        return parse_stage(value)
    except ValueError as error:
        fail(str(error))
        raise  # unreachable: fail() raises


def _date(state: CliState, value: str | None, option: str, looking: Looking) -> dt.date | None:
    """A date option through the one parser (`domain.dates`), in the user's zone."""
    if value is None:
        return None
    return parse_day(value, state.clock(), local_zone(), field=option, looking=looking)


@cli.command()
@click.argument("company")
@click.argument("role")
@click.option("--stage", default="applied", show_default=True, help="Starting stage.")
@click.option("--url", default="", help="Link to the posting.")
@click.option("--location", default="")
@click.option("--salary", default="", help="Free text, e.g. '120–140k'.")
@click.option("--source", default="", help="Where you found it.")
@click.option("--priority", type=click.IntRange(1, 3), default=2, show_default=True)
@click.option("--applied-on", help="Date applied (2026-11-02, monday, -2w…); default today.")
@click.option("--decision-by", help="Decision date the employer gave (2026-12-01, +2w…).")
@click.option("--notes", default="")
@click.option("--contact", help='A contact, e.g. "Ann Lee <ann@acme.io>".')
@pass_state
def add(
    state: CliState,
    company: str,
    role: str,
    stage: str,
    url: str,
    location: str,
    salary: str,
    source: str,
    priority: int,
    applied_on: str | None,
    decision_by: str | None,
    notes: str,
    contact: str | None,
) -> None:
    """Add an opportunity: COMPANY and ROLE."""
    data = OpportunityInput(
        company=company,
        role=role,
        stage=_stage(stage) or Stage.APPLIED,
        url=url,
        location=location,
        salary=salary,
        source=source,
        priority=priority,
        applied_on=_date(state, applied_on, "--applied-on", Looking.PAST),
        expected_decision_on=_date(state, decision_by, "--decision-by", Looking.FUTURE),
        notes=notes,
    )
    created = PipelineService(state.database, state.clock, local_zone()).add(data, contact=contact)
    dates = [
        f"{label} {day.strftime('%a %-d %b %Y')}"
        for label, day in (
            ("applied", created.applied_on),
            ("decision by", created.expected_decision_on),
        )
        if day is not None
    ]
    suffix = f" ({', '.join(dates)})" if dates else ""
    click.echo(f"added #{created.id}: {safe(created.company_name)} — {safe(created.role)}{suffix}")


@cli.command(name="list")
@click.option("--stage", type=click.Choice(STAGE_NAMES, case_sensitive=False), multiple=True)
@click.option("--archived", is_flag=True, help="Include archived opportunities.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def list_command(state: CliState, stage: tuple[str, ...], archived: bool, as_json: bool) -> None:
    """List opportunities."""
    stages = tuple(Stage(name.lower()) for name in stage) or None
    found = PipelineService(state.database, state.clock).list(stages, include_archived=archived)
    if as_json:
        echo_json(record(found))
        return
    if not found:
        click.echo("no opportunities yet; add one with: jobhunt add COMPANY ROLE")
        return
    for item in found:
        click.echo(_line(item))


def _line(item: Opportunity) -> str:
    return f"#{item.id:<5} {item.stage.value:<12} {safe(item.company_name)} — {safe(item.role)}"


@cli.command()
@click.argument("opportunity_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def show(state: CliState, opportunity_id: int, as_json: bool) -> None:
    """Show one opportunity with its contacts, timeline and follow-ups."""
    detail = PipelineService(state.database, state.clock).detail(opportunity_id)
    if as_json:
        echo_json(record(detail))
        return
    click.echo(_detail_text(detail))


def _detail_text(detail: OpportunityDetail) -> str:
    item = detail.opportunity
    lines = [_line(item)]
    for label, value in (
        ("url", item.url),
        ("location", item.location),
        ("salary", item.salary),
        ("source", item.source),
        ("applied", item.applied_on.isoformat() if item.applied_on else ""),
        ("decision by", item.expected_decision_on.isoformat() if item.expected_decision_on else ""),
        ("notes", item.notes),
    ):
        if value:
            lines.append(f"  {label + ':':<12} {safe(value)}")
    if detail.contacts:
        lines.append("contacts:")
        lines += [f"  {safe(c.name)} {safe(c.email)}".rstrip() for c in detail.contacts]
    if detail.interactions:
        lines.append("timeline:")
        for event in detail.interactions:
            when = event.occurred_at.format("YYYY-MM-DD HH:mm")
            lines.append(f"  {when}  {event.kind.label:<12} {safe(event.summary)}")
    if detail.follow_ups:
        lines.append("follow-ups:")
        for step in detail.follow_ups:
            due = step.due_at.format("YYYY-MM-DD HH:mm")
            lines.append(f"  #{step.id:<4} {due}  {step.kind.label:<10} {step.status.value}")
    return "\n".join(lines)


@cli.command()
@click.argument("opportunity_id", type=int)
@click.argument("stage")
@pass_state
def move(state: CliState, opportunity_id: int, stage: str) -> None:
    """Move an opportunity to STAGE (logged on its timeline)."""
    target = _stage(stage)
    assert target is not None
    moved = PipelineService(state.database, state.clock).move(opportunity_id, target)
    click.echo(f"#{moved.id} {safe(moved.company_name)} is now {moved.stage.value}")


@cli.command()
@click.argument("opportunity_id", type=int)
@click.argument("text")
@pass_state
def note(state: CliState, opportunity_id: int, text: str) -> None:
    """Add a note to an opportunity's timeline."""
    PipelineService(state.database, state.clock).note(opportunity_id, text)
    click.echo(f"noted on #{opportunity_id}")
