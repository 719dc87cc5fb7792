"""Opening the app: the clock from the environment, and a start that skips click.

`jobhunt` and `jobhunt --db PATH` only open the app. Parsing those two forms here spares the
first paint the ~20 ms click costs to import; every other form goes through click.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jobhunt_tui.domain.clock import Clock, fixed_clock, system_clock
from jobhunt_tui.domain.errors import DatabaseRefusedError, JobhuntError

if TYPE_CHECKING:
    from jobhunt_tui.services.read_ahead import ReadAhead
    from jobhunt_tui.storage.database import Database

# A fixed "now" for tests, demo data and screenshots; never needed by users.
NOW_ENV_VAR = "JOBHUNT_NOW"


def clock_from_environment() -> Clock:
    """The system clock, or a fixed one when JOBHUNT_NOW is set."""
    fixed = os.environ.get(NOW_ENV_VAR)
    if not fixed:
        return system_clock
    import arrow

    return fixed_clock(arrow.get(fixed))


class AppLaunch(NamedTuple):
    """A command line that only opens the app, on this database (None: the default one)."""

    db_path: Path | None


def app_launch(args: list[str]) -> AppLaunch | None:
    """The launch `args` ask for, or None when they need click (a command, help, a typo)."""
    if not args:
        return AppLaunch(None)
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return AppLaunch(Path(args[1]))
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return AppLaunch(Path(args[0].removeprefix("--db=")))
    return None


NO_TERMINAL = (
    "jobhunt: the app needs a terminal (stdin and stdout are not one); run it in a terminal, "
    "or use the command line: jobhunt --help"
)


def refuse_without_terminal() -> None:
    """Exit with status 2 and one line when stdin or stdout is not a terminal.

    Without one the app cannot read keys and would spin writing escape codes into a file.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(NO_TERMINAL, file=sys.stderr)
        sys.exit(2)


def open_with_backup_offer(path: Path | None) -> Database:
    """Open the database; a refused file's message says how to restore the newest good
    backup, when there is one."""
    from jobhunt_tui.storage.database import NewerDatabaseError, open_database
    from jobhunt_tui.storage.paths import default_database_path

    try:
        return open_database(path)
    except NewerDatabaseError:
        raise  # the fix is a newer jobhunt, not an older copy
    except DatabaseRefusedError as error:
        from jobhunt_tui.services.backup import restore_offer

        target = Path(path).expanduser() if path is not None else default_database_path()
        raise DatabaseRefusedError(f"{error}{restore_offer(target)}") from None


def open_app_directly(launch: AppLaunch) -> None:
    """Open the app; a refused file (or no terminal) is one line on stderr and exit status 2."""
    from jobhunt_tui.ui.long_lived import hold_collector_until_first_frame

    hold_collector_until_first_frame()  # released by the app once its first frame is shown
    from jobhunt_tui.storage.failures import explain

    try:
        database = open_with_backup_offer(launch.db_path)
        refuse_without_terminal()
        clock = clock_from_environment()
        read_ahead = start_read_ahead(database, clock)  # while Textual imports
        from jobhunt_tui.ui.app import run_app

        run_app(database, clock, read_ahead)
    except JobhuntError as error:
        say(str(error))
        sys.exit(2)
    except Exception as error:
        reason = explain(error)
        if reason is None:
            raise
        say(reason)
        sys.exit(2)


def start_read_ahead(database: Database, clock: Clock) -> ReadAhead:
    """Start reading what the first frame shows, for this terminal's height."""
    import shutil

    from jobhunt_tui.services.read_ahead import ReadAhead
    from jobhunt_tui.services.zone import local_zone

    lines = shutil.get_terminal_size().lines or 25  # as Textual measures the terminal
    return ReadAhead(database, clock, local_zone(), lines).start()


def say(message: str) -> None:
    """One line on stderr, `jobhunt: ` first, control characters shown as symbols."""
    from jobhunt_tui.domain.text import visible

    print(f"jobhunt: {visible(message)}", file=sys.stderr)


def not_utf8(args: list[str]) -> str | None:
    """Why the command line cannot be used when an argument is not UTF-8, else None.

    Python hands such bytes over as lone surrogates; stored, they would fail every later read.
    """
    for number, arg in enumerate(args, start=1):
        bad = next((char for char in arg if "\udc80" <= char <= "\udcff"), None)
        if bad is not None:
            byte = ord(bad) - 0xDC00
            return (
                f"argument {number} is not UTF-8 text (it holds the byte 0x{byte:02x}); "
                "jobhunt takes UTF-8 only"
            )
    return None
