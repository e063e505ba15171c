"""Alembic migration scripts of the review database (run by `sn_tui.reviewdb.migrate`)."""
