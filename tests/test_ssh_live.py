"""Two people over real SSH at once: each key is a person, each sees the other, and nothing is lost.

sshd runs on 127.0.0.1 with throwaway keys; `ssh -tt` runs inside tmux, one session per
person, and every check reads the screens (`capture-pane`) or Git, waiting on conditions.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import git
from sn_tui.reviewdb.connection import Database, open_database
from sn_tui.reviewdb.queries.live import LiveService
from sn_tui.reviewdb.queries.plain import open_plain
from sn_tui.reviewdb.tables import Presence
from sn_tui.services.reviews import database_url
from sshd import SshServer, start_sshd
from tmux_support import Tmux, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux er ikke installeret"),
]

FORMAAL_FAMILIE = "Tekst om formål for Familiebehandling."
FORMAAL_KONTAKT = "Tekst om formål for Fast kontaktperson."


@pytest.fixture
def server(tmp_path: Path, repo_path: Path) -> Iterator[SshServer]:
    env = {
        "SN_LIVE_HEARTBEAT": "1",
        "SN_LIVE_POLL": "0.5",
        "SN_LIVE_AUTOSAVE": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    srv = start_sshd(tmp_path / "ssh", repo_path, ["ole", "mette", "fremmed"], env)
    yield srv
    srv.stop()


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path / "tmux.sock")
    yield server
    server.run("kill-server")


def connect(tmux: Tmux, server: SshServer, login: str) -> Tmux:
    """`login`'s terminal: ssh -tt with that person's key, in its own tmux session."""
    session = tmux.session(login)
    session.start(shlex.join(server.client(login, "-tt")))
    wait_for(lambda: "Fast kontaktperson" in session.screen(), f"{login}'s overview")
    return session


def line_with(screen: str, text: str) -> str:
    return next((line for line in screen.splitlines() if text in line), "")


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "main").strip()


def save(session: Tmux, repo: Path, note: str) -> None:
    """Save with a message and wait for the commit."""
    before = head(repo)
    session.keys("C-s")
    wait_for(lambda: "Gem ændringerne" in session.screen(), "the save dialog", show=session)
    session.keys(note, literal=True)
    session.keys("Enter")
    wait_for(lambda: head(repo) != before, f"the commit '{note}'", show=session)
    wait_for(lambda: "ikke gemt" not in session.screen(), "the saved state", show=session)


def test_two_people_over_ssh_edit_different_and_then_the_same_indsats(
    server: SshServer, tmux: Tmux, repo_path: Path
) -> None:
    ole, mette = connect(tmux, server, "ole"), connect(tmux, server, "mette")
    assert "Ole Test" in ole.screen() and "Mette Prøve" in mette.screen()  # the key decides
    fremmed = connect(tmux, server, "fremmed")  # a key whose login is not in adgang.yml
    wait_for(lambda: "Kun læseadgang" in fremmed.screen(), "the read-only banner")
    assert "login 'fremmed' står ikke i adgang.yml" in fremmed.screen()
    fremmed.keys("q")
    wait_for(lambda: not fremmed.alive(), "the read-only session to end")

    # Different indsatser: Ole has Familiebehandling, Mette Fast kontaktperson.
    ole.keys("Enter")
    wait_for(lambda: FORMAAL_FAMILIE in ole.screen(), "Ole's editor")
    wait_for(
        lambda: "●" in line_with(mette.screen(), "Familiebehandling"),
        "Ole's presence in Mette's overview",
    )
    assert "Ole" in line_with(mette.screen(), "Familiebehandling")
    ole.keys("Oles formål. ", literal=True)
    wait_for(lambda: "ikke gemt" in ole.screen(), "Ole's unsaved mark")
    wait_for(
        lambda: "✎" in line_with(mette.screen(), "Familiebehandling"),
        "Ole editing, in Mette's overview",
    )
    mette.keys("Down")
    mette.keys("Enter")
    wait_for(lambda: FORMAAL_KONTAKT in mette.screen(), "Mette's editor")
    save(ole, repo_path, "Ole gemmer")
    wait_for(lambda: "Ole Test har gemt" in mette.screen(), "Mette told of Ole's save")
    mette.keys("Mettes formål. ", literal=True)
    wait_for(lambda: "ikke gemt" in mette.screen(), "Mette's unsaved mark")
    save(mette, repo_path, "Mette gemmer")
    wait_for(lambda: "Mette Prøve har gemt" in ole.screen(), "Ole told of Mette's save")
    familie = git(repo_path, "show", "main:indsatser/familiebehandling.md")
    kontakt = git(repo_path, "show", "main:indsatser/fast-kontaktperson.md")
    assert f"Oles formål. {FORMAAL_FAMILIE}" in familie
    assert f"Mettes formål. {FORMAAL_KONTAKT}" in kontakt
    assert git(repo_path, "log", "-2", "--format=%an|%s").splitlines() == [
        "Mette Prøve|Fast kontaktperson: Mette gemmer",
        "Ole Test|Familiebehandling: Ole gemmer",
    ]

    # The same indsats: Ole opens Fast kontaktperson, which Mette has open.
    ole.keys("Escape")
    wait_for(lambda: "Genindlæs" in ole.screen(), "Ole's overview")
    ole.keys("Down")
    ole.keys("Enter")
    wait_for(lambda: f"Mettes formål. {FORMAAL_KONTAKT}" in ole.screen(), "Ole on Mette's text")
    wait_for(lambda: "Også åben hos: Mette Prøve (siden" in ole.screen(), "Mette in Ole's header")
    wait_for(lambda: "Også åben hos: Ole Test (siden" in mette.screen(), "Ole in Mette's header")
    ole.keys("Tab")  # from Formål to Indhold; a bound key runs after text typed behind it
    wait_for(
        lambda: ole.cursor()[1] == ole.line_of("Tekst om indhold for Fast kontaktperson."),
        "the caret in Indhold",
        show=ole,
    )
    ole.keys("Oles indhold. ", literal=True)
    wait_for(
        lambda: "Også åben hos: Ole Test (redigerer siden" in mette.screen(),
        "Ole editing, in Mette's header",
    )
    mette.keys("Igen. ", literal=True)
    wait_for(lambda: "ikke gemt" in mette.screen(), "Mette's unsaved mark")
    save(ole, repo_path, "Ole igen")
    wait_for(
        lambda: "Ole Test gemte en ny udgave af teksten" in mette.screen(),
        "the notice in Mette's editor that the saved text changed",
    )
    assert "ikke gemt" in mette.screen()  # her edit is still there
    save(mette, repo_path, "Mette igen")
    wait_for(lambda: "Gemt og flettet" in mette.screen(), "the merged save")
    kontakt = git(repo_path, "show", "main:indsatser/fast-kontaktperson.md")
    assert "Mettes formål. Igen. " in kontakt or "Igen. Mettes formål." in kontakt
    assert "Oles indhold. Tekst om indhold for Fast kontaktperson." in kontakt
    assert git(repo_path, "log", "-2", "--format=%an").split() == ["Mette", "Prøve", "Ole", "Test"]
    git(repo_path, "fsck", "--strict")
    wait_for(lambda: "Mettes formål. Igen." in ole.screen(), "Ole's editor showing the merge")

    # Both leave.
    for session in (ole, mette):
        session.keys("Escape")
        wait_for(lambda s=session: "Genindlæs" in s.screen(), "the overview")
        session.keys("q")
        wait_for(lambda s=session: not s.alive(), "sn-tui to end")
    assert git(repo_path, "status", "--porcelain") == ""


def test_a_killed_session_leaves_a_draft_that_is_offered_on_the_next_login(
    server: SshServer, tmux: Tmux, repo_path: Path
) -> None:
    db = open_database(database_url(None, repo_path / ".git"))
    live = LiveService(open_plain(db.url))

    def draft() -> str:
        found = live.draft("mette", "familiebehandling")
        return found.content if found is not None else ""

    mette = connect(tmux, server, "mette")
    mette.keys("Enter")
    wait_for(lambda: FORMAAL_FAMILIE in mette.screen(), "Mette's editor")
    mette.keys("Skrevet før nedbruddet. ", literal=True)
    wait_for(lambda: "Skrevet før nedbruddet." in draft(), "the autosaved draft", show=mette)
    pids = [p.pid for p in live_sessions(db) if p.login == "mette"]
    assert len(pids) == 1
    os.kill(pids[0], signal.SIGKILL)  # no goodbye: like a crash
    wait_for(lambda: not mette.alive(), "the connection to drop")

    # The dead session's heartbeat is still fresh, but it is not shown as someone present.
    ole = connect(tmux, server, "ole")
    wait_for(lambda: heartbeat(db, "ole") is not None, "Ole's first heartbeat")
    first = heartbeat(db, "ole")
    wait_for(lambda: heartbeat(db, "ole") != first, "Ole's second heartbeat")
    row = line_with(ole.screen(), "Familiebehandling")
    assert "Mette" not in row and "✎" not in row, ole.screen()
    mette = connect(tmux, server, "mette")
    mette.keys("Enter")
    wait_for(lambda: "Din kladde" in mette.screen(), "the draft offered", show=mette)
    assert "Skrevet før nedbruddet." in mette.screen()
    mette.keys("g")
    wait_for(lambda: "ikke gemt" in mette.screen(), "the restored draft", show=mette)
    save(mette, repo_path, "Efter nedbruddet")
    text = git(repo_path, "show", "main:indsatser/familiebehandling.md")
    assert f"Skrevet før nedbruddet. {FORMAAL_FAMILIE}" in text
    wait_for(lambda: draft() == "", "the draft to go once saved")
    db.close()


def live_sessions(db: Database) -> list[Presence]:
    from sqlmodel import select

    with db.read() as session:
        return list(session.scalars(select(Presence)))


def heartbeat(db: Database, login: str) -> dt.datetime | None:
    return next((p.heartbeat_at for p in live_sessions(db) if p.login == login), None)
