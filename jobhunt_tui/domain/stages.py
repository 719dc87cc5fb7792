"""The pipeline's order of stages and the moves between them."""

from __future__ import annotations

from jobhunt_tui.domain.models import Stage

OPEN_STAGES: tuple[Stage, ...] = (
    Stage.WISHLIST,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.OFFER,
)
CLOSED_STAGES: tuple[Stage, ...] = (Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN)


def is_open(stage: Stage) -> bool:
    """True while the opportunity is still in play."""
    return stage in OPEN_STAGES


def is_active(stage: Stage, archived: bool = False) -> bool:
    """Counts toward search health: open, not archived, applied or further."""
    return not archived and is_open(stage) and stage is not Stage.WISHLIST


def neighbour(stage: Stage, step: int) -> Stage | None:
    """The open stage `step` places away, or None past either end (or from a closed stage)."""
    if not is_open(stage):
        return None
    index = OPEN_STAGES.index(stage) + step
    if 0 <= index < len(OPEN_STAGES):
        return OPEN_STAGES[index]
    return None


def parse_stage(text: str) -> Stage:
    """The stage named by `text` (case-insensitive); ValueError names the choices."""
    try:
        return Stage(text.strip().lower())
    except ValueError:
        choices = ", ".join(stage.value for stage in Stage)
        raise ValueError(f"unknown stage {text!r}; choose one of {choices}") from None
