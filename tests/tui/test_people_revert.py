"""Reverting an indsats from its history, by keys: the fields that differ are offered, and the
revert is a new commit on main (real Git)."""

from __future__ import annotations

from pathlib import Path

from tui_support import file_at, git, notices, settle, until

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats.history import HistoryScreen
from sn_tui.tui.screens.people.revert import RevertForm


async def test_a_field_is_reverted_from_the_history(repo_path: Path) -> None:
    before = file_at(repo_path, "main~1", "indsatser/familiebehandling.md")
    app = SnApp(str(repo_path), "ole")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"Familiebeh", "enter", "h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen), "the history")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await until(pilot, lambda: len(screen.commits) == 2, "two commits")
        await pilot.press("down", "b")
        await until(pilot, lambda: isinstance(app.screen, RevertForm), "the revert form")
        form = app.screen
        assert isinstance(form, RevertForm) and form.fields == ["Indhold"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("Tilbageført" in n for n in notices(app)), "reverted")
        assert file_at(repo_path, "main", "indsatser/familiebehandling.md") == before
        assert "Indhold tilbageført" in git(repo_path, "log", "-1", "--format=%s")
