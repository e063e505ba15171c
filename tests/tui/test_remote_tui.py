"""Sync in the TUI, driven by keys: a reader only fetches, a conflict never stops the rest and
is chosen in the conflict screen, the overview says what is not sent; and an ordinary Git
repository is refused with one sentence."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

from test_live import app_for, notices, with_remote
from tui_support import git, screen_text, settle
from tui_support import until as until_within

from sn_tui.services.workspace import Workspace
from sn_tui.store.sync import sync
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.conflict import ConflictScreen
from sn_tui.tui.screens.overview import OverviewScreen

until = functools.partial(until_within, seconds=20.0)
FB = "indsatser/familiebehandling.md"
FK = "indsatser/fast-kontaktperson.md"


def _save(path: Path, login: str, ident: str, text: str) -> None:
    ws = Workspace.open(str(path), login)
    try:
        ws.set_field(ident, "Formål", text)
    finally:
        ws.close()


async def test_a_reader_only_fetches_and_sees_what_is_not_sent(repo_path: Path) -> None:
    origin = with_remote(repo_path)
    _save(repo_path, "ole", "familiebehandling", "Lokal og upubliceret.")
    before = git(origin, "rev-parse", "main").strip()
    app = app_for(repo_path, "fremmed")  # not in adgang.yml: may read, not write
    async with app.run_test(size=(200, 40)) as pilot:
        await until(pilot, lambda: app.live.can_sync, "the remote to be found")
        await pilot.press("s")
        await until(pilot, lambda: "Synkroniseret med origin" in notices(app), "the sync")
        assert "intet at sende" in notices(app)
        await until(pilot, lambda: "1 ændring er ikke sendt" in screen_text(app), "the count")
    assert git(origin, "rev-parse", "main").strip() == before


async def test_a_sync_conflict_is_chosen_on_screen_and_the_rest_is_sent(repo_path: Path) -> None:
    origin = with_remote(repo_path)
    other = repo_path.parent / "other"
    subprocess.run(["git", "clone", "-q", str(origin), str(other)], check=True)
    _save(other, "ole", "familiebehandling", "Deres formål.")
    ws = Workspace.open(str(other), "ole")
    sync(ws.repo)
    ws.close()
    _save(repo_path, "mette", "familiebehandling", "Mit formål.")
    _save(repo_path, "mette", "fast-kontaktperson", "Et andet formål.")
    app = app_for(repo_path, "mette")
    async with app.run_test(size=(200, 40)) as pilot:
        await until(pilot, lambda: app.live.can_sync, "the remote to be found")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), "the choice")
        assert "Et andet formål." in git(origin, "show", f"main:{FK}")  # sent meanwhile
        assert "Deres formål." in git(origin, "show", f"main:{FB}")
        await pilot.press("escape")  # not now: it waits, counted
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen), "the overview")
        await until(pilot, lambda: "1 ændring er ikke sendt" in screen_text(app), "the count")
        await pilot.press("s")  # the next sync asks again: nothing stuck
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), "the choice again")
        await pilot.press("ctrl+o", "ctrl+s")
        await until(pilot, lambda: "Mit formål." in git(origin, "show", f"main:{FB}"), "sent")
        await until(pilot, lambda: "ikke sendt" not in screen_text(app), "nothing left")
    assert "Et andet formål." in git(origin, "show", f"main:{FK}")


async def test_an_ordinary_git_repository_is_refused_with_one_sentence(tmp_path: Path) -> None:
    plain = tmp_path / "projekt"
    subprocess.run(["git", "init", "-q", "-b", "main", str(plain)], check=True)
    (plain / "README.md").write_text("# Andet\n", encoding="utf-8")
    git(plain, "add", "README.md")
    git(plain, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qm", "x")
    app = SnApp(str(plain), "ole")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.return_code == 2
    assert app.open_error is not None
    assert "er ikke et serviceniveau" in app.open_error and "sn-tui init" in app.open_error
