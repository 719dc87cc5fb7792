"""The cheaper agenda reads give the answers of the reads they replaced, and the first view
shows what the whole view shows: on a generated database full of edge cases (ties, closed and
archived opportunities, replies, never-touched ones, days across a DST change), in four zones."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from itertools import pairwise

import pytest

from jobhunt_tui.domain.agenda import LIST_LIMIT, build_agenda
from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.domain.models import Settings
from jobhunt_tui.services.agenda import AgendaService
from jobhunt_tui.services.board import BoardService
from jobhunt_tui.storage import agenda_reads
from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui.widgets.agenda_lines import AgendaRow, agenda_rows
from tests.conftest import NOW

ZONES = ("UTC", "Europe/Berlin", "America/St_Johns", "Pacific/Kiritimati")
STAGES = ("wishlist", "applied", "screening", "interviewing", "offer", "accepted", "rejected")
KINDS = ("applied", "interview", "thank_you", "follow_up", "check_in", "email_in", "call", "note")


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def fill(database: Database, count: int = 400, seed: int = 15) -> None:
    """`count` opportunities with times on whole hours (so many tie), some never touched,
    some whose last touch is the employer's reply, closed and archived ones among them."""
    rng = random.Random(seed)
    now = NOW.datetime.replace(tzinfo=None)

    def moment(low_days: int, high_days: int) -> str:
        hours = rng.randrange(low_days * 24, high_days * 24)
        return _stamp(now.replace(minute=0, second=0) + dt.timedelta(hours=hours))

    companies = [(n, f"Co{n}", f"co{n}", _stamp(now)) for n in range(1, 61)]
    opportunities, interactions, follow_ups = [], [], []
    for n in range(1, count + 1):
        created = moment(-200, -1)
        stage = rng.choice(STAGES)
        opportunities.append(
            (n, rng.randrange(1, 61), f"Role {n}", stage, created, created, int(rng.random() < 0.1))
        )
        for _ in range(0 if rng.random() < 0.15 else rng.randint(1, 6)):
            kind = rng.choice(KINDS)
            direction = (
                "in" if kind == "email_in" or (kind == "call" and rng.random() < 0.5) else "out"
            )
            interactions.append((n, kind, direction, moment(-120, 2)))
        for _ in range(rng.randint(0, 3)):
            status = rng.choice(("planned", "planned", "done", "skipped"))
            kind = rng.choice(("thank_you", "follow_up", "check_in"))
            follow_ups.append((n, kind, rng.choice(("email", "phone")), moment(-60, 40), status))
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO company (id, name, name_key, created_at) VALUES (?, ?, ?, ?)", companies
        )
        conn.executemany(
            "INSERT INTO opportunity (id, company_id, role, stage, created_at, updated_at, "
            "archived) VALUES (?, ?, ?, ?, ?, ?, ?)",
            opportunities,
        )
        conn.executemany(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
            "VALUES (?, ?, ?, ?, '')",
            interactions,
        )
        conn.executemany(
            "INSERT INTO follow_up (opportunity_id, kind, channel, due_at, status, created_at) "
            "VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
            follow_ups,
        )


@pytest.fixture
def filled(database: Database) -> Database:
    fill(database)
    return database


# The reads these replaced, as they were (the reference the new ones must match).


def _old_count(conn: sqlite3.Connection, start: str, end: str) -> int:
    query = f"SELECT COUNT(*) FROM ({agenda_reads._AGENDA_ITEMS})"
    return int(conn.execute(query, (start, end)).fetchone()[0])


def _old_idle_candidates(
    conn: sqlite3.Connection, idle_before: str, quiet_before: str
) -> tuple[list[int], list[int]]:
    idle: list[tuple[str, int]] = []
    quiet: list[tuple[str, int]] = []
    for opportunity_id, created_at, last_touch in conn.execute(agenda_reads._UNPLANNED):
        since = last_touch or created_at
        if since < idle_before:
            idle.append((since, opportunity_id))
        elif last_touch is not None and last_touch < quiet_before:
            quiet.append((since, opportunity_id))
    return [i for _, i in sorted(idle)], [i for _, i in sorted(quiet)]


def test_the_planned_totals_count_what_the_joined_count_counted(filled: Database) -> None:
    bounds = ["", "2026-10-01T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-21T04:00:00Z",
              "2026-11-28T23:00:00Z", "2027-01-01T00:00:00Z"]  # fmt: skip
    with filled.reading() as conn:
        totals = agenda_reads.planned_totals(conn, bounds)
        old = [_old_count(conn, a, b) for a, b in pairwise(bounds)]
        _, counted = agenda_reads.planned_between(conn, "", bounds[2], 3)
    assert totals == old and sum(old) > 50
    assert counted == old[0] + old[1]


@pytest.mark.parametrize("tz", ZONES)
def test_month_kinds_are_the_kinds_of_the_full_marks(filled: Database, tz: str) -> None:
    service = AgendaService(filled, fixed_clock(NOW), tz)
    for year, month in ((2026, 9), (2026, 10), (2026, 11), (2026, 12)):  # October: DST ends
        full = {day: kind for day, (kind, _) in service.month(year, month).by_day().items()}
        first = service.first_view(year, month, NOW.date(), 10).month.by_day()
        assert {day: kind for day, (kind, _) in first.items()} == full
        assert all(not owners for _, owners in first.values())  # whose: the whole view's
    assert len(full) > 10


@pytest.mark.parametrize("tz", ZONES)
def test_a_first_view_with_an_owner_names_just_that_ones_days(filled: Database, tz: str) -> None:
    service = AgendaService(filled, fixed_clock(NOW), tz)
    checked = 0
    for year, month in ((2026, 10), (2026, 11)):
        full = service.month(year, month).by_day()
        owners = sorted({i for _, ids in full.values() for i in ids})[:40]
        for owner in owners:
            first = service.first_view(year, month, NOW.date(), 10, owner=owner).month.by_day()
            assert {day: kind for day, (kind, _) in first.items()} == {
                day: kind for day, (kind, _) in full.items()
            }
            assert {day for day, (_, ids) in first.items() if ids} == {
                day for day, (_, ids) in full.items() if owner in ids
            }
            assert all(ids <= {owner} for _, ids in first.values())
            checked += 1
    assert checked > 40


@pytest.mark.parametrize("tz", ZONES)
def test_idle_and_quiet_lists_are_the_first_of_the_domains_order(filled: Database, tz: str) -> None:
    service = AgendaService(filled, fixed_clock(NOW), tz)
    settings = Settings()
    cards = BoardService(filled, fixed_clock(NOW), tz).load().cards
    exact = build_agenda([], cards, now=NOW, tz=tz, settings=settings)
    assert len(exact.needs_next_step) > 30 and len(exact.quiet) > 3
    assert any(c.last_touch_at is None for c in exact.needs_next_step)  # never touched
    for limit in (1, 5, 17, LIST_LIMIT):
        agenda = service.agenda(limit=limit)
        hidden = dict(agenda.hidden)
        assert agenda.needs_next_step == exact.needs_next_step[:limit]
        assert agenda.quiet == exact.quiet[:limit]
        assert len(agenda.needs_next_step) + hidden.get("needs_next_step", 0) == len(
            exact.needs_next_step
        )
        assert len(agenda.quiet) + hidden.get("quiet", 0) == len(exact.quiet)


@pytest.mark.parametrize("tz", ZONES)
def test_uncut_lists_and_counts_are_what_the_old_reads_gave(filled: Database, tz: str) -> None:
    service = AgendaService(filled, fixed_clock(NOW), tz)
    agenda = service.agenda()
    today = NOW.to(tz).date()
    with filled.reading() as conn:
        idle, quiet = _old_idle_candidates(
            conn,
            service._midnight(today - dt.timedelta(days=Settings().idle_days - 1)),
            service._midnight(today - dt.timedelta(days=Settings().min_gap_days - 1)),
        )
    # Every candidate was read (fewer than the limit): the domain's filter and order decide,
    # as before, and the new read lists the same.
    assert len(idle) < LIST_LIMIT and len(quiet) < LIST_LIMIT
    assert sorted(c.opportunity_id for c in agenda.needs_next_step) == sorted(idle)
    assert {c.opportunity_id for c in agenda.quiet} <= set(quiet)
    assert not agenda.hidden


@pytest.mark.parametrize("tz", ZONES)
def test_the_first_view_shows_the_top_of_the_whole_view(filled: Database, tz: str) -> None:
    service = AgendaService(filled, fixed_clock(NOW), tz)
    for day in (NOW.date(), dt.date(2026, 11, 3), dt.date(2026, 10, 25)):
        whole = service.calendar(day.year, day.month, day)
        full = agenda_rows(whole.agenda, day, whole.day_entries, now=NOW, tz=tz, width=36)
        for lines in (1, 2, 3, 6, 11, 24, 40, 80, 400):
            first = service.first_view(day.year, day.month, day, lines)
            rows = agenda_rows(first.agenda, day, first.day_entries, now=NOW, tz=tz,
                               width=36, lines=first.lines)  # fmt: skip
            assert rows == full[: len(rows)]
            assert sum(len(row.lines) for row in rows) >= min(lines, _height(full))


def _height(rows: tuple[AgendaRow, ...]) -> int:
    return sum(len(row.lines) for row in rows)


def test_a_short_agenda_is_read_whole_in_the_first_view(database: Database) -> None:
    fill(database, count=12, seed=3)
    service = AgendaService(database, fixed_clock(NOW), "UTC")
    day = min(service.month(2026, 11).by_day())  # a day with something on it
    whole = service.calendar(2026, 11, day)
    first = service.first_view(2026, 11, day, 400)
    assert first.agenda == whole.agenda._replace(weekly=())
    assert first.day_entries == whole.day_entries and whole.day_entries
    assert first.weeks == () and len(whole.weeks) == 8


@pytest.mark.parametrize("tz", ZONES)
def test_with_nothing_planned_the_first_view_still_shows_the_top(filled: Database, tz: str) -> None:
    with filled.writing_sql("test setup") as conn:  # the idle and quiet lists come first
        conn.execute("UPDATE follow_up SET status = 'skipped'")
    service = AgendaService(filled, fixed_clock(NOW), tz)
    whole = service.calendar(2026, 11, NOW.date())
    full = agenda_rows(whole.agenda, NOW.date(), whole.day_entries, now=NOW, tz=tz, width=36)
    assert len(whole.agenda.needs_next_step) > 60
    for lines in (4, 9, 30, 120, 400):
        first = service.first_view(2026, 11, NOW.date(), lines)
        rows = agenda_rows(first.agenda, NOW.date(), first.day_entries, now=NOW, tz=tz,
                           width=36, lines=first.lines)  # fmt: skip
        assert rows == full[: len(rows)] and _height(rows) >= min(lines, _height(full))
