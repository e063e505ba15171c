"""Reviews: sign-offs by faggruppe bound to Git blobs, their status, review rounds, rights.

Importing this package is cheap (no SQLAlchemy): the modules named here are light, and the
database ones are imported only when a database is opened.

- `db`: `default_sqlite_url`, `open_database` -> `Database` (light; opens lazily)
- `service`: `ReviewService` (imports SQLModel; use after `open_database`)
- `codes`, `labels`: verdict and status codes, their Danish words and every message
- `matrix`, `rounds`: the pure result types (`Matrix`, `Cell`, `Progress`, `RoundStatus`)
- `tables`, `engine`, `migrate`, `migrations/`: the database itself
"""

from sn_tui.domain.review import Status, Verdict
from sn_tui.reviewdb.errors import (
    CommentRequired,
    DatabaseTooNew,
    DatabaseUnavailable,
    ReviewError,
    ReviewRefused,
    RoundNotFound,
)

__all__ = [
    "CommentRequired",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "ReviewError",
    "ReviewRefused",
    "RoundNotFound",
    "Status",
    "Verdict",
]
