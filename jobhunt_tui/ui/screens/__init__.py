"""Screens: the main board screen, dialogs, detail and help."""
