"""Full garbage collections run between keys, not during them (`sn_tui.tui.idle_gc`)."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from tui_support import settle

from sn_tui.tui import idle_gc
from sn_tui.tui.app import SnApp


async def test_collections_wait_for_a_pause_in_typing(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = gc.get_threshold()
    app = SnApp(str(repo_path), "mette")
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == idle_gc.NEVER  # no full collection in the middle of a key
        await pilot.press("/", *"kontakt", "enter", "enter", "tab", "tab", "x")
        assert time.monotonic() - idle_gc._last_key < idle_gc.QUIET  # the field noted the key
        collections = []
        monkeypatch.setattr(gc, "collect", lambda *a: collections.append(a) or 0)
        app.idle_gc.look()
        assert collections == [] and not app.idle_gc.frozen  # still typing
        monkeypatch.setattr(idle_gc, "_last_key", time.monotonic() - idle_gc.QUIET)
        app.idle_gc.look()  # the first pause: what the start left collected, the rest frozen
        assert collections == [()] and app.idle_gc.frozen and gc.get_freeze_count() > 0
        monkeypatch.setattr(gc, "get_count", lambda: (0, 0, idle_gc.FULL_AFTER))
        app.idle_gc.look()  # a full collection is due and nobody types: now
        assert app.idle_gc.full_collections == 1
        monkeypatch.undo()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
