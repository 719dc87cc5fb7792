"""The printable record of the search: every activity in range, dated, with text escaped."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import arrow
import pytest

from jobhunt_tui.domain.clock import fixed_clock
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Settings, Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.services.report import (
    build_report,
    markdown_escape,
    render_html,
    render_markdown,
)
from jobhunt_tui.storage.database import Database

TZ = "Europe/Berlin"
HOSTILE = "<script>alert(1)</script> *Evil* | [x](javascript:y) & Co"


def berlin(text: str) -> arrow.Arrow:
    """A wall-clock time in Berlin."""
    return arrow.get(text, "YYYY-MM-DD HH:mm", tzinfo=TZ)


@pytest.fixture
def history(database: Database) -> Database:
    """A month of searching: applications, an interview, a thank-you, a move, a wishlist item."""
    october = PipelineService(database, fixed_clock(berlin("2026-10-28 09:00")))
    october.add(OpportunityInput(company="Old Corp", role="Dev"))
    november = PipelineService(database, fixed_clock(berlin("2026-11-02 10:00")))
    acme = november.add(OpportunityInput(company=HOSTILE, role="Backend\nEngineer")).id
    november.add(
        OpportunityInput(
            company="Imported Ltd",
            role="Analyst",
            stage=Stage.WISHLIST,
            applied_on=dt.date(2026, 11, 5),
        )
    )
    service = FollowUpService(database, fixed_clock(berlin("2026-11-10 09:00")), TZ)
    planned = service.log_interview(acme, berlin("2026-11-10 11:00"), with_name="Ann Lee")
    FollowUpService(database, fixed_clock(berlin("2026-11-10 16:00")), TZ).done(
        planned.planned[0].id
    )
    PipelineService(database, fixed_clock(berlin("2026-11-12 08:00"))).move(acme, Stage.OFFER)
    future = FollowUpService(database, fixed_clock(berlin("2026-11-12 09:00")), TZ)
    future.log_interview(acme, berlin("2026-11-25 10:00"))  # after "now": not in the record
    PipelineService(database).save_settings(Settings(your_name="Sam <Doe>"))
    return database


def _report(database: Database, since: str = "2026-11-01", until: str = "2026-11-30"):
    return build_report(
        database,
        dt.date.fromisoformat(since),
        dt.date.fromisoformat(until),
        berlin("2026-11-20 12:00"),
        TZ,
    )


def test_every_activity_in_range_is_listed_with_its_date(history: Database) -> None:
    report = _report(history)
    assert [(line.at.format("YYYY-MM-DD HH:mm"), line.activity) for line in report.lines] == [
        ("2026-11-02 10:00", "Application"),
        ("2026-11-05 00:00", "Application"),  # imported: applied_on only
        ("2026-11-10 09:00", "Stage change"),  # logging the interview moved it to Interviewing
        ("2026-11-10 11:00", "Interview"),
        ("2026-11-10 16:00", "Thank-you sent"),
        ("2026-11-12 08:00", "Stage change"),
    ]
    assert report.totals == [
        ("Applications", 2),
        ("Interviews", 1),
        ("Follow-ups sent", 1),
        ("Stage changes", 2),
    ]


def test_the_range_is_inclusive_local_days(history: Database) -> None:
    only_the_tenth = _report(history, "2026-11-10", "2026-11-10")
    assert [line.activity for line in only_the_tenth.lines] == [
        "Stage change",
        "Interview",
        "Thank-you sent",
    ]
    october = _report(history, "2026-10-01", "2026-10-31")
    assert [line.company for line in october.lines] == ["Old Corp"]
    with pytest.raises(ValidationError, match="before --since"):
        _report(history, "2026-11-10", "2026-11-09")


def test_markdown_shows_user_text_literally(history: Database) -> None:
    text = render_markdown(_report(history))
    assert text.startswith("# Job search record: 2026-11-01 to 2026-11-30\n")
    assert "Prepared for Sam \\<Doe\\>." in text
    assert "- Follow-ups sent: 1" in text
    row = next(line for line in text.splitlines() if "Thank-you sent" in line)
    assert row.startswith("| 2026-11-10 16:00 | ")
    assert row.count(" | ") == 4  # the | in the company name does not add a column
    assert "\\<script\\>" in text and "<script>" not in text
    assert "Backend Engineer" in text  # the newline in the role does not break the row
    assert "| 2026-11-05 | Imported Ltd | Analyst | Application |  |" in text


def test_markdown_escape() -> None:
    assert markdown_escape("a*b_c|d") == "a\\*b\\_c\\|d"
    assert markdown_escape("[x](y)") == "\\[x\\]\\(y\\)"
    assert markdown_escape("line\nbreak\x1b[31m") == "line break\\[31m"


class _Cells(HTMLParser):
    """Collects the text of every table cell and notes any script element."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.scripts = 0
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "script":
            self.scripts += 1
        if tag == "td":
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def test_html_escapes_user_text_and_keeps_it_readable(history: Database) -> None:
    page = render_html(_report(history))
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;" in page
    parser = _Cells()
    parser.feed(page)
    assert parser.scripts == 0
    assert HOSTILE in parser.cells  # the company name, exactly as typed
    assert "Backend Engineer" in parser.cells
    assert "Prepared for Sam &lt;Doe&gt;." in page


def test_an_empty_range_says_so(history: Database) -> None:
    report = _report(history, "2026-09-01", "2026-09-30")
    assert report.lines == ()
    assert "No activity in this range." in render_markdown(report)
    assert "<p>No activity in this range.</p>" in render_html(report)
