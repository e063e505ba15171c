"""A member's start asks whether a høringsrunde is open without loading SQLAlchemy when none is
(issue 23: the question imported SQLModel, ~1 s of processor time, in a thread beside the
user's first keys on every daily start).

The TUI runs in a fresh interpreter, driven through Textual's pilot with the live features on as
`sn-tui` starts them, since this interpreter has long since imported everything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fresh_tui import run_fresh
from sn_tui.services.workspace import Workspace

CHILD = """
import asyncio, json, sys
from sn_tui.tui.app import SnApp
from sn_tui.tui.live.link import LiveSettings

async def main():
    ready = asyncio.Event()
    live = LiveSettings(heartbeat=0.2, poll=0.1, autosave=0.2, sync=0)
    app = SnApp(sys.argv[1], "mette", db_url=sys.argv[2], live=live, on_ready=ready.set)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(ready.wait(), 60)
        # the question's worker starts in the same call that sets `ready`
        await app.workers.wait_for_complete()
        await pilot.pause()
        told = [str(n.message) for n in app._notifications]
        app.exit()
    print(json.dumps({"told": told, "sqlalchemy": "sqlalchemy" in sys.modules}))

asyncio.run(main())
"""


def start_as_member(repo: Path, url: str) -> dict[str, object]:
    return run_fresh(CHILD, repo, url)


def test_with_no_round_open_the_start_does_not_load_sqlalchemy(
    repo_path: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'reviews.db'}"
    ws = Workspace.open(str(repo_path), "ole", url)
    ws.reviews.start_round("Forår 2026", dt.date(2099, 3, 10), ["ppr"])
    ws.reviews.close_round("Forår 2026")
    ws.close()
    shown = start_as_member(repo_path, url)
    assert not any("høringsrunde" in str(n) for n in shown["told"])  # type: ignore[attr-defined]
    assert shown["sqlalchemy"] is False


def test_an_open_round_is_still_told_at_the_start(repo_path: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reviews.db'}"
    ws = Workspace.open(str(repo_path), "ole", url)
    ws.reviews.start_round("Efterår 2026", dt.date(2099, 10, 10), ["ppr"])
    ws.close()
    shown = start_as_member(repo_path, url)
    assert any("Efterår 2026" in str(n) for n in shown["told"])  # type: ignore[attr-defined]
