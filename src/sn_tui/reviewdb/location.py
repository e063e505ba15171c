"""Where the review database lives and how its URL is read.

Light on purpose (no SQLAlchemy): both access paths start here, the plain DB-API one
(`queries.plain`) and SQLAlchemy's (`connection`), so they open the same database.

- SQLite (the default) lives in the content repository's Git directory: `<git_dir>/sn-tui.db`.
  When that directory is group-writable (a shared repository), a new database file is made
  group-writable too, like Git does for its own files; SQLite gives its `-wal` and `-shm` files
  the same mode. Existing files are never chmod-ed.
- PostgreSQL for `postgresql://…` (or `postgres://…`, `postgresql+psycopg://…`), via psycopg 3.
- A URL with a password is never put on a command line (every user on the host sees it in
  `ps`) or in a world-readable file: `sn-tui ssh-setup` stores it in the Git directory's
  `sn-tui-database-url`, readable by the owner (and the shared group) only, and it is read
  from there when neither `--db` nor `$SN_DATABASE_URL` gives one.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sn_tui.domain.reviews.errors import DatabaseUnavailable
from sn_tui.i18n import t

DB_FILE_NAME = "sn-tui.db"
URL_FILE_NAME = "sn-tui-database-url"
_PG_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def default_sqlite_url(git_dir: Path) -> str:
    """The default database of a content repository: `sn-tui.db` in its Git directory."""
    return f"sqlite:///{(Path(git_dir) / DB_FILE_NAME).resolve()}"


def stored_url(git_dir: Path) -> str | None:
    """The URL stored in the Git directory (`URL_FILE_NAME`), if there is one; refused when
    others than its owner and group may read the file."""
    path = Path(git_dir) / URL_FILE_NAME
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DatabaseUnavailable(t("escapes.db_url_readable", path=path)) from exc
    with os.fdopen(fd, encoding="utf-8") as handle:
        if os.fstat(fd).st_mode & stat.S_IRWXO:
            raise DatabaseUnavailable(t("escapes.db_url_readable", path=path))
        return handle.read().strip() or None


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for a user's database URL; raises `DatabaseUnavailable` if unknown."""
    url = url.strip()
    for prefix in _PG_PREFIXES:
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith("sqlite://"):
        return url
    raise DatabaseUnavailable(t("review.database_url_unknown", url=url))


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other backends and in-memory databases."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def create_shared_file(path: Path) -> None:
    """Create a missing database file, group-writable when its directory is (umask permitting
    everything else)."""
    if path.exists():
        return
    try:
        directory_mode = path.parent.stat().st_mode
    except FileNotFoundError:
        raise DatabaseUnavailable(t("review.database_dir_missing", path=path.parent)) from None
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
