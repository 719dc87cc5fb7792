"""Closing the terminal (SIGHUP) or being asked to stop (SIGTERM) must not lose a typed word.

The handlers run on the app's event loop (not inside an arbitrary bytecode of the main
thread): after a moment for keys still in flight, they store the open draft, then let
Textual leave the alternate screen and restore the terminal as on ctrl+q. A watchdog ends
the process with status 0 should that take longer than EXIT_DEADLINE_S (a terminal that is
gone can make the last writes hang); the draft is stored by then.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable

from textual.app import App

EXIT_DEADLINE_S = 1.5
INPUT_GRACE_S = 0.2
"""Keys already typed may still be on their way from the terminal when the signal lands: they
get this long to reach the editor before the text is stored."""
SIGNALS = (signal.SIGHUP, signal.SIGTERM)


def install_signal_handlers(app: App[object], save_and_exit: Callable[[], None]) -> None:
    """Save, then exit cleanly, on SIGHUP and SIGTERM (call on the app's event loop)."""
    loop = asyncio.get_running_loop()

    def stop(signum: int) -> None:
        watchdog = threading.Timer(EXIT_DEADLINE_S, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        loop.call_later(INPUT_GRACE_S, save_and_exit)

    for signum in SIGNALS:
        loop.add_signal_handler(signum, stop, signum)
