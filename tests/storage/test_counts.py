"""How much a database holds: whether there are opportunities, and rows per table."""

from __future__ import annotations

import pytest

from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage import counts
from jobhunt_tui.storage.database import Database


def test_empty_then_counted(database: Database, pipeline: PipelineService) -> None:
    with database.reading() as conn:
        assert not counts.has_opportunities(conn)
        assert counts.row_count(conn, "opportunity") == 0

    pipeline.add(OpportunityInput(company="Acme", role="Backend Engineer"), contact="Ann Lee")
    pipeline.add(OpportunityInput(company="Globex", role="SRE"))

    with database.reading() as conn:
        assert counts.has_opportunities(conn)
        assert counts.row_count(conn, "opportunity") == 2
        assert counts.row_count(conn, "company") == 2
        assert counts.row_count(conn, "contact") == 1
        assert counts.row_count(conn, "interaction") == 2


def test_row_count_refuses_names_that_are_not_data_tables(database: Database) -> None:
    with database.reading() as conn, pytest.raises(ValueError, match="not a jobhunt data table"):
        counts.row_count(conn, "opportunity; DROP TABLE opportunity")
