"""An open review database through SQLAlchemy: `open_database` -> `Database`.

Importing this module imports SQLAlchemy, SQLModel's session and the migration runner, so the
light paths (`location`, `queries.plain`) import it only when a database must be created,
migrated, or written through the tables; the TUI does that in a worker. Opening creates the
engine (`engine`) and brings the schema up to date (`migrate`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from sn_tui.domain.reviews.errors import DatabaseUnavailable
from sn_tui.i18n import t
from sn_tui.reviewdb.engine import make_engine, writer
from sn_tui.reviewdb.location import create_shared_file, normalise_url, sqlite_path
from sn_tui.reviewdb.migrate import upgrade


class Database:
    """An open review database: an engine whose schema is current.

    `read()` gives a session for reading; `write()` one whose transaction is begun IMMEDIATE on
    SQLite (so read-then-write cannot deadlock) and committed when the block ends.
    """

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._writer = writer(engine)

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Open (creating if need be) and migrate the database at `url`.

    Raises `DatabaseTooNew` when a newer sn-tui wrote the schema, `DatabaseUnavailable` when the
    URL is not understood or the database does not answer.
    """
    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None:
        create_shared_file(path)
    engine = make_engine(url)
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        shown = engine.url.render_as_string(hide_password=True)
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        message = t("review.database_open_failed", url=shown, detail=detail)
        raise DatabaseUnavailable(message) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(url, engine)
