"""Long-lived objects kept out of the cycle collector: the startup's, and the ORM's.

Startup: importing Textual and jobhunt makes ~74,000 tracked objects, and the first screen
more, that live for the session; collecting while they were made cost the first frame ~30 ms
(young passes, then a full pass during compose), and another full pass (~30 ms) landed in
the frame after it. So the app launch holds the collector until the first frame, then
freezes what exists (it lives for the session) and lets it run again.

The ORM:

Moves, notes and undo write in plain SQL; a form's change and the follow-up keys (done,
snooze) go through the ORM, whose first use imports SQLAlchemy and SQLModel and maps the
tables: ~60,000 tracked objects that live for the session. Left in the collector's oldest
generation, each full pass walked them again (with the rest, 25-50 ms on the UI thread at
10,000 opportunities, a key's frame late). Frozen once, right after that first use, they
are never walked again; a freeze also keeps whatever garbage exists at that moment, so it
happens only once.
"""

from __future__ import annotations

import gc
import sys

_ORM_MODULE = "sqlmodel"


class _State:
    frozen = False
    held_for_startup = False


def hold_collector_until_first_frame() -> None:
    """Turn automatic collection off until `release_after_first_frame` (the app launch's
    first line; an already disabled collector is left as it is)."""
    if gc.isenabled():
        gc.disable()
        _State.held_for_startup = True


def release_after_first_frame() -> None:
    """The first frame is on screen: freeze what startup made, collect automatically again.

    Does nothing unless the launch held the collector (apps under test never do)."""
    if not _State.held_for_startup:
        return
    _State.held_for_startup = False
    gc.freeze()
    gc.enable()


def freeze_once_orm_loaded() -> None:
    """Freeze the collector's tracked objects the first time this runs with the ORM loaded
    (call it from a worker after a write or a warm-up; it is cheap when already done)."""
    if _State.frozen or _ORM_MODULE not in sys.modules:
        return
    _State.frozen = True
    gc.freeze()
