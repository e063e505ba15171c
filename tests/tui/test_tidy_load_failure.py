"""A people screen whose list cannot be read says so once and waits: before, the failed reading
reloaded itself, thousands of notices a second and a thread each time."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import notices, settle, until

from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.people.deleted_screen import DeletedScreen
from sn_tui.tui.screens.people.people_screen import PeopleScreen


@pytest.mark.parametrize(
    ("key", "reading", "screen_type"),
    [("S", "deleted", DeletedScreen), ("P", "people", PeopleScreen)],
)
async def test_a_list_that_cannot_be_read_is_one_notice(
    repo_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    reading: str,
    screen_type: type[object],
) -> None:
    calls: list[None] = []

    def broken(_self: Workspace) -> None:
        calls.append(None)
        raise OSError("disken svarer ikke")

    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Workspace, reading, broken)  # the disk goes away under the screen
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, screen_type), "the screen")
        await until(pilot, lambda: bool(notices(app)), "the notice")
        await settle(pilot)
        assert len(notices(app)) == 1
        assert len(calls) == 1
        assert isinstance(app.screen, screen_type)
