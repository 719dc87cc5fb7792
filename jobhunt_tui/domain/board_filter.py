"""The board's filter line read as tokens beside free text (pure: no widget, no database).

    acme                 company or role contains "acme"
    stage:applied        in that stage (a prefix is enough: stage:int)
    p:1                  priority 1
    is:overdue           a planned follow-up is late
    is:idle              no next step and no touch for a while
    is:quiet             no answer for a week or more

Every token must hold for a card to match; text words are matched together as one phrase.
A token that means nothing ("stage:nope", "is:happy") is kept as text, so it simply matches
nothing rather than being silently dropped.
"""

from __future__ import annotations

from typing import NamedTuple

from jobhunt_tui.domain.board import BoardCard
from jobhunt_tui.domain.models import Stage

QUIET_AFTER_DAYS = 7
"""A card counts as quiet after a week of silence (what the card itself marks)."""

FLAGS = ("overdue", "idle", "quiet")


class BoardFilter(NamedTuple):
    """A parsed filter: text to find, and the conditions the tokens set."""

    text: str = ""
    stages: frozenset[Stage] = frozenset()
    priority: int | None = None
    flags: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        """True when the filter lets every card through."""
        return not (self.text or self.stages or self.priority is not None or self.flags)

    def matches(self, card: BoardCard) -> bool:
        """Whether `card` passes every part of the filter."""
        if self.stages and card.stage not in self.stages:
            return False
        if self.priority is not None and card.priority != self.priority:
            return False
        for flag in self.flags:
            if not _has_flag(card, flag):
                return False
        if self.text:
            return self.text in card.company.casefold() or self.text in card.role.casefold()
        return True


def parse_filter(line: str) -> BoardFilter:
    """Split the filter line into tokens (`key:value`) and the free text around them."""
    words: list[str] = []
    stages: set[Stage] = set()
    priority: int | None = None
    flags: set[str] = set()
    for word in line.split():
        key, sep, value = word.casefold().partition(":")
        if not sep or not value:
            words.append(word.casefold())
            continue
        if key == "stage" and (stage := _stage(value)) is not None:
            stages.add(stage)
        elif key == "p" and value in ("1", "2", "3"):
            priority = int(value)
        elif key == "is" and value in FLAGS:
            flags.add(value)
        else:
            words.append(word.casefold())
    return BoardFilter(" ".join(words), frozenset(stages), priority, frozenset(flags))


def _stage(value: str) -> Stage | None:
    """The stage `value` names or starts (only when exactly one stage fits)."""
    found = [stage for stage in Stage if stage.value.startswith(value)]
    return found[0] if len(found) == 1 else None


def _has_flag(card: BoardCard, flag: str) -> bool:
    if flag == "overdue":
        return card.overdue
    if flag == "idle":
        return card.idle
    return card.quiet_days is not None and card.quiet_days >= QUIET_AFTER_DAYS
