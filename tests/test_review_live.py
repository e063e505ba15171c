"""Presence and drafts in the shared database, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlmodel import col, update

from sn_tui.reviewdb.connection import Database, open_database
from sn_tui.reviewdb.queries.live import PRESENCE_TTL, LiveService
from sn_tui.reviewdb.queries.plain import open_plain
from sn_tui.reviewdb.tables import Presence

pytest_plugins = ["review_fixtures"]


@pytest.fixture
def live(db: Database) -> Iterator[LiveService]:
    plain = open_plain(db.url)
    try:
        yield LiveService(plain)
    finally:
        plain.close()


def test_presence_shows_others_on_an_indsats_and_since_when(live: LiveService) -> None:
    live.beat("s1", "ole", host="vært-a", indsats_id="familiebehandling")
    live.beat("s2", "mette", host="vært-b", indsats_id="familiebehandling", editing=True)
    live.beat("s3", "hanne", indsats_id="stoetteophold")
    others = live.others("s1", "familiebehandling")
    assert [(p.login, p.host, p.editing) for p in others] == [("mette", "vært-b", True)]
    assert {p.login for p in live.others("s1")} == {"mette", "hanne"}
    first_since = others[0].since
    live.beat("s2", "mette", indsats_id="familiebehandling", editing=False)
    assert live.others("s1", "familiebehandling")[0].since == first_since  # same indsats
    live.beat("s2", "mette", indsats_id="stoetteophold")
    assert live.others("s1", "familiebehandling") == []
    live.leave("s3")
    assert [p.login for p in live.others("s1", "stoetteophold")] == ["mette"]


def test_a_session_that_stops_beating_expires(live: LiveService, db: Database) -> None:
    live.beat("død", "ole", indsats_id="familiebehandling")
    live.beat("levende", "mette", indsats_id="familiebehandling")
    old = dt.datetime.now(dt.UTC) - PRESENCE_TTL * 21
    with db.write() as session:
        session.execute(
            update(Presence).where(col(Presence.session_id) == "død").values(heartbeat_at=old)
        )
    assert [p.login for p in live.others("x", "familiebehandling")] == ["mette"]
    assert live.sweep() == 1


def test_drafts_survive_and_are_per_person(live: LiveService) -> None:
    assert live.draft("ole", "familiebehandling") is None
    live.save_draft("ole", "familiebehandling", "abc", "første udgave")
    live.save_draft("ole", "familiebehandling", "abc", "anden udgave")
    live.save_draft("mette", "familiebehandling", "def", "mettes")
    draft = live.draft("ole", "familiebehandling")
    assert draft is not None and (draft.content, draft.base_commit) == ("anden udgave", "abc")
    assert [d.login for d in live.drafts("mette")] == ["mette"]
    live.discard_draft("ole", "familiebehandling")
    assert live.draft("ole", "familiebehandling") is None
    assert live.draft("mette", "familiebehandling") is not None


def test_a_dropped_postgresql_connection_is_opened_afresh(postgres_url: str) -> None:
    import psycopg

    open_database(postgres_url).close()  # the schema
    plain = open_plain(postgres_url)
    live = LiveService(plain)
    try:
        live.beat("s1", "ole", indsats_id="familiebehandling")
        pid = plain.rows("SELECT pg_backend_pid()")[0][0]
        with psycopg.connect(postgres_url.split("?")[0], autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(psycopg.OperationalError):  # the server closed it: said once
            live.beat("s1", "ole", indsats_id="familiebehandling")
        live.beat("s1", "ole", indsats_id="stoetteophold")  # and then it works again
        assert [p.indsats_id for p in live.others("s2")] == ["stoetteophold"]
    finally:
        plain.close()
