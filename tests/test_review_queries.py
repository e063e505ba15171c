"""The plain SQL in `sn_tui.reviewdb.queries` names the tables and columns the schema has.

Each statement runs against two databases: one built by the Alembic migrations and one built
from the SQLModel tables. A table or column renamed in only one of the three places (the
tables, the newest migration, the SQL) makes one of them fail here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from sn_tui.domain.reviews.records import Verdict
from sn_tui.reviewdb import tables
from sn_tui.reviewdb.connection import open_database
from sn_tui.reviewdb.queries.live import LiveService
from sn_tui.reviewdb.queries.plain import PlainDb, open_plain
from sn_tui.reviewdb.queries.status import StatusReader
from sn_tui.reviewdb.schema import VERSION_TABLE, head_revision


def _built_by_migrations(path: Path) -> str:
    url = f"sqlite:///{path}"
    open_database(url).close()
    return url


def _built_from_the_tables(path: Path) -> str:
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    SQLModel.metadata.create_all(engine)
    with engine.begin() as conn:  # stamped current, so opening does not migrate it
        conn.execute(text(f"CREATE TABLE {VERSION_TABLE} (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(text(f"INSERT INTO {VERSION_TABLE} VALUES (:rev)"), {"rev": head_revision()})
    engine.dispose()
    return url


@pytest.fixture(params=[_built_by_migrations, _built_from_the_tables], ids=["migrations", "tables"])
def plain(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PlainDb]:
    build: Callable[[Path], str] = request.param
    url = build(tmp_path / "sn-tui.db")
    db = open_database(url)
    with db.write() as session:
        for ident, verdict in ((1, Verdict.APPROVED), (2, Verdict.CHANGES_REQUESTED)):
            session.add(
                tables.Review(
                    id=ident,
                    indsats_id="familiebehandling",
                    faggruppe="myndighed",
                    login="anna",
                    verdict=verdict.value,
                    blob=f"blob{ident}",
                    commit="c0ffee",
                )
            )
    db.close()
    plain = open_plain(url)
    try:
        yield plain
    finally:
        plain.close()


def test_the_status_query_matches_the_schema(plain: PlainDb) -> None:
    marks = StatusReader(plain).latest_marks()
    decision, approval = marks["familiebehandling", "myndighed"]
    assert (decision.review_id, decision.verdict, decision.blob) == (
        2,
        Verdict.CHANGES_REQUESTED,
        "blob2",
    )
    assert approval is not None and approval.blob == "blob1"


def test_the_presence_and_draft_queries_match_the_schema(plain: PlainDb) -> None:
    live = LiveService(plain)
    live.beat("s1", "ole", host="vært", pid=7, indsats_id="familiebehandling")
    live.beat("s1", "ole", host="vært", pid=7, indsats_id="familiebehandling", editing=True)
    live.beat("s1", "ole", host="vært", pid=7, indsats_id="stoetteophold")  # moves: new `since`
    others = live.others("s2", "stoetteophold")
    assert [(p.login, p.host, p.pid, p.editing) for p in others] == [("ole", "vært", 7, False)]
    assert live.sweep() == 0
    live.leave("s1")
    assert live.others("s2") == []

    live.save_draft("ole", "familiebehandling", "abc", "første")
    live.save_draft("ole", "familiebehandling", "abd", "anden")  # an update of the same row
    found = live.draft("ole", "familiebehandling")
    assert found is not None and (found.base_commit, found.content) == ("abd", "anden")
    assert [d.indsats_id for d in live.drafts("ole")] == ["familiebehandling"]
    live.discard_draft("ole", "familiebehandling")
    assert live.drafts("ole") == []


def test_the_schema_version_query_matches_the_version_table(plain: PlainDb) -> None:
    assert plain.schema_revision() == head_revision()
