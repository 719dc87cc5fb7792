"""Stored rows (sqlite3.Row or an ORM row's dict) to domain objects, in one place."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from jobhunt_tui.domain import models
from jobhunt_tui.domain.models import (
    Channel,
    Direction,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    Settings,
    Stage,
)
from jobhunt_tui.domain.timeutil import date_from_stored, from_stored, maybe_from_stored

if TYPE_CHECKING:
    from jobhunt_tui.domain.records import (
        Company,
        Contact,
        Draft,
        FollowUp,
        Interaction,
        Opportunity,
    )

Row = Mapping[str, Any]


def company(row: Row) -> Company:
    """A company row as a domain object."""
    return models.Company(
        id=row["id"], name=row["name"], website=row["website"], notes=row["notes"]
    )


def contact(row: Row) -> Contact:
    """A contact row as a domain object."""
    return models.Contact(
        id=row["id"],
        name=row["name"],
        email=row["email"],
        phone=row["phone"],
        title=row["title"],
        company_id=row["company_id"],
        notes=row["notes"],
    )


def opportunity(row: Row) -> Opportunity:
    """An opportunity row joined with its company's name (`company_name`)."""
    return models.Opportunity(
        id=row["id"],
        company_id=row["company_id"],
        company_name=row["company_name"],
        role=row["role"],
        stage=Stage(row["stage"]),
        url=row["url"],
        location=row["location"],
        salary=row["salary"],
        source=row["source"],
        priority=row["priority"],
        applied_on=date_from_stored(row["applied_on"]),
        expected_decision_on=date_from_stored(row["expected_decision_on"]),
        notes=row["notes"],
        created_at=from_stored(row["created_at"]),
        updated_at=from_stored(row["updated_at"]),
        archived=bool(row["archived"]),
    )


def interaction(row: Row) -> Interaction:
    """An interaction row as a domain object."""
    return models.Interaction(
        id=row["id"],
        opportunity_id=row["opportunity_id"],
        kind=InteractionKind(row["kind"]),
        direction=Direction(row["direction"]),
        occurred_at=from_stored(row["occurred_at"]),
        summary=row["summary"],
        contact_id=row["contact_id"],
    )


def follow_up(row: Row) -> FollowUp:
    """A follow-up row as a domain object."""
    return models.FollowUp(
        id=row["id"],
        opportunity_id=row["opportunity_id"],
        kind=FollowUpKind(row["kind"]),
        channel=Channel(row["channel"]),
        due_at=from_stored(row["due_at"]),
        status=FollowUpStatus(row["status"]),
        done_at=maybe_from_stored(row["done_at"]),
        contact_id=row["contact_id"],
        anchor_interaction_id=row["anchor_interaction_id"],
        created_at=maybe_from_stored(row["created_at"]),
    )


def draft(row: Row) -> Draft:
    """A draft row as a domain object."""
    return models.Draft(
        id=row["id"],
        channel=Channel(row["channel"]),
        updated_at=from_stored(row["updated_at"]),
        follow_up_id=row["follow_up_id"],
        opportunity_id=row["opportunity_id"],
        to=row["to_address"],
        subject=row["subject"],
        body=row["body"],
        sent_at=maybe_from_stored(row["sent_at"]),
        revision=row["revision"],
    )


_SETTING_TYPES = {name: type(value) for name, value in Settings()._asdict().items()}


def settings(pairs: Mapping[str, str]) -> Settings:
    """Settings from stored key/JSON pairs; unknown or mistyped keys keep their defaults."""
    values: dict[str, Any] = {}
    for key, raw in pairs.items():
        expected = _SETTING_TYPES.get(key)
        if expected is None:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        if type(value) is expected:
            values[key] = value
    return Settings(**values)
