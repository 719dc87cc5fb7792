"""The Textual app: screens, widgets, one stylesheet and command-palette providers."""
