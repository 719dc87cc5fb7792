"""Your templates: add, edit, duplicate, delete, the default per step and channel, and the
built-ins put back; a new draft starts from the default."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.templates import BUILT_INS, TemplateInput
from jobhunt_tui.services.drafts import DraftService
from jobhunt_tui.services.templates import TemplateService
from jobhunt_tui.storage.database import Database
from tests.draft_seed import interviewed

MINE = TemplateInput(
    "Short thanks 🙏", FollowUpKind.THANK_YOU, Channel.EMAIL, "Thanks, {first_name}",
    "Hi {first_name}, thanks for {interview_day}! [bold]not markup[/bold]\n{signature}",
)  # fmt: skip


def words(database: Database) -> list[tuple[str, str, bool, bool]]:
    return [(t.name, t.body, t.built_in, t.is_default) for t in TemplateService(database).list()]


def test_add_edit_duplicate_delete(database: Database) -> None:
    templates = TemplateService(database)
    added = templates.add(MINE)
    assert (added.name, added.built_in, added.is_default) == ("Short thanks 🙏", False, False)
    edited = templates.edit(added.id, TemplateInput("Shorter", MINE.kind, MINE.channel, "Hi",
                                                    "Thanks, {first_name}."))  # fmt: skip
    assert (edited.id, edited.name, edited.body) == (added.id, "Shorter", "Thanks, {first_name}.")
    copy = templates.duplicate(added.id)
    again = templates.duplicate(added.id)
    assert (copy.name, again.name) == ("Shorter (copy)", "Shorter (copy 2)")
    assert copy.body == edited.body and not copy.built_in
    assert templates.delete(copy.id) == "Template 'Shorter (copy)' deleted."
    names = [t.name for t in templates.list()]
    assert "Shorter" in names and "Shorter (copy 2)" in names and "Shorter (copy)" not in names
    assert len(names) == len(BUILT_INS) + 2


@pytest.mark.parametrize(
    ("draft", "field", "says"),
    [
        (TemplateInput("  ", FollowUpKind.CHECK_IN, Channel.EMAIL, "", "Hi"), "name", "empty"),
        (TemplateInput("X", FollowUpKind.CHECK_IN, Channel.EMAIL, "", "  "), "body", "empty"),
        (TemplateInput("X", FollowUpKind.CHECK_IN, Channel.EMAIL, "", "Hi {firstname}"), "body",
         "{firstname}, which nothing fills; use {first_name}"),
        (TemplateInput("X", FollowUpKind.CUSTOM, Channel.EMAIL, "", "Hi"), "kind", "thank-you"),
        (TemplateInput("X", FollowUpKind.CHECK_IN, Channel.EMAIL, "", "x" * 20_001), "body",
         "limit is 20,000"),
        (TemplateInput("Follow-up EMAIL", FollowUpKind.CHECK_IN, Channel.EMAIL, "", "Hi"), "name",
         "already the name"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_changes_nothing(
    database: Database, draft: TemplateInput, field: str, says: str
) -> None:
    before = words(database)
    with pytest.raises(ValidationError) as caught:
        TemplateService(database).add(draft)
    assert caught.value.field == field and says in caught.value.message
    assert words(database) == before


def test_a_call_script_has_no_subject(database: Database) -> None:
    call = TemplateService(database).add(
        TemplateInput("Quick call", FollowUpKind.CHECK_IN, Channel.PHONE, "ignored", "Hi {company}")
    )
    assert call.subject == ""


def test_one_default_per_step_and_channel_and_a_new_draft_starts_from_it(
    database: Database, clock
) -> None:
    templates = TemplateService(database)
    first = templates.add(MINE)
    second = templates.duplicate(first.id)
    assert templates.toggle_default(first.id) == (
        "New thank-you by email drafts start from 'Short thanks 🙏'."
    )
    templates.toggle_default(second.id)
    defaults = [t.name for t in templates.list() if t.is_default]
    assert defaults == ["Short thanks 🙏 (copy)"]
    templates.toggle_default(second.id)
    assert not any(t.is_default for t in templates.list())
    templates.toggle_default(first.id)

    seeded = interviewed(database, clock)
    opened = DraftService(database, clock, "UTC").open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    assert opened.draft.subject == "Thanks, Ann"
    assert opened.draft.body.startswith("Hi Ann, thanks for Thursday 19 November!")
    assert "[bold]not markup[/bold]" in opened.draft.body


def test_moving_a_default_to_another_step_drops_it(database: Database) -> None:
    templates = TemplateService(database)
    mine = templates.add(MINE)
    templates.toggle_default(mine.id)
    moved = templates.edit(mine.id, TemplateInput(MINE.name, FollowUpKind.CHECK_IN, Channel.EMAIL,
                                                  MINE.subject, MINE.body))  # fmt: skip
    assert not moved.is_default


def test_deleted_and_edited_built_ins_are_put_back_and_yours_are_kept(database: Database) -> None:
    templates = TemplateService(database)
    stored = {t.name: t for t in templates.list()}
    thanks, call = stored["Thank-you email"], stored["Check-in call"]
    templates.edit(thanks.id, TemplateInput("My thank-you", thanks.kind, thanks.channel, "Hey",
                                            "Hey {first_name}"))  # fmt: skip
    templates.delete(call.id)
    templates.add(TemplateInput("Check-in call", FollowUpKind.CHECK_IN, Channel.PHONE, "", "Hi"))
    assert templates.restore_built_ins() == ("Put back: Thank-you email, Check-in call (built-in).")
    after = {t.name: t for t in templates.list()}
    assert after["Thank-you email"].id == thanks.id
    assert after["Thank-you email"].body == BUILT_INS[0].body
    assert after["Check-in call (built-in)"].built_in
    assert after["Check-in call"].body == "Hi"  # the user's own is kept
    assert "My thank-you" not in after
    assert templates.restore_built_ins() == "The built-in templates are all there, as they came."
