"""Engines for the review database: SQLite tuned for many writers, or PostgreSQL.

Imported only when a database is opened (SQLAlchemy costs most of a second to import).

SQLite runs in WAL mode with a busy timeout and foreign keys on. Python's sqlite3 driver is told
to leave transactions alone and SQLAlchemy emits the BEGIN itself: a plain BEGIN for reads, and
BEGIN IMMEDIATE for connections marked with the `WRITE_OPTION` execution option, because a
read-then-write transaction begun DEFERRED fails with "database is locked" when another process
writes first, whatever the busy timeout.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from sn_tui.reviewdb.queries.session import (
    BEGIN,
    BEGIN_IMMEDIATE,
    BUSY_TIMEOUT_MS,
    SQLITE_PRAGMAS,
)

WRITE_OPTION = "sn_tui_write"


def make_engine(url: str) -> Engine:
    """An engine for a normalised URL (see `sn_tui.reviewdb.location.normalise_url`)."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql(BEGIN_IMMEDIATE if immediate else BEGIN)

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, its transactions begun IMMEDIATE on SQLite (no effect elsewhere)."""
    return engine.execution_options(**{WRITE_OPTION: True})
