"""Every SQL string of the review database, beside the tables it must match.

`plain` (the DB-API connection), `status`, `live`: what runs all the time, without SQLAlchemy;
`version`: the schema version, read by both paths; `session`: connection settings and BEGINs,
shared by both paths. `tests/test_review_queries.py` holds them to the tables and migrations.
"""
