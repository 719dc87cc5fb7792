"""Defect 6: CSV cells that a spreadsheet would run are neutralised; the import undoes exactly
that, so the round trip is lossless; JSON stays verbatim."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.csv_formats import parse_import_text
from jobhunt_tui.services.data_io import apply_plan, export_csv, export_records
from jobhunt_tui.services.export_safety import (
    FORMULA_TRIGGERS,
    from_spreadsheet_cell,
    spreadsheet_cell,
)
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database, open_database

HYPERLINK = '=HYPERLINK("http://evil.example","Click")'
HOSTILE_ROWS = [
    OpportunityInput(HYPERLINK, "+cmd|' /C calc'!A0", url="-2+3", location="@SUM(A1)"),
    OpportunityInput("'=already quoted", "'plain apostrophe", salary="-", source="=1+1"),
    OpportunityInput("Tabs Inc", "Engineer", notes="\tindented first line\nsecond"),
    OpportunityInput("''=two apostrophes", "=", notes="@mention"),
    # Hostile but legal text: it must come back exactly as stored.
    OpportunityInput(
        '[bold]Acme[/] 🚀 "Q", Ltd',
        "[@click=app.quit]x[/]",
        location="שלום\u200f Tel Aviv",
        notes='line one, "quoted"\n\tline two 💥\n',
    ),
]


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_no_exported_cell_starts_with_a_formula_trigger(
    database: Database, pipeline: PipelineService
) -> None:
    for row in HOSTILE_ROWS:
        pipeline.add(row)
    cells = _cells(export_csv(database))
    triggered = [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    assert triggered == []
    assert f"'{HYPERLINK}" in cells


def test_export_then_import_gives_back_every_value(
    database: Database, pipeline: PipelineService, clock: Clock, tmp_path: Path
) -> None:
    for row in HOSTILE_ROWS:
        pipeline.add(row)
    exported = export_csv(database)
    fresh = open_database(tmp_path / "fresh.db")
    apply_plan(fresh, clock, parse_import_text(exported))

    def fields(db: Database) -> list[tuple[object, ...]]:
        keys = ("company_name", "role", "url", "location", "salary", "source", "notes")
        return sorted(tuple(item[key] for key in keys) for item in export_records(db))

    assert fields(fresh) == fields(database)
    assert export_csv(fresh) == exported
    fresh.close()


def test_json_export_stays_verbatim(database: Database, pipeline: PipelineService) -> None:
    pipeline.add(HOSTILE_ROWS[0])
    assert export_records(database)[0]["company_name"] == HYPERLINK


@pytest.mark.parametrize(
    "value",
    ["=1", "+1", "-1", "@a", "\tx", "'=x", "''+y", "'", "''", "'a", "a=b", "", "plain"],
)
def test_neutralising_is_undone_exactly(value: str) -> None:
    cell = spreadsheet_cell(value)
    assert not cell.startswith(FORMULA_TRIGGERS)
    assert from_spreadsheet_cell(cell) == value
