"""A printable record of the search over a date range, as Markdown or HTML.

People are asked for proof of their job search: this lists every application, interview,
follow-up sent and stage change in the range, with dates, in the user's zone. Applications
imported with only an `applied_on` date (no timeline entry) are listed by that date. Stored text
is never trusted: it is escaped for Markdown and for HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import arrow

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import Zone, at_local, local
from jobhunt_tui.domain.models import Direction, InteractionKind
from jobhunt_tui.domain.text import strip_controls
from jobhunt_tui.storage import reader, report_reads
from jobhunt_tui.storage.database import Database

_EVENTS = {
    InteractionKind.APPLIED: "Application",
    InteractionKind.INTERVIEW: "Interview",
    InteractionKind.THANK_YOU: "Thank-you sent",
    InteractionKind.FOLLOW_UP: "Follow-up sent",
    InteractionKind.CHECK_IN: "Check-in sent",
    InteractionKind.CALL: "Call made",
    InteractionKind.STAGE_CHANGE: "Stage change",
}
_SENT = frozenset(
    {
        InteractionKind.THANK_YOU,
        InteractionKind.FOLLOW_UP,
        InteractionKind.CHECK_IN,
        InteractionKind.CALL,
    }
)


@dataclass(frozen=True)
class ReportLine:
    """One dated activity of the search."""

    at: arrow.Arrow
    opportunity_id: int
    company: str
    role: str
    activity: str
    details: str = ""
    date_only: bool = False


@dataclass(frozen=True)
class Report:
    """Every activity in a range, with totals."""

    since: dt.date
    until: dt.date
    generated_at: arrow.Arrow
    your_name: str
    lines: tuple[ReportLine, ...]

    def count(self, activity: str) -> int:
        """How many lines have this activity."""
        return sum(1 for line in self.lines if line.activity == activity)

    @property
    def totals(self) -> list[tuple[str, int]]:
        """(label, count) for the summary."""
        sent = sum(1 for line in self.lines if line.activity in _SENT_LABELS)
        return [
            ("Applications", self.count("Application")),
            ("Interviews", self.count("Interview")),
            ("Follow-ups sent", sent),
            ("Stage changes", self.count("Stage change")),
        ]


_SENT_LABELS = frozenset(_EVENTS[kind] for kind in _SENT)


def build_report(
    database: Database, since: dt.date, until: dt.date, now: arrow.Arrow, tz: Zone
) -> Report:
    """Read every activity between `since` and `until` (inclusive, local dates), up to now."""
    if until < since:
        raise ValidationError("until", f"{until.isoformat()} is before --since {since.isoformat()}")
    start = at_local(since, dt.time(0), tz)
    # A record of what happened: nothing after now, even when the range reaches further.
    end = min(at_local(until + dt.timedelta(days=1), dt.time(0), tz), now.shift(seconds=1))
    lines: list[ReportLine] = []
    with database.reading() as conn:
        settings = reader.load_settings(conn)
        activities = report_reads.activities_between(conn, _EVENTS, start, end)
        dated = report_reads.applications_without_entry(conn, since, until)
    for entry in activities:
        if entry.kind in _SENT and entry.direction is not Direction.OUT:
            continue
        lines.append(
            ReportLine(
                local(entry.at, tz),
                entry.opportunity_id,
                entry.company,
                entry.role,
                _EVENTS[entry.kind],
                entry.summary,
            )
        )
    for application in dated:
        lines.append(
            ReportLine(
                at_local(application.applied_on, dt.time(0), tz),
                application.opportunity_id,
                application.company,
                application.role,
                "Application",
                date_only=True,
            )
        )
    lines.sort(key=lambda line: (line.at, line.opportunity_id))
    return Report(since, until, local(now, tz), settings.your_name, tuple(lines))


def _when(line: ReportLine) -> str:
    return line.at.format("YYYY-MM-DD" if line.date_only else "YYYY-MM-DD HH:mm")


def _title(report: Report) -> str:
    return f"Job search record: {report.since.isoformat()} to {report.until.isoformat()}"


def _one_line(text: str) -> str:
    """Stored text on one line, without control characters."""
    return " ".join(strip_controls(text, multiline=False).split())


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>&~])")


def markdown_escape(text: str) -> str:
    """Text that Markdown shows literally (inline: no emphasis, links, HTML or table breaks)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


def render_markdown(report: Report) -> str:
    """The report as a Markdown document."""
    out = [f"# {_title(report)}", ""]
    if report.your_name:
        out += [f"Prepared for {markdown_escape(report.your_name)}.", ""]
    out += [f"Generated {report.generated_at.format('YYYY-MM-DD HH:mm ZZ')} by jobhunt.", ""]
    out += [f"- {label}: {count}" for label, count in report.totals]
    out.append("")
    if not report.lines:
        out.append("No activity in this range.")
        return "\n".join(out) + "\n"
    out += [
        "| Date | Company | Role | Activity | Details |",
        "| --- | --- | --- | --- | --- |",
    ]
    for line in report.lines:
        cells = [
            _when(line),
            markdown_escape(line.company),
            markdown_escape(line.role),
            line.activity,
            markdown_escape(line.details),
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.when { white-space: nowrap; }
@media print { body { margin: 0; } }
"""


def render_html(report: Report) -> str:
    """The report as a standalone, printable HTML page; all stored text escaped."""
    esc = html.escape
    title = esc(_title(report))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    if report.your_name:
        out.append(f"<p>Prepared for {esc(_one_line(report.your_name))}.</p>")
    out.append(
        f"<p>Generated {esc(report.generated_at.format('YYYY-MM-DD HH:mm ZZ'))} by jobhunt.</p>"
    )
    out.append("<ul>")
    out += [f"<li>{esc(label)}: {count}</li>" for label, count in report.totals]
    out.append("</ul>")
    if not report.lines:
        out.append("<p>No activity in this range.</p>")
    else:
        out.append("<table>")
        out.append(
            "<thead><tr><th>Date</th><th>Company</th><th>Role</th><th>Activity</th>"
            "<th>Details</th></tr></thead>"
        )
        out.append("<tbody>")
        for line in report.lines:
            cells = (
                f'<td class="when">{esc(_when(line))}</td>'
                f"<td>{esc(_one_line(line.company))}</td>"
                f"<td>{esc(_one_line(line.role))}</td>"
                f"<td>{esc(line.activity)}</td>"
                f"<td>{esc(_one_line(line.details))}</td>"
            )
            out.append(f"<tr>{cells}</tr>")
        out.append("</tbody>")
        out.append("</table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
