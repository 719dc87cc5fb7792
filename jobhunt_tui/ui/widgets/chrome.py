"""The frame around the board: health header, placeholder panes and the first-launch welcome."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from jobhunt_tui.domain.health import header_line
from jobhunt_tui.services.board import HealthCounts


def health_content(counts: HealthCounts | None) -> Content:
    """'jobhunt ── 5 active · 2 due today · 1 overdue', with a warning below the floor."""
    title = Content.styled(" jobhunt ", "bold")
    if counts is None:
        return Content.assemble(title, ("── loading…", "dim"))
    parts: list[Content | str | tuple[str, str]] = [
        title,
        "── ",
        header_line(counts.active, counts.due),
    ]
    if counts.below_floor:
        parts.append((f"  ⚠ below {counts.floor} active: add a backup", "bold $text-warning"))
    return Content.assemble(*parts)


class HealthHeader(Static):
    """One line at the top: the app's name and the search-health counts."""

    DEFAULT_CSS = """
    HealthHeader { dock: top; height: 1; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(health_content(None), id=id)
        self.counts: HealthCounts | None = None

    def show(self, counts: HealthCounts) -> None:
        """Show new counts; the warning class colours the line below the floor.

        One line docked at full width: new counts repaint it, never a layout of the screen
        (20-80 ms at 10,000 cards, in the frame of every change)."""
        if counts == self.counts:
            return
        self.counts = counts
        self.set_class(counts.below_floor, "-below-floor")
        self.update(health_content(counts), layout=False)


class Welcome(Static):
    """Shown on an empty board: the three keys that matter."""

    def __init__(self, *, id: str | None = None) -> None:
        text = Content.assemble(
            ("Welcome to jobhunt.", "bold"),
            "\n\nNothing here yet. Three keys get you going:\n\n",
            ("  a", "bold $accent"),
            "  add an opportunity\n",
            ("  i", "bold $accent"),
            "  log an interview (plans the follow-ups)\n",
            ("  ?", "bold $accent"),
            "  help: every key\n",
        )
        super().__init__(text, id=id)
