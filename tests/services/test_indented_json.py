"""The fast indented JSON writes exactly what `json.dumps(indent=2, ensure_ascii=False)` does."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobhunt_tui.services.indented_json import dumps


class Level(enum.IntEnum):
    HIGH = 1


class Tagged(dict):  # type: ignore[type-arg]
    """A dict subclass: json encodes it as a dict."""


def _standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [
        [], {}, [[]], {"a": {}}, [{}], [{}, {"a": 1}], [1, 2.5, None, True, "x"], "plain", 7,
        {"k": [1, {"z": []}], "n": None}, [{"a": 1}, {"b": [{"c": "d"}, []]}],
        {1: "int key", 2.5: "float key", False: "bool key", None: "none key", "s": {"t": [None]}},
        [{"a": "ends with },", "b": "{"}, {"c": '"},\\u0000{'}], [{"x": "\x00\x01\x1b\u2028é"}],
        [Tagged(a=1), {"b": Level.HIGH}], {"e": Level.HIGH, "t": (1, (2, 3))},
        {"nested": {"deeper": {"deepest": [{"a": 1, "b": [2]}, {"c": 3}]}}},
        [[{"a": 1}, {"b": 2}], [{"c": 3}]], {"id": 1, "contacts": [{"id": 2, "name": "Ann"}]},
        [{"id": 1, "contacts": [{"id": 2}]}], [{"id": 1, "contacts": []}],
        [{"id": 1, "l": [{"a": 1}], "m": []}, {"id": 2, "l": [], "m": [{"b": "],\x00["}]}],
        [{"a": 1, "l": [{"x": 1}]}, {"l": [], "a": 2}], [{"a": 1, "l": [[]]}, {"a": 2, "l": []}],
    ],
)  # fmt: skip
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert dumps(value) == _standard(value)


_SCALAR = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_JSON = st.recursive(
    _SCALAR,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


@given(_JSON)
@settings(max_examples=150, deadline=None)
def test_any_json_value(value: Any) -> None:
    assert dumps(value) == _standard(value)


_BRACES = st.text(alphabet='{},[]":\\ \x00\x01a', max_size=8)


@given(st.lists(st.dictionaries(_BRACES, _SCALAR | _BRACES, min_size=1), min_size=1))
@settings(max_examples=150, deadline=None)
def test_a_list_of_flat_dicts_whatever_their_text(value: list[dict[str, Any]]) -> None:
    assert dumps({"timeline": value}) == _standard({"timeline": value})


def test_what_json_cannot_encode_is_refused_the_same_way() -> None:
    with pytest.raises(TypeError):
        dumps([{"when": object()}])


_FLAT_DICT = st.dictionaries(_BRACES, _SCALAR | _BRACES, min_size=1, max_size=3)


@st.composite
def _records(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Records sharing their keys: each key scalars throughout, or lists of flat dicts."""
    keys = draw(st.lists(_BRACES, min_size=1, max_size=5, unique=True))
    nested = {key for key in keys if draw(st.booleans())}
    rows = draw(st.integers(min_value=1, max_value=4))
    return [
        {
            key: draw(st.lists(_FLAT_DICT, max_size=3) if key in nested else _SCALAR | _BRACES)
            for key in keys
        }
        for _ in range(rows)
    ]


@given(_records())
@settings(max_examples=200, deadline=None)
def test_records_that_share_their_keys(value: list[dict[str, Any]]) -> None:
    assert dumps(value) == _standard(value)
    assert dumps({"all": value}) == _standard({"all": value})
