"""Alembic environment: run the migrations on the connection `sn_tui.reviewdb.migrate` passes.

The connection is already inside a transaction, so every migration and the version stamp commit
or roll back together.
"""

from __future__ import annotations

from alembic import context

_connection = context.config.attributes["connection"]
context.configure(
    connection=_connection,
    version_table=context.config.attributes["version_table"],
    target_metadata=None,
)
with context.begin_transaction():
    context.run_migrations()
