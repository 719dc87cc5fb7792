"""jobhunt: a keyboard-driven job-search command center for the terminal."""

__version__ = "0.1.0"
