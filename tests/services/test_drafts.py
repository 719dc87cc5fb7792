"""Draft use cases on a real file: open from a template, save with versions, conflicts, send."""

from __future__ import annotations

from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.drafts import VERSIONS_KEPT, DraftText
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.services.drafts import CONFLICT_NOTE, DraftService
from jobhunt_tui.storage.database import Database, open_database
from tests.conftest import NOW
from tests.draft_seed import ANN_EMAIL, interviewed, make_phone


def service(database: Database, clock: Clock) -> DraftService:
    return DraftService(database, clock, "UTC")


def edited(text: DraftText, extra: str) -> DraftText:
    return DraftText(text.to, text.subject, text.body + extra)


def test_the_first_open_writes_the_filled_template_and_later_opens_read_it(
    database: Database, clock: Clock
) -> None:
    seeded = interviewed(database, clock)
    drafts = service(database, clock)
    follow_up_id = drafts.next_follow_up(seeded.opportunity_id)
    assert follow_up_id == seeded.follow_ups[FollowUpKind.THANK_YOU].id
    first = drafts.open(follow_up_id)
    assert first.created and first.unfilled == ()
    assert first.draft.to == ANN_EMAIL
    assert first.draft.subject == "Thank you: Product Manager interview"
    assert "on Thursday 19 November about the Product Manager role at Initech" in first.draft.body
    assert first.draft.body.endswith("Best,\nSam Rivera\n+1 555 0100")
    again = drafts.open(follow_up_id)
    assert not again.created and again.draft == first.draft


def test_a_phone_follow_up_gets_a_call_script_and_no_subject(
    database: Database, clock: Clock
) -> None:
    seeded = interviewed(database, clock)
    check_in = seeded.follow_ups[FollowUpKind.CHECK_IN].id
    make_phone(database, check_in)
    opened = service(database, clock).open(check_in)
    assert opened.draft.subject == "" and opened.draft.to == ""
    assert opened.draft.body.startswith("Hi Ann, it's Sam Rivera. A quick check-in")
    assert opened.context.contact_phone == "+1 555 0142"


def test_unknown_and_unfillable_placeholders_stay_visible_and_are_reported(
    database: Database, clock: Clock
) -> None:
    seeded = interviewed(database, clock)
    drafts = service(database, clock)
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE setting SET value = '\"\"' WHERE key IN ('your_name', 'signature')")
    template = next(t for t in drafts.templates() if t.name == "Follow-up call")
    text, unfilled = drafts.fill(template, seeded.follow_ups[FollowUpKind.FOLLOW_UP].id)
    assert "it's {my_name}" in text.body and unfilled == ("my_name",)
    from jobhunt_tui.domain.templates import fill

    filled = fill("Hi {first_name} {weird}{ x }", {"first_name": "Ann"})
    assert filled.text == "Hi Ann {weird}{ x }" and filled.unfilled == ("weird",)


def test_each_changing_save_keeps_a_version_and_unchanged_saves_do_not(
    database: Database,
) -> None:
    moments = [NOW]
    clock = lambda: moments[-1]  # noqa: E731
    seeded = interviewed(database, fixed_clock(NOW))
    drafts = service(database, clock)
    opened = drafts.open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    text, revision = DraftText(opened.draft.to, opened.draft.subject, opened.draft.body), 0
    for minute in range(1, 30):
        moments.append(NOW.shift(minutes=minute))
        text = edited(text, f" {minute}")
        outcome = drafts.save(opened.draft.id, text, revision)
        assert outcome.changed and not outcome.conflict
        revision = outcome.revision
    assert not drafts.save(opened.draft.id, text, revision).changed
    versions = drafts.versions(opened.draft.id)
    assert len(versions) == VERSIONS_KEPT
    assert versions[0].text == text and versions[0].saved_at == NOW.shift(minutes=29)


def test_saves_moments_apart_refresh_one_version(database: Database, clock: Clock) -> None:
    seeded = interviewed(database, clock)
    drafts = service(database, clock)
    opened = drafts.open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    text, revision = DraftText(body="a"), 0
    for letter in "bcdef":
        text = DraftText(body=text.body + letter)
        revision = drafts.save(opened.draft.id, text, revision).revision
    versions = drafts.versions(opened.draft.id)
    assert [v.text.body for v in versions][:1] == ["abcdef"]
    assert len(versions) == 2  # the template's, and this spell of typing


def test_two_app_stacks_on_one_file_keep_both_texts(db_path: Path, clock: Clock) -> None:
    first_db = open_database(db_path)
    seeded = interviewed(first_db, clock)
    second_db = open_database(db_path)
    mine, theirs = service(first_db, clock), service(second_db, clock)
    follow_up = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    opened_here, opened_there = mine.open(follow_up), theirs.open(follow_up)
    assert opened_here.draft.id == opened_there.draft.id
    draft_id = opened_here.draft.id
    there = theirs.save(draft_id, DraftText(body="Their words."), opened_there.draft.revision)
    assert not there.conflict
    here = mine.save(draft_id, DraftText(body="My words."), opened_here.draft.revision)
    assert here.conflict and here.revision == there.revision + 1
    kept = {v.text.body: v for v in mine.versions(draft_id)}
    assert "Their words." in kept and "My words." in kept
    restored, conflict = mine.restore(draft_id, kept["Their words."].id, here.revision)
    assert restored.body == "Their words." and not conflict
    assert theirs.save(draft_id, DraftText(body="Again."), there.revision).conflict
    bodies = {v.text.body for v in theirs.versions(draft_id)}
    assert {"Their words.", "My words.", "Again."} <= bodies
    with first_db.reading() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    first_db.close()
    second_db.close()


def test_a_text_written_without_a_version_is_kept_when_a_save_would_replace_it(
    database: Database, clock: Clock
) -> None:
    seeded = interviewed(database, clock)
    drafts = service(database, clock)
    opened = drafts.open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    with database.writing_sql("another writer") as conn:
        conn.execute("UPDATE draft SET body = 'Written elsewhere.', revision = revision + 1")
    assert drafts.save(opened.draft.id, DraftText(body="Mine."), 0).conflict
    versions = drafts.versions(opened.draft.id)
    assert [(v.text.body, v.note) for v in versions[:2]] == [
        ("Mine.", ""),
        ("Written elsewhere.", CONFLICT_NOTE),
    ]


def test_text_too_long_or_with_escapes_is_cleaned_or_refused(
    database: Database, clock: Clock
) -> None:
    seeded = interviewed(database, clock)
    drafts = service(database, clock)
    opened = drafts.open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    outcome = drafts.save(opened.draft.id, DraftText(body="Hi \x1b]52;c;eA==\x07[bold]x"), 0)
    assert drafts.versions(opened.draft.id)[0].text.body == "Hi ]52;c;eA==[bold]x"
    with pytest.raises(ValidationError, match="limit is 20,000"):
        drafts.save(opened.draft.id, DraftText(body="x" * 20_001), outcome.revision)


def test_mark_sent_logs_the_text_and_plans_the_next_step(database: Database, clock: Clock) -> None:
    seeded = interviewed(database, clock)
    drafts = service(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU]
    opened = drafts.open(thank_you.id)
    drafts.save(opened.draft.id, DraftText(ANN_EMAIL, "Thanks!", "Thank you, Ann."), 0)
    sent = drafts.mark_sent(thank_you.id, opened.draft.id)
    assert sent.opportunity_id == seeded.opportunity_id
    assert sent.note.startswith("The thank-you to Initech is marked sent. Next: follow-up")
    with database.reading() as conn:
        summary = conn.execute(
            "SELECT summary FROM interaction WHERE kind = 'thank_you' AND direction = 'out'"
        ).fetchone()[0]
        draft_sent = conn.execute("SELECT sent_at FROM draft").fetchone()[0]
        follow_up = conn.execute(
            "SELECT due_at FROM follow_up WHERE kind = 'follow_up' AND status = 'planned'"
        ).fetchone()[0]
    assert summary == "Thank-you sent: Thanks!\n\nThank you, Ann."
    assert draft_sent is not None
    # A week after the thank-you was sent, at the "send at" hour (10:00).
    assert arrow.get(follow_up) == arrow.get("2026-11-27T10:00:00+00:00")


def test_a_call_marked_done_logs_its_script(database: Database, clock: Clock) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU]
    make_phone(database, thank_you.id)
    drafts = service(database, clock)
    opened = drafts.open(thank_you.id)
    drafts.mark_sent(thank_you.id, opened.draft.id)
    with database.reading() as conn:
        summary = conn.execute(
            "SELECT summary FROM interaction WHERE kind = 'thank_you' AND direction = 'out'"
        ).fetchone()[0]
    assert summary == f"Thank-you by phone\n\n{opened.draft.body}"
