"""End to end in a real terminal: sn-tui inside tmux, an edit typed, saved, and quit."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_support import git

from tmux_support import Tmux, wait_for

SRC = Path(__file__).resolve().parents[2] / "src"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def start_sn_tui(repo_path: Path, **env: str) -> Tmux:
    """`sn-tui` as mette in a new tmux server, 120 x 40, with `env` besides the usual."""
    server = Tmux(repo_path.parent / "tmux.sock")
    env = {
        "PYTHONPATH": str(SRC),
        "XDG_CONFIG_HOME": str(repo_path.parent / "config"),
        "TERM": "tmux-256color",
        **env,
    }
    command = " ".join(
        [f"{k}={v}" for k, v in env.items()]
        + [sys.executable, "-m", "sn_tui", "--repo", str(repo_path), "--user", "mette"]
    )
    server.start(command)
    return server


@pytest.fixture
def tmux(repo_path: Path) -> Iterator[Tmux]:
    server = start_sn_tui(repo_path)
    try:
        yield server
    finally:
        server.run("kill-server")


def test_edit_save_and_quit_in_tmux(tmux: Tmux, repo_path: Path) -> None:
    head = git(repo_path, "rev-parse", "main").strip()
    wait_for(lambda: "Fast kontaktperson" in tmux.screen(), "the overview")
    shown = tmux.screen()
    for titel in ("Anbringelse i plejefamilie", "Familiebehandling", "Støtteophold"):
        assert titel in shown
    tmux.keys("Enter")
    wait_for(lambda: "Formål for anbringelse i plejefamilie." in tmux.screen(), "the fields")
    # Plain text only: Textual runs a bound key (End) after the text typed right behind it.
    tmux.keys("Tjekket i terminalen. ", literal=True)
    wait_for(lambda: "ikke gemt" in tmux.screen(), "the unsaved mark")
    tmux.keys("C-s")
    wait_for(lambda: "Gem ændringerne" in tmux.screen(), "the save dialog")
    tmux.keys("Ny formulering", literal=True)
    tmux.keys("Enter")
    wait_for(lambda: git(repo_path, "rev-parse", "main").strip() != head, "the commit")
    wait_for(lambda: "ikke gemt" not in tmux.screen(), "the saved state")
    tmux.keys("Escape")
    wait_for(lambda: "Genindlæs" in tmux.screen(), "the overview again")
    tmux.keys("q")
    wait_for(lambda: not tmux.alive(), "sn-tui to quit")
    log = git(repo_path, "log", "-1", "--format=%an|%s").strip()
    assert log == "Mette Prøve|Anbringelse i plejefamilie: Ny formulering"
    text = git(repo_path, "show", "main:indsatser/plejefamilie.md")
    assert "Tjekket i terminalen. Formål for anbringelse i plejefamilie." in text


def test_a_repository_that_is_not_there_is_one_sentence_in_the_terminal(tmp_path: Path) -> None:
    """The overview's reader (a child process) fails too, and says nothing: the user sees
    the app's one Danish sentence and a failing exit code, no traceback."""
    server = Tmux(tmp_path / "tmux.sock")
    missing = tmp_path / "intet-repository"
    command = (
        f"sh -c 'PYTHONPATH={SRC} XDG_CONFIG_HOME={tmp_path / 'config'} TERM=tmux-256color "
        f"{sys.executable} -m sn_tui --repo {missing} --user mette; echo EXIT=$?; sleep 60'"
    )
    server.start(command)
    try:
        wait_for(lambda: "EXIT=" in server.screen(), "sn-tui to end", show=server)
        screen = server.run("capture-pane", "-p", "-J", "-t", server.name)  # wrapped lines joined
        assert "EXIT=2" in screen
        assert f"sn-tui: Mappen {missing} findes ikke." in screen
        assert "Traceback" not in screen
    finally:
        server.run("kill-server")


def sgr_parts(screen: str) -> tuple[set[int], set[int]]:
    """The colours and the attributes that the screen's SGR escapes set (39/49, the terminal's
    own colours, count as neither)."""
    colours: set[int] = set()
    attributes: set[int] = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", screen):
        numbers = [int(n) for n in params.split(";") if n]
        while numbers:
            n = numbers.pop(0)
            if n in (38, 48):  # 38;5;N or 38;2;R;G;B
                colours.add(n)
                del numbers[: 2 if numbers[:1] == [5] else 4]
            elif 30 <= n <= 37 or 40 <= n <= 47 or 90 <= n <= 97 or 100 <= n <= 107:
                colours.add(n)
            elif n not in (0, 39, 49):
                attributes.add(n)
    return colours, attributes


def test_no_color_leaves_the_terminals_own_colours(repo_path: Path) -> None:
    """NO_COLOR: no colour reaches the terminal (not even black on black), only its default
    colours; the cursor row stands out by reverse video and the headings by bold."""
    server = start_sn_tui(repo_path, NO_COLOR="1")
    try:
        wait_for(lambda: "Fast kontaktperson" in server.screen(), "the overview", show=server)
        colours, attributes = sgr_parts(server.run("capture-pane", "-e", "-p", "-t", server.name))
        assert colours == set()
        assert {1, 7} <= attributes  # bold, reverse
    finally:
        server.run("kill-server")
