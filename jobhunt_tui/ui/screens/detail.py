"""One opportunity in full: fields, contacts, timeline and follow-ups."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import arrow
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from jobhunt_tui.domain.localtime import Zone, local
from jobhunt_tui.domain.models import OpportunityDetail
from jobhunt_tui.ui.display import literal
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.messages import DetailLoaded

LABEL_WIDTH = 13


def _when(moment: arrow.Arrow | None, tz: Zone) -> str:
    return "" if moment is None else local(moment, tz).format("ddd D MMM YYYY HH:mm")


def _field(label: str, value: str) -> Content:
    return Content.assemble((label.ljust(LABEL_WIDTH), "$text-muted"), literal(value))


def _heading(text: str) -> Content:
    return Content.styled(text, "bold $accent")


def detail_content(detail: OpportunityDetail, now: arrow.Arrow, tz: Zone) -> Content:
    """The whole page as literal text (stored values are never read as markup)."""
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
        _field("Added", _when(item.created_at, tz)),
        _field("Updated", _when(item.updated_at, tz)),
    ]
    if item.notes:
        lines += [Content(""), _heading("Notes"), literal(item.notes)]
    lines += [Content(""), _heading(f"Contacts ({len(detail.contacts)})")]
    for contact in detail.contacts:
        extra = " · ".join(v for v in (contact.title, contact.email, contact.phone) if v)
        lines.append(Content.assemble("  ", literal(contact.name, "bold"), "  ", literal(extra)))
    if not detail.contacts:
        lines.append(Content.styled("  none yet", "$text-muted"))
    lines += [Content(""), _heading(f"Follow-ups ({len(detail.follow_ups)})")]
    for follow_up in detail.follow_ups:
        late = follow_up.status.value == "planned" and follow_up.due_at < now
        lines.append(
            Content.assemble(
                "  ",
                (_when(follow_up.due_at, tz), "$text-warning" if late else ""),
                f"  {follow_up.kind.label} by {follow_up.channel.value}",
                (f"  {follow_up.status.value}", "$text-muted"),
            )
        )
    if not detail.follow_ups:
        lines.append(Content.styled("  nothing planned", "$text-muted"))
    lines += [Content(""), _heading(f"Timeline ({len(detail.interactions)})")]
    for event in reversed(detail.interactions):
        arrow_mark = "→" if event.direction.value == "out" else "←"
        lines.append(
            Content.assemble(
                "  ",
                (_when(event.occurred_at, tz), "$text-muted"),
                f"  {arrow_mark} {event.kind.label}  ",
                literal(event.summary),
            )
        )
    return Content("\n").join(lines)


class DetailScreen(ReportsWorkerFailures, Screen[None]):
    """Reads the opportunity in a worker, then shows it; escape goes back to the board."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="detail.back", tooltip="Back to the board"),
    ]

    def __init__(
        self,
        opportunity_id: int,
        load: Callable[[int], OpportunityDetail],
        now: arrow.Arrow,
        tz: Zone,
    ) -> None:
        super().__init__()
        self.opportunity_id = opportunity_id
        self.load = load
        self.now = now
        self.tz = tz

    def compose(self) -> ComposeResult:
        """A scrolling page and the footer."""
        with VerticalScroll(id="detail-page", can_focus=True) as page:
            page.border_title = "Opportunity"
            yield Static(Content.styled("loading…", "$text-muted"), id="detail-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Read the opportunity off the UI thread."""
        self.query_one("#detail-page").focus()
        self._load()

    @work(thread=True, exit_on_error=False, group="detail")
    def _load(self) -> None:
        """Post the details when read."""
        self.post_message(DetailLoaded(self.load(self.opportunity_id)))

    @on(DetailLoaded)
    def _show(self, event: DetailLoaded) -> None:
        """Fill the page."""
        self.query_one("#detail-body", Static).update(
            detail_content(event.detail, self.now, self.tz)
        )

    def action_back(self) -> None:
        """Back to the board."""
        self.dismiss(None)
