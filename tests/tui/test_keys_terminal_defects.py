"""Smaller defects of issue 16 §7 that only a real terminal shows: sn-tui in tmux."""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_terminal import SRC

from tmux_support import Tmux, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Tmux]:
    tmux = Tmux(tmp_path / "tmux.sock")
    try:
        yield tmux
    finally:
        tmux.run("kill-server")


def start(
    tmux: Tmux, folder: Path, *args: str, width: int = 120, height: int = 40, **env: str
) -> None:
    """`sn-tui ARGS` in the tmux session, with `env` besides the usual."""
    env = {
        "PYTHONPATH": str(SRC),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "TERM": "tmux-256color",
        **env,
    }
    words = [f"{k}={shlex.quote(v)}" for k, v in env.items()]
    tmux.start(
        " ".join([*words, sys.executable, "-m", "sn_tui", *map(shlex.quote, args)]), width, height
    )


def test_sn_user_chooses_who_opens_the_demo(server: Tmux, demo_path: Path) -> None:
    start(server, demo_path.parent, "demo", str(demo_path), SN_USER="hanne")
    wait_for(lambda: "Hanne Vestergaard" in server.screen().splitlines()[0], "Hanne", show=server)
    assert "Mette" not in server.screen().splitlines()[0]
