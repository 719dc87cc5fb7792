"""The simple write commands never import the ORM: proven in a fresh interpreter.

Importing SQLModel costs a one-shot command most of its time (~0.5 s), so `note`, `move`,
`settings KEY VALUE` and `undo` write through plain SQL; this keeps it so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.models import Stage
from jobhunt_tui.services.followups import FollowUpService
from jobhunt_tui.services.pipeline import OpportunityInput, PipelineService
from jobhunt_tui.storage.database import Database
from tests.cli.helpers import FIXED_NOW

ORM_MODULES = ("sqlmodel", "sqlalchemy", "pydantic")

# Runs `jobhunt ARGS` through the real entry point and prints, as its last line, which of the
# ORM's packages the process held when it exited (whatever the exit status).
_PROBE = """\
import atexit, json, sys
atexit.register(lambda: print(json.dumps([m for m in {modules!r} if m in sys.modules])))
from jobhunt_tui.cli import main
main({args!r})
"""


def _run(db_path: Path, *args: str) -> tuple[int, str, list[str]]:
    """(exit status, stdout before the probe's line, ORM packages imported)."""
    code = _PROBE.format(modules=ORM_MODULES, args=["--db", str(db_path), *args])
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "JOBHUNT_NOW": FIXED_NOW},
    )
    *printed, probe = done.stdout.splitlines()
    return done.returncode, "\n".join(printed), json.loads(probe)


@pytest.fixture
def seeded(database: Database, pipeline: PipelineService) -> Path:
    """An applied opportunity with planned follow-ups (a closing move skips them)."""
    created = pipeline.add(OpportunityInput(company="Acme", role="Engineer"))
    interview = arrow.get(FIXED_NOW).shift(days=-3)
    FollowUpService(database, pipeline.clock).log_interview(created.id, interview)
    return database.path


@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (("note", "1", "Asked about the team"), "noted on #1"),
        (("move", "1", "rejected"), "#1 Acme is now rejected"),
        (("move", "1", "interviewing"), "#1 Acme is now interviewing"),
        (("move", "1", "sideways"), ""),  # refused: one line on stderr, exit 2
        (("settings", "min_gap_days", "4"), "min_gap_days = 4 (was 7)"),
    ],
)
def test_a_write_command_does_not_import_the_orm(
    seeded: Path, args: tuple[str, ...], printed: str
) -> None:
    status, stdout, imported = _run(seeded, *args)
    assert (status, stdout) == ((0, printed) if printed else (2, ""))
    assert imported == []


def test_undo_of_a_move_does_not_import_the_orm(seeded: Path) -> None:
    assert _run(seeded, "move", "1", "offer")[:2] == (0, "#1 Acme is now offer")
    status, stdout, imported = _run(seeded, "undo")
    assert (status, stdout, imported) == (0, "Undone: move Acme to Offer", [])
    assert PipelineService(Database(seeded)).get(1).stage is Stage.INTERVIEWING


def test_the_probe_sees_the_orm_when_a_command_imports_it(seeded: Path) -> None:
    # `add` still writes through the ORM: the check above would notice it there.
    status, _, imported = _run(seeded, "add", "Globex", "SRE")
    assert status == 0
    assert "sqlmodel" in imported
