"""Data in and out: CSV and JSON export, and CSV import from jobhunt, Huntr and LinkedIn files.

An import is read and checked in full before anything is written, then stored in one
transaction: a bad row stops it with the row number and the column, and nothing is written.
Rows whose company and role are already stored (in any case) are skipped, so importing the
same file twice is harmless.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

import arrow

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.domain.dates import application_time
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.domain.models import Contact, Direction, InteractionKind, Opportunity, Stage
from jobhunt_tui.domain.text import name_key
from jobhunt_tui.domain.timeutil import date_to_stored, to_stored
from jobhunt_tui.services.csv_formats import (  # noqa: F401  (re-exported)
    CSV_COLUMNS,
    MAX_IMPORT_BYTES,
    ContactFields,
    ImportFileError,
    ImportPlan,
    ImportRow,
    parse_import_text,
    read_import_file,
)
from jobhunt_tui.services.export_safety import safe_json, spreadsheet_cell
from jobhunt_tui.services.pipeline import check_dates, cleaned_fields
from jobhunt_tui.services.zone import local_zone
from jobhunt_tui.storage import bulk_import, export_reads, import_marker, reader
from jobhunt_tui.storage.database import Database

Progress = Callable[[int, int], None]
"""Called as `progress(rows stored, rows to store)` while an import is stored."""

IMPORTED_SUMMARY = "Applied (imported)"
"""The summary of the timeline entry an imported application starts with."""

# Export


def format_contact(contact: Contact) -> str:
    """`Ann Lee <ann@acme.io>`, or just the name when there is no email."""
    return f"{contact.name} <{contact.email}>" if contact.email else contact.name


def export_csv(database: Database) -> str:
    """Every opportunity (archived too) as CSV text with a header row."""
    with database.reading() as conn:
        opportunities = reader.list_opportunities(conn, include_archived=True)
        contacts = _group(reader.all_contacts(conn), attrgetter("company_id"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in opportunities:
        # Formula neutralisation (reliability, issue 14): see services/export_safety.py.
        cells = _csv_row(item, contacts.get(item.company_id, []))
        writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return out.getvalue()


def _csv_row(item: Opportunity, contacts: list[Contact]) -> list[str]:
    """One opportunity as the cells of a CSV row, in CSV_COLUMNS order."""
    return [
        item.company_name,
        item.role,
        item.stage.value,
        item.url,
        item.location,
        item.salary,
        item.source,
        str(item.priority),
        date_to_stored(item.applied_on) or "",
        date_to_stored(item.expected_decision_on) or "",
        item.notes,
        "true" if item.archived else "false",
        "\n".join(format_contact(contact) for contact in contacts),
    ]


def export_records(database: Database) -> list[dict[str, Any]]:
    """Every opportunity as a JSON-ready dict with its contacts, timeline, follow-ups, drafts."""
    return json.loads(export_json(database))  # the JSON export is the one definition


def export_json(database: Database) -> str:
    """The JSON export: every opportunity (archived too) with its contacts, timeline,
    follow-ups and drafts nested, as `json_text` writes the records (indented, every control
    character escaped). SQLite writes each row's text (see export_reads); here they are put
    in their places: opportunities at indent 1, their items at 2, nested rows at 3."""
    with database.reading() as conn:
        opportunities = export_reads.opportunity_json(conn, 2)
        contacts = export_reads.contact_json(conn, 3)
        interactions = export_reads.interaction_json(conn, 3)
        follow_ups = export_reads.follow_up_json(conn, 3)
        drafts = export_reads.draft_json(conn, 3)
    records = [
        f'{{\n    {items},\n    "contacts": {_nested(contacts.get(company_id))},\n'
        f'    "interactions": {_nested(interactions.get(key))},\n'
        f'    "follow_ups": {_nested(follow_ups.get(key))},\n'
        f'    "drafts": {_nested(drafts.get(key))}\n  }}'
        for key, company_id, items in opportunities
    ]
    return safe_json("[\n  " + ",\n  ".join(records) + "\n]" if records else "[]")


def _nested(objects: list[str] | None) -> str:
    """A list of JSON objects (indent 3) as the value of an opportunity's item."""
    return "[\n      " + ",\n      ".join(objects) + "\n    ]" if objects else "[]"


def _group(items: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """`items` grouped by `key` of each, order kept."""
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped


@dataclass(frozen=True)
class ImportOutcome:
    """What an import stored (or would store, in a dry run) and what it skipped."""

    plan: ImportPlan
    new: tuple[ImportRow, ...]
    duplicates: tuple[ImportRow, ...]
    dry_run: bool


def import_csv(
    database: Database, clock: Clock, path: Path, *, dry_run: bool = False
) -> ImportOutcome:
    """Import the rows of `path` in one transaction (a dry run only says what it would do)."""
    return apply_plan(database, clock, read_import_file(path), dry_run=dry_run)


def preview(database: Database | None, plan: ImportPlan) -> ImportOutcome:
    """What importing `plan` would do (no database yet: everything is new); writes nothing."""
    existing: set[tuple[str, str]] = set()
    if database is not None:
        with database.reading() as conn:
            existing = _keys(export_reads.opportunity_keys(conn))
    new, duplicates = _split(plan.rows, existing)
    return ImportOutcome(plan, new, duplicates, dry_run=True)


def apply_plan(
    database: Database,
    clock: Clock,
    plan: ImportPlan,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Store the new rows of a checked plan, all or nothing; duplicates are skipped.

    `progress` hears (rows stored, rows to store) as the transaction goes on.
    """
    if dry_run:
        _check_dates(plan, clock(), local_zone())
        return preview(database, plan)
    now = clock()
    tz = local_zone()
    _check_dates(plan, now, tz)
    # Prepared before the write lock is taken: the transaction only finds and inserts.
    prepared = {row.number: _prepared(row, now, tz) for row in plan.rows}
    # One transaction, so other writers wait: the note tells them why.
    started = now.to("UTC").format("HH:mm") + " UTC"
    with (
        import_marker.announced(database.path, len(plan.rows), started),
        database.writing_sql("import csv") as conn,
    ):
        new, duplicates = _split(plan.rows, _keys(export_reads.opportunity_keys(conn)))
        rows = [prepared[row.number] for row in new]
        bulk_import.store_new(conn, rows, to_stored(now), progress)
    return ImportOutcome(plan, new, duplicates, dry_run=False)


def _keys(rows: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Duplicate keys of stored (company name_key, role) pairs."""
    return {(company_key, name_key(role)) for company_key, role in rows}


def _split(
    rows: tuple[ImportRow, ...], existing: set[tuple[str, str]]
) -> tuple[tuple[ImportRow, ...], tuple[ImportRow, ...]]:
    """(new rows, duplicates): duplicates of stored rows and of earlier rows in the file."""
    seen = set(existing)
    new: list[ImportRow] = []
    duplicates: list[ImportRow] = []
    for row in rows:
        (duplicates if row.key in seen else new).append(row)
        seen.add(row.key)
    return tuple(new), tuple(duplicates)


def _check_dates(plan: ImportPlan, now: arrow.Arrow, tz: Zone) -> None:
    """Refuse the file when a row's dates make no sense (an application in the future, a
    decision more than two years ahead): checked in full before anything is written."""
    for row in plan.rows:
        try:
            check_dates(row.data, now, tz)
        except ValidationError as error:
            raise ImportFileError(f"row {row.number}: {error}") from None


def _prepared(row: ImportRow, now: arrow.Arrow, tz: Zone) -> bulk_import.NewOpportunity:
    """A new row as stored: its columns, its 'applied' entry (unless on the wishlist: dated
    on the day applied, or now when not known), its contacts."""
    entry = None
    if row.data.stage is not Stage.WISHLIST:
        day = row.data.applied_on
        when = now if day is None else application_time(day, now, tz)
        entry = bulk_import.NewEntry(
            InteractionKind.APPLIED.value, Direction.OUT.value, to_stored(when), IMPORTED_SUMMARY
        )
    return bulk_import.NewOpportunity(
        company=row.data.company,
        columns={**(row.columns or cleaned_fields(row.data)), "archived": row.archived},
        entry=entry,
        contacts=tuple(
            bulk_import.NewContact(person.name, person.email, person.phone)
            for person in row.contacts
        ),
    )
