"""What the detail view shows, as literal Content (pure: no widget, no database)."""

from __future__ import annotations

import arrow
from textual.content import Content

from jobhunt_tui.domain.localtime import Zone, local
from jobhunt_tui.domain.models import Contact, FollowUp, FollowUpStatus, OpportunityDetail
from jobhunt_tui.ui.display import literal

LABEL_WIDTH = 13


def when(moment: arrow.Arrow | None, tz: Zone) -> str:
    """A moment in the user's zone, or nothing."""
    return "" if moment is None else local(moment, tz).format("ddd D MMM YYYY HH:mm")


def _field(label: str, value: str) -> Content:
    return Content.assemble((label.ljust(LABEL_WIDTH), "$text-muted"), literal(value))


def heading(text: str) -> Content:
    """A section title."""
    return Content.styled(text, "bold $accent")


def summary_content(detail: OpportunityDetail, tz: Zone) -> Content:
    """Company and role, then every field that holds something, then the notes."""
    item = detail.opportunity
    lines: list[Content] = [
        Content.assemble(literal(item.company_name, "bold"), " · ", literal(item.role)),
        Content(""),
        _field("Stage", item.stage.label),
        _field("Priority", str(item.priority)),
    ]
    optional = (
        ("URL", item.url),
        ("Location", item.location),
        ("Salary", item.salary),
        ("Source", item.source),
        ("Applied on", item.applied_on.isoformat() if item.applied_on else ""),
        (
            "Decision by",
            item.expected_decision_on.isoformat() if item.expected_decision_on else "",
        ),
    )
    lines += [_field(label, value) for label, value in optional if value]
    lines += [
        _field("Added", when(item.created_at, tz)),
        _field("Updated", when(item.updated_at, tz)),
    ]
    if item.notes:
        lines += [Content(""), heading("Notes"), literal(item.notes)]
    return Content("\n").join(lines)


def contact_line(contact: Contact) -> Content:
    """'Ann Lee  Recruiter · ann@acme.io · +1 555 0100'."""
    extra = " · ".join(v for v in (contact.title, contact.email, contact.phone) if v)
    return Content.assemble(literal(contact.name, "bold"), "  ", literal(extra, "$text-muted"))


def follow_up_line(follow_up: FollowUp, now: arrow.Arrow, tz: Zone) -> Content:
    """'Mon 23 Nov 2026 10:00  thank-you by email  planned' (late ones in the warning colour)."""
    late = follow_up.status is FollowUpStatus.PLANNED and follow_up.due_at < now
    return Content.assemble(
        (when(follow_up.due_at, tz), "$text-warning" if late else ""),
        f"  {follow_up.kind.value.replace('_', '-')} by {follow_up.channel.value}",
        (f"  {'late' if late else follow_up.status.value}", "$text-muted"),
    )


def timeline_content(detail: OpportunityDetail, tz: Zone) -> Content:
    """The timeline, newest first."""
    lines = [heading(f"Timeline ({len(detail.interactions)})")]
    for event in reversed(detail.interactions):
        mark = "→" if event.direction.value == "out" else "←"
        lines.append(
            Content.assemble(
                (when(event.occurred_at, tz), "$text-muted"),
                f"  {mark} {event.kind.value.replace('_', ' ')}  ",
                literal(event.summary),
            )
        )
    return Content("\n").join(lines)
