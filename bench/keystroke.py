"""Keystroke to screen in a long field, in-process through Textual's pilot.

    PYTHONPATH=src python bench/keystroke.py REPO INDSATS FELT [--keys 40] [--login L]

Opens sn-tui headless on REPO as `sn-tui` starts it (`make_app`: review column, presence,
the live poll and drafts running in their threads beside the typing), waits until the overview has
loaded and checked everything, opens INDSATS in the editor, puts the cursor in the middle of
FELT and types letters one at a time. Each figure is the time from handing the key to the app to
the end of the screen update that shows it: the compositor's update, rendered to the terminal's
byte sequence (only the write to a real terminal is left out).

Textual paints on a timer of fixed phase (60 times a second), so a key waits for the next tick
before it is drawn. A key sent a fixed time after the last frame would always arrive at the same
point between ticks, and the figure would be one frame minus a constant whatever the app does;
keys are therefore sent one to two frames after the previous frame, at a random (seeded) point,
as a typist's keys arrive. Beside each figure: the processor time the process spent from the
key to its frame (handling the key and drawing, without the wait for the tick).
Prints one line per key: milliseconds to the screen, and the processor milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rich.console import RenderableType  # noqa: E402
from textual import events  # noqa: E402
from textual._compositor import CompositorUpdate  # noqa: E402
from textual.screen import Screen  # noqa: E402

from sn_tui.tui.app import SnApp, default_review_provider  # noqa: E402
from sn_tui.tui.live.link import LiveSettings  # noqa: E402
from sn_tui.tui.screens.indsats.editor import EditorScreen  # noqa: E402
from sn_tui.tui.targets import EditTarget  # noqa: E402

TYPED = "skriv hurtigt og roligt i feltet "
FRAME = 1 / 60


class TimedApp(SnApp):
    """SnApp that notes when a screen update has been turned into terminal output."""

    CSS_PATH = str(Path(sys.modules[SnApp.__module__].__file__ or "").with_name("app.tcss"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.shown = asyncio.Event()
        self.shown_at = 0.0
        self.shown_cpu = 0.0
        self.serialised = 0

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            # Headless apps skip this step; a terminal would pay for it, so it is timed too.
            self.serialised += len(renderable.render_segments(self.console))
            self.shown_at = time.perf_counter()
            self.shown_cpu = time.process_time()
            self.shown.set()


async def measure(
    repo: Path, indsats_id: str, field: str, keys: int, login: str
) -> list[tuple[float, float]]:
    ready = asyncio.Event()
    app = TimedApp(
        str(repo),
        login,
        on_ready=ready.set,
        review_provider=default_review_provider(),
        live=LiveSettings.from_env(),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(ready.wait(), 120)
        await app.workers.wait_for_complete()  # the overview's check too: a steady state
        await pilot.pause()
        screen = EditorScreen(EditTarget(indsats_id))
        await app.push_screen(screen)
        while screen.original is None:
            await app.workers.wait_for_complete()
            await pilot.pause()
        editor = next(e for e in screen.editors if e.field_name == field)
        area = editor.editor
        if area.read_only:
            raise SystemExit(f"the field is read-only for login {login!r}")
        area.cursor_blink = False  # no blink frames between a key and its own frame
        area.focus()
        middle = area.document.line_count // 2
        area.move_cursor((middle, len(area.document.get_line(middle)) // 2))
        await pilot.pause()
        length = len(area.text)
        assert app._driver is not None
        phase = random.Random(keys)
        times: list[tuple[float, float]] = []
        for n in range(keys):
            char = TYPED[n % len(TYPED)]
            await asyncio.sleep(FRAME * (1 + phase.random()))
            app.shown.clear()
            event = events.Key("space" if char == " " else char, char)
            event.set_sender(app)
            start = time.perf_counter()
            cpu = time.process_time()
            app._driver.send_message(event)
            while True:
                await asyncio.wait_for(app.shown.wait(), 10)
                if len(area.text) == length + n + 1:
                    break
                app.shown.clear()  # a frame from before the key was handled
            times.append(((app.shown_at - start) * 1000, (app.shown_cpu - cpu) * 1000))
        if len(area.text) != length + keys:
            raise SystemExit("the typed text did not arrive in the field")
        # The typed text was autosaved as a draft; the next run must open the file, not the
        # offer to restore it.
        app.live.discard_draft(screen.link.key)
        await app.workers.wait_for_complete()
        app.exit()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("indsats")
    parser.add_argument("field")
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--login", default="person01")
    args = parser.parse_args()
    times = asyncio.run(measure(args.repo, args.indsats, args.field, args.keys, args.login))
    print("\n".join(f"{wall:.3f} {cpu:.3f}" for wall, cpu in times))


if __name__ == "__main__":
    main()
