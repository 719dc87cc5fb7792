"""Use cases of the follow-up engine: log an interview or a reply, plan, send, snooze, agenda.

Each write reads the opportunity's history inside one BEGIN IMMEDIATE transaction, asks the
pure rules in `domain.cadence` what to change, and stores exactly that before committing, so
two processes working on one file never plan from a stale picture.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import arrow

from jobhunt_tui.domain import cadence
from jobhunt_tui.domain.agenda import DEFAULT_DAYS, Agenda
from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.dates import bounded, not_before
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import Zone, local_date
from jobhunt_tui.domain.models import (
    Channel,
    Contact,
    Direction,
    FollowUp,
    FollowUpKind,
    Interaction,
    InteractionKind,
    Opportunity,
    Settings,
    Stage,
)
from jobhunt_tui.domain.pest_guard import GuardResult, check_plan, check_send
from jobhunt_tui.domain.plans import CadencePlan, History
from jobhunt_tui.domain.stages import OPEN_STAGES, is_open
from jobhunt_tui.domain.text import NAME_MAX, NOTE_MAX, clean_optional
from jobhunt_tui.domain.timeutil import date_to_stored, to_stored
from jobhunt_tui.services.pipeline import move_to_stage
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import reader
from jobhunt_tui.storage.database import Database

if TYPE_CHECKING:
    from jobhunt_tui.storage.repository import Repository

INTERVIEW_BEFORE_APPLICATION = dt.timedelta(days=365)
"""An interview may come before the recorded application (a recruiter called first), but not
by more than this: a date further back is a typo."""


@dataclass(frozen=True)
class InterviewLogged:
    """An interview on the timeline and the cadence planned after it."""

    interview: Interaction
    planned: tuple[FollowUp, ...]
    superseded: tuple[FollowUp, ...]
    suggested_from: arrow.Arrow | None
    suggested_until: arrow.Arrow | None


@dataclass(frozen=True)
class ReplyLogged:
    """The employer's reply on the timeline and the follow-ups it cancelled."""

    reply: Interaction
    skipped: tuple[FollowUp, ...]


@dataclass(frozen=True)
class FollowUpChanged:
    """One follow-up planned, sent or snoozed, and what moved or was skipped because of it."""

    follow_up: FollowUp
    moved: tuple[FollowUp, ...] = ()
    skipped: tuple[FollowUp, ...] = ()
    logged: Interaction | None = None
    guard: GuardResult | None = None


@dataclass(frozen=True)
class _Stored:
    """What applying a plan stored, as domain objects."""

    created: tuple[FollowUp, ...]
    moved: tuple[FollowUp, ...]
    skipped: tuple[FollowUp, ...]
    updated: dict[int, FollowUp]
    logged: tuple[Interaction, ...]


class FollowUpService:
    """The follow-up engine on one database, with an injected clock and the user's zone."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()

    # Reads

    def settings(self) -> Settings:
        """The user's settings (every cadence number)."""
        with self.database.reading() as conn:
            return reader.load_settings(conn)

    def check(self, opportunity_id: int, kind: FollowUpKind, due_at: arrow.Arrow) -> GuardResult:
        """What the pest guard would say about planning `kind` at `due_at` (for a dialog)."""
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            reader.get_opportunity(conn, opportunity_id)
            interactions = reader.interactions_of(conn, opportunity_id)
            follow_ups = reader.follow_ups_of(conn, opportunity_id)
        return check_plan(
            kind,
            due_at,
            interactions=interactions,
            follow_ups=follow_ups,
            tz=self.tz,
            settings=settings,
        )

    def send_check(self, follow_up_id: int, at: arrow.Arrow | None = None) -> GuardResult:
        """What the pest guard says about sending this follow-up now (or `at`): it only warns.

        The editor calls it before "mark sent" and asks the user to confirm a refusal; `done`
        records the send whatever it says.
        """
        when = self.clock() if at is None else at
        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            target = reader.get_follow_up(conn, follow_up_id)
            interactions = reader.interactions_of(conn, target.opportunity_id)
        return check_send(
            target.kind, when, interactions=interactions, tz=self.tz, settings=settings
        )

    def agenda(self, days: int = DEFAULT_DAYS) -> Agenda:
        """Overdue, today, the next `days` days, what needs a next step (see AgendaService)."""
        from jobhunt_tui.services.agenda import AgendaService

        return AgendaService(self.database, self.clock, self.tz).agenda(days)

    # Writes

    def log_interview(
        self,
        opportunity_id: int,
        at: arrow.Arrow,
        *,
        decision_on: dt.date | None = None,
        with_name: str | None = None,
        summary: str = "",
    ) -> InterviewLogged:
        """Log an interview and plan its thank-you, follow-up and check-in, in one transaction."""
        from jobhunt_tui.storage.repository import Repository

        name = clean_optional(with_name, "with", NAME_MAX)
        text = clean_optional(summary, "summary", NOTE_MAX, multiline=True)
        if decision_on is not None and decision_on < local_date(at, self.tz):
            raise ValidationError("decision-by", "is before the interview")
        settings = self.settings()
        now = self.clock()
        bounded(local_date(at, self.tz), now, self.tz, "at")
        if decision_on is not None:
            bounded(decision_on, now, self.tz, "decision-by")
        with self.database.writing(f"log interview on #{opportunity_id}") as session:
            repo = Repository(session)
            opportunity = _open_opportunity(repo, opportunity_id)
            self.database.name_change(f"log interview at {opportunity.company_name}")
            _check_interview_date(opportunity, at, self.tz)
            contact = _contact(repo, opportunity, name) if name else None
            contact_id = None if contact is None else contact.id
            interview = repo.add_interaction(
                opportunity_id,
                InteractionKind.INTERVIEW,
                Direction.IN,
                at,
                text or (f"Interview with {name}" if name else "Interview"),
                contact_id,
            )
            if OPEN_STAGES.index(opportunity.stage) < OPEN_STAGES.index(Stage.INTERVIEWING):
                # In the same transaction, so one undo takes back both.
                opportunity = move_to_stage(repo, opportunity, Stage.INTERVIEWING, now, self.tz)
            if decision_on is not None:
                repo.update_opportunity(
                    opportunity_id, {"expected_decision_on": date_to_stored(decision_on)}, now
                )
            plan = cadence.plan_interview(
                _history(repo, opportunity, decision_on),
                interview.id,
                at,
                tz=self.tz,
                settings=settings,
                decision_on=decision_on,
                contact_id=contact_id,
            )
            stored = _apply(repo, plan, now)
        thank_you = plan.create[0]
        return InterviewLogged(
            interview,
            stored.created,
            stored.skipped,
            thank_you.suggested_from,
            thank_you.suggested_until,
        )

    def log_reply(
        self,
        opportunity_id: int,
        *,
        at: arrow.Arrow | None = None,
        by_phone: bool = False,
        summary: str = "",
    ) -> ReplyLogged:
        """The employer answered: log it and cancel every follow-up still planned."""
        from jobhunt_tui.storage.repository import Repository

        text = clean_optional(summary, "summary", NOTE_MAX, multiline=True)
        now = self.clock()
        when = now if at is None else at
        bounded(local_date(when, self.tz), now, self.tz, "at")
        if when > now:
            raise ValidationError("at", "a reply cannot come in the future")
        with self.database.writing(f"log reply on #{opportunity_id}") as session:
            repo = Repository(session)
            opportunity = repo.opportunity(opportunity_id)
            self.database.name_change(f"log reply from {opportunity.company_name}")
            plan = cadence.plan_reply(
                _history(repo, opportunity), when, tz=self.tz, by_phone=by_phone, summary=text
            )
            stored = _apply(repo, plan, now)
        return ReplyLogged(stored.logged[0], stored.skipped)

    def plan(
        self,
        opportunity_id: int,
        kind: FollowUpKind,
        due_at: arrow.Arrow,
        *,
        channel: Channel = Channel.EMAIL,
        force: bool = False,
    ) -> FollowUpChanged:
        """Plan a follow-up by hand; the pest guard refuses one too soon unless `force`."""
        from jobhunt_tui.storage.repository import Repository

        settings = self.settings()
        now = self.clock()
        bounded(local_date(due_at, self.tz), now, self.tz, "due")
        with self.database.writing(f"plan {kind.value} on #{opportunity_id}") as session:
            repo = Repository(session)
            opportunity = _open_opportunity(repo, opportunity_id)
            self.database.name_change(f"plan {kind.label} at {opportunity.company_name}")
            plan = cadence.plan_manual(
                _history(repo, opportunity),
                kind,
                channel,
                due_at,
                now,
                tz=self.tz,
                settings=settings,
                force=force,
            )
            stored = _apply(repo, plan, now)
        return FollowUpChanged(stored.created[0], guard=plan.guard)

    def done(
        self,
        follow_up_id: int,
        *,
        at: arrow.Arrow | None = None,
        force: bool = False,
        summary: str | None = None,
        draft_id: int | None = None,
    ) -> FollowUpChanged:
        """Record a follow-up sent (now, or `at`): logs it and re-plans the steps after it.

        Never refused for spacing (it already happened); the pest guard's verdict comes back in
        `guard` for the caller to show as information. `force` has nothing left to override and
        is ignored (kept so callers written for the refusing version keep working); the editor
        asks `send_check` first when it wants to warn. The editor's "mark sent" passes what
        was said (`summary`, for the timeline) and its `draft_id` (stamped sent), so all of it
        is one change: one transaction, one undo step.
        """
        del force
        from jobhunt_tui.storage.repository import Repository

        settings = self.settings()
        now = self.clock()
        sent_at = now if at is None else at
        if sent_at > now:
            raise ValidationError("at", "a follow-up cannot be sent in the future")
        bounded(local_date(sent_at, self.tz), now, self.tz, "at")
        with self.database.writing(f"mark follow-up #{follow_up_id} done") as session:
            repo = Repository(session)
            target = repo.follow_up(follow_up_id)
            opportunity = repo.opportunity(target.opportunity_id)
            self.database.name_change(
                f"mark {target.kind.label} to {opportunity.company_name} sent"
            )
            plan = cadence.plan_done(
                _history(repo, opportunity),
                follow_up_id,
                sent_at,
                tz=self.tz,
                settings=settings,
            )
            stored = _apply(repo, plan, now)
            logged = stored.logged[0]
            if summary is not None:
                text = clean_optional(summary, "summary", NOTE_MAX, multiline=True)
                logged = repo.update_interaction(logged.id, {"summary": text})
            if draft_id is not None:
                repo.save_draft({"sent_at": to_stored(sent_at)}, draft_id)
        return FollowUpChanged(
            stored.updated[follow_up_id],
            moved=stored.moved,
            skipped=stored.skipped,
            logged=logged,
            guard=plan.guard,
        )

    def snooze(self, follow_up_id: int, days: int = 1, *, force: bool = False) -> FollowUpChanged:
        """Move a planned follow-up `days` later; the steps after it move along."""
        from jobhunt_tui.storage.repository import Repository

        settings = self.settings()
        now = self.clock()
        with self.database.writing(f"snooze follow-up #{follow_up_id}") as session:
            repo = Repository(session)
            target = repo.follow_up(follow_up_id)
            opportunity = repo.opportunity(target.opportunity_id)
            self.database.name_change(f"snooze {target.kind.label} to {opportunity.company_name}")
            plan = cadence.plan_snooze(
                _history(repo, opportunity),
                follow_up_id,
                days,
                now,
                tz=self.tz,
                settings=settings,
                force=force,
            )
            stored = _apply(repo, plan, now)
        others = tuple(f for f in stored.moved if f.id != follow_up_id)
        return FollowUpChanged(stored.updated[follow_up_id], moved=others, guard=plan.guard)


def _open_opportunity(repo: Repository, opportunity_id: int) -> Opportunity:
    """The opportunity, refused when closed or archived (nothing is planned for those)."""
    opportunity = repo.opportunity(opportunity_id)
    if not is_open(opportunity.stage):
        raise ValidationError(
            "opportunity",
            f"#{opportunity_id} is closed ({opportunity.stage.value}); move it back to an open "
            "stage first",
        )
    if opportunity.archived:
        raise ValidationError("opportunity", f"#{opportunity_id} is archived")
    return opportunity


def _check_interview_date(opportunity: Opportunity, at: arrow.Arrow, tz: Zone) -> None:
    """Refuse an interview dated more than a year before the opportunity's application."""
    applied = opportunity.applied_on or local_date(opportunity.created_at, tz)
    not_before(
        at,
        applied - INTERVIEW_BEFORE_APPLICATION,
        tz,
        "at",
        f"more than a year before the application ({applied.isoformat()})",
    )


def _contact(repo: Repository, opportunity: Opportunity, name: str) -> Contact:
    """The company's contact with this name, added when new."""
    found = repo.contact_named(opportunity.company_id, name)
    if found is not None:
        return found
    return repo.add_contact(Contact(id=0, name=name, company_id=opportunity.company_id))


def _history(
    repo: Repository, opportunity: Opportunity, decision_on: dt.date | None = None
) -> History:
    """The opportunity's timeline and follow-ups, read inside the write transaction."""
    return History(
        opportunity.id,
        tuple(repo.interactions(opportunity.id)),
        tuple(repo.follow_ups(opportunity.id)),
        decision_on or opportunity.expected_decision_on,
    )


def _apply(repo: Repository, plan: CadencePlan, now: arrow.Arrow) -> _Stored:
    """Store a plan: updates, then new follow-ups, then timeline entries."""
    updated: dict[int, FollowUp] = {}
    for change in plan.update:
        updated[change.follow_up_id] = repo.update_follow_up(
            change.follow_up_id,
            {
                "status": change.status.value,
                "due_at": to_stored(change.due_at),
                "done_at": None if change.done_at is None else to_stored(change.done_at),
            },
        )
    created = tuple(
        repo.add_follow_up(
            FollowUp(
                id=0,
                opportunity_id=new.opportunity_id,
                kind=new.kind,
                channel=new.channel,
                due_at=new.due_at,
                contact_id=new.contact_id,
                anchor_interaction_id=new.anchor_interaction_id,
            ),
            now,
        )
        for new in plan.create
    )
    logged = tuple(
        repo.add_interaction(
            entry.opportunity_id,
            entry.kind,
            entry.direction,
            entry.occurred_at,
            entry.summary,
            entry.contact_id,
        )
        for entry in plan.log
    )
    return _Stored(
        created=created,
        moved=tuple(updated[c.follow_up_id] for c in plan.moved),
        skipped=tuple(updated[c.follow_up_id] for c in plan.skipped),
        updated=updated,
        logged=logged,
    )
