"""The adopt dialog shows what would be adopted and asks before it acts; a commit that is
adopted already is refused, naming its tag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_versions import adopt_dialog, fill_adoption
from tui_support import git, on_screen, screen_text, settle

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.dialogs.confirm import ConfirmScreen
from sn_tui.tui.screens.versions.adopt import AdoptDialog


async def test_the_dialog_shows_the_summary_and_adopts_only_after_yes(repo_path: Path) -> None:
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await adopt_dialog(pilot)
        await on_screen(pilot, "0 af 5 indsatser er klar.")
        await fill_adoption(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await on_screen(pilot, "Vedtag main som en ny version?", "0 af 5 indsatser er klar.")
        assert "Mangler godkendelser (5): aflastning, familiebehandling," in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog and not dialog.busy
        assert git(repo_path, "tag", "-l").split() == ["vedtaget/2026-03-05"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, AdoptDialog)
    assert git(repo_path, "tag", "-l").split() == ["vedtaget/2026-03-05", "vedtaget/2026-04-12"]


async def test_a_commit_adopted_already_is_refused_in_the_dialog(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    ws.adopt(date=dt.date(2026, 4, 1), udvalg="BUU", punkt="3", confirmed=True)
    ws.close()
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await adopt_dialog(pilot)
        await on_screen(pilot, "allerede vedtaget som vedtaget/2026-04-01")
        await fill_adoption(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # no question: there is nothing to confirm
        assert "allerede vedtaget som vedtaget/2026-04-01" in str(
            dialog.query_one("#problems").render()
        )
    assert git(repo_path, "tag", "-l").split() == ["vedtaget/2026-03-05", "vedtaget/2026-04-01"]
