"""The SQLModel tables and the migrated schema describe the same columns."""

from __future__ import annotations

from sqlmodel import SQLModel

import jobhunt_tui.storage.tables  # noqa: F401  (registers the tables)
from jobhunt_tui.storage.database import Database


def test_orm_tables_match_the_migrated_schema(database: Database) -> None:
    with database.reading() as conn:
        stored = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        assert stored == set(SQLModel.metadata.tables)
        for name, table in SQLModel.metadata.tables.items():
            columns = {
                row["name"]: (not row["notnull"] and not row["pk"])
                for row in conn.execute(f"PRAGMA table_info({name})")
            }
            orm = {column.name: bool(column.nullable) for column in table.columns}
            assert orm.keys() == columns.keys(), name
            nullable_in_orm = {key for key, nullable in orm.items() if nullable}
            nullable_stored = {key for key, nullable in columns.items() if nullable}
            # The ORM may be stricter than the table, never looser.
            assert nullable_in_orm <= nullable_stored | {"id"}, name
