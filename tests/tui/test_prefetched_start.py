"""The app with its overview read by a child process (as `sn-tui` starts it): the rows shown
are always those of `main` as the app finds it."""

from __future__ import annotations

from pathlib import Path

from tui_support import on_screen, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.prefetch import OverviewPrefetch
from sn_tui.workspace import Workspace


async def test_rows_read_before_main_moved_are_not_shown(repo_path: Path) -> None:
    prefetch = OverviewPrefetch.start(str(repo_path), "mette", None)
    assert prefetch is not None
    assert prefetch.wait() == 0  # the child has read main and sent its rows: now main moves
    ws = Workspace.open(str(repo_path), "ole")
    ws.create_indsats("ny-indsats", "Helt ny indsats", "Anbringelser")
    ws.close()
    app = SnApp(str(repo_path), "mette", prefetch=prefetch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_screen(pilot, "Helt ny indsats", "Anbringelse i plejefamilie")


async def test_a_child_that_failed_leaves_the_reading_to_the_app(
    repo_path: Path, tmp_path: Path
) -> None:
    prefetch = OverviewPrefetch.start(str(tmp_path / "intet-repository"), "mette", None)
    app = SnApp(str(repo_path), "mette", prefetch=prefetch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_screen(pilot, "Anbringelse i plejefamilie", "Støtteophold")
        assert app.open_error is None
