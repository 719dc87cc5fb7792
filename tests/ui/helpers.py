"""Helpers for the UI tests: wait for workers, read the screen as text, seed data."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from textual.app import App
from textual.pilot import Pilot

from jobhunt_tui.domain.models import Opportunity, Stage
from jobhunt_tui.domain.stages import OPEN_STAGES
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database

CELL_WIDTH = 12.2
"""Width of one terminal cell in Textual's SVG export."""

_TEXT = re.compile(
    r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>([^<]*)</text>'
)


async def settle(pilot: Pilot[object], rounds: int = 3) -> None:
    """Let workers finish and their messages be handled (a change may start another worker)."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as plain text lines (read from the public SVG export)."""
    lines: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        column = round(float(x) / CELL_WIDTH)
        lines[int(line)].append((column, html.unescape(text).replace("\xa0", " ")))
    rows = []
    for number in range(max(lines, default=-1) + 1):
        row = ""
        for column, text in sorted(lines.get(number, [])):
            row = row.ljust(column) + text
        rows.append(row.rstrip())
    return "\n".join(rows)


def seed(pipeline: PipelineService) -> dict[str, Opportunity]:
    """A small deterministic pipeline: one opportunity in most open stages."""
    rows = (
        ("Acme", "Backend Engineer", Stage.APPLIED, 2),
        ("Globex", "Site Reliability Engineer", Stage.SCREENING, 1),
        ("Initech", "Product Manager", Stage.INTERVIEWING, 2),
        ("Umbrella", "Data Engineer", Stage.WISHLIST, 3),
    )
    return {
        company: pipeline.add(OpportunityInput(company, role, stage=stage, priority=priority))
        for company, role, stage, priority in rows
    }


def bulk_fill(database: Database, count: int) -> None:
    """`count` opportunities spread over the open stages, written in one transaction."""
    stages = [stage.value for stage in OPEN_STAGES]
    stamp = "2026-11-01T12:00:00Z"
    with database.writing_sql("test setup") as conn:
        conn.executemany(
            "INSERT INTO company (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
            [(n, f"Company {n}", f"company {n}", stamp) for n in range(1, count + 1)],
        )
        conn.executemany(
            "INSERT INTO opportunity (id, company_id, role, stage, priority, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (n, n, f"Role {n}", stages[n % len(stages)], 1 + n % 3, stamp, stamp)
                for n in range(1, count + 1)
            ],
        )
        conn.executemany(
            "INSERT INTO interaction (opportunity_id, kind, direction, occurred_at, summary) "
            "VALUES (?, 'applied', 'out', ?, 'Applied')",
            [(n, stamp) for n in range(1, count + 1)],
        )
