"""Snapshot of the compare screen at 120×40: the last adopted version against the draft.

Regenerate after a deliberate change with `--snapshot-update` and look at the SVG first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from tui_support import settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.versions.compare import CompareScreen


def test_compare(snap_compare: Callable[..., bool], repo_path: Path) -> None:
    async def compared(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CompareScreen)

    app = SnApp(str(repo_path), "mette")
    assert snap_compare(app, terminal_size=(120, 40), run_before=compared)
