"""`python -m jobhunt_tui` runs the command line."""

from jobhunt_tui.cli import main

main()
