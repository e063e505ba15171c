"""Issue 16 §8 through a real terminal: generated bad repositories opened in sn-tui in tmux.

For a sample of the generator's cases the overview shows the good indsatser and a line naming
the bad file, and quitting ends the process within a second, also while the check of a large
repository is still running in the background.
"""

from __future__ import annotations

import random
import shutil
import sys
import time
from pathlib import Path

import pytest

from badfiles_cases import KINDS, SRC, Case, git, indsats_text
from badfiles_regex import _LAW
from tmux_support import Tmux, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
SAMPLE = ("impossible-date", "alias-bomb-titel", "folder-named-md", "nul-bytes", "duplicate-id")
QUIT_SECONDS = 1.0


def _start(repo: Path, folder: Path) -> Tmux:
    server = Tmux(folder / "tmux.sock")
    env = {
        "PYTHONPATH": str(SRC),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "SN_DATABASE_URL": f"sqlite:///{folder / 'reviews.db'}",
        "TERM": "tmux-256color",
    }
    command = " ".join(
        [f"{k}={v}" for k, v in env.items()]
        + [sys.executable, "-m", "sn_tui", "--repo", str(repo), "--user", "ole"]
    )
    server.start(command)
    return server


def _quit_seconds(server: Tmux) -> float:
    """From ctrl+q to the process gone (polled every 20 ms, the terminal's own delay)."""
    start = time.monotonic()
    server.keys("C-q")
    while server.alive():
        if time.monotonic() - start > 30:
            raise AssertionError("sn-tui did not quit within 30 s")
        time.sleep(0.02)
    return time.monotonic() - start


@pytest.mark.parametrize("kind", SAMPLE)
def test_the_overview_shows_the_rest_and_quits_promptly(kind: str, tmp_path: Path) -> None:
    case = Case(KINDS.index(kind))
    repo = case.build(tmp_path)
    server = _start(repo, tmp_path)
    try:
        wait_for(lambda: "Familiebehandling" in server.screen(), "the overview", show=server)
        wait_for(lambda: "kunne ikke læses" in server.screen(), "the bad file's line", show=server)
        screen = server.screen()
        assert "Fast kontaktperson" in screen and "Aflastning" in screen
        assert case.spoiled[0] in screen
        assert _quit_seconds(server) < QUIT_SECONDS
    finally:
        server.run("kill-server")


def test_quitting_while_a_long_check_runs_is_prompt(tmp_path: Path) -> None:
    case = Case(KINDS.index("impossible-date"))
    repo = case.build(tmp_path)
    rng = random.Random(16)
    law = "".join(rng.choice(_LAW) for _ in range(2_000))[:15_000]  # ~0.2 s of rules each
    for n in range(150):
        text = indsats_text(f"lov-{n}", f"Lov {n}", Indhold=law, Lovhjemmel=law)
        (repo / f"indsatser/lov-{n}.md").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Mange lange tekster")
    server = _start(repo, tmp_path)
    try:
        # the check of 150 such indsatser takes tens of seconds: it runs while this quits
        wait_for(lambda: "Lov 1 " in server.screen(), "the overview", show=server)
        assert _quit_seconds(server) < QUIT_SECONDS
    finally:
        server.run("kill-server")
