"""The SQL that reads the stored schema version and serialises migrations.

Shared by both access paths: `migrate` runs it through SQLAlchemy, `plain` over the DB-API,
to decide whether a database must be migrated before use.
"""

from __future__ import annotations

from sn_tui.reviewdb.schema import VERSION_TABLE

SELECT_REVISION = f"SELECT version_num FROM {VERSION_TABLE}"
"""Alembic's one-row version table (named by `schema.VERSION_TABLE`)."""

PG_MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(:key)"
"""Held for the migrating transaction on PostgreSQL, so processes opening at once upgrade once."""
PG_MIGRATION_LOCK_KEY = 0x736E_7475_6964_6200  # arbitrary, fixed: "sn-tui db"
