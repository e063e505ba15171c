"""Where the review database lives and how it is opened.

Importing this module is cheap: SQLAlchemy, SQLModel and Alembic are imported only by
`open_database`, so the TUI can paint its first screen before paying for them (do the opening in
a worker). Opening creates the engine and brings the schema up to date (`sn_tui.reviewdb.migrate`).

- SQLite (the default) lives in the content repository's Git directory: `<git_dir>/sn-tui.db`.
  When that directory is group-writable (a shared repository), a new database file is made
  group-writable too, like Git does for its own files; SQLite gives its `-wal` and `-shm` files
  the same mode. Existing files are never chmod-ed.
- PostgreSQL for `postgresql://…` (or `postgres://…`, `postgresql+psycopg://…`), via psycopg 3.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sn_tui.reviewdb import labels
from sn_tui.reviewdb.errors import DatabaseUnavailable

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

DB_FILE_NAME = "sn-tui.db"
BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # durable enough in WAL mode
    "PRAGMA foreign_keys = ON",
    "PRAGMA cache_size = -512",  # KiB; the file cache serves the rest (default: 2 MB)
)
"""Every SQLite connection's settings, whether SQLAlchemy's (`engine`) or a plain one."""
_PG_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def default_sqlite_url(git_dir: Path) -> str:
    """The default database of a content repository: `sn-tui.db` in its Git directory."""
    return f"sqlite:///{(Path(git_dir) / DB_FILE_NAME).resolve()}"


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for a user's database URL; raises `DatabaseUnavailable` if unknown."""
    url = url.strip()
    for prefix in _PG_PREFIXES:
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith("sqlite://"):
        return url
    raise DatabaseUnavailable(labels.DATABASE_URL_UNKNOWN.format(url=url))


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other backends and in-memory databases."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


class Database:
    """An open review database: an engine whose schema is current.

    `read()` gives a session for reading; `write()` one whose transaction is begun IMMEDIATE on
    SQLite (so read-then-write cannot deadlock) and committed when the block ends.
    """

    def __init__(self, url: str, engine: Engine) -> None:
        from sn_tui.reviewdb.engine import writer

        self.url = url
        self.engine = engine
        self._writer = writer(engine)

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        from sqlmodel import Session

        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Open (creating if need be) and migrate the database at `url`.

    Raises `DatabaseTooNew` when a newer sn-tui wrote the schema, `DatabaseUnavailable` when the
    URL is not understood or the database does not answer.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from sn_tui.reviewdb.engine import make_engine
    from sn_tui.reviewdb.migrate import upgrade

    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None:
        _create_shared_file(path)
    engine = make_engine(url)
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        shown = engine.url.render_as_string(hide_password=True)
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        message = labels.DATABASE_OPEN_FAILED.format(url=shown, detail=detail)
        raise DatabaseUnavailable(message) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(url, engine)


def _create_shared_file(path: Path) -> None:
    """Create a missing database file, group-writable when its directory is (umask permitting
    everything else)."""
    if path.exists():
        return
    try:
        directory_mode = path.parent.stat().st_mode
    except FileNotFoundError:
        raise DatabaseUnavailable(labels.DATABASE_DIR_MISSING.format(path=path.parent)) from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    except FileExistsError:
        return  # another process made it first
    try:
        if directory_mode & stat.S_IWGRP:
            mode = stat.S_IMODE(os.fstat(fd).st_mode)
            os.fchmod(fd, mode | stat.S_IRGRP | stat.S_IWGRP)
    finally:
        os.close(fd)
