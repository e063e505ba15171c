"""The live poll's three looks (main moved, rights, reviews) run in one worker: each still
works, and one failing does not hide the others. Driven by calling the poll, not by waiting."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import notices, settle, until

from sn_tui.i18n import t
from sn_tui.services.workspace import Workspace
from sn_tui.tui.app import SnApp
from sn_tui.tui.live.link import LiveSettings

NEVER = LiveSettings(heartbeat=3600, poll=3600, autosave=3600, sync=0)  # the test polls


async def test_one_poll_announces_a_save_and_reports_a_failing_review_look(
    repo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SnApp(str(repo_path), "mette", live=NEVER)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.live.head is not None, "the live session")
        collab = app.live.collab
        assert collab is not None
        ws = Workspace.open(str(repo_path), "ole")
        ws.set_meta("fast-kontaktperson", "titel", "Fast kontaktperson for unge")
        ws.close()

        def broken() -> int:
            raise OSError("databasen er væk")

        monkeypatch.setattr(collab, "review_stamp", broken)
        app.live._poll()
        await settle(pilot)
        said = " ".join(notices(app))
        assert "Ole Test har gemt ændringer i Fast kontaktperson for unge." in said
        assert t("live.failed_reviews", detail="").strip() in said  # and said why, once
