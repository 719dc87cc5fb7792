"""Cards keep the badge that matters when space is short, and column counts stay right."""

from __future__ import annotations

from collections.abc import Callable

import arrow

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import FollowUpKind, Stage
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.widgets.board import Board
from jobhunt_tui.ui.widgets.card_lines import card_lines
from tests.conftest import NOW
from tests.ui.helpers import screen_text, settle

LATE = BoardCard(
    opportunity_id=1,
    company="Acme",
    role="Backend Engineer",
    stage=Stage.APPLIED,
    priority=2,
    archived=False,
    last_touch_at=NOW.shift(days=-12),
    next_follow_up_at=NOW.shift(days=-3),
    next_follow_up_kind=FollowUpKind.FOLLOW_UP,
    days_since_touch=12,
    overdue=True,
    idle=False,
    quiet_days=12,
)


def status_text(card: BoardCard, width: int, now: arrow.Arrow = NOW) -> str:
    return "".join(piece.text for piece in card_lines(card, width, now, "UTC")[2])


def test_a_wide_card_shows_age_badge_and_quiet_mark_in_order() -> None:
    assert status_text(LATE, 40) == "12d ago  ⏰ 3d late  quiet 12d"


def test_a_narrow_card_keeps_the_overdue_badge_before_the_age() -> None:
    assert status_text(LATE, 14) == "⏰ 3d late"
    assert status_text(LATE, 20) == "12d ago  ⏰ 3d late"
    assert status_text(LATE, 22) == "⏰ 3d late  quiet 12d"  # the silence mark outranks the age


async def test_column_counts_follow_a_move(
    make_app: Callable[..., JobhuntApp], pipeline: PipelineService
) -> None:
    ids = [
        pipeline.add(OpportunityInput(f"Company {n}", "Engineer", stage=Stage.APPLIED)).id
        for n in range(10)
    ]
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.query_one(Board).select(ids[0])
        await pilot.press("L")
        await settle(pilot)
        text = screen_text(app)
    assert "Applied 9 " in text and "9/10" not in text
    assert "Screening 1 " in text
