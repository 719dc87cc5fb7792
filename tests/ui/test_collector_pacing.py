"""The collector's full pass waits for a pause in the keys, anywhere in the app; the ORM,
once a change has loaded it, is frozen out of the collector's reach once."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from jobhunt_tui.storage.database import Database
from jobhunt_tui.ui import long_lived
from jobhunt_tui.ui.app import KEYS_PAUSED_S, JobhuntApp
from jobhunt_tui.ui.widgets.typing_gc import NEVER, FullPassDeferral
from tests.ui.helpers import settle


@pytest.fixture(autouse=True)
def thresholds_kept() -> Iterator[tuple[int, int, int]]:
    """The process's thresholds, put back whatever a test does."""
    before = gc.get_threshold()
    gc.enable()
    yield before
    gc.set_threshold(*before)
    gc.enable()


def test_deferring_holds_only_the_full_pass_and_resuming_puts_it_back(
    thresholds_kept: tuple[int, int, int],
) -> None:
    young, middle, _ = thresholds_kept
    deferral = FullPassDeferral()
    deferral.defer()
    deferral.defer()  # a second key changes nothing
    assert gc.get_threshold() == (young, middle, NEVER)
    deferral.resume()
    assert gc.get_threshold() == thresholds_kept
    deferral.resume()  # nothing deferred: nothing to do
    assert gc.get_threshold() == thresholds_kept


def test_a_full_pass_that_came_due_runs_at_the_pause(
    thresholds_kept: tuple[int, int, int],
) -> None:
    deferral = FullPassDeferral()
    deferral.defer()
    for _ in range(thresholds_kept[2] + 1):  # each middle pass counts toward a full one
        gc.collect(1)
    assert gc.get_count()[2] > thresholds_kept[2]  # due, and held back
    deferral.resume()
    assert gc.get_count()[2] == 0  # the full pass ran: it resets the count


def test_a_collector_configured_off_stays_off() -> None:
    gc.set_threshold(0)
    deferral = FullPassDeferral()
    deferral.defer()
    assert gc.get_threshold()[0] == 0 and deferral.thresholds is None


async def test_a_key_defers_the_full_pass_until_the_keys_pause(
    make_app: Callable[..., JobhuntApp], database: Database, thresholds_kept: tuple[int, int, int]
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("j")
        assert gc.get_threshold()[2] == NEVER
        await pilot.pause(KEYS_PAUSED_S * 2 + 0.1)
        assert gc.get_threshold() == thresholds_kept
        await pilot.press("k")
    assert gc.get_threshold() == thresholds_kept  # and when the app is gone


def test_the_orm_is_frozen_once_when_it_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlmodel  # noqa: F401  (what a change through the ORM has loaded)

    monkeypatch.setattr(long_lived._State, "frozen", False)
    before = gc.get_freeze_count()
    long_lived.freeze_once_orm_loaded()
    frozen = gc.get_freeze_count()
    assert frozen > before
    kept = [object() for _ in range(10)]  # tracked objects made after the freeze stay out
    long_lived.freeze_once_orm_loaded()
    assert gc.get_freeze_count() == frozen and kept


def test_nothing_is_frozen_before_the_orm_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(long_lived, "_ORM_MODULE", "not_a_loaded_module")
    monkeypatch.setattr(long_lived._State, "frozen", False)
    before = gc.get_freeze_count()
    long_lived.freeze_once_orm_loaded()
    assert gc.get_freeze_count() == before and not long_lived._State.frozen


def test_the_collector_held_for_startup_comes_back_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(long_lived._State, "held_for_startup", False)
    before = gc.get_freeze_count()
    long_lived.hold_collector_until_first_frame()
    assert not gc.isenabled()
    made_at_startup = [object() for _ in range(10)]
    long_lived.release_after_first_frame()
    assert gc.isenabled() and made_at_startup
    assert gc.get_freeze_count() >= before + len(made_at_startup)


def test_releasing_a_collector_nobody_held_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(long_lived._State, "held_for_startup", False)
    gc.disable()  # someone else's pause (the editor's typing pacing, say)
    before = gc.get_freeze_count()
    long_lived.release_after_first_frame()
    assert not gc.isenabled() and gc.get_freeze_count() == before
    long_lived.hold_collector_until_first_frame()  # already off: not the launch's to release
    assert not long_lived._State.held_for_startup


async def test_the_app_lets_the_collector_run_once_its_first_frame_is_shown(
    make_app: Callable[..., JobhuntApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(long_lived._State, "held_for_startup", False)
    long_lived.hold_collector_until_first_frame()  # as `jobhunt` does on its first line
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gc.isenabled()
        assert app.screen.query_one("#board").region.height > 0  # the frame was drawn
    assert not long_lived._State.held_for_startup
