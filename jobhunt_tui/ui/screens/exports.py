"""Exporting from the palette: write a CSV, JSON or .ics file in a worker, then say where."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from jobhunt_tui.domain.text import visible
from jobhunt_tui.services.data_io import export_csv, export_records
from jobhunt_tui.services.export_safety import json_text
from jobhunt_tui.services.file_output import save_bytes, save_text
from jobhunt_tui.ui.context import Services


def export_text(services: Services, kind: str) -> str:
    """The export's content: CSV, or a JSON list of objects."""
    if kind == "csv":
        return export_csv(services.database)
    return json_text(export_records(services.database)) + "\n"


def start_export(screen: Screen[object], services: Services, kind: str, folder: Path) -> None:
    """Write `jobhunt-YYYY-MM-DD.<kind>` into `folder` off the UI thread."""
    day = services.clock().to(services.tz).format("YYYY-MM-DD")
    target = folder / f"jobhunt-{day}.{kind}"

    def write() -> None:
        if kind == "ics":
            from jobhunt_tui.services.calendar_export import export_ics

            save_bytes(target, export_ics(services.database, services.clock()))
        else:
            save_text(target, export_text(services, kind))
        screen.app.call_from_thread(
            screen.notify, f"Exported to {visible(str(target))}", title="Export", markup=False
        )

    screen.run_worker(write, thread=True, exit_on_error=False, group="export")
