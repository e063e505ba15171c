"""The app started as `sn-tui` starts it (`tui.launch`): the overview read by a child process
shows `main` as the app finds it, and the garbage collector held for the start runs again."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from tui_support import on_screen, settle, until

from sn_tui.services.workspace import Workspace
from sn_tui.tui import launch
from sn_tui.tui.app import SnApp
from sn_tui.tui.prefetch import start_prefetch


async def test_rows_read_before_main_moved_are_not_shown(repo_path: Path) -> None:
    prefetch = start_prefetch(str(repo_path), "mette", None)
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
    prefetch = start_prefetch(str(tmp_path / "intet-repository"), "mette", None)
    app = SnApp(str(repo_path), "mette", prefetch=prefetch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_screen(pilot, "Anbringelse i plejefamilie", "Støtteophold")
        assert app.open_error is None


async def test_the_collector_held_for_the_start_runs_again_once_rows_are_shown(
    repo_path: Path,
) -> None:
    collector_at_ready: list[bool] = []
    try:
        prefetch = launch.prepare(str(repo_path), "mette", None)
        assert not gc.isenabled()  # held while Textual starts
        app = SnApp(
            str(repo_path),
            "mette",
            prefetch=prefetch,
            on_ready=lambda: collector_at_ready.append(gc.isenabled()),
        )
        started = time.monotonic()
        async with app.run_test(size=(100, 30)) as pilot:
            await on_screen(pilot, "Anbringelse i plejefamilie")
            await until(pilot, lambda: bool(collector_at_ready), "the rows shown")
            assert collector_at_ready == [True]  # on when the rows are shown,
            assert time.monotonic() - started < launch.COLLECTOR_HOLD_MAX  # not by the timer
            assert gc.get_freeze_count() > 10_000  # the start's objects: not walked again
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_collector_the_caller_had_switched_off_stays_off(tmp_path: Path) -> None:
    gc.disable()
    try:
        prefetch = launch.prepare(str(tmp_path / "intet"), "mette", None)
        assert prefetch is not None and prefetch.result() is None
        launch.release_collector()
        assert not gc.isenabled()  # not ours to switch on
    finally:
        gc.enable()
