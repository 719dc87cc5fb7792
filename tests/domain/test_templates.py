"""Templates: short built-ins for every step and channel, filling that never fails."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.models import Channel, FollowUpKind
from jobhunt_tui.domain.templates import (
    BUILT_INS,
    PLACEHOLDERS,
    built_in_for,
    fill,
    length_hint,
    unfilled_in,
    word_count,
)

VALUES = {
    "first_name": "Ann",
    "company": "Initech",
    "role": "Product Manager",
    "interview_day": "Thursday 19 November",
    "my_name": "Sam",
    "signature": "Sam",
}


@pytest.mark.parametrize("kind", [FollowUpKind.THANK_YOU, FollowUpKind.FOLLOW_UP,
                                  FollowUpKind.CHECK_IN])  # fmt: skip
@pytest.mark.parametrize("channel", list(Channel))
def test_every_step_has_a_short_built_in_that_fills_completely(
    kind: FollowUpKind, channel: Channel
) -> None:
    template = built_in_for(kind, channel)
    body = fill(template.body, VALUES)
    assert body.unfilled == ()
    assert "Initech" in body.text or "Product Manager" in body.text
    assert word_count(body.text) <= 60
    assert (template.subject == "") == (channel is Channel.PHONE)
    assert set(unfilled_in(template.subject, template.body)) <= set(PLACEHOLDERS)


def test_a_custom_follow_up_reads_like_a_follow_up() -> None:
    assert built_in_for(FollowUpKind.CUSTOM, Channel.EMAIL).kind is FollowUpKind.FOLLOW_UP
    assert len({(t.kind, t.channel) for t in BUILT_INS}) == len(BUILT_INS) == 6


def test_unknown_empty_and_odd_placeholders_stay_as_written() -> None:
    text = "Hi {first_name}, {role} {favourite} {} {{x}} {my_name}"
    filled = fill(text, {"role": "PM", "my_name": " "})
    assert filled.text == "Hi {first_name}, PM {favourite} {} {{x}} {my_name}"
    assert filled.unfilled == ("first_name", "favourite", "x", "my_name")


def test_the_length_hint_is_kind_then_suggests_trimming() -> None:
    assert length_hint(38) == "38 words · short is fine"
    assert length_hint(1) == "1 word · short is fine"
    assert length_hint(151) == "151 words · shorter is kinder"
