"""Use cases of the pipeline: add, edit, move and close opportunities, notes and contacts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import arrow

from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.dates import application_time, bounded, check_applied_on
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.domain.models import (
    Contact,
    Direction,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Opportunity,
    OpportunityDetail,
    Settings,
    Stage,
)
from jobhunt_tui.domain.plans import NewInteraction
from jobhunt_tui.domain.stage_moves import StageMove, plan_move, stage_change
from jobhunt_tui.domain.stages import CLOSED_STAGES, is_open, neighbour
from jobhunt_tui.domain.text import (
    NAME_MAX,
    NOTE_MAX,
    URL_MAX,
    clean_optional,
    clean_required,
)
from jobhunt_tui.domain.timeutil import date_to_stored, to_stored
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import pipeline_writes, reader
from jobhunt_tui.storage.database import Database

if TYPE_CHECKING:
    from jobhunt_tui.services.contacts import ContactInput
    from jobhunt_tui.storage.repository import Repository


@dataclass(frozen=True)
class OpportunityInput:
    """What the user typed for an opportunity, before cleaning."""

    company: str
    role: str
    stage: Stage = Stage.APPLIED
    url: str = ""
    location: str = ""
    salary: str = ""
    source: str = ""
    priority: int = 2
    applied_on: dt.date | None = None
    expected_decision_on: dt.date | None = None
    notes: str = ""


def cleaned_fields(data: OpportunityInput) -> dict[str, object]:
    """Column values for `data`, or ValidationError naming the first bad field."""
    if data.priority not in (1, 2, 3):
        raise ValidationError("priority", "must be 1, 2 or 3")
    return {
        "role": clean_required(data.role, "role", NAME_MAX),
        "stage": data.stage.value,
        "url": clean_optional(data.url, "url", URL_MAX),
        "location": clean_optional(data.location, "location"),
        "salary": clean_optional(data.salary, "salary"),
        "source": clean_optional(data.source, "source"),
        "priority": data.priority,
        "applied_on": date_to_stored(data.applied_on),
        "expected_decision_on": date_to_stored(data.expected_decision_on),
        "notes": clean_optional(data.notes, "notes", NOTE_MAX, multiline=True),
    }


def check_dates(data: OpportunityInput, now: arrow.Arrow, tz: Zone) -> None:
    """Refuse dates that make no sense: an application in the future, anything before 2000 or
    more than two years ahead."""
    if data.stage is Stage.WISHLIST:  # not applied yet: a date ahead may be a plan
        if data.applied_on is not None:
            bounded(data.applied_on, now, tz, "applied_on")
    else:
        check_applied_on(data.applied_on, now, tz)
    if data.expected_decision_on is not None:
        bounded(data.expected_decision_on, now, tz, "expected_decision_on")


def parse_contact(text: str) -> tuple[str, str]:
    """(name, email) from `Ann Lee <ann@acme.io>`, `ann@acme.io` or `Ann Lee`."""
    from email.utils import parseaddr

    name, address = parseaddr(text)
    if "@" not in address:
        return clean_required(text, "contact"), ""
    if not name:
        name = address.split("@", 1)[0]
    return clean_required(name, "contact"), clean_optional(address, "contact email")


class PipelineService:
    """Opportunities through their stages. Every write is one transaction."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()

    # Reads

    def list(
        self, stages: tuple[Stage, ...] | None = None, include_archived: bool = False
    ) -> list[Opportunity]:
        """Opportunities, optionally only in `stages`."""
        with self.database.reading() as conn:
            return reader.list_opportunities(conn, stages=stages, include_archived=include_archived)

    def get(self, opportunity_id: int) -> Opportunity:
        """One opportunity."""
        with self.database.reading() as conn:
            return reader.get_opportunity(conn, opportunity_id)

    def detail(self, opportunity_id: int) -> OpportunityDetail:
        """One opportunity with contacts, timeline, follow-ups and drafts."""
        with self.database.reading() as conn:
            return reader.opportunity_detail(conn, opportunity_id)

    def settings(self) -> Settings:
        """The user's settings."""
        with self.database.reading() as conn:
            return reader.load_settings(conn)

    # Writes

    def add(self, data: OpportunityInput, contact: str | None = None) -> Opportunity:
        """Add an opportunity (and its company, and a contact if given)."""
        from jobhunt_tui.storage.repository import Repository

        company_name = clean_required(data.company, "company", NAME_MAX)
        values = cleaned_fields(data)
        contact_fields = parse_contact(contact) if contact else None
        now = self.clock()
        check_dates(data, now, self.tz)
        with self.database.writing(f"add {company_name}") as session:
            repo = Repository(session)
            company = repo.company_named(company_name, now)
            created = _insert(repo, data, values, company.id, now, self.tz)
            if contact_fields is not None:
                name, email = contact_fields
                if repo.contact_named(company.id, name) is None:
                    repo.add_contact(Contact(id=0, name=name, email=email, company_id=company.id))
            return created

    def edit(self, opportunity_id: int, data: OpportunityInput) -> Opportunity:
        """Replace an opportunity's fields; a stage change is logged like a move."""
        from jobhunt_tui.storage.repository import Repository

        company_name = clean_required(data.company, "company", NAME_MAX)
        values = cleaned_fields(data)
        now = self.clock()
        check_dates(data, now, self.tz)
        with self.database.writing(f"edit {company_name}") as session:
            repo = Repository(session)
            values["company_id"] = repo.company_named(company_name, now).id
            return _update(repo, opportunity_id, values, now, self.tz)

    def save_with_contacts(
        self,
        opportunity_id: int | None,
        data: OpportunityInput,
        contacts: tuple[tuple[int | None, ContactInput], ...],
        edited: frozenset[str] | None = None,
    ) -> Opportunity:
        """Add (id None) or edit an opportunity and its contacts, in one transaction.

        `contacts` pairs a contact id (None: new) with what the form holds for it; a blank
        new contact is skipped. Everything is checked before anything is written. `edited`
        names the fields the user changed in the form: an edit writes only those, so what
        another writer changed meanwhile in the other fields stays (None: every field).
        """
        from jobhunt_tui.services.contacts import contact_values
        from jobhunt_tui.storage.repository import Repository

        company_name = clean_required(data.company, "company", NAME_MAX)
        values = cleaned_fields(data)
        checked = [
            (contact_id, contact_values(typed))
            for contact_id, typed in contacts
            if contact_id is not None or not typed.blank
        ]
        now = self.clock()
        check_dates(data, now, self.tz)
        verb = "add" if opportunity_id is None else "edit"
        with self.database.writing(f"{verb} {company_name}") as session:
            repo = Repository(session)
            company = repo.company_named(company_name, now)
            if opportunity_id is None:
                saved = _insert(repo, data, values, company.id, now, self.tz)
            else:
                values = {**values, "company_id": company.id}
                if edited is not None:
                    keep = {"company_id"} if "company" in edited else set()
                    values = {k: v for k, v in values.items() if k in edited or k in keep}
                saved = _update(repo, opportunity_id, values, now, self.tz)
            for contact_id, fields in checked:
                if contact_id is not None:
                    repo.update_contact(contact_id, fields)
                elif repo.contact_named(company.id, fields["name"]) is None:
                    repo.add_contact(Contact(id=0, company_id=company.id, **fields))
            return saved

    def move(self, opportunity_id: int, stage: Stage) -> Opportunity:
        """Move to `stage` (any direction); the change is logged on the timeline."""
        return self._move(opportunity_id, f"to {stage.label}", lambda _current: stage)

    def step(self, opportunity_id: int, step: int) -> Opportunity:
        """Move one open stage left (-1) or right (+1) of the STORED stage (the card on a
        screen may be stale); ValidationError past either end or when closed."""

        def target(current: Opportunity) -> Stage:
            found = neighbour(current.stage, step)
            if found is None:
                where = (
                    f"it is closed ({current.stage.label})"
                    if not is_open(current.stage)
                    else f"already at {current.stage.label}"
                )
                raise ValidationError("stage", f"cannot move {current.company_name}: {where}")
            return found

        return self._move(opportunity_id, "one stage " + ("right" if step > 0 else "left"), target)

    def _move(
        self, opportunity_id: int, where: str, target: Callable[[Opportunity], Stage]
    ) -> Opportunity:
        """Move to the stage `target` picks from the stored row, in one transaction.

        Plain SQL (`storage.pipeline_writes`): a one-shot `jobhunt move` need not import the
        ORM, and on a fresh worker thread it is quicker than a pooled ORM session too.
        """
        now = self.clock()
        with self.database.writing_sql(f"move #{opportunity_id} {where}") as conn:
            before = reader.get_opportunity(conn, opportunity_id)
            stage = target(before)
            move = plan_move(before, stage, reader.follow_ups_of(conn, before.id), now, self.tz)
            if move is None:
                return before
            self.database.name_change(f"move {before.company_name} to {stage.label}")
            return pipeline_writes.apply_move(conn, move, now)

    def close(self, opportunity_id: int, outcome: Stage) -> Opportunity:
        """Close with an outcome: accepted, rejected or withdrawn."""
        if outcome not in CLOSED_STAGES:
            raise ValidationError("outcome", "must be accepted, rejected or withdrawn")
        return self.move(opportunity_id, outcome)

    def note(self, opportunity_id: int, text: str) -> Interaction:
        """Add a note to the timeline (plain SQL, like a move)."""
        summary = clean_required(text, "note", NOTE_MAX)
        now = self.clock()
        with self.database.writing_sql(f"note on #{opportunity_id}") as conn:
            found = reader.get_opportunity(conn, opportunity_id)
            self.database.name_change(f"note on {found.company_name}")
            note = NewInteraction(opportunity_id, InteractionKind.NOTE, Direction.OUT, now, summary)
            return pipeline_writes.add_interaction(conn, note)

    def save_settings(self, settings: Settings) -> None:
        """Store the user's settings."""
        from jobhunt_tui.storage.repository import Repository

        with self.database.writing("change settings", undoable=False) as session:
            Repository(session).save_settings(settings)


def move_to_stage(
    repo: Repository, before: Opportunity, stage: Stage, now: arrow.Arrow, tz: Zone
) -> Opportunity:
    """Move inside the caller's ORM transaction, logged on the timeline (so undone with it)."""
    move = plan_move(before, stage, repo.follow_ups(before.id), now, tz)
    if move is None:
        return before
    values: dict[str, object] = {"stage": stage.value}
    if move.applied_on is not None:
        values["applied_on"] = date_to_stored(move.applied_on)
    updated = repo.update_opportunity(before.id, values, now)
    _store_effects(repo, move)
    return updated


def _store_effects(repo: Repository, move: StageMove) -> None:
    """Log a stage change on the timeline and skip the follow-ups it cancels."""
    for entry in move.log:
        repo.add_interaction(
            entry.opportunity_id, entry.kind, entry.direction, entry.occurred_at, entry.summary
        )
    for follow_up_id in move.skip:
        repo.update_follow_up(follow_up_id, {"status": FollowUpStatus.SKIPPED.value})


def _redate_application(repo: Repository, after: Opportunity, now: arrow.Arrow, tz: Zone) -> None:
    """The applied_on date changed: the first application entry moves to it."""
    assert after.applied_on is not None
    for entry in repo.interactions(after.id):
        if entry.kind is InteractionKind.APPLIED:
            when = application_time(after.applied_on, now, tz)
            repo.update_interaction(entry.id, {"occurred_at": to_stored(when)})
            return


def _insert(
    repo: Repository,
    data: OpportunityInput,
    values: dict[str, object],
    company_id: int,
    now: arrow.Arrow,
    tz: Zone,
) -> Opportunity:
    """Insert a new opportunity; unless on the wishlist it is an application, dated on the
    day the user applied (today when not given)."""
    applied_on = data.applied_on
    if data.stage is not Stage.WISHLIST and applied_on is None:
        applied_on = local_date(now, tz)
        values = {**values, "applied_on": date_to_stored(applied_on)}
    created = repo.add_opportunity(
        {
            **values,
            "company_id": company_id,
            "created_at": to_stored(now),
            "updated_at": to_stored(now),
        }
    )
    if data.stage is not Stage.WISHLIST and applied_on is not None:
        when = application_time(applied_on, now, tz)
        repo.add_interaction(created.id, InteractionKind.APPLIED, Direction.OUT, when, "Applied")
    return created


def _update(
    repo: Repository,
    opportunity_id: int,
    values: dict[str, object],
    now: arrow.Arrow,
    tz: Zone,
) -> Opportunity:
    """Replace an opportunity's fields; a stage change is logged like a move, and a new
    applied-on date re-dates the application."""
    before = repo.opportunity(opportunity_id)
    updated = repo.update_opportunity(opportunity_id, values, now)
    if before.stage is not updated.stage:
        follow_ups = repo.follow_ups(before.id)
        change = stage_change(before, updated.stage, updated.applied_on, follow_ups, now, tz)
        _store_effects(repo, change)
    redated = updated.applied_on is not None and updated.applied_on != before.applied_on
    if redated and before.stage is not Stage.WISHLIST:
        _redate_application(repo, updated, now, tz)
    return updated
