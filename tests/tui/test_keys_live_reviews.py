"""Reviews recorded by others reach an open overview by themselves (issue 16 §7): the same
poll that notices `main` moving notices a new review, without the user pressing `r`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_live import FAST, until
from tui_support import screen_text, settle

from sn_tui.tui.app import SnApp, default_review_provider

SRC = Path(__file__).resolve().parents[2] / "src"
GROUP = ("--group", "myndighed")


def row_of(app: SnApp, titel: str) -> str:
    return next(line for line in screen_text(app).splitlines() if titel in line)


async def test_an_approval_from_another_session_shows_in_the_overview(repo_path: Path) -> None:
    # As `sn-tui` runs: live features on, the overview's review column filled.
    app = SnApp(str(repo_path), "mette", review_provider=default_review_provider(), live=FAST)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.live.head is not None, "the live session")
        await until(pilot, lambda: "0/2" in row_of(app, "Fast kontaktperson"), "the review column")
        # Ole approves for his faggruppe from the command line, as another process.
        env = {**os.environ, "PYTHONPATH": str(SRC), "SN_USER": "ole"}
        subprocess.run(
            [sys.executable, "-m", "sn_tui", "review", "approve", "fast-kontaktperson", *GROUP],
            cwd=repo_path,
            env=env,
            check=True,
            capture_output=True,
        )
        await until(
            pilot, lambda: "1/2" in row_of(app, "Fast kontaktperson"), "the approval to show"
        )
        assert "0/2" in row_of(app, "Familiebehandling")  # only that indsats changed
