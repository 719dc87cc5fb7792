"""What one card of the pipeline board shows, computed from stored rows and the rules."""

from __future__ import annotations

from typing import NamedTuple

import arrow

from jobhunt_tui.domain.models import FollowUpKind, Stage


class BoardCard(NamedTuple):
    """One opportunity as the board shows it. Plain data: widgets render it, nothing more."""

    opportunity_id: int
    company: str
    role: str
    stage: Stage
    priority: int
    archived: bool
    last_touch_at: arrow.Arrow | None
    next_follow_up_at: arrow.Arrow | None
    next_follow_up_kind: FollowUpKind | None
    days_since_touch: int | None
    overdue: bool
    idle: bool
    quiet_days: int | None
