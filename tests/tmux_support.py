"""A real terminal for tests: tmux on its own socket, and waiting on what the screen shows.

Waits poll `capture-pane` until a condition holds, with a deadline, never a fixed sleep.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

TIMEOUT = 30.0


class Tmux:
    """One session of a tmux server on its own socket (in the test's folder): no other tmux
    is touched. `session(name)` is another session on the same server."""

    def __init__(self, socket: Path, name: str = "sn") -> None:
        self.socket = socket
        self.name = name

    def session(self, name: str) -> Tmux:
        return Tmux(self.socket, name)

    def run(self, *args: str) -> str:
        proc = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, check=False
        )
        return proc.stdout

    def start(self, command: str, width: int = 120, height: int = 40) -> None:
        self.run("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (x, y): the focused text field's caret."""
        x, _, y = self.run(
            "display-message", "-p", "-t", self.name, "#{cursor_x},#{cursor_y}"
        ).partition(",")
        return int(x), int(y)

    def line_of(self, text: str) -> int | None:
        """The first screen line that holds `text`."""
        for y, line in enumerate(self.screen().splitlines()):
            if text in line:
                return y
        return None

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def alive(self) -> bool:
        proc = subprocess.run(
            ["tmux", "-S", str(self.socket), "has-session", "-t", self.name], capture_output=True
        )
        return proc.returncode == 0


def wait_for(
    condition: Callable[[], bool],
    what: str,
    timeout: float = TIMEOUT,
    show: Tmux | None = None,
) -> None:
    """Poll until `condition` holds (the terminal redraws asynchronously), at most `timeout`;
    a timeout shows the screen of `show`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            screen = f"; the screen of {show.name}:\n{show.screen()}" if show else ""
            raise AssertionError(f"timed out waiting for {what}{screen}")
        time.sleep(0.1)
