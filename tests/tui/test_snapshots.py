"""Snapshots of the main screens at 80×24 and 120×40 (SVG baselines in __snapshots__/).

Regenerate after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_conflict import concurrent_save
from textual.pilot import Pilot
from textual.widgets import TextArea
from tui_support import checked, settle

from sn_tui.tui.app import SnApp
from sn_tui.tui.widgets.indsats_list import IndsatsList

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def fixed_config_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The help screen names the keys.toml path; keep it the same on every machine."""
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/bruger/.config")


def app_for(repo_path: Path) -> SnApp:
    return SnApp(str(repo_path), "mette")


async def to_familiebehandling(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    listing = pilot.app.screen.query_one(IndsatsList)
    while listing.current_id != "familiebehandling":
        await pilot.press("down")


@pytest.mark.parametrize("size", SIZES)
def test_overview(snap_compare: SnapCompare, repo_path: Path, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[Any]) -> None:
        await to_familiebehandling(pilot)

    assert snap_compare(app_for(repo_path), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_indsats(snap_compare: SnapCompare, repo_path: Path, size: tuple[int, int]) -> None:
    async def edited(pilot: Pilot[Any]) -> None:
        await to_familiebehandling(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False  # a blinking cursor would make the picture random
        await pilot.press("end", *" Ændret.")
        await checked(pilot)

    assert snap_compare(app_for(repo_path), terminal_size=size, run_before=edited)


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare: SnapCompare, repo_path: Path, size: tuple[int, int]) -> None:
    async def history(pilot: Pilot[Any]) -> None:
        await to_familiebehandling(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(app_for(repo_path), terminal_size=size, run_before=history)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, repo_path: Path, size: tuple[int, int]) -> None:
    async def help_screen(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(app_for(repo_path), terminal_size=size, run_before=help_screen)


@pytest.mark.parametrize("size", SIZES)
def test_conflict(snap_compare: SnapCompare, repo_path: Path, size: tuple[int, int]) -> None:
    async def conflict(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("/", *"kontakt", "enter", "enter")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"Formål skrevet af Mette.")
        concurrent_save(repo_path)
        await pilot.press("ctrl+s", "enter")
        await settle(pilot)

    assert snap_compare(app_for(repo_path), terminal_size=size, run_before=conflict)


def test_overview_without_colour(
    snap_compare: SnapCompare, repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: the cursor row and headings still stand out (reverse, bold, underline)."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def ready(pilot: Pilot[Any]) -> None:
        assert pilot.app.no_color
        await to_familiebehandling(pilot)

    assert snap_compare(app_for(repo_path), terminal_size=(80, 24), run_before=ready)
