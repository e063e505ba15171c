"""The review database over the plain DB-API (sqlite3, psycopg), for what runs all the time.

Presence beats every few seconds, drafts are written while someone types, and the overview's
review column reads every cell's latest marks. Those queries are written as SQL here, so that a
TUI session does not import SQLAlchemy and SQLModel (~40 MB resident and a good part of a
second) unless someone records a review or runs a round. The schema is still the SQLModel
tables' (`sn_tui.reviewdb.tables`) and migrations are still Alembic's: `open_plain` reads the
stored schema version first, and lets `open_database` create or migrate the database when the
version is not this program's.

SQL here uses `?` placeholders (sqlite3's); for psycopg they become `%s`. Datetimes: on SQLite,
SQLAlchemy stores them as naive UTC text `YYYY-MM-DD HH:MM:SS.ffffff`, which sorts and compares
as text; `to_db` and `from_db` write and read exactly that. PostgreSQL's timestamptz columns take
and give aware datetimes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from sn_tui.domain.reviews.errors import DatabaseUnavailable
from sn_tui.i18n import t
from sn_tui.reviewdb.location import normalise_url, sqlite_path
from sn_tui.reviewdb.queries.session import (
    BEGIN,
    BEGIN_IMMEDIATE,
    BUSY_TIMEOUT_MS,
    SQLITE_PRAGMAS,
)
from sn_tui.reviewdb.queries.version import SELECT_REVISION
from sn_tui.reviewdb.schema import head_revision

Row = tuple[Any, ...]
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


class Writer:
    """Statements inside one write transaction."""

    def __init__(self, db: PlainDb, cursor: Any) -> None:
        self._db = db
        self._cursor = cursor

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self._cursor.execute(self._db.dialect(sql), params)
        return list(self._cursor.fetchall())

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Execute; the number of rows it changed."""
        self._cursor.execute(self._db.dialect(sql), params)
        return int(self._cursor.rowcount or 0)


class PlainDb:
    """One connection, shared by the TUI's worker threads one statement at a time."""

    def __init__(self, url: str, backend: str, driver: ModuleType) -> None:
        self.url = url
        self.backend = backend  # "sqlite" or "postgresql"
        self.driver = driver  # the DB-API module: its IntegrityError, OperationalError …
        self._lock = threading.Lock()
        self._conn: Any = None

    # ------------------------------------------------------------------ connection
    def _connection(self) -> Any:
        if self._conn is None:
            self._conn = self._connect()
        return self._conn

    def _connect(self) -> Any:
        if self.backend == "sqlite":
            path = sqlite_path(self.url)
            assert path is not None
            conn = self.driver.connect(
                path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,  # BEGIN and COMMIT are ours (see `write`)
                check_same_thread=False,  # the lock below serialises the threads
            )
            for pragma in SQLITE_PRAGMAS:
                conn.execute(pragma)
            return conn
        conninfo = self.url.replace("postgresql+psycopg://", "postgresql://", 1)
        return self.driver.connect(conninfo, autocommit=True)

    def dialect(self, sql: str) -> str:
        return sql if self.backend == "sqlite" else sql.replace("?", "%s")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # ------------------------------------------------------------------ statements
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """The rows of one query (its own transaction)."""
        with self._lock, self._failing_over():
            cursor = self._connection().cursor()
            try:
                cursor.execute(self.dialect(sql), params)
                return list(cursor.fetchall())
            finally:
                cursor.close()

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """One transaction, committed when the block ends (BEGIN IMMEDIATE on SQLite, so that
        a read-then-write cannot deadlock with another process)."""
        with self._lock, self._failing_over():
            cursor = self._connection().cursor()
            try:
                cursor.execute(BEGIN_IMMEDIATE if self.backend == "sqlite" else BEGIN)
                try:
                    yield Writer(self, cursor)
                except BaseException:
                    cursor.execute("ROLLBACK")
                    raise
                cursor.execute("COMMIT")
            finally:
                cursor.close()

    @contextmanager
    def _failing_over(self) -> Iterator[None]:
        """A connection the server dropped is opened afresh for the next statement."""
        try:
            yield
        except self.driver.OperationalError:
            if self.backend != "sqlite" and self._conn is not None and self._conn.closed:
                self._conn = None
            raise

    def schema_revision(self) -> str | None:
        try:
            found = self.rows(SELECT_REVISION)
        except self.driver.Error:
            return None
        return str(found[0][0]) if found else None

    # ------------------------------------------------------------------ values
    def to_db(self, moment: dt.datetime) -> Any:
        """An aware datetime as this backend stores it."""
        moment = moment.astimezone(dt.UTC)
        return moment.strftime(_SQLITE_TIME) if self.backend == "sqlite" else moment

    def from_db(self, value: Any) -> dt.datetime:
        """A stored datetime, aware, in UTC."""
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def open_plain(url: str) -> PlainDb:
    """Open the database at `url` for the plain queries, creating or migrating it first (with
    SQLAlchemy and Alembic) when its schema is not this program's.

    Raises `DatabaseTooNew` and `DatabaseUnavailable` as `open_database` does.
    """
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is None:
            raise DatabaseUnavailable(t("review.database_url_unknown", url=url))
        import sqlite3

        db = PlainDb(url, "sqlite", sqlite3)
        exists = path.exists()
    else:
        import psycopg

        db = PlainDb(url, "postgresql", psycopg)
        exists = True
    try:
        current = db.schema_revision() if exists else None
    except Exception:
        db.close()
        current = None
    if current != head_revision():
        db.close()
        from sn_tui.reviewdb.connection import open_database

        open_database(url).close()  # creates, migrates, or refuses a newer schema
    return db
