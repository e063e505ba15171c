"""The app started as `sn-tui` starts it (`tui.startup`): the garbage collector held for the
start runs again once the rows are shown, and one the caller switched off stays off."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from tui_support import on_screen, until

from sn_tui.tui import startup
from sn_tui.tui.app import SnApp


async def test_the_collector_held_for_the_start_runs_again_once_rows_are_shown(
    repo_path: Path,
) -> None:
    collector_at_ready: list[bool] = []
    try:
        startup.hold_collector()
        assert not gc.isenabled()  # held while Textual starts
        app = SnApp(
            str(repo_path),
            "mette",
            on_ready=lambda: collector_at_ready.append(gc.isenabled()),
        )
        started = time.monotonic()
        async with app.run_test(size=(100, 30)) as pilot:
            await on_screen(pilot, "Anbringelse i plejefamilie")
            await until(pilot, lambda: bool(collector_at_ready), "the rows shown")
            assert collector_at_ready == [True]  # on when the rows are shown,
            assert time.monotonic() - started < startup.COLLECTOR_HOLD_MAX  # not by the timer
            assert gc.get_freeze_count() > 10_000  # the start's objects: not walked again
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_collector_the_caller_had_switched_off_stays_off() -> None:
    gc.disable()
    try:
        startup.hold_collector()
        startup.release_collector()
        assert not gc.isenabled()  # not ours to switch on
    finally:
        gc.enable()
