"""Text cleaning on the way in, and visible control characters on the way out."""

from __future__ import annotations

import pytest

from jobhunt_tui.domain.errors import ValidationError
from jobhunt_tui.domain.text import (
    NAME_MAX,
    clean_optional,
    clean_required,
    name_key,
    strip_controls,
    visible,
)


def test_escape_sequences_and_c1_controls_are_stripped() -> None:
    hostile = "Acme\x1b]52;c;SGVsbG8=\x07 \x1b[31mRed\x9b2J\x7f"
    assert strip_controls(hostile) == "Acme]52;c;SGVsbG8= [31mRed2J"


def test_newlines_and_tabs_survive_in_multiline_text() -> None:
    assert strip_controls("line one\r\nline\ttwo\rthree") == "line one\nline\ttwo\nthree"


def test_single_line_fields_fold_newlines_to_spaces() -> None:
    assert clean_required("  Acme\nCorp\t ", "company") == "Acme Corp"


@pytest.mark.parametrize("blank", ["", "   ", "\x1b\x07", "\n\t"])
def test_required_fields_refuse_blank(blank: str) -> None:
    with pytest.raises(ValidationError, match="company: must not be empty"):
        clean_required(blank, "company")


def test_overlong_text_is_refused_with_its_length() -> None:
    with pytest.raises(ValidationError, match="10,000 characters long; the limit is 200"):
        clean_required("x" * 10_000, "company", NAME_MAX)


def test_markup_and_emoji_are_kept_literally() -> None:
    assert clean_optional("[bold]Acme[/] 🚀 שלום", "notes") == "[bold]Acme[/] 🚀 שלום"


def test_visible_shows_controls_as_symbols() -> None:
    assert visible("a\x1bb\x07c\x9bd") == "a␛b␇c\ufffdd"
    assert visible("one\ntwo", multiline=True) == "one\ntwo"


def test_name_key_ignores_case_and_spacing() -> None:
    assert name_key("  ÄRZTE  Group ") == name_key("ärzte group")


BIDI_FORMATTING = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("mark", BIDI_FORMATTING)
def test_bidi_overrides_and_isolates_are_shown_as_marks_and_stripped(mark: str) -> None:
    hostile = f"Acme{mark}gnp.exe"
    assert visible(hostile) == "Acme\ufffdgnp.exe"
    assert visible(hostile, multiline=True) == "Acme\ufffdgnp.exe"
    assert strip_controls(hostile) == "Acmegnp.exe"
    assert clean_required(hostile, "company") == "Acmegnp.exe"


def test_weak_direction_marks_that_right_to_left_text_needs_are_kept() -> None:
    hebrew = "שלום\u200f (Tel Aviv)\u200e"
    assert strip_controls(hebrew) == hebrew
    assert visible(hebrew) == hebrew
