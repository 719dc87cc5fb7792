"""Every setting's validation: what is accepted, what is refused, and the message."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain import settings as rules
from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.models import Settings

DEFAULTS = Settings()


def refusal(key: str, text: str, base: Settings = DEFAULTS) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        rules.with_value(base, key, text)
    return caught.value


def test_every_field_of_settings_has_exactly_one_spec() -> None:
    assert sorted(rules.KEYS) == sorted(Settings._fields)
    assert len(set(rules.KEYS)) == len(rules.KEYS)


def test_send_at_hour_defaults_to_ten_and_week_to_monday() -> None:
    assert DEFAULTS.send_at_hour == 10
    assert rules.shown(DEFAULTS, "week_start") == "monday"


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("your_name", "  Zoë Ñandú 🚀 ", "Zoë Ñandú 🚀"),
        ("your_name", "", ""),
        ("your_email", " zoe@example.com ", "zoe@example.com"),
        ("your_email", "", ""),
        ("signature", "Zoë\r\n+1 555 0100\n", "Zoë\n+1 555 0100"),
        ("thank_you_hours", "24", 24),
        ("thank_you_hours", "1", 1),
        ("follow_up_days", "10", 10),
        ("check_in_days", "+14", 14),
        ("min_gap_days", "1", 1),
        ("decision_grace_business_days", "0", 0),
        ("send_at_hour", "0", 0),
        ("send_at_hour", "23", 23),
        ("send_at_hour", "09:00", 9),
        ("send_at_hour", "9am", 9),
        ("send_at_hour", "12am", 0),
        ("send_at_hour", "5 PM", 17),
        ("week_start", "Sunday", 6),
        ("week_start", "mon", 0),
        ("week_start", "sa", 5),
        ("active_floor", "3", 3),
        ("idle_days", "21", 21),
        ("theme", "nord", "nord"),
    ],
)
def test_accepted_values(key: str, text: str, expected: object) -> None:
    assert getattr(rules.with_value(DEFAULTS, key, text), key) == expected


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("min_gap_days", "0", "must be at least 1 day, not 0"),
        ("min_gap_days", "-3", "must be at least 1 day, not -3"),
        ("min_gap_days", "−3", "must be at least 1 day, not -3"),  # a typographic minus
        ("min_gap_days", "61", "must be at most 60 days, not 61"),
        ("min_gap_days", "seven", "must be a whole number of days, not 'seven'"),
        ("min_gap_days", "7.5", "must be a whole number of days, not '7.5'"),
        ("thank_you_hours", "0", "must be at least 1 hour, not 0"),
        ("thank_you_hours", "100", "must be at most 72 hours, not 100"),
        ("follow_up_days", "", "must be a whole number of days, not ''"),
        ("check_in_days", "0", "must be at least 1 day, not 0"),
        ("decision_grace_business_days", "-1", "must be at least 0 business days, not -1"),
        ("decision_grace_business_days", "21", "must be at most 20 business days, not 21"),
        ("send_at_hour", "25", "must be an hour of the day from 0 to 23, not 25"),
        ("send_at_hour", "10:30", "must be a whole hour, like 10 or 10:00, not '10:30'"),
        ("send_at_hour", "13pm", "must be 1 to 12 with am or pm, not '13pm'"),
        ("send_at_hour", "noon", "must be an hour of the day from 0 to 23"),
        ("week_start", "funday", "must be a day of the week (monday … sunday), not 'funday'"),
        ("week_start", "s", "must be a day of the week"),  # saturday or sunday?
        ("active_floor", "0", "must be at least 1 opportunity, not 0"),
        ("active_floor", "21", "must be at most 20 opportunities, not 21"),
        ("idle_days", "0", "must be at least 1 day, not 0"),
        ("your_email", "Zoë <zoe@example.com>", "must be just an address"),
        ("your_email", "zoe@", "must be just an address"),
        ("your_email", "zoe example.com", "must be just an address"),
        ("your_name", "x" * 201, "is 201 characters long; the limit is 200"),
        ("signature", "x" * 2_001, "is 2,001 characters long; the limit is 2,000"),
        ("theme", "  ", "must not be empty"),
    ],
)
def test_refused_values_say_why(key: str, text: str, message: str) -> None:
    error = refusal(key, text)
    assert error.field == key
    assert message in error.message


def test_control_characters_are_stripped_from_text_settings() -> None:
    changed = rules.with_value(DEFAULTS, "your_name", "Zoë\x1b]52;c;aGk=\x07 Lee")
    assert changed.your_name == "Zoë]52;c;aGk= Lee"
    signature = rules.with_value(DEFAULTS, "signature", "[bold]Zoë[/]\n\x1b[31m+1 555")
    assert signature.signature == "[bold]Zoë[/]\n[31m+1 555"


def test_unknown_key_lists_the_known_ones() -> None:
    with pytest.raises(rules.UnknownSettingError) as caught:
        rules.with_value(DEFAULTS, "gap", "3")
    message = str(caught.value)
    assert message.startswith("unknown setting 'gap'; the settings are: your_name, ")
    assert all(key in message for key in rules.KEYS)


def test_keys_may_be_typed_with_dashes_or_capitals() -> None:
    assert rules.with_value(DEFAULTS, "Follow-Up-Days", "9").follow_up_days == 9


def test_a_follow_up_sooner_than_the_pest_guard_gap_is_refused() -> None:
    error = refusal("follow_up_days", "5")
    assert error.field == "follow_up_days"
    assert "shorter than the pest-guard gap (min_gap_days, 7 days)" in error.message
    assert "lower min_gap_days first" in error.message


def test_a_gap_longer_than_the_cadence_steps_blames_the_gap() -> None:
    error = refusal("min_gap_days", "10")
    assert error.field == "min_gap_days"
    assert "longer than follow_up_days (7 days)" in error.message
    # In the right order it works: steps first, then the gap.
    roomy = DEFAULTS._replace(follow_up_days=10, check_in_days=10)
    assert rules.with_value(roomy, "min_gap_days", "10").min_gap_days == 10
    lower = rules.with_value(DEFAULTS, "min_gap_days", "5")
    assert rules.with_value(lower, "follow_up_days", "5").follow_up_days == 5


def test_with_texts_checks_every_field_and_reads_them_as_typed() -> None:
    texts = {key: rules.shown(DEFAULTS, key) for key in rules.KEYS}
    assert rules.with_texts(DEFAULTS, texts) == DEFAULTS
    texts |= {"min_gap_days": "10", "follow_up_days": "10", "check_in_days": "12"}
    changed = rules.with_texts(DEFAULTS, texts)
    assert (changed.min_gap_days, changed.follow_up_days, changed.check_in_days) == (10, 10, 12)
    with pytest.raises(ValidationError) as caught:
        rules.with_texts(DEFAULTS, texts | {"send_at_hour": "25"})
    assert caught.value.field == "send_at_hour"


def test_validated_refuses_stored_values_out_of_range() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.validated(DEFAULTS._replace(idle_days=0))
    assert caught.value.field == "idle_days"
    with pytest.raises(ValidationError):
        rules.validated(DEFAULTS._replace(active_floor=True))


def test_require_names_the_setting_and_how_to_set_it() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.require(DEFAULTS, "your_name", "the template's {my_name}")
    assert caught.value.field == "your_name"
    assert "the template's {my_name} needs it" in caught.value.message
    assert "jobhunt settings your_name VALUE" in caught.value.message
    named = DEFAULTS._replace(your_name="Zoë")
    assert rules.require(named, "your_name", "the template") == "Zoë"
