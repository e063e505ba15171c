"""Schema versions of the review database, migrated with Alembic on every open.

The migration scripts live in `migrations/versions/`, one file per schema version, each naming
the one before it (`revision = "0003"`, `down_revision = "0002"`); `migrations/env.py` runs them
on the connection given here, so no alembic.ini is needed at run time. To change the schema:
edit `sn_tui.reviewdb.tables`, then add `migrations/versions/NNNN_what.py` with the same change as
explicit `op.…` calls (copy the newest script's header; never import the tables there, a
migration is a frozen snapshot), and `tests/test_review_migrations.py` checks that the tables and
the migrations agree.

Opening checks the stored revision first without taking any lock: a current database costs one
query, and Alembic is not even imported (the revisions are read from the scripts' file names,
`NNNN_what.py`, which a test holds to the scripts' own `revision`). An older one is upgraded inside
one transaction that holds the write lock (SQLite BEGIN IMMEDIATE, a PostgreSQL advisory lock), so
processes opening it at once upgrade it once. A revision this program does not know was written by a
newer sn-tui: refuse, touch nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from sn_tui.domain.reviews.errors import DatabaseTooNew
from sn_tui.i18n import t
from sn_tui.reviewdb.engine import writer
from sn_tui.reviewdb.queries.version import (
    PG_MIGRATION_LOCK,
    PG_MIGRATION_LOCK_KEY,
    SELECT_REVISION,
)
from sn_tui.reviewdb.schema import MIGRATIONS_DIR, VERSION_TABLE, head_revision, known_revisions

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    config.attributes["version_table"] = VERSION_TABLE
    return config


def scripts() -> ScriptDirectory:
    """Alembic's view of the migration scripts (for upgrading, and for the tests)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    row = connection.execute(text(SELECT_REVISION)).first()
    return None if row is None else str(row[0])


def _refuse_unknown(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(t("review.database_too_new", revision=revision), revision)


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to `target` (tests use an older target to build old databases)."""
    goal = head_revision() if target == "head" else target
    with engine.connect() as connection:
        current = current_revision(connection)
    _refuse_unknown(current)
    if current == goal:
        return
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text(PG_MIGRATION_LOCK), {"key": PG_MIGRATION_LOCK_KEY})
        current = current_revision(connection)  # another process may have been first
        _refuse_unknown(current)
        if current != goal:
            from alembic import command

            command.upgrade(_config(connection), target)
