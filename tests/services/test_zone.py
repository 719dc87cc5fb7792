"""The user's zone comes from JOBHUNT_TZ, then the system, as a fast zoneinfo zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.services.zone import local_zone, system_zone_name


def test_jobhunt_tz_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_TZ", "Europe/Berlin")
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone() == ZoneInfo("Europe/Berlin")


def test_the_system_zone_is_a_zoneinfo_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBHUNT_TZ", raising=False)
    monkeypatch.setenv("TZ", ":Asia/Tokyo")
    assert system_zone_name() == "Asia/Tokyo"
    assert local_zone() == ZoneInfo("Asia/Tokyo")


def test_an_unknown_jobhunt_tz_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBHUNT_TZ", "Mars/Olympus")
    with pytest.raises(ValidationError, match="unknown time zone"):
        local_zone()


def test_an_unusable_system_zone_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBHUNT_TZ", raising=False)
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")
    assert local_zone() is not None
