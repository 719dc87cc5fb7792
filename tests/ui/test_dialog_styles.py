"""Dialog styles live in dialogs.tcss: read when the first dialog opens, never at startup."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

from textual.screen import Screen

import jobhunt_tui.ui.screens as screens_package
from jobhunt_tui.ui.app import JobhuntApp
from jobhunt_tui.ui.screens import DIALOG_CSS
from jobhunt_tui.ui.screens.main import MainScreen


def _screen_classes() -> list[type[Screen[object]]]:
    found = []
    for info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"{screens_package.__name__}.{info.name}")
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_screen_over_the_main_one_reads_the_dialog_stylesheet() -> None:
    classes = _screen_classes()
    assert len(classes) >= 10  # the walk found the dialogs
    missing = [
        cls.__name__ for cls in classes if cls is not MainScreen and cls.CSS_PATH != DIALOG_CSS
    ]
    assert missing == []
    assert MainScreen.CSS_PATH is None


async def test_dialog_rules_arrive_with_the_first_dialog(
    make_app: Callable[..., JobhuntApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.stylesheet.has_source(str(DIALOG_CSS), "")
        await pilot.press("a")
        await pilot.pause()
        assert app.stylesheet.has_source(str(DIALOG_CSS), "")
        dialog = app.screen.query_one(".dialog")
        assert dialog.outer_size.width == 72  # `.dialog { width: 72 }` from dialogs.tcss
