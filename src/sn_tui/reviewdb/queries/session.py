"""How every SQLite connection is set up and every transaction begun, on both access paths.

SQLAlchemy's engine (`sn_tui.reviewdb.engine`) and the plain connection (`plain`) both run
these, so the two paths open the same file with the same settings. A transaction that may write
begins IMMEDIATE on SQLite: one begun DEFERRED that reads, then writes, fails with "database is
locked" when another process writes first, whatever the busy timeout.
"""

from __future__ import annotations

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # durable enough in WAL mode
    "PRAGMA foreign_keys = ON",
    "PRAGMA cache_size = -512",  # KiB; the file cache serves the rest (default: 2 MB)
)
BEGIN = "BEGIN"
BEGIN_IMMEDIATE = "BEGIN IMMEDIATE"
