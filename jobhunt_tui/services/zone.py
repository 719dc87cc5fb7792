"""The user's time zone, one answer for the board, the agenda and the command line."""

from __future__ import annotations

import datetime as dt
import os

from jobhunt_tui.domain.localtime import zone

TZ_ENV_VAR = "JOBHUNT_TZ"


def local_zone() -> dt.tzinfo:
    """The user's zone: JOBHUNT_TZ (an IANA name) when set, else the operating system's."""
    name = os.environ.get(TZ_ENV_VAR, "").strip()
    if name:
        return zone(name)
    from dateutil import tz

    return tz.tzlocal()
