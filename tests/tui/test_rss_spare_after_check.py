"""The overview's first check runs before the spare editor is made, not beside it, so that the
session's peak memory does not hold both (`screens/overview.py`, `tui/idle_gc.py`); once the
check is in, the next indsats opens in the spare as before."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from tui_support import until

from sn_tui.services.checking import Checking
from sn_tui.tui import idle_gc
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.indsats import spare
from sn_tui.tui.screens.overview import OverviewScreen


async def test_the_spare_editor_waits_for_the_overviews_check(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    check = Checking.check

    def held_check(self: Checking, *args: Any, **kwargs: Any) -> Any:
        release.wait(timeout=30)
        return check(self, *args, **kwargs)

    monkeypatch.setattr(Checking, "check", held_check)
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        await until(pilot, lambda: bool(overview.rows), "the overview's rows")
        await pilot.pause(0.2)
        assert spare._spares.get(app) is None  # not while the check runs
        assert gc.get_threshold()[2] != idle_gc.NEVER  # its garbage is collected as it goes
        release.set()
        await until(pilot, lambda: spare._spares.get(app) is not None, "the spare editor")
        assert gc.get_threshold()[2] == idle_gc.NEVER  # no full collection in a key from now
        made = spare._spares[app]
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is made, "the indsats in the spare editor")
