"""Domain objects as plain JSON-ready dicts (ISO-8601 dates), for --json and exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

import arrow


def record(value: Any) -> Any:
    """A dataclass, enum, date or arrow instant (or a list of them) as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: record(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, arrow.Arrow):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [record(item) for item in value]
    return value
