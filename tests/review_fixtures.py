"""Fixtures for the review tests: indsats texts with real Git blob ids, people, and databases.

Every service test runs against SQLite, and against PostgreSQL when it answers on
127.0.0.1:5432 (database `test`, trust auth) - each PostgreSQL test in a schema of its own.
Test modules load this with `pytest_plugins = ["review_fixtures"]`.
"""

from __future__ import annotations

import getpass
import hashlib
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from sn_tui.domain.document import Document
from sn_tui.domain.entry import Adgang, Indsats, parse_adgang
from sn_tui.domain.fields import FIELDS, indsats_path
from sn_tui.reviewdb.connection import Database, open_database
from sn_tui.reviewdb.service import ReviewService

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_DATABASE = "test"

ADGANG_YML = """\
personer:
  anna:
    navn: Anna Rådgiver
    email: anna@testrup.dk
    faggrupper: [myndighed]
    roller: [godkender]
  bo:
    navn: Bo Psykolog
    email: bo@testrup.dk
    faggrupper: [ppr]
  carl:
    navn: Carl Begge
    email: carl@testrup.dk
    faggrupper: [myndighed, ppr, sundhed]
  dorte:
    navn: Dorte Redaktør
    email: dorte@testrup.dk
    roller: [redaktør]
"""


def blob_id(data: bytes) -> str:
    """Git's blob id of `data` (what `git hash-object` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def indsats_text(indsats_id: str, groups: tuple[str, ...], **fields: str) -> str:
    body = "".join(
        f"\n## {name}\n\n{fields.get(name, f'Tekst om {name.lower()}, som den er i dag.')}\n"
        for name in FIELDS
    )
    return (
        "---\n"
        f"id: {indsats_id}\n"
        f"titel: {indsats_id.replace('-', ' ').capitalize()}\n"
        "kategori: Støttende indsatser\n"
        f"faggrupper: [{', '.join(groups)}]\n"
        "økonomi:\n"
        "  budget_kr: 4500000\n"
        "  forventet_antal: 60\n"
        "---\n" + body
    )


class Texts:
    """Indsats versions kept by blob id, like a Git object store: `read_blob` serves them."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def read_blob(self, blob: str) -> bytes:
        return self.blobs[blob]  # KeyError for an unknown blob, as the contract says

    def add(self, data: bytes, indsats_id: str) -> Indsats:
        blob = blob_id(data)
        self.blobs[blob] = data
        return Indsats.parse(data, indsats_path(indsats_id), blob)

    def new(self, indsats_id: str, groups: tuple[str, ...] = ("myndighed", "ppr")) -> Indsats:
        return self.add(indsats_text(indsats_id, groups).encode(), indsats_id)

    def raw(self, indsats: Indsats) -> str:
        return self.blobs[indsats.blob].decode()

    def edit(self, indsats: Indsats, field: str, value: str) -> Indsats:
        doc = Document.parse(self.blobs[indsats.blob]).with_field(field, value)
        return self.add(doc.to_bytes(), indsats.id)

    def set_meta(self, indsats: Indsats, key: str, value: object) -> Indsats:
        doc = Document.parse(self.blobs[indsats.blob]).with_meta(key, value)
        return self.add(doc.to_bytes(), indsats.id)

    def replace(self, indsats: Indsats, old: str, new: str) -> Indsats:
        text = self.raw(indsats)
        assert old in text
        return self.add(text.replace(old, new, 1).encode(), indsats.id)


@pytest.fixture
def texts() -> Texts:
    return Texts()


@pytest.fixture
def adgang() -> Adgang:
    return parse_adgang(ADGANG_YML)


@cache
def postgres_base_url() -> str | None:
    """The URL of a PostgreSQL answering on 127.0.0.1:5432, as `postgres` or the OS user."""
    try:
        import psycopg
    except ImportError:
        return None
    for user in dict.fromkeys(["postgres", getpass.getuser()]):
        try:
            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, dbname=PG_DATABASE, user=user, connect_timeout=2
            ):
                return f"postgresql://{user}@{PG_HOST}:{PG_PORT}/{PG_DATABASE}"
        except psycopg.Error:
            continue
    return None


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = postgres_base_url()
    if base is None:
        pytest.skip(
            f"no PostgreSQL answers on {PG_HOST}:{PG_PORT} (database '{PG_DATABASE}', "
            "trust auth as 'postgres' or the OS user)"
        )
    import psycopg

    schema = f"sn_tui_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'sn-tui.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def service(db: Database) -> Iterator[ReviewService]:
    reviews = ReviewService(db)
    try:
        yield reviews
    finally:
        reviews.status.db.close()  # its plain connection; `db` closes the rest
