"""Errors the domain and the layers above raise for the user to read."""

from __future__ import annotations


class JobhuntError(Exception):
    """Base of every error that carries a message meant for the user."""


class ValidationError(JobhuntError):
    """Input that cannot be stored: says which field and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(JobhuntError):
    """A record the user named does not exist."""


class PestGuardError(JobhuntError):
    """An outbound touch would land too soon after the last one."""


class DatabaseRefusedError(JobhuntError):
    """A file that jobhunt will not open (not ours, newer, damaged)."""


class StorageUnavailableError(JobhuntError):
    """The data file or its folder cannot be used right now (busy, full disk, read-only,
    permission denied): nothing is wrong with the data itself."""
