"""A board card from an opportunity and values aggregated in Python, for the pure tests."""

from __future__ import annotations

import arrow

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.health import Aggregates, CardBasics, card_for
from jobhunt_tui.domain.localtime import Zone
from jobhunt_tui.domain.models import Opportunity, Settings


def build_card(
    opportunity: Opportunity,
    values: Aggregates,
    *,
    now: arrow.Arrow,
    tz: Zone,
    settings: Settings,
) -> BoardCard:
    """A board card from an opportunity and its pre-aggregated values."""
    return card_for(
        CardBasics(
            opportunity.id,
            opportunity.company_name,
            opportunity.role,
            opportunity.stage,
            opportunity.priority,
            opportunity.archived,
            opportunity.created_at,
        ),
        values,
        now=now,
        tz=tz,
        settings=settings,
    )
