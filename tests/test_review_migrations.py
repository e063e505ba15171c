"""The review database's schema: migrated on open, refused when newer, light to import."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import sn_tui
from sn_tui.domain.reviews.errors import DatabaseTooNew, DatabaseUnavailable
from sn_tui.domain.reviews.records import Status
from sn_tui.reviewdb.connection import open_database
from sn_tui.reviewdb.engine import make_engine
from sn_tui.reviewdb.location import default_sqlite_url, normalise_url
from sn_tui.reviewdb.migrate import VERSION_TABLE, current_revision, head_revision, upgrade
from sn_tui.reviewdb.service import ReviewService

if TYPE_CHECKING:
    from review_fixtures import Texts

pytest_plugins = ["review_fixtures"]

SRC = Path(sn_tui.__file__).resolve().parents[1]


def test_a_database_at_the_first_schema_is_upgraded_with_its_rows(
    db_url: str, texts: Texts
) -> None:
    fam = texts.new("familiebehandling")
    old_engine = make_engine(normalise_url(db_url))
    upgrade(old_engine, "0001")
    with old_engine.begin() as conn:
        assert current_revision(conn) == "0001"
        assert "review_round" not in inspect(conn).get_table_names()
        for login, group in (("anna", "myndighed"), ("bo", "ppr")):
            conn.execute(
                text(
                    "INSERT INTO review (indsats_id, faggruppe, login, verdict, comment, blob, "
                    '"commit", created_at) VALUES (:i, :g, :l, :v, :c, :b, :k, :t)'
                ),
                {
                    "i": fam.id,
                    "g": group,
                    "l": login,
                    "v": "approved",
                    "c": "",
                    "b": fam.blob,
                    "k": "ab" * 20,
                    "t": dt.datetime(2025, 5, 1, 12, 0),
                },
            )
    old_engine.dispose()

    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            assert current_revision(conn) == head_revision() != "0001"
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("review")}
        assert "ix_review_matrix" in indexes and "ix_review_indsats" not in indexes
        service = ReviewService(db)
        history = service.history(fam.id)
        assert [r.login for r in history] == ["bo", "anna"]
        assert history[0].created_at == dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.UTC)
        matrix = service.status.matrix([fam], texts.read_blob)
        assert matrix.progress(fam.id).label == "2/2"
        assert matrix.cell(fam.id, "ppr").status is Status.APPROVED  # type: ignore[union-attr]
        service.start_round("Efter opgraderingen", dt.date(2026, 1, 1), by="anna")
    finally:
        db.close()


def test_a_database_from_a_newer_sn_tui_is_refused_untouched(db_url: str) -> None:
    open_database(db_url).close()
    engine = make_engine(normalise_url(db_url))
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0999'"))
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(db_url)
    assert caught.value.revision == "0999"
    assert str(caught.value) == (
        "Review-databasen er lavet af en nyere udgave af sn-tui (skemaversion «0999»), som "
        "denne udgave ikke kender. Opdatér sn-tui, før du åbner den."
    )
    with engine.connect() as conn:
        assert current_revision(conn) == "0999"
    engine.dispose()


def test_the_tables_match_the_migrations(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            opts = {"compare_type": True, "version_table": VERSION_TABLE}
            context = MigrationContext.configure(conn, opts=opts)
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        db.close()


def test_importing_the_review_package_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys, sn_tui.reviewdb, sn_tui.reviewdb.location, sn_tui.reviewdb.queries.plain, "
        "sn_tui.domain.reviews.matrix, sn_tui.domain.reviews.rounds\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules]\n"
        "print(heavy)"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_default_database_lives_in_the_git_directory(tmp_path: Path) -> None:
    git_dir = tmp_path / "repo" / ".git"
    git_dir.mkdir(parents=True)
    url = default_sqlite_url(git_dir)
    assert url == f"sqlite:///{git_dir.resolve()}/sn-tui.db"
    open_database(url).close()
    assert (git_dir / "sn-tui.db").is_file()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_urls(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_an_unknown_database_url_is_a_danish_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="forstås ikke"):
        open_database("mysql://u@h/db")
    with pytest.raises(DatabaseUnavailable, match="findes ikke"):
        open_database(f"sqlite:///{tmp_path}/mangler/sn-tui.db")


def test_a_database_that_does_not_answer_is_a_danish_error_without_the_password() -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database("postgresql://sn:hemmelig@127.0.0.1:9/test?connect_timeout=2")
    message = str(caught.value)
    assert message.startswith("Review-databasen postgresql+psycopg://sn:***@127.0.0.1:9/test")
    assert "kan ikke åbnes" in message and "hemmelig" not in message


@pytest.mark.parametrize("shared", [True, False])
def test_a_new_database_in_a_shared_git_directory_is_group_writable(
    tmp_path: Path, shared: bool
) -> None:
    git_dir = tmp_path / "git"
    git_dir.mkdir()
    git_dir.chmod(0o2775 if shared else 0o755)
    old_umask = os.umask(0o022)
    try:
        db = open_database(default_sqlite_url(git_dir))
        ReviewService(db).start_round("Runde", dt.date(2026, 1, 1), by="anna")  # writes the WAL
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in git_dir.iterdir() if p.is_file()}
        db.close()
    finally:
        os.umask(old_umask)
    assert {"sn-tui.db", "sn-tui.db-wal"} <= modes.keys()
    for name, mode in modes.items():
        assert bool(mode & stat.S_IWGRP) is shared, (name, oct(mode))
        assert not mode & stat.S_IWOTH, (name, oct(mode))


def test_the_script_file_names_are_the_scripts_revisions() -> None:
    from sn_tui.reviewdb.migrate import known_revisions, scripts

    alembic_view = scripts()
    assert known_revisions() == {s.revision for s in alembic_view.walk_revisions()}
    assert head_revision() == alembic_view.get_current_head()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sn-tui.db'}"
    open_database(url).close()
    probe = (
        "import sys; from sn_tui.reviewdb.connection import open_database; "
        f"open_database({url!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
