"""The JSON export says exactly what it said when every row went through the domain objects:
the export is compared with that reading (`convert` then `record`, kept here as the oracle) and
its text with `json.dumps(indent=2)`, on the demo search plus the awkward rows an export meets
(control, bidi and invalid UTF-8 text, loose drafts, instants stored in another ISO form)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import pytest

from jobhunt_tui.domain.clock import Clock
from jobhunt_tui.services.data_io import export_json, export_records
from jobhunt_tui.services.demo import fill_demo
from jobhunt_tui.services.export_safety import json_text, safe_json
from jobhunt_tui.services.records import record
from jobhunt_tui.storage import convert, reader
from jobhunt_tui.storage.database import Database

_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _through_domain_objects(database: Database) -> list[dict[str, Any]]:
    """The export as it was built before: every row a domain object, then `record`."""
    with database.reading() as conn:
        opportunities = reader.list_opportunities(conn, include_archived=True)
        grouped: dict[str, dict[Any, list[Any]]] = {}
        for name, sql, make, key in (
            ("contacts", "SELECT * FROM contact ORDER BY id", convert.contact, "company_id"),
            ("interactions", "SELECT * FROM interaction ORDER BY occurred_at, id",
             convert.interaction, "opportunity_id"),
            ("follow_ups", "SELECT * FROM follow_up ORDER BY due_at, id", convert.follow_up,
             "opportunity_id"),
            ("drafts", "SELECT d.*, COALESCE(d.opportunity_id, f.opportunity_id) AS owner "
             "FROM draft AS d LEFT JOIN follow_up AS f ON f.id = d.follow_up_id "
             "ORDER BY d.updated_at, d.id", convert.draft, "owner"),
        ):  # fmt: skip
            grouped[name] = defaultdict(list)
            for row in conn.execute(sql):
                grouped[name][row[key]].append(make(row))
    return [
        {
            **record(item),
            "contacts": record(grouped["contacts"][item.company_id]),
            "interactions": record(grouped["interactions"][item.id]),
            "follow_ups": record(grouped["follow_ups"][item.id]),
            "drafts": record(grouped["drafts"][item.id]),
        }
        for item in opportunities
    ]


def _awkward_rows(database: Database) -> None:
    with database.writing_sql("test setup") as conn:
        conn.execute(
            "UPDATE opportunity SET notes = ?, role = ? WHERE id = 1",
            ("bidi \u202e and C1 \x85 and ESC \x1b[31m, tab\t, line\u2028sep", "R\u00e9le \u2066x"),
        )
        conn.execute("UPDATE opportunity SET salary = CAST(? AS TEXT) WHERE id = 2", (b"\xff\xfe",))
        conn.execute("UPDATE company SET name = 'Caf\u00e9 \"quoted\" \\\\ back' WHERE id = 1")
        conn.execute(
            "INSERT INTO draft (channel, to_address, subject, body, updated_at) "
            "VALUES ('email', '', 'loose', 'no owner', '2026-11-20T10:00:00Z')"
        )
        conn.execute(
            "INSERT INTO draft (opportunity_id, channel, body, updated_at, sent_at) "
            "VALUES (3, 'phone', '', '2026-11-20T11:00:00+00:00', '2026-11-20T11:30:00+00:00')"
        )
        conn.execute(
            "UPDATE interaction SET occurred_at = '2026-11-19T08:00:00+00:00' WHERE id = 4"
        )
        conn.execute("UPDATE contact SET company_id = NULL WHERE id = 2")
        conn.execute(
            "UPDATE contact SET name = ?, notes = CAST(? AS TEXT) WHERE id = 1",
            ('q"uote \\ back\x00nul\x01\x1f\x7f\b\f\r\n\t 🎉 \u2029', b"ok \xe2\x82 cut"),
        )
        conn.execute(
            "UPDATE interaction SET summary = ?, occurred_at = '2026-11-19T10:00:00+02:00' "
            "WHERE id = 5",
            ("\x85 C1, \u2066 isolate, \u00e9t\u00e9",),
        )
        conn.execute("UPDATE opportunity SET archived = 1, applied_on = NULL WHERE id = 5")


@pytest.fixture
def filled(database: Database, clock: Clock) -> Database:
    fill_demo(database, clock)
    _awkward_rows(database)
    return database


def test_the_records_are_those_of_the_domain_objects(filled: Database) -> None:
    exported = export_records(filled)
    assert exported == _through_domain_objects(filled)
    assert [list(item) for item in exported] == [
        list(item) for item in _through_domain_objects(filled)
    ]  # the same keys in the same order, so the JSON text is the same too
    assert any(item["drafts"] for item in exported)
    assert exported[1]["salary"] == "\ufffd\ufffd"  # bad bytes shown, not a failed export
    assert all(item["interactions"] for item in exported if item["stage"] != "wishlist")


def _standard(records: list[dict[str, Any]]) -> str:
    standard = json.dumps(records, indent=2, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", standard)


def test_the_json_export_is_the_standard_indented_json_of_those_records(
    filled: Database,
) -> None:
    exported = export_json(filled)
    assert exported == _standard(_through_domain_objects(filled))
    assert json_text(export_records(filled)) == exported
    assert "\u202e" not in exported and "\\u202e" in exported


def test_an_empty_database_exports_an_empty_list(database: Database) -> None:
    assert export_json(database) == "[]" == json_text([])


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('["plain ascii"]', '["plain ascii"]'),
        ('["del \x7f"]', '["del \\u007f"]'),
        ('["caf\u00e9 \u202e \x85 \u2028"]', '["caf\u00e9 \\u202e \\u0085 \\u2028"]'),
    ],
)
def test_safe_json_escapes_what_a_terminal_would_obey(text: str, safe: str) -> None:
    assert safe_json(text) == safe
    assert json.loads(safe_json(text)) == json.loads(text)
