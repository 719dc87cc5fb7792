"""The detail view as a workspace: every board key acts on its opportunity, notes, contacts
and follow-ups are handled there, and the page scrolls like a pager."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from jobhunt_tui.domain.models import FollowUpStatus, InteractionKind, Stage
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.messages import OpenDraft
from jobhunt_tui.ui.screens.detail import DetailPage, DetailScreen
from jobhunt_tui.ui.screens.form import FormDialog
from jobhunt_tui.ui.widgets.board import Board
from tests.ui.helpers import screen_text, seed, settle

Make = Callable[..., JobhuntApp]


async def open_detail(app: JobhuntApp, pilot, opportunity_id: int) -> DetailScreen:  # type: ignore[no-untyped-def]
    """Select the card and press enter; wait until the page is read."""
    await settle(pilot)
    app.screen.query_one(Board).select(opportunity_id)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DetailScreen)
    return app.screen


async def test_h_and_l_move_the_opportunity_from_the_detail_view(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, acme)
        await pilot.press("L")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        assert "Screening" in screen_text(app)
        await pilot.press("L", "H", "H")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.APPLIED
        await pilot.press("u")
        await settle(pilot)
        assert pipeline.get(acme).stage is Stage.SCREENING
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape")
        await settle(pilot)
        card = app.screen.query_one(Board).selected
        assert card is not None and card.stage is Stage.SCREENING


async def test_e_edits_and_x_closes_from_the_detail_view(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, acme)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        role = app.screen.query_one("#field-role")
        role.value = "Principal Engineer"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert "Principal Engineer" in screen_text(app)
        await pilot.press("x", "down", "enter")  # rejected
        await settle(pilot)
    stored = pipeline.get(acme)
    assert (stored.role, stored.stage) == ("Principal Engineer", Stage.REJECTED)


async def test_i_r_f_and_n_work_from_the_detail_view(
    make_app: Make, pipeline: PipelineService
) -> None:
    initech = seed(pipeline)["Initech"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, initech)
        await pilot.press("i", *"today 10:00", "enter")
        await settle(pilot)
        assert "thank-you by email" in screen_text(app)
        await pilot.press("n", *"Recruiter called back", "enter")
        await settle(pilot)
        assert "Recruiter called back" in screen_text(app)
        await pilot.press("r", "enter")
        await settle(pilot)
        await pilot.press("f", *"+7d", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
    detail = pipeline.detail(initech)
    kinds = [event.kind for event in detail.interactions]
    assert InteractionKind.INTERVIEW in kinds and InteractionKind.EMAIL_IN in kinds
    assert [e.summary for e in detail.interactions if e.kind is InteractionKind.NOTE] == [
        "Recruiter called back"
    ]
    planned = [f for f in detail.follow_ups if f.status is FollowUpStatus.PLANNED]
    assert len(planned) == 1  # the reply skipped the cadence; f planned one by hand


async def test_n_adds_a_note_from_the_board(make_app: Make, pipeline: PipelineService) -> None:
    globex = seed(pipeline)["Globex"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(globex)
        await pilot.press("n", *"Sent portfolio", "enter")
        await settle(pilot)
    notes = [e.summary for e in pipeline.detail(globex).interactions if e.kind.value == "note"]
    assert notes == ["Sent portfolio"]


async def test_contacts_are_added_edited_and_removed_in_the_detail_view(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, acme)
        await pilot.press("c", *"Ann Lee", "tab", *"ann@acme.io", "tab", *"+1 555 0100")
        await pilot.press("tab", *"Recruiter", "enter")
        await settle(pilot)
        [ann] = pipeline.detail(acme).contacts
        assert (ann.name, ann.email, ann.phone, ann.title) == (
            "Ann Lee",
            "ann@acme.io",
            "+1 555 0100",
            "Recruiter",
        )
        assert "Ann Lee" in screen_text(app)
        app.screen.query_one("#detail-contacts").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#field-contact_title").value = "Head of Talent"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert pipeline.detail(acme).contacts[0].title == "Head of Talent"
        app.screen.query_one("#detail-contacts").focus()
        await pilot.press("delete", "enter")
        await settle(pilot)
    assert pipeline.detail(acme).contacts == ()


async def test_a_bad_contact_email_stays_in_the_dialog(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, acme)
        await pilot.press("c", *"Ann", "tab", *"not-an-address", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "contact email is not an email address" in screen_text(app)
    assert pipeline.detail(acme).contacts == ()


async def test_follow_ups_are_done_snoozed_and_opened_from_the_detail_view(
    make_app: Make, pipeline: PipelineService
) -> None:
    initech = seed(pipeline)["Initech"].id
    posted: list[Message] = []
    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=posted.append) as pilot:
        await open_detail(app, pilot, initech)
        await pilot.press("i", *"today 10:00", "enter")
        await settle(pilot)
        before = pipeline.detail(initech).follow_ups
        app.screen.query_one("#detail-follow-ups").focus()
        await pilot.press("space")  # the thank-you: sent now
        await settle(pilot)
        after_done = pipeline.detail(initech).follow_ups
        assert after_done[0].status is FollowUpStatus.DONE
        await pilot.press("j", "s")  # snooze the follow-up a day
        await settle(pilot)
        snoozed = pipeline.detail(initech).follow_ups[1]
        assert snoozed.due_at > after_done[1].due_at
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, DetailScreen)
    drafts = [m for m in posted if isinstance(m, OpenDraft)]
    assert drafts and {m.follow_up_id for m in drafts} == {before[1].id}


async def test_undoing_the_add_of_the_open_opportunity_goes_back_to_the_board(
    make_app: Make, pipeline: PipelineService
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Hooli", "tab", *"SRE", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("u")
        await settle(pilot)
        assert not isinstance(app.screen, DetailScreen)
        assert "no longer exists" in screen_text(app)
    assert pipeline.list() == []


async def test_a_closed_opportunity_gets_no_interview_dialog(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    pipeline.move(acme, Stage.REJECTED)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")  # show closed cards
        await settle(pilot)
        screen = await open_detail(app, pilot, acme)
        await pilot.press("i")
        await settle(pilot)
        assert app.screen is screen
        assert "is closed (Rejected)" in screen_text(app)
    assert pipeline.detail(acme).follow_ups == ()


async def test_j_k_g_and_shift_g_scroll_the_detail_page(
    make_app: Make, pipeline: PipelineService
) -> None:
    acme = seed(pipeline)["Acme"].id
    for number in range(30):
        pipeline.note(acme, f"note number {number}")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(app, pilot, acme)
        page = screen.query_one(DetailPage)
        assert page.scroll_y == 0
        await pilot.press("j", "j")
        await settle(pilot)
        assert page.scroll_y == 2
        await pilot.press("k")
        await settle(pilot)
        assert page.scroll_y == 1
        await pilot.press("G")
        await settle(pilot)
        assert page.scroll_y == page.max_scroll_y > 0
        assert "note number 0" in screen_text(app)  # the oldest entry, last on the page
        await pilot.press("g")
        await settle(pilot)
        assert page.scroll_y == 0
