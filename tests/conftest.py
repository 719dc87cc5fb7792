"""Fixtures every test shares: a private home for config and data, a fresh database, a
fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import arrow
import pytest

from jobhunt_tui.domain.clock import Clock, fixed_clock
from jobhunt_tui.services.pipeline import PipelineService
from jobhunt_tui.storage.database import Database, open_database

# A Friday, mid-day UTC: cadence rules about weekends get exercised by default.
NOW = arrow.get("2026-11-20T12:00:00+00:00")


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the developer's own data, config and environment out of every test."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("JOBHUNT_DB", raising=False)
    monkeypatch.delenv("JOBHUNT_NOW", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    return home


@pytest.fixture
def clock() -> Clock:
    """A clock stopped at NOW."""
    return fixed_clock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's database lives."""
    return tmp_path / "jobhunt.db"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """A fresh, empty jobhunt database."""
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def pipeline(database: Database, clock: Clock) -> PipelineService:
    """The pipeline service on the fresh database, at NOW."""
    return PipelineService(database, clock)
