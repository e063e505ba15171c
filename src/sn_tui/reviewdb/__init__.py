"""The review database: sign-offs by faggruppe bound to Git blobs, review rounds, presence and
drafts. It returns the pure records and matrices of `sn_tui.domain.reviews`; front ends reach
it through `sn_tui.services.reviews` only.

Three access paths, each with one job:

- **Tables** (`tables`, SQLModel): the schema, and every write and read that is not on a hot
  path: recording a review, history, rounds (`service.ReviewService`, through
  `connection.open_database`).
- **Migrations** (`migrations/versions/`, Alembic, run by `migrate`): how a database of any
  older schema reaches the tables' schema; `schema` names the revisions without importing
  Alembic, so a current database costs one query to check.
- **Plain SQL** (`queries/`, the DB-API: sqlite3 or psycopg): what runs all the time: cell
  statuses on every start (`queries.status`), presence beats and drafts every few seconds
  (`queries.live`), the schema version (`queries.version`), and the connection settings both
  paths share (`queries.session`). SQLAlchemy, SQLModel and Alembic
  cost ~40 MB and a good part of a second to import, so the TUI starts and runs on this path and
  imports them only when someone records a review or runs a round. Every SQL string lives in
  `queries/`; `tests/test_review_queries.py` runs each against a database built by the
  migrations and one built from the tables, so a column renamed in one place only fails there.

Imports go one way: `location` (URLs and files; light) and `queries.session` ← `engine` ←
`migrate` ← `connection` ← `service`; `queries.plain` needs only `location` and `queries.*`, and
imports `connection` when a database must first be created or migrated. `rights` holds who may
record what; `clock` the time every row is stamped with.
"""
