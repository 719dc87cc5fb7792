"""Weekly progress at full size (from the palette): three sparklines, a table, the week in words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Sparkline, Static

from jobhunt_tui.domain.health import WeekCount
from jobhunt_tui.domain.progress import week_in_words
from jobhunt_tui.ui.failures import ReportsWorkerFailures
from jobhunt_tui.ui.screens import DIALOG_CSS
from jobhunt_tui.ui.widgets.progress_lines import SERIES

CELLS_PER_WEEK = 6
"""Each week is this many sparkline cells wide, so the bars read as weeks."""


@dataclass
class _WeeksRead(Message):
    weeks: tuple[WeekCount, ...]


def week_table(weeks: tuple[WeekCount, ...]) -> Content:
    """ "week of   applied  sent  interviews" then one line per week, this week last."""
    lines = [Content.styled(f"{'week of':<12}{'applied':>9}{'sent':>7}{'interviews':>12}", "bold")]
    for week in weeks:
        lines.append(
            Content(
                f"{week.week_start:%d %b %Y}".ljust(12)
                + f"{week.applications:>9}{week.follow_ups_sent:>7}{week.interviews:>12}"
            )
        )
    return Content("\n").join(lines)


class ProgressScreen(ReportsWorkerFailures, ModalScreen[None]):
    """The last 8 weeks; escape closes. Reads through the handed `load` in a worker."""

    CSS_PATH = DIALOG_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="progress.close", tooltip="Back to the board"),
    ]

    def __init__(self, load: Callable[[], tuple[WeekCount, ...]]) -> None:
        super().__init__(classes="dialog-screen")
        self.load = load

    def compose(self) -> ComposeResult:
        """Title, a sparkline per series, the table and the sentence."""
        with Vertical(classes="dialog", id="progress-dialog") as dialog:
            dialog.border_title = "Progress: the last 8 weeks"
            for field, name in SERIES:
                yield Static(Content.styled(name, "$text-muted"), classes="progress-label")
                yield Sparkline([], summary_function=max, id=f"spark-{field}")
            yield Static(Content("loading…"), id="progress-table")
            yield Static(Content(""), id="progress-words")
            yield Static(Content("escape closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        """Read the weeks."""
        self._read()

    @work(thread=True, exit_on_error=False, group="progress")
    def _read(self) -> None:
        self.post_message(_WeeksRead(self.load()))

    @on(_WeeksRead)
    def _show(self, event: _WeeksRead) -> None:
        weeks = event.weeks
        for field, _name in SERIES:
            values = [float(getattr(week, field)) for week in weeks]
            spark = self.query_one(f"#spark-{field}", Sparkline)
            spark.data = [value for value in values for _ in range(CELLS_PER_WEEK)]
        self.query_one("#progress-table", Static).update(week_table(weeks))
        words = Content.styled(week_in_words(weeks[-1] if weeks else None), "bold")
        self.query_one("#progress-words", Static).update(words)

    def action_close(self) -> None:
        """Back to where the palette was opened."""
        self.dismiss(None)
