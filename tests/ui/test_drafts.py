"""The draft pane, driven by its keys: open, fill, type, leave and return, templates, versions."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import TextArea

from jobhunt_tui.domain.drafts import DraftText
from jobhunt_tui.domain.models import FollowUpKind
from jobhunt_tui.services.drafts import DraftService
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.storage.database import Database, open_database
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.messages import OpenDraft
from jobhunt_tui.ui.screens.draft_pickers import ConfirmReplace, TemplatePicker, VersionPicker
from jobhunt_tui.ui.widgets.draft_editor import DraftEditor
from tests.draft_seed import ANN_EMAIL, Seeded, interviewed, make_phone
from tests.ui.helpers import screen_text, settle

SIZE = (160, 48)


def stored_draft(database: Database, follow_up_id: int) -> dict[str, object]:
    """The draft row of a follow-up as stored."""
    with database.reading() as conn:
        row = conn.execute("SELECT * FROM draft WHERE follow_up_id = ?", (follow_up_id,))
        found = row.fetchone()
    assert found is not None
    return dict(found)


async def open_from_board(pilot, app: JobhuntApp, seeded: Seeded) -> DraftEditor:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app.screen.board.select(seeded.opportunity_id)
    await pilot.press("d")
    await settle(pilot)
    return app.screen.query_one(DraftEditor)


async def test_d_on_a_card_opens_its_next_follow_up_filled_from_the_template(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        shown = screen_text(app)
        assert "thank-you · Initech · due today" in shown
        assert ANN_EMAIL in shown
        body = editor.body.text
        assert body.startswith("Hi Ann,")
        assert "Thursday 19 November" in body and "at Initech" in body
        assert "short is fine" in shown and "words" in shown
        assert isinstance(app.focused, TextArea)
        assert app.focused.cursor_location == editor.body.document.end
    stored = stored_draft(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    assert stored["body"] == body


async def test_open_draft_message_opens_that_follow_up_and_escape_goes_back(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    follow_up = seeded.follow_ups[FollowUpKind.FOLLOW_UP]
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        board = app.screen.board
        assert app.focused is board
        app.screen.post_message(OpenDraft(follow_up.id))
        await settle(pilot)
        assert "follow-up · Initech · in 7 days" in screen_text(app)
        assert isinstance(app.focused, TextArea)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is board


async def test_typed_text_is_kept_when_switching_away_and_back(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU]
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        await pilot.press(*" PS: thanks again")
        app.screen.post_message(OpenDraft(seeded.follow_ups[FollowUpKind.CHECK_IN].id))
        await settle(pilot)
        assert "check-in · Initech" in screen_text(app)
        assert "PS: thanks again" not in editor.body.text
        app.screen.post_message(OpenDraft(thank_you.id))
        await settle(pilot)
        assert editor.body.text.endswith("PS: thanks again")
    assert str(stored_draft(database, thank_you.id)["body"]).endswith("PS: thanks again")


async def test_a_pause_in_typing_saves_by_itself(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_from_board(pilot, app, seeded)
        await pilot.press(*" Cheers")
        await pilot.pause(0.7)
        await settle(pilot)
        stored = stored_draft(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
        assert str(stored["body"]).endswith("Cheers")
        assert "saved 12:00:00" in screen_text(app)


async def test_opening_a_draft_is_not_an_edit_nothing_is_saved_until_a_key(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_from_board(pilot, app, seeded)
        await pilot.pause(0.7)  # past the pause after which typing is saved
        await settle(pilot)
        assert "saved" not in screen_text(app)
        await pilot.press("!")
        await pilot.pause(0.7)
        await settle(pilot)
        assert "saved 12:00:00" in screen_text(app)


async def test_ctrl_s_saves_now_and_says_so_and_ctrl_q_saves_before_quitting(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_from_board(pilot, app, seeded)
        await pilot.press(*" one", "ctrl+s")
        await settle(pilot)
        assert "Draft saved" in screen_text(app)
        assert str(stored_draft(database, thank_you)["body"]).endswith(" one")
        await pilot.press(*" two", "ctrl+q")
    assert str(stored_draft(database, thank_you)["body"]).endswith(" one two")


async def test_a_placeholder_without_data_stays_visible_and_is_flagged(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    with database.writing_sql("test setup") as conn:
        conn.execute("UPDATE follow_up SET contact_id = NULL")
        conn.execute("DELETE FROM contact")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        assert editor.body.text.startswith("Hi {first_name},")
        assert "Fill in: {first_name}" in screen_text(app)


async def test_ctrl_t_replaces_untouched_text_at_once_and_asks_when_typed(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    with database.writing_sql("test setup") as conn:
        conn.execute(
            "INSERT INTO template (name, kind, channel, subject, body) VALUES "
            "('Team note', 'thank_you', 'email', 'Hello', 'Hi {first_name}, {team_size} people!')"
        )
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, TemplatePicker)
        assert "Follow-up email" in screen_text(app)
        await pilot.press("down", "enter")  # the follow-up email, below the thank-you
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmReplace)
        assert editor.body.text.startswith("Hi Ann,\n\nI wanted to follow up")

        await pilot.press(*" My own words.", "ctrl+t")
        await settle(pilot)
        await pilot.press("end", "enter")  # the user's template, last
        await settle(pilot)
        assert isinstance(app.screen, ConfirmReplace)
        await pilot.press("escape")
        await settle(pilot)
        assert editor.body.text.endswith("My own words.")

        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("end", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert editor.body.text == "Hi Ann, {team_size} people!"
        assert "Fill in: {team_size}" in screen_text(app)
    draft_id = stored_draft(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)["id"]
    with database.reading() as conn:
        bodies = [r[0] for r in conn.execute("SELECT body FROM draft_version WHERE draft_id = ?",
                                             (draft_id,))]  # fmt: skip
    assert any(body.endswith("My own words.") for body in bodies)


async def test_ctrl_r_lists_versions_and_restores_one(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        template_text = editor.body.text
        await pilot.press("ctrl+a", "shift+end", "ctrl+shift+k")  # a different text
        editor.body.load_text("")
        await pilot.press(*"Short and sweet.", "ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, VersionPicker)
        shown = screen_text(app)
        assert "Fri 20 Nov 12:00:00" in shown and "from Thank-you email" in shown
        await pilot.press("end", "enter")  # the oldest: the template's text
        await settle(pilot)
        assert editor.body.text == template_text
        assert "Version restored" in screen_text(app)
    assert stored_draft(database, thank_you)["body"] == template_text


async def test_ctrl_o_marks_sent_with_the_text_and_plans_the_next_step(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        await pilot.press(*" Talk soon.", "ctrl+o")
        await settle(pilot)
        shown = screen_text(app)
        assert "Send…" in shown and "Mark sent" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert "The thank-you to Initech is marked sent. Next: follow-up" in screen_text(app)
        assert "marked sent" in editor.query_one("#draft-flags").render().plain  # type: ignore[attr-defined]
    with database.reading() as conn:
        status = conn.execute("SELECT status FROM follow_up WHERE id = ?", (thank_you,)).fetchone()
        summary = conn.execute(
            "SELECT summary FROM interaction WHERE kind = 'thank_you' AND direction = 'out'"
        ).fetchone()
        planned = conn.execute(
            "SELECT kind, due_at FROM follow_up WHERE status = 'planned' ORDER BY due_at"
        ).fetchall()
        sent_at = conn.execute("SELECT sent_at FROM draft WHERE follow_up_id = ?", (thank_you,))
        draft_sent = sent_at.fetchone()[0]
    assert status[0] == "done"
    assert summary[0].startswith("Thank-you sent: Thank you: Product Manager interview")
    assert summary[0].endswith("Talk soon.")
    assert planned[0][0] == "follow_up" and planned[0][1].startswith("2026-11-27")
    assert draft_sent is not None


async def test_a_phone_follow_up_shows_the_contact_and_a_call_script(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    make_phone(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        shown = screen_text(app)
        assert "Call Ann Lee · +1 555 0142" in shown
        assert "Subject" not in shown and ANN_EMAIL not in shown
        assert editor.body.text.startswith("Hi Ann, it's Sam Rivera. I'm calling to thank you")


async def test_enter_walks_from_to_through_subject_into_the_body(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        editor.query_one("#draft-to").focus()
        await pilot.press("end", *",x@y.example", "enter")
        assert app.focused is editor.query_one("#draft-subject")
        await pilot.press("enter")
        assert app.focused is editor.body
        await pilot.press("escape")
        await settle(pilot)
    stored = stored_draft(database, seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    assert stored["to_address"] == f"{ANN_EMAIL},x@y.example"


async def test_sending_too_soon_after_the_last_touch_warns_first_then_goes_ahead(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    FollowUpService(database, clock, "UTC").done(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
    follow_up = seeded.follow_ups[FollowUpKind.FOLLOW_UP].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.screen.post_message(OpenDraft(follow_up))
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        shown = screen_text(app)
        assert "Mark sent anyway" in shown
        assert "Too soon:" in shown and "The earliest polite date is" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert "The follow-up to Initech is marked sent." in screen_text(app)
    with database.reading() as conn:
        row = conn.execute("SELECT status FROM follow_up WHERE id = ?", (follow_up,)).fetchone()
    assert row[0] == "done"


async def test_a_save_over_another_windows_save_keeps_both_and_says_so(
    make_app: Callable[..., JobhuntApp], database: Database, db_path, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_from_board(pilot, app, seeded)
        other_window = open_database(db_path)
        other = DraftService(other_window, clock, "UTC")
        opened = other.open(seeded.follow_ups[FollowUpKind.THANK_YOU].id)
        other.save(opened.draft.id, DraftText(body="From the other window."), 0)
        other_window.close()
        await pilot.press(*" Mine.", "ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "also saved in another window" in shown and "Theirs is in the versions" in shown
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "From the other window." in screen_text(app)


async def test_a_body_over_the_limit_is_not_saved_and_the_pane_says_why(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    thank_you = seeded.follow_ups[FollowUpKind.THANK_YOU].id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        before = stored_draft(database, thank_you)["body"]
        editor.body.insert("x" * 20_001)
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "Not saved: body: is 20,217 characters long; the limit is" in shown
        flags = editor.query_one("#draft-flags").render().plain  # type: ignore[attr-defined]
        assert flags == "not saved"
    assert stored_draft(database, thank_you)["body"] == before


async def test_on_a_narrow_terminal_d_shows_the_pane_and_escape_brings_the_board_back(
    make_app: Callable[..., JobhuntApp], database: Database, clock
) -> None:
    seeded = interviewed(database, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_from_board(pilot, app, seeded)
        # The body is not checked on screen: where the text area scrolls to its cursor (the
        # end of the text) depends on when its first layout lands.
        assert "role at Initech" in editor.body.text
        shown = screen_text(app)
        assert "thank-you · Initech · due today" in shown and "short is fine" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is app.screen.board
        assert "thank-you · Initech · due today" not in screen_text(app)
