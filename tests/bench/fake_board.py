"""A stand-in for the jobhunt board, to test the benchmark harness without the real app.

`python fake_board.py --db PATH`: shows the cards of one stage column (company names), `j`/`k`
move the selection, `h`/`l` change column, `L`/`H` move the selected card one stage and log it.
"""

from __future__ import annotations

import argparse
import sqlite3
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

STAGES = ("wishlist", "applied", "screening", "interviewing", "offer")
VISIBLE = 30


class FakeBoard(App[None]):
    """One column of cards at a time, read with sqlite3."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("j", "down", "down"),
        Binding("k", "up", "up"),
        Binding("l", "column(1)", "right"),
        Binding("h", "column(-1)", "left"),
        Binding("L", "move(1)", "move right"),
        Binding("H", "move(-1)", "move left"),
    ]

    def __init__(self, db: str) -> None:
        super().__init__()
        self.conn = sqlite3.connect(db, isolation_level=None)
        self.column = 0
        self.row = 0
        self.cards: list[tuple[int, str]] = []

    def compose(self) -> ComposeResult:
        """Header, the column, footer."""
        yield Header()
        yield Static(id="column", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Show the first column."""
        self.load()

    def load(self) -> None:
        """Read the current column's cards and repaint."""
        self.cards = self.conn.execute(
            "SELECT o.id, c.name FROM opportunity o JOIN company c ON c.id = o.company_id "
            "WHERE o.stage = ? AND o.archived = 0 ORDER BY o.id",
            (STAGES[self.column],),
        ).fetchall()
        self.row = min(self.row, max(len(self.cards) - 1, 0))
        self.paint()

    def paint(self) -> None:
        """Show the cards around the selection."""
        start = max(0, self.row - VISIBLE // 2)
        lines = [
            f"{'>' if start + i == self.row else ' '} {name}"
            for i, (_, name) in enumerate(self.cards[start : start + VISIBLE])
        ]
        self.query_one("#column", Static).update(f"{STAGES[self.column]}\n" + "\n".join(lines))

    def action_down(self) -> None:
        """Select the next card."""
        self.row = min(self.row + 1, len(self.cards) - 1)
        self.paint()

    def action_up(self) -> None:
        """Select the previous card."""
        self.row = max(self.row - 1, 0)
        self.paint()

    def action_column(self, step: int) -> None:
        """Show another column."""
        self.column = min(max(self.column + step, 0), len(STAGES) - 1)
        self.load()

    def action_move(self, step: int) -> None:
        """Move the selected card one stage and log the change."""
        target = self.column + step
        if not self.cards or not 0 <= target < len(STAGES):
            return
        opp_id = self.cards[self.row][0]
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("UPDATE opportunity SET stage = ? WHERE id = ?", (STAGES[target], opp_id))
        self.conn.execute(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at) "
            "VALUES (?, 'stage_change', 'out', '2026-11-02T09:00:00Z')",
            (opp_id,),
        )
        self.conn.execute("COMMIT")
        self.load()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    FakeBoard(parser.parse_args().db).run()
