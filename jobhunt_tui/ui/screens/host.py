"""What a flow (a key that opens a dialog, then changes data) needs from the screen it runs on.

A flow pushes a dialog; the dialog returns a typed result; the flow hands the change to the
host, which runs it in a worker and re-reads the one card it touched. The board and the detail
view run the same flows: both hand over the main screen as the host.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from textual.content import Content

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import Opportunity, Settings, Stage
from jobhunt_tui.domain.text import visible
from jobhunt_tui.ui.display import literal

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker

    from jobhunt_tui.ui.context import Services


class Host(Protocol):
    """The screen that runs changes: services, the app, and the one change path."""

    services: Services
    settings: Settings

    @property
    def app(self) -> App[object]:
        """The running app (to push dialogs)."""
        ...

    def change(
        self,
        opportunity_id: int | None,
        label: str,
        apply: Callable[[], str],
        *,
        retry: Callable[[str], None] | None = None,
    ) -> None:
        """Run `apply` in a worker as one undoable change, then re-read the card (None: `apply`
        shows what it made); when it fails, `retry` (on the UI thread) gets the reason."""
        ...

    def run_worker(self, work: Callable[[], None], **options: Any) -> Worker[None]:
        """Run `work` in a worker owned by the host (its failures are reported there)."""
        ...

    def refresh_card(self, opportunity_id: int, note: str = "") -> None:
        """Re-read one card and the counts (from a worker)."""
        ...


@dataclass(frozen=True)
class Subject:
    """The opportunity a flow acts on, as the user knows it."""

    opportunity_id: int
    company: str
    role: str
    stage: Stage

    @classmethod
    def of_card(cls, card: BoardCard) -> Subject:
        """From a board card."""
        return cls(card.opportunity_id, card.company, card.role, card.stage)

    @classmethod
    def of(cls, opportunity: Opportunity) -> Subject:
        """From a stored opportunity."""
        return cls(opportunity.id, opportunity.company_name, opportunity.role, opportunity.stage)

    @property
    def name(self) -> str:
        """The company, with control characters made visible (for labels and toasts)."""
        return visible(self.company)

    @property
    def line(self) -> Content:
        """'Company · Role' as literal text, for a dialog's subject line."""
        return Content.assemble(literal(self.company, "bold"), " · ", literal(self.role))
