"""The headless layers never load Textual: proven in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import jobhunt_tui

HEADLESS_PACKAGES = ("domain", "storage", "services", "cli")


def _headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(jobhunt_tui.__path__, prefix="jobhunt_tui."):
        if info.name.split(".")[1] in HEADLESS_PACKAGES:
            names.append(info.name)
    return names


def test_every_headless_module_imports_without_textual() -> None:
    modules = _headless_modules()
    assert "jobhunt_tui.storage.database" in modules
    assert "jobhunt_tui.cli" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_read_path_does_not_load_the_orm() -> None:
    script = (
        "import sys\n"
        "from jobhunt_tui.cli import main\n"
        "from jobhunt_tui.storage import reader, database\n"
        "print(','.join(m for m in ('sqlmodel', 'sqlalchemy', 'textual') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
