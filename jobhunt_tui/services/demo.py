"""Realistic, deterministic demo data: a six-week job search leading up to the clock's today.

Twenty-five opportunities cover every stage. The history is replayed through the real use
cases (add, move, note, log interview, mark sent, log reply), each on a clock set to the moment
it happened, so the cadence engine plans the follow-ups itself: one is overdue, some are due
today, some are upcoming; a few applications have gone idle, employers have replied, and some
opportunities are closed. Events sit on business days relative to `clock()`, planned in UTC, so
the same clock gives the same data. Used by `jobhunt demo`, the screenshots and the benchmarks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import arrow

from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.drafts import placeholder_values
from jobhunt_tui.domain.errors import JobhuntError
from jobhunt_tui.domain.models import (
    Channel,
    Contact,
    FollowUpKind,
    FollowUpStatus,
    Settings,
    Stage,
)
from jobhunt_tui.domain.templates import built_in_for, fill
from jobhunt_tui.domain.timeutil import to_stored
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import counts, draft_store, reader
from jobhunt_tui.storage.database import Database

if TYPE_CHECKING:
    pass

YOUR_NAME = "Alex Rivera"
DEMO_ZONE = "UTC"  # the cadence is planned in one fixed zone, so every machine gets the same data

# (business days from today, "HH:MM" UTC, what happened, its text). What happened:
# applied | note | stage_change (text: the new stage) | interview | call / email_in (the
# employer answered) | thank_you / follow_up / check_in (the planned step was sent).
Event = tuple[int, str, str, str]
# A follow-up planned by hand: (kind, channel, due in business days, "HH:MM").
Plan = tuple[str, str, int, str]


@dataclass(frozen=True)
class _Spec:
    """One demo opportunity and its history."""

    company: str
    role: str
    stage: Stage
    location: str
    salary: str
    source: str
    priority: int
    contact: tuple[str, str] | None
    events: tuple[Event, ...]
    plans: tuple[Plan, ...] = ()
    notes: str = ""
    decision_in: int | None = None


def _applied(day: int) -> Event:
    """Applying, at 10:30."""
    return (day, "10:30", "applied", "")


def _moved(day: int, stage: Stage) -> Event:
    """A move to `stage`, at 16:00."""
    return (day, "16:00", "stage_change", stage.value)


def _interview(day: int, what: str, hour: str = "14:00") -> Event:
    """An interview described by `what`."""
    return (day, hour, "interview", what)


def _sent(day: int, hour: str, kind: str = "thank_you") -> Event:
    """The planned step of `kind` sent at that moment."""
    return (day, hour, kind, "")


WISH, APP, SCR = Stage.WISHLIST, Stage.APPLIED, Stage.SCREENING
INT, OFF = Stage.INTERVIEWING, Stage.OFFER
ACC, REJ, WD = Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN

# fmt: off
_SPECS: tuple[_Spec, ...] = (
    # Interviewing: the cadence in every state.
    _Spec("Northwind Analytics", "Senior Backend Engineer", INT, "Remote (EU)", "€85–95k",
          "Referral", 1, ("Priya Nair", "Engineering Manager"),
          (_applied(-14), (-11, "15:00", "call", "Recruiter screen: team, stack, process"),
           _moved(-11, SCR), _moved(-6, INT),
           _interview(-1, "Technical interview: system design with Priya")),
          notes="Team of 6 owning ingestion; Python + Postgres; on-call 1 week in 6."),
    _Spec("Globex", "Site Reliability Engineer", INT, "Lisbon (hybrid)", "€70k",
          "Company site", 1, ("Marta Sousa", "Recruiter"),
          (_applied(-24), _moved(-19, SCR), _moved(-15, INT),
           _interview(-8, "Panel interview (4 people), incident-review exercise"),
           _sent(-7, "09:40"))),
    _Spec("Initech", "Product Engineer", INT, "Austin, TX", "$140–160k",
          "LinkedIn", 2, ("Sam Okafor", "Hiring Manager"),
          (_applied(-20), _moved(-16, INT),
           _interview(-6, "Onsite: pairing + product sense", "17:00"), _sent(-5, "13:15"))),
    _Spec("Umbra Robotics", "Platform Engineer", INT, "Munich", "€80k",
          "Meetup", 2, ("Jonas Weber", "Staff Engineer"),
          (_applied(-17), _moved(-12, SCR), _moved(-9, INT),
           _interview(-4, "Technical interview: Kubernetes operators"), _sent(-3, "10:05"),
           _interview(2, "Final round with the CTO", "09:00"))),
    _Spec("Helix Health", "Staff Engineer, Data", INT, "Remote (US)", "$180k + equity",
          "Recruiter outreach", 1, ("Dana Whitfield", "Head of Data"),
          (_applied(-22), _moved(-18, INT),
           _interview(-13, "Interview: data modelling deep-dive"), _sent(-12, "11:00"),
           _sent(-7, "11:30", "follow_up"),
           (-5, "18:20", "email_in", "Dana: moving you to the final round, scheduling soon"))),
    # Offers.
    _Spec("Brightline Logistics", "Backend Engineer (Go)", OFF, "Rotterdam", "€78k + 8% bonus",
          "Indeed", 1, ("Eva de Vries", "CTO"),
          (_applied(-29), _moved(-25, SCR), _moved(-21, INT),
           _interview(-18, "Technical interview: Go concurrency"), _sent(-17, "09:10"),
           _interview(-9, "Final interview with the founders"), _sent(-8, "10:00"),
           (-3, "15:45", "email_in", "Offer received: €78k, start in January"),
           _moved(-3, OFF)),
          (("check_in", "phone", 2, "10:00"),),
          notes="Offer letter in inbox. Ask about remote Fridays and the bonus schedule.",
          decision_in=5),
    _Spec("Kestrel Finance", "Senior Software Engineer", OFF, "London", "£95k",
          "Referral", 2, ("Tom Hughes", "Engineering Lead"),
          (_applied(-27), _moved(-22, INT),
           _interview(-19, "Interview: payments ledger design"), _sent(-18, "10:00"),
           (-6, "12:00", "email_in", "Verbal offer; written offer to follow"), _moved(-6, OFF)),
          decision_in=8),
    # Screening.
    _Spec("Müller & Søn Software", "Python Developer", SCR, "Berlin", "€65–72k",
          "StepStone", 2, ("Katrin Müller", "Talent Partner"),
          (_applied(-9), (-4, "11:30", "call", "Recruiter call: relocation support offered"),
           _moved(-4, SCR)),
          (("follow_up", "email", 1, "11:30"),)),
    _Spec("Lumen Labs", "Developer Advocate", SCR, "Remote", "$120k",
          "Twitter", 3, ("Ravi Patel", "DevRel Lead"),
          (_applied(-28), (-16, "16:30", "call", "Intro call with Ravi"), _moved(-16, SCR))),
    _Spec("Orbital Freight", "Backend Engineer", SCR, "Toronto", "CA$130k",
          "Company site", 2, ("Chloé Martin", "Recruiter"),
          (_applied(-12), (-2, "14:30", "email_in", "Chloé: 30-minute screen booked"),
           _moved(-2, SCR))),
    # Applied.
    _Spec("Paperplane", "Full-Stack Engineer", APP, "Remote (EU)", "", "Hacker News", 2, None,
          (_applied(-2),)),
    _Spec("Quill & Ink", "Software Engineer, Payments", APP, "Dublin", "€75k", "LinkedIn", 2,
          None, (_applied(-4),)),
    _Spec("Redwood Mutual", "Senior Engineer", APP, "Remote (US)", "$150k", "Indeed", 3, None,
          (_applied(-18),)),
    _Spec("Tecnologia Aurora", "Backend Engineer", APP, "São Paulo (remote)", "R$ 22k/mês",
          "Referral", 2, ("Beatriz Lima", "Engineering Manager"), (_applied(-7),),
          (("custom", "email", 1, "09:00"),),
          notes="Beatriz referred me; mention the Kafka migration talk."),
    _Spec("Tidewater Energy", "Python Developer", APP, "Aberdeen", "£60k", "Company site", 3,
          None, (_applied(-8),)),
    _Spec("Vantage Point Media", "Backend Engineer", APP, "New York", "$145k", "LinkedIn", 3,
          None, (_applied(-23),)),
    # Wishlist.
    _Spec("Zephyr Cloud", "Infrastructure Engineer", WISH, "Remote", "", "Newsletter",
          2, None, ((-3, "20:00", "note", "Saved the posting"),),
          notes="Apply after the Terraform refresher."),
    _Spec("Atlas Maps", "Geospatial Engineer", WISH, "Zürich", "CHF 120k",
          "Conference", 2, None, ((-10, "19:00", "note", "Met their team at a meetup"),)),
    _Spec("Cobalt Security", "Security Engineer", WISH, "Remote", "", "Friend", 3,
          None, ((-1, "21:00", "note", "Ask Lena about the team first"),)),
    _Spec("Northwind Analytics", "Data Platform Engineer", WISH, "Remote (EU)", "",
          "Referral", 3, None, ((-5, "18:00", "note", "Backup if backend falls through"),)),
    # Closed.
    _Spec("Evergreen Schools", "Engineering Manager", REJ, "Seattle", "$170k", "LinkedIn", 2,
          ("Noah Bennett", "VP Engineering"),
          (_applied(-30), _moved(-26, INT), _interview(-21, "Interview: leadership scenarios"),
           _sent(-20, "09:00"), _sent(-15, "09:30", "follow_up"),
           (-11, "17:30", "email_in", "Went with an internal candidate"), _moved(-11, REJ))),
    _Spec("Fjord Systems", "Senior Backend Engineer", REJ, "Oslo", "NOK 900k", "Company site", 3,
          None, (_applied(-25), (-15, "08:00", "email_in", "Automated rejection"),
                 _moved(-15, REJ))),
    _Spec("Granite Insurance", "Software Engineer", REJ, "Chicago", "$125k", "Indeed", 3,
          ("Maria Gonzalez", "Recruiter"),
          (_applied(-26), (-21, "15:00", "call", "Phone screen"), _moved(-21, SCR),
           (-13, "16:00", "email_in", "Not moving forward; kept on file"), _moved(-13, REJ))),
    _Spec("Harbor Games", "Gameplay Engineer", WD, "Montréal", "CA$110k", "Discord", 3,
          ("Léa Tremblay", "Studio Recruiter"),
          (_applied(-24), _moved(-20, SCR), _moved(-11, WD)),
          notes="Withdrew: the role needs C++ on-site five days a week."),
    _Spec("Ironclad Tools", "Contract Backend Engineer (3 months)", ACC, "Remote", "€550/day",
          "Former colleague", 2, ("Omar Haddad", "Engineering Lead"),
          (_applied(-30), _moved(-28, INT),
           _interview(-27, "Scoping call for the API migration"),
           (-25, "12:00", "email_in", "Contract offer"), _moved(-25, OFF), _moved(-24, ACC)),
          notes="Part-time evenings; keeps the search going."),
)

# fmt: on


class DemoRefusedError(JobhuntError):
    """Demo data goes only into an empty database."""


@dataclass(frozen=True)
class DemoSummary:
    """What the demo added."""

    opportunities: int
    contacts: int
    interactions: int
    follow_ups: int


def _slug(text: str, separator: str = "") -> str:
    """ASCII letters and digits of `text`, lower case, words joined by `separator`."""
    words = ("".join(ch for ch in word if ch.isascii() and ch.isalnum()) for word in text.split())
    return separator.join(word for word in words if word).lower()


def business_day(today: dt.date, offset: int) -> dt.date:
    """The date `offset` business days from `today` (0 is today itself, even at a weekend)."""
    day, step = today, 1 if offset > 0 else -1
    for _ in range(abs(offset)):
        day += dt.timedelta(days=step)
        while day.weekday() >= 5:
            day += dt.timedelta(days=step)
    return day


def fill_demo(database: Database, clock: Clock) -> DemoSummary:
    """Fill an empty database with the demo search; DemoRefusedError if it holds data."""
    with database.reading() as conn:
        if counts.has_opportunities(conn):
            raise DemoRefusedError(
                f"{database.path} already holds opportunities; demo data goes into an empty file"
            )
    replay = _Replay(database, clock().to("UTC"))
    with database.writing("demo settings", undoable=False) as session:
        from jobhunt_tui.storage.repository import Repository

        Repository(session).save_settings(
            Settings(your_name=YOUR_NAME, signature=f"{YOUR_NAME}\n+1 555 0100")
        )
    for spec in _SPECS:
        replay.add(spec)
    with database.reading() as conn:
        added = [
            counts.row_count(conn, table)
            for table in ("opportunity", "contact", "interaction", "follow_up")
        ]
    return DemoSummary(*added)


def stored_opportunities(database: Database) -> int:
    """How many opportunities the database holds, archived too (a demo needs none)."""
    with database.reading() as conn:
        return counts.row_count(conn, "opportunity")


class _Replay:
    """Plays one spec's history through the use cases, each at the moment it happened."""

    def __init__(self, database: Database, now: arrow.Arrow) -> None:
        self.database = database
        self.now = now

    def at(self, day: int, hour: str) -> arrow.Arrow:
        """The instant at `hour` (UTC) on the business day `day` days from today."""
        hours, minutes = (int(part) for part in hour.split(":"))
        date = business_day(self.now.date(), day)
        return arrow.Arrow(date.year, date.month, date.day, hours, minutes)

    def pipeline(self, moment: arrow.Arrow) -> PipelineService:
        """The pipeline service with its clock stopped at `moment` (never after now)."""
        return PipelineService(self.database, fixed_clock(min(moment, self.now)))

    def followups(self, moment: arrow.Arrow) -> FollowUpService:
        """The follow-up service with its clock stopped at `moment` (never after now)."""
        return FollowUpService(self.database, fixed_clock(min(moment, self.now)), DEMO_ZONE)

    def add(self, spec: _Spec) -> None:
        """Replay one opportunity: create it, then each event in order, then planned steps."""
        first_day, first_hour, first_kind, _ = spec.events[0]
        start = self.at(first_day, first_hour)
        contact = self._contact(spec, start)
        decision = (
            None if spec.decision_in is None else business_day(self.now.date(), spec.decision_in)
        )
        created = self.pipeline(start).add(
            OpportunityInput(
                company=spec.company,
                role=spec.role,
                stage=Stage.WISHLIST if first_kind == "note" else Stage.APPLIED,
                url=f"https://{_slug(spec.company)}.example/careers/{_slug(spec.role, '-')}",
                location=spec.location,
                salary=spec.salary,
                source=spec.source,
                priority=spec.priority,
                applied_on=None if first_kind == "note" else start.date(),
                expected_decision_on=decision,
                notes=spec.notes,
            )
        )
        for day, hour, kind, text in spec.events[1 if first_kind == "applied" else 0 :]:
            self._event(created.id, self.at(day, hour), kind, text, contact)
        for kind, channel, due, hour in spec.plans:
            self.followups(self.now).plan(
                created.id,
                FollowUpKind(kind),
                self.at(due, hour),
                channel=Channel(channel),
                force=True,
            )
        self._drafts(created.id, contact)

    def _contact(self, spec: _Spec, start: arrow.Arrow) -> Contact | None:
        """The spec's contact, stored with its company (None when it has none)."""
        if spec.contact is None:
            return None
        from jobhunt_tui.storage.repository import Repository

        name, title = spec.contact
        with self.database.writing("demo contact") as session:
            repo = Repository(session)
            company = repo.company_named(spec.company, start)
            found = repo.contact_named(company.id, name)
            if found is not None:
                return found
            email = f"{name.split()[0].lower()}@{_slug(spec.company)}.example"
            return repo.add_contact(
                Contact(id=0, name=name, email=email, title=title, company_id=company.id)
            )

    def _event(
        self,
        opportunity_id: int,
        moment: arrow.Arrow,
        kind: str,
        text: str,
        contact: Contact | None,
    ) -> None:
        """Replay one event through the use case that records it."""
        if kind == "note":
            self.pipeline(moment).note(opportunity_id, text)
        elif kind == "stage_change":
            self.pipeline(moment).move(opportunity_id, Stage(text))
        elif kind == "interview":
            name = None if contact is None else contact.name
            self.followups(moment).log_interview(
                opportunity_id, moment, with_name=name, summary=text
            )
        elif kind in ("call", "email_in"):
            self.followups(moment).log_reply(
                opportunity_id, at=moment, by_phone=kind == "call", summary=text
            )
        else:  # a planned step was sent
            planned = [
                step
                for step in self.pipeline(moment).detail(opportunity_id).follow_ups
                if step.status is FollowUpStatus.PLANNED and step.kind.value == kind
            ]
            self.followups(moment).done(planned[0].id, at=moment, force=True)

    def _drafts(self, opportunity_id: int, contact: Contact | None) -> None:
        """A draft for every follow-up of the opportunity from its built-in template, sent ones
        marked sent."""
        from jobhunt_tui.storage.repository import Repository

        with self.database.reading() as conn:
            settings = reader.load_settings(conn)
            steps = [
                draft_store.context(conn, row[0])
                for row in conn.execute(
                    "SELECT id FROM follow_up WHERE opportunity_id = ? ORDER BY id",
                    (opportunity_id,),
                )
            ]
        with self.database.writing("demo drafts", undoable=False) as session:
            repo = Repository(session)
            for found in steps:
                step = found.follow_up
                template = built_in_for(step.kind, step.channel)
                values = placeholder_values(found, settings, DEMO_ZONE)
                values["first_name"] = values["first_name"] or "there"
                phone = step.channel is Channel.PHONE
                written = min(self.now, step.done_at or step.created_at or self.now)
                repo.save_draft(
                    {
                        "follow_up_id": step.id,
                        "opportunity_id": opportunity_id,
                        "channel": step.channel.value,
                        "to_address": "" if contact is None or phone else contact.email,
                        "subject": "" if phone else fill(template.subject, values).text,
                        "body": fill(template.body, values).text,
                        "updated_at": to_stored(written),
                        "sent_at": None if step.done_at is None else to_stored(step.done_at),
                    }
                )
