"""The app started as `sn-tui` starts it (`tui.startup.prepare`): on a first start the rows a
child process read are shown, and only if they are of the `main` the app finds; a child that
failed leaves the reading to the app. Either way the first screen shows `main`'s rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import on_screen, settle

from sn_tui.services.reading import Reading
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.startup import prepare


def _no_reading(self: Reading) -> None:
    raise RuntimeError("the app read the overview itself")


async def test_a_first_start_shows_the_rows_the_child_read(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = prepare(str(repo_path), "mette", None)
    assert start is not None and start.prefetch is not None
    monkeypatch.setattr(Reading, "overview", _no_reading)  # in this process only: forked
    app = SnApp(str(repo_path), "mette", start=start)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_screen(pilot, "Anbringelse i plejefamilie", "Støtteophold")
        assert app.open_error is None


async def test_rows_read_before_main_moved_are_not_shown(repo_path: Path) -> None:
    start = prepare(str(repo_path), "mette", None)
    assert start is not None and start.prefetch is not None
    assert start.prefetch.wait() == 0  # the child has read main and sent its rows: now main moves
    ws = Workspace.open(str(repo_path), "ole")
    ws.create_indsats("ny-indsats", "Helt ny indsats", "Anbringelser")
    ws.close()
    app = SnApp(str(repo_path), "mette", start=start)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_screen(pilot, "Helt ny indsats", "Anbringelse i plejefamilie")


async def test_a_child_that_failed_leaves_the_reading_to_the_app(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(Reading, "overview", _no_reading)  # in the child, forked now
        start = prepare(str(repo_path), "mette", None)
    assert start is not None and start.prefetch is not None
    app = SnApp(str(repo_path), "mette", start=start)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_screen(pilot, "Anbringelse i plejefamilie", "Støtteophold")
        assert app.open_error is None
    assert start.prefetch.wait() != 0
