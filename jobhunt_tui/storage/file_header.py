"""The 100-byte SQLite header, read without SQLite: deciding about a file must not create
anything beside it (a read-only connection to a WAL-mode file makes empty -wal and -shm files)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
_WAL_FORMAT = 2


class FileHeader(NamedTuple):
    """What the header of a SQLite file says about it."""

    application_id: int
    user_version: int
    page_size: int
    page_count: int
    page_count_valid: bool
    wal_mode: bool

    @property
    def expected_size(self) -> int:
        """The bytes the main file must hold, when the header's page count can be trusted."""
        return self.page_size * self.page_count if self.page_count_valid else 0


def parse_header(header: bytes) -> FileHeader | None:
    """The header's fields, or None when `header` is not a whole SQLite header."""
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return None
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (version_valid_for,) = struct.unpack(">I", header[92:96])
    (user_version,) = struct.unpack(">i", header[60:64])
    (application_id,) = struct.unpack(">i", header[68:72])
    return FileHeader(
        application_id=application_id,
        user_version=user_version,
        page_size=page_size,
        page_count=page_count,
        # The in-header size is only valid when written by SQLite >= 3.7.0 (see fileformat2).
        page_count_valid=page_count > 0 and version_valid_for == change_counter,
        wal_mode=header[18] == _WAL_FORMAT and header[19] == _WAL_FORMAT,
    )


def read_header(path: Path) -> bytes:
    """The first HEADER_SIZE bytes of `path` (fewer if the file is shorter)."""
    with path.open("rb") as handle:
        return handle.read(HEADER_SIZE)


def wal_has_frames(path: Path) -> bool:
    """True when a -wal file beside `path` may hold pages newer than the main file."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 32  # a WAL header alone holds no frames
    except FileNotFoundError:
        return False
