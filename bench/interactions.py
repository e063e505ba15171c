"""The daily interactions, key to screen, in-process through Textual's pilot.

    PYTHONPATH=src python bench/interactions.py REPO [--opens 3] [--login person01]

One run is one app, started as `sn-tui` starts it on REPO, left to settle (overview loaded and
checked), and then driven as a user: enter on a row until the editor shows the indsats' text
(and, later, its check line), escape back; a letter typed and ctrl+s, the message prompt
answered with enter, until "Gemt." is on screen; and `m`, `v`, `h`, `c` on the versions
screen and `g` (datagrundlag), each until its screen is usable (rows loaded; for `g` the latest
year's rows), then escape. The repository needs datagrundlag years for `g` (`bench/run.py` adds
them with `datagrundlag.add_years`); without any, that figure is left out. Every screen is
opened for the first time in the app's life, as after a morning's start.

Each figure is the time from handing the key to the app to the end of the first screen update
(rendered to the terminal's byte sequence, `keystroke.TimedApp`) at which the condition holds;
the condition is tested as that update is painted, so a figure never counts a frame that did
not yet show it. The login is not `keystroke.py`'s: the draft its typing leaves would otherwise
be offered when the same indsats is opened.
Prints one JSON object: figure name -> list of milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from rich.console import RenderableType  # noqa: E402
from textual import events  # noqa: E402
from textual.errors import NoWidget  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widget import Widget  # noqa: E402
from textual.widgets import DataTable  # noqa: E402
from textual.worker import WorkerCancelled  # noqa: E402

from keystroke import TimedApp  # noqa: E402
from sn_tui.i18n import t  # noqa: E402
from sn_tui.tui.app import SnApp, default_review_provider  # noqa: E402
from sn_tui.tui.live.link import LiveSettings  # noqa: E402
from sn_tui.tui.startup import prepare  # noqa: E402

KEYS = {"enter": "\r", "escape": "\x1b", "ctrl+s": "\x13"}
"""Keys whose character is not their name."""

Check = Callable[[], bool]


class WatchedApp(TimedApp):
    """TimedApp that notes the first painted update at which `watch` holds."""

    CSS_PATH = [Path(TimedApp.CSS_PATH).parent / name for name in SnApp.CSS_PATH]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.watch: Check | None = None
        self.seen = asyncio.Event()
        self.seen_at = 0.0
        self.key_at = 0.0

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if self.watch is not None and self.shown.is_set() and self.watch():
            self.watch = None
            self.seen_at = self.shown_at
            self.seen.set()


def made_app(repo: Path, login: str, ready: Callable[[], None]) -> WatchedApp:
    """The app as `sn_tui.tui.app.make_app` makes it (review column, presence, drafts), timed."""
    start = prepare(str(repo), login, None)
    return WatchedApp(
        str(repo),
        login,
        review_provider=default_review_provider(),
        live=LiveSettings.from_env(),
        on_ready=ready,
        start=start,
    )


async def press(app: WatchedApp, key: str, until: Check, timeout: float = 60) -> float:
    """Milliseconds from `key` to the first painted update at which `until` holds."""
    await asyncio.sleep(1 / 30)  # as a user's next key comes: not inside the previous frame
    app.shown.clear()
    app.seen.clear()
    app.watch = until
    event = events.Key(key, KEYS.get(key, key if len(key) == 1 else None))
    event.set_sender(app)
    app.key_at = time.perf_counter()
    assert app._driver is not None
    app._driver.send_message(event)
    await asyncio.wait_for(app.seen.wait(), timeout)
    app.seen.clear()  # `watch` is None now: another condition may be watched from this key on
    return (app.seen_at - app.key_at) * 1000


async def settled(app: WatchedApp) -> None:
    """Until every worker has finished; one that a screen cancelled (leaving it, or starting
    a newer check) counts as finished."""
    while True:
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


def rows_in(app: WatchedApp, screen_type: type[Screen[object]]) -> Check:
    def check() -> bool:
        screen = app.screen
        if not isinstance(screen, screen_type):
            return False
        tables = screen.query(DataTable)
        return bool(tables) and tables.first().row_count > 0

    return check


async def measure(repo: Path, login: str, opens: int) -> dict[str, list[float]]:
    from sn_tui.tui.screens.indsats.editor import EditorScreen
    from sn_tui.tui.screens.indsats.history import HistoryScreen
    from sn_tui.tui.screens.overview import OverviewScreen
    from sn_tui.tui.screens.review.review_matrix import ReviewMatrixScreen
    from sn_tui.tui.screens.versions.compare import CompareScreen
    from sn_tui.tui.screens.versions.versions import VersionsScreen

    figures: dict[str, list[float]] = {}

    def note(name: str, ms: float) -> None:
        figures.setdefault(name, []).append(ms)

    listed = ["git", "-C", str(repo), "ls-tree", "--name-only", "HEAD", "datagrundlag/"]
    has_years = bool(subprocess.run(listed, capture_output=True, check=False).stdout.strip())
    ready = asyncio.Event()
    app = made_app(repo, login, ready.set)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(ready.wait(), 120)
        await settled(app)  # the overview's check too: a steady state
        await pilot.pause()
        overview = app.screen

        def on_overview() -> bool:
            return app.screen is overview

        def editor_text() -> bool:
            screen = app.screen
            return (
                isinstance(screen, EditorScreen)
                and screen.original is not None
                and any(e.editor.text and _painted(screen, e.editor) for e in screen.editors)
            )

        def checked() -> bool:
            screen = app.screen
            return isinstance(screen, EditorScreen) and screen.checked is not None

        for n in range(opens):
            if n:
                await press(app, "down", lambda: True)
            note("open", await press(app, "enter", editor_text))
            if not checked():  # else it was painted with the text
                app.watch = checked
                await asyncio.wait_for(app.seen.wait(), 60)
            note("checked", (app.seen_at - app.key_at) * 1000)
            await settled(app)
            note("escape", await press(app, "escape", on_overview))
            await settled(app)
            await pilot.pause()

        # a save: one letter typed, ctrl+s, the prompt answered with enter
        await press(app, "enter", editor_text)
        await settled(app)
        await press(app, "x", lambda: isinstance(app.screen, EditorScreen) and app.screen.dirty)
        await press(app, "ctrl+s", lambda: app.screen is not None and app.screen.is_modal)
        saved = t("editor.saved")
        app.clear_notifications()
        note(
            "save",
            await press(app, "enter", lambda: any(n.message == saved for n in app._notifications)),
        )
        await settled(app)
        await press(app, "escape", on_overview)
        await settled(app)

        note("matrix", await press(app, "m", lambda: _loaded(app, ReviewMatrixScreen)))
        note("back", await press(app, "escape", on_overview))
        note("versions", await press(app, "v", rows_in(app, VersionsScreen)))
        note("compare", await press(app, "c", rows_in(app, CompareScreen)))
        note("back", await press(app, "escape", lambda: isinstance(app.screen, VersionsScreen)))
        note("back", await press(app, "escape", on_overview))
        note("history", await press(app, "h", rows_in(app, HistoryScreen)))
        note("back", await press(app, "escape", on_overview))
        if has_years:
            note("datagrundlag", await press(app, "g", lambda: _latest_year(app)))
            note("back", await press(app, "escape", on_overview))
        assert isinstance(overview, OverviewScreen)
        app.exit()
    return figures


def _painted(screen: Screen[object], widget: Widget) -> bool:
    """Whether `widget` is in the frame being painted (not hidden, as an editor made ahead
    keeps its fields until their text is in them)."""
    try:
        return bool(screen.find_widget(widget).region)
    except NoWidget:
        return False


def _latest_year(app: WatchedApp) -> bool:
    """The datagrundlag screen's table holds the latest year's rows."""
    from sn_tui.tui.screens.datagrundlag.datagrundlag import DatagrundlagScreen
    from sn_tui.tui.widgets.figure_table import FigureTable

    screen = app.screen
    if not isinstance(screen, DatagrundlagScreen) or screen.view is None or not screen.rows:
        return False
    latest = screen.view.latest_year()
    return screen.year == latest and screen.query_one(FigureTable).row_count == len(screen.rows)


def _loaded(app: WatchedApp, screen_type: type[Screen[object]]) -> bool:
    return isinstance(app.screen, screen_type) and bool(getattr(app.screen, "loaded", False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--opens", type=int, default=3)
    parser.add_argument("--login", default="person02")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.repo, args.login, args.opens))))


if __name__ == "__main__":
    main()
