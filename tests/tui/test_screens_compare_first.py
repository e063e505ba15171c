"""The compare screen shows the list of changed indsatser before the whole comparison is read:
its first rows come from the worker first (counts still `…`), the rest after; leaving the
screen while it loads stops the worker and breaks nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_compare import A, B, start_comparing
from tui_support import screen_text, settle, until

from sn_tui.services.comparing import Comparing
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.presenters.diff_rows import entries
from sn_tui.tui.screens.versions.compare import CompareScreen
from sn_tui.tui.screens.versions.versions import VersionsScreen


class Gate:
    """Holds a worker inside `method` until `open`; says whether it got there and how often."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            self.reached.set()
            self.release.wait(10)
            return method(*args, **kwargs)

        return held


@pytest.fixture
def whole_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Reading a version whole (what follows the first rows) waits for the test."""
    gate = Gate()
    read = Comparing._snapshot_for_comparing
    monkeypatch.setattr(Comparing, "_snapshot_for_comparing", gate.wrap(read))
    yield gate
    gate.release.set()


def expected_keys(demo_path: Path) -> list[str]:
    ws = Workspace.open(str(demo_path), "mette")
    try:
        return [e.key for e in entries(ws.compare(A, B))]
    finally:
        ws.close()


async def test_first_rows_come_before_the_whole_comparison(
    demo_path: Path, whole_read: Gate
) -> None:
    keys = expected_keys(demo_path)
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_comparing(pilot)
        await until(pilot, lambda: screen.entries != [], "the first rows")
        assert whole_read.reached.wait(10)  # the worker reads on only after they were shown
        # every changed, added and removed indsats is listed, in the comparison's order
        assert [e.key for e in screen.entries] == keys
        assert screen.comparison is None
        text = screen_text(app)
        assert "Sammenligner" in text  # still at work
        assert "…" in text  # counts not known yet
        assert "uændrede indsatser" not in text  # the summary needs the whole comparison
        await pilot.press("enter")  # nothing to open yet
        assert app.screen is screen

        whole_read.release.set()
        await settle(pilot)
        assert screen.comparison is not None
        assert [e.key for e in screen.entries] == keys
        text = screen_text(app)
        assert "uændrede indsatser" in text
        assert "Sammenligner" not in text


async def test_escape_while_the_comparison_loads(demo_path: Path, whole_read: Gate) -> None:
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_comparing(pilot)
        assert whole_read.reached.wait(10)
        await pilot.press("escape")
        assert isinstance(app.screen, VersionsScreen)
        whole_read.release.set()
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        assert screen.comparison is None  # the comparison stopped, or went nowhere
        assert whole_read.calls == 1  # left after the first version: the second is not read
        await pilot.press("c")  # and comparing again works
        await settle(pilot)
        again = app.screen
        assert isinstance(again, CompareScreen) and again.comparison is not None


async def test_leaving_before_the_first_rows_reads_no_version_whole(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Gate()
    monkeypatch.setattr(Comparing, "_first_changes", first.wrap(Comparing._first_changes))
    whole = Gate()
    read = Comparing._snapshot_for_comparing
    monkeypatch.setattr(Comparing, "_snapshot_for_comparing", whole.wrap(read))
    whole.release.set()
    app = SnApp(str(demo_path), "mette")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_comparing(pilot)
        assert first.reached.wait(10)
        await pilot.press("escape")
        assert isinstance(app.screen, VersionsScreen)
        calls = whole.calls
        first.release.set()
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        assert whole.calls == calls  # the worker stopped after its first part
