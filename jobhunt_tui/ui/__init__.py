"""The Textual app: screens, widgets, styles. Only the command line imports it."""
