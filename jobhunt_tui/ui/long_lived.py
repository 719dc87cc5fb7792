"""The ORM, once loaded, kept out of the cycle collector's full passes.

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


def freeze_once_orm_loaded() -> None:
    """Freeze the collector's tracked objects the first time this runs with the ORM loaded
    (call it from a worker after a write or a warm-up; it is cheap when already done)."""
    if _State.frozen or _ORM_MODULE not in sys.modules:
        return
    _State.frozen = True
    gc.freeze()
