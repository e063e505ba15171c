"""The review matrix opens without loading SQLAlchemy when no round is open (issue 23: `m` took
1.4 s the first time, ~1 s of it importing SQLAlchemy to ask whether a round is open).

The TUI runs in a fresh interpreter, driven by key presses through Textual's pilot, since this
interpreter has long since imported everything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fresh_tui import run_fresh
from sn_tui.services.workspace import Workspace

CHILD = """
import asyncio, json, sys
from sn_tui.tui.app import SnApp
from sn_tui.tui.screens.review.review_matrix import ReviewMatrixScreen

async def main():
    ready = asyncio.Event()
    app = SnApp(sys.argv[1], "ole", db_url=sys.argv[2], on_ready=ready.set)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(ready.wait(), 60)
        await app.workers.wait_for_complete()
        await pilot.press("m")
        while not (isinstance(app.screen, ReviewMatrixScreen) and app.screen.loaded):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause()
        line = str(app.screen.query_one("#round").render())
        app.exit()
    print(json.dumps({"line": line, "sqlalchemy": "sqlalchemy" in sys.modules}))

asyncio.run(main())
"""


def matrix_in_fresh_tui(repo: Path, url: str) -> dict[str, object]:
    return run_fresh(CHILD, repo, url)


def test_without_an_open_round_the_matrix_opens_without_sqlalchemy(
    repo_path: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'reviews.db'}"
    ws = Workspace.open(str(repo_path), "ole", url)
    ws.reviews.start_round("Forår 2026", dt.date(2026, 3, 10))
    ws.reviews.close_round("Forår 2026")
    ws.close()
    shown = matrix_in_fresh_tui(repo_path, url)
    assert "Forår 2026" not in str(shown["line"])  # closed: not the current round
    assert "klar" in str(shown["line"])
    assert shown["sqlalchemy"] is False


def test_an_open_round_is_still_found_and_shown(repo_path: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reviews.db'}"
    ws = Workspace.open(str(repo_path), "ole", url)
    ws.reviews.start_round("Forår 2026", dt.date(2026, 3, 10))
    ws.reviews.start_round("Efterår 2026", dt.date(2026, 10, 10))
    ws.reviews.close_round("Efterår 2026")
    ws.close()
    shown = matrix_in_fresh_tui(repo_path, url)
    assert "Høringsrunde «Forår 2026»" in str(shown["line"])
