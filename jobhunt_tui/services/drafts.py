"""Use cases of the draft editor: open a follow-up's draft, save it, keep and restore versions,
fill templates, mark it sent.

Saves are not undo steps (drafts keep versions of their own) and never lose text: each one
reads the stored revision inside its BEGIN IMMEDIATE transaction; when another window saved
in between, its text is kept as a version before this one is written, and the outcome says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.clock import Clock, system_clock
from jobhunt_tui.domain.drafts import (
    VERSION_SPACING_S,
    VERSIONS_KEPT,
    DraftContext,
    DraftText,
    DraftVersion,
    OpenedDraft,
    SaveOutcome,
    placeholder_values,
    text_of,
)
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import Zone, short_datetime
from jobhunt_tui.domain.models import Channel, Draft
from jobhunt_tui.domain.pest_guard import GuardResult
from jobhunt_tui.domain.spacing import kind_label
from jobhunt_tui.domain.templates import Filled, Template, built_in_for, choose, fill, unfilled_in
from jobhunt_tui.domain.text import BODY_MAX, NOTE_MAX, SHORT_MAX, strip_controls
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import draft_store, reader
from jobhunt_tui.storage.database import Database

CONFLICT_NOTE = "saved in another window"
RESTORE_NOTE = "before restoring"
TEMPLATE_NOTE = "before a template"


@dataclass(frozen=True)
class Sent:
    """A draft marked sent: what the user reads, and the opportunity whose card changed."""

    opportunity_id: int
    note: str


def clean_text(text: DraftText) -> DraftText:
    """The text as it is stored: control characters out, lengths within the limits."""
    cleaned = DraftText(
        strip_controls(text.to, multiline=False).strip(),
        strip_controls(text.subject, multiline=False).strip(),
        strip_controls(text.body),
    )
    for field, value, limit in (
        ("to", cleaned.to, SHORT_MAX),
        ("subject", cleaned.subject, SHORT_MAX),
        ("body", cleaned.body, BODY_MAX),
    ):
        if len(value) > limit:
            raise ValidationError(
                field, f"is {len(value):,} characters long; the limit is {limit:,}"
            )
    return cleaned


class DraftService:
    """The drafts of one database, with an injected clock and the user's zone."""

    def __init__(
        self, database: Database, clock: Clock = system_clock, tz: Zone | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.tz: Zone = tz if tz is not None else local_zone()

    # Reads

    def next_follow_up(self, opportunity_id: int) -> int | None:
        """The opportunity's next planned follow-up (the one `d` on its card opens)."""
        with self.database.reading() as conn:
            return draft_store.next_planned(conn, opportunity_id)

    def versions(self, draft_id: int) -> tuple[DraftVersion, ...]:
        """The draft's kept versions, newest first."""
        with self.database.reading() as conn:
            return tuple(draft_store.versions(conn, draft_id))

    def templates(self) -> tuple[Template, ...]:
        """Every template in the database (built-ins first)."""
        with self.database.reading() as conn:
            return tuple(draft_store.templates(conn))

    def fill(self, template: Template, follow_up_id: int) -> tuple[DraftText, tuple[str, ...]]:
        """A template filled for one follow-up, and the placeholders left open."""
        with self.database.reading() as conn:
            found = draft_store.context(conn, follow_up_id)
            settings = reader.load_settings(conn)
        values = placeholder_values(found, settings, self.tz)
        return _filled(template, found, values)

    # Writes

    def open(self, follow_up_id: int) -> OpenedDraft:
        """The follow-up's draft; the first time, one is written from its template."""
        with self.database.reading() as conn:
            found = draft_store.context(conn, follow_up_id)
            existing = draft_store.draft_for(conn, follow_up_id)
        if existing is not None:
            return OpenedDraft(existing, found, unfilled_in(existing.subject, existing.body))
        now = self.clock()
        label = f"draft the {kind_label(found.follow_up.kind.value)} to {found.company}"
        with self.database.writing_sql(label, undoable=False) as conn:
            # Another window may have created it meanwhile: decide from the stored rows.
            existing = draft_store.draft_for(conn, follow_up_id)
            if existing is not None:
                return OpenedDraft(existing, found, unfilled_in(existing.subject, existing.body))
            found = draft_store.context(conn, follow_up_id)
            settings = reader.load_settings(conn)
            stored = draft_store.templates(conn)
            step = found.follow_up
            template = choose(tuple(stored), step.kind, step.channel) or built_in_for(
                step.kind, step.channel
            )
            text, unfilled = _filled(template, found, placeholder_values(found, settings, self.tz))
            draft_id = draft_store.insert_draft(conn, found, text, now)
            draft_store.add_version(conn, draft_id, text, 0, now, f"from {template.name}")
            draft = draft_store.get_draft(conn, draft_id)
        return OpenedDraft(draft, found, unfilled, created=True)

    def save(
        self, draft_id: int, text: DraftText, base_revision: int, *, note: str = ""
    ) -> SaveOutcome:
        """Store the text written on top of `base_revision`; keeps a version when it changed.

        When the stored revision moved past `base_revision`, another writer saved meanwhile:
        its text is kept as a version (unless already identical to one), then this text is
        written on top, and the outcome reports the conflict.
        """
        cleaned = clean_text(text)
        now = self.clock()
        with self.database.writing_sql(f"save draft #{draft_id}", undoable=False) as conn:
            stored = draft_store.get_draft(conn, draft_id)
            current = text_of(stored)
            conflict = stored.revision != base_revision and current != cleaned
            if current == cleaned:
                return SaveOutcome(draft_id, stored.revision, now, changed=False)
            history = draft_store.versions(conn, draft_id)
            newest = history[0] if history else None
            keep_stored = CONFLICT_NOTE if conflict else note
            if keep_stored and (newest is None or newest.text != current):
                draft_store.add_version(conn, draft_id, current, stored.revision, now, keep_stored)
            revision = stored.revision + 1
            draft_store.update_text(conn, draft_id, cleaned, revision, now)
            if _same_spell(newest, base_revision, now) and not conflict and not note:
                assert newest is not None
                draft_store.refresh_version(conn, newest.id, cleaned, revision)
            else:
                draft_store.add_version(conn, draft_id, cleaned, revision, now)
            draft_store.prune_versions(conn, draft_id, VERSIONS_KEPT)
        return SaveOutcome(draft_id, revision, now, changed=True, conflict=conflict)

    def restore(self, draft_id: int, version_id: int, base_revision: int) -> tuple[Draft, bool]:
        """Make a kept version the draft's text (the text it replaces is kept too).

        Returns the draft as stored now and whether another window had saved meanwhile.
        """
        with self.database.reading() as conn:
            version = draft_store.get_version(conn, version_id)
        if version.draft_id != draft_id:
            raise ValidationError("version", "belongs to another draft")
        outcome = self.save(draft_id, version.text, base_revision, note=RESTORE_NOTE)
        with self.database.reading() as conn:
            return draft_store.get_draft(conn, draft_id), outcome.conflict

    def check_send(self, follow_up_id: int) -> GuardResult:
        """What the pest guard says about sending this follow-up now (it only warns)."""
        return self._follow_ups().send_check(follow_up_id)

    def mark_sent(self, follow_up_id: int, draft_id: int, *, force: bool = False) -> Sent:
        """Log the follow-up as sent with the draft's text, and re-plan the cadence after it.

        The follow-up engine marks it done and plans what comes next (a PestGuardError when
        it is too soon and not `force`); the timeline entry then carries what was said.
        """
        with self.database.reading() as conn:
            draft = draft_store.get_draft(conn, draft_id)
            found = draft_store.context(conn, follow_up_id)
        self._follow_ups().done(
            follow_up_id, force=force, summary=_summary(draft, found), draft_id=draft_id
        )
        label = kind_label(found.follow_up.kind.value)
        nxt = ""
        with self.database.reading() as conn:
            next_id = draft_store.next_planned(conn, found.follow_up.opportunity_id)
            upcoming = None if next_id is None else draft_store.context(conn, next_id).follow_up
        if upcoming is not None:
            when = short_datetime(upcoming.due_at, self.tz)
            nxt = f" Next: {kind_label(upcoming.kind.value)} {when}."
        return Sent(
            found.follow_up.opportunity_id,
            f"The {label} to {found.company} is marked sent.{nxt}",
        )

    def _follow_ups(self) -> FollowUpService:
        return FollowUpService(self.database, self.clock, self.tz)


def _same_spell(newest: DraftVersion | None, base_revision: int, now: arrow.Arrow) -> bool:
    """True when the newest version is this writer's previous save, made moments ago."""
    if newest is None or newest.note or newest.revision != base_revision:
        return False
    return (now - newest.saved_at).total_seconds() < VERSION_SPACING_S


def _filled(
    template: Template, found: DraftContext, values: dict[str, str]
) -> tuple[DraftText, tuple[str, ...]]:
    """The template's subject and body filled; To is the contact's address for email."""
    subject: Filled = fill(template.subject, values)
    body = fill(template.body, values)
    unfilled = tuple(dict.fromkeys((*subject.unfilled, *body.unfilled)))
    if found.follow_up.channel is Channel.PHONE:
        return DraftText("", "", body.text), body.unfilled
    return DraftText(found.contact_email, subject.text, body.text), unfilled


def _summary(draft: Draft, found: DraftContext) -> str:
    """The timeline entry of a sent draft: its subject and text (within the note limit)."""
    label = kind_label(found.follow_up.kind.value).capitalize()
    if found.follow_up.channel is Channel.PHONE:
        head = f"{label} by phone"
    else:
        head = f"{label} sent" + (f": {draft.subject}" if draft.subject else "")
    text = f"{head}\n\n{draft.body.strip()}" if draft.body.strip() else head
    return text if len(text) <= NOTE_MAX else text[: NOTE_MAX - 1] + "…"
