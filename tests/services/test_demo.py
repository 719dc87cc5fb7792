"""Demo data: deterministic, every stage, the cadence in every state, relative to the clock."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.data_io import export_records
from jobhunt_tui.services.demo import DemoRefusedError, business_day, fill_demo
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, open_database

NOW = arrow.get("2026-11-20T12:00:00+00:00")  # a Friday


def _demo(tmp_path: Path, name: str, clock: Clock) -> list[dict]:
    database = open_database(tmp_path / name / "jobhunt.db")
    try:
        fill_demo(database, clock)
        return export_records(database)
    finally:
        database.close()


def test_same_clock_same_data(tmp_path: Path) -> None:
    clock = fixed_clock(NOW)
    assert _demo(tmp_path, "a", clock) == _demo(tmp_path, "b", clock)


def test_another_clock_moves_the_dates_not_the_story(tmp_path: Path) -> None:
    first = _demo(tmp_path, "a", fixed_clock(NOW))
    later = _demo(tmp_path, "b", fixed_clock(NOW.shift(weeks=3)))
    assert [r["stage"] for r in first] == [r["stage"] for r in later]
    assert first[0]["created_at"] != later[0]["created_at"]


def test_about_25_opportunities_covering_every_stage(database: Database, clock: Clock) -> None:
    summary = fill_demo(database, clock)
    records = export_records(database)
    assert len(records) == summary.opportunities == 25
    stages = Counter(r["stage"] for r in records)
    assert set(stages) == {stage.value for stage in Stage}
    assert stages["wishlist"] >= 2 and stages["applied"] >= 3
    assert summary.contacts >= 10 and summary.follow_ups >= 10
    assert sum(len(r["interactions"]) for r in records) == summary.interactions


def test_history_spans_about_six_weeks_before_now(database: Database, clock: Clock) -> None:
    fill_demo(database, clock)
    records = export_records(database)
    created = [arrow.get(r["created_at"]) for r in records]
    assert NOW.shift(weeks=-7) <= min(created) <= NOW.shift(weeks=-5)
    assert all(arrow.get(r["updated_at"]) <= NOW for r in records)
    kinds = Counter(i["kind"] for r in records for i in r["interactions"])
    assert {"applied", "interview", "thank_you", "email_in", "call", "note", "stage_change"} <= set(
        kinds
    )
    past = [i for r in records for i in r["interactions"] if arrow.get(i["occurred_at"]) <= NOW]
    assert all(arrow.get(i["occurred_at"]).weekday() < 5 for i in past)


def test_follow_ups_are_overdue_due_today_and_upcoming(database: Database, clock: Clock) -> None:
    fill_demo(database, clock)
    planned = [
        arrow.get(f["due_at"])
        for r in export_records(database)
        for f in r["follow_ups"]
        if f["status"] == "planned"
    ]
    today = NOW.date()
    assert any(due.date() < today for due in planned)
    assert any(due.date() == today for due in planned)
    assert any(due.date() > today for due in planned)


def test_every_follow_up_has_a_draft_and_done_ones_were_sent(
    database: Database, clock: Clock
) -> None:
    fill_demo(database, clock)
    for record in export_records(database):
        drafts = {d["follow_up_id"]: d for d in record["drafts"]}
        for step in record["follow_ups"]:
            draft = drafts[step["id"]]
            assert draft["body"]
            assert (draft["sent_at"] is not None) == (step["status"] == "done")


def test_interviews_plan_their_cadence(database: Database, clock: Clock) -> None:
    fill_demo(database, clock)
    for record in export_records(database):
        interviews = [i["id"] for i in record["interactions"] if i["kind"] == "interview"]
        anchored = {f["anchor_interaction_id"] for f in record["follow_ups"]}
        assert set(interviews) <= anchored, record["company_name"]


def test_some_applications_need_a_next_step(database: Database, clock: Clock) -> None:
    fill_demo(database, clock)
    idle = [
        r
        for r in export_records(database)
        if r["stage"] in ("applied", "screening")
        and not any(f["status"] == "planned" for f in r["follow_ups"])
        and max(arrow.get(i["occurred_at"]) for i in r["interactions"]) < NOW.shift(days=-14)
    ]
    assert len(idle) >= 2


def test_an_offer_has_a_decision_date(database: Database, clock: Clock) -> None:
    fill_demo(database, clock)
    offers = [r for r in export_records(database) if r["stage"] == "offer"]
    assert offers and all(
        dt.date.fromisoformat(r["expected_decision_on"]) > NOW.date() for r in offers
    )


def test_a_database_with_data_is_refused(database: Database, clock: Clock) -> None:
    PipelineService(database, clock).add(OpportunityInput(company="Mine", role="Real"))
    with pytest.raises(DemoRefusedError, match="already holds"):
        fill_demo(database, clock)
    assert len(export_records(database)) == 1


@pytest.mark.parametrize(
    ("start", "offset", "expected"),
    [
        (dt.date(2026, 11, 20), 0, dt.date(2026, 11, 20)),  # Friday
        (dt.date(2026, 11, 20), 1, dt.date(2026, 11, 23)),  # → Monday
        (dt.date(2026, 11, 23), -1, dt.date(2026, 11, 20)),  # Monday → Friday
        (dt.date(2026, 11, 20), -5, dt.date(2026, 11, 13)),  # a week back
        (dt.date(2026, 11, 22), 0, dt.date(2026, 11, 22)),  # Sunday stays today
        (dt.date(2026, 11, 22), -1, dt.date(2026, 11, 20)),
    ],
)
def test_business_day(start: dt.date, offset: int, expected: dt.date) -> None:
    assert business_day(start, offset) == expected
