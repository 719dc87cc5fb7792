"""Screens: the main board screen, dialogs, detail and help."""

from pathlib import Path

DIALOG_CSS = Path(__file__).parent.parent / "dialogs.tcss"
"""The stylesheet of every screen pushed over the main one (read when the first opens)."""
