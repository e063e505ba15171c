"""Høringsrunder in the TUI, by keys: a godkender starts one (indsatser not klar chosen by
default), gives it a new deadline and closes it; a member entering is told of their open round.
Real Git and SQLite."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui_support import notices, settle, until

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.live.link import LiveSettings
from sn_tui.tui.screens.people.rounds import RoundsScreen, StartRoundForm

FAST = LiveSettings(heartbeat=0.2, poll=0.1, autosave=0.2, sync=0)


async def test_a_godkender_starts_extends_and_closes_a_round(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, RoundsScreen), "the rounds")
        screen = app.screen
        assert isinstance(screen, RoundsScreen)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, StartRoundForm), "the form")
        await pilot.press(*"Forår 2027", "ctrl+s")
        await until(pilot, lambda: bool(screen.rounds), "the new round")
        [status] = screen.rounds
        assert status.round.name == "Forår 2027" and status.round.is_open
        assert status.round.deadline == dt.date.today() + dt.timedelta(days=14)
        assert status.indsats_count == 5  # nothing is klar yet: every indsats is in it
        await pilot.press("f", "ctrl+a", "ctrl+k", *"1.3.2099", "enter")
        await until(pilot, lambda: screen.rounds[0].round.deadline == dt.date(2099, 3, 1), "new")
        await pilot.press("l", "j")
        await until(pilot, lambda: not screen.rounds[0].round.is_open, "closed")
        assert any("lukket" in n for n in notices(app))


async def test_a_member_entering_is_told_of_the_open_round(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    try:
        ws.reviews.start_round("Høring", dt.date(2099, 1, 31), ["ppr"])
    finally:
        ws.close()
    app = SnApp(str(repo_path), "mette", live=FAST)
    async with app.run_test(size=(140, 45)) as pilot:
        await until(pilot, lambda: any("åben høringsrunde" in n for n in notices(app)), "told")
        assert any("Høring (frist 31. januar 2099" in n for n in notices(app))
