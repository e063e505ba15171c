"""Smaller defects of issue 16 §7 that only a real terminal shows: sn-tui in tmux."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from keys_tmux import start
from test_live import draft_text

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


def test_sn_user_chooses_who_opens_the_demo(server: Tmux, demo_path: Path) -> None:
    start(server, demo_path.parent, "demo", str(demo_path), SN_USER="hanne")
    wait_for(lambda: "Hanne Vestergaard" in server.screen().splitlines()[0], "Hanne", show=server)
    assert "Mette" not in server.screen().splitlines()[0]


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, None])
def test_a_dropped_connection_keeps_what_was_typed_as_a_draft(
    server: Tmux, repo_path: Path, signum: signal.Signals | None
) -> None:
    """Typed, then the connection drops before the next autosave (set to a minute here):
    the draft holds every key that reached sn-tui, and sn-tui ends. None: the terminal
    itself goes away (tmux closes the pty: the kernel sends SIGHUP)."""
    pid_file = repo_path.parent / "sn-tui.pid"
    start(
        server,
        repo_path.parent,
        "--repo",
        str(repo_path),
        "--user",
        "mette",
        SN_LIVE_AUTOSAVE="60",
        pid_file=pid_file,
    )
    wait_for(lambda: "Fast kontaktperson" in server.screen(), "the overview", show=server)
    server.keys("Enter")
    wait_for(lambda: "Formål for anbringelse" in server.screen(), "the fields", show=server)
    server.keys("Lige skrevet. ", literal=True)
    wait_for(lambda: "ikke gemt" in server.screen(), "the unsaved mark", show=server)
    pid = int(pid_file.read_text())
    if signum is None:
        server.run("kill-session", "-t", server.name)
    else:
        os.kill(pid, signum)
    wait_for(lambda: not Path(f"/proc/{pid}").exists(), "sn-tui to end", show=server)
    draft = draft_text(repo_path, "mette", "plejefamilie")
    assert draft is not None and "Lige skrevet. Formål for anbringelse" in draft


def footer(tmux: Tmux) -> str:
    return "\n".join(tmux.screen().splitlines()[-3:])


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
def test_help_palette_and_quit_stay_in_the_footer(
    tmp_path: Path, repo_path: Path, width: int, height: int
) -> None:
    """At the usual SSH size the keys wrap onto a second line instead of being cut off."""
    tmux = Tmux(tmp_path / "footer.sock")
    pid_file = tmp_path / "sn-tui.pid"
    start(
        tmux, repo_path.parent, "--repo", str(repo_path), "--user", "mette",
        size=(width, height), pid_file=pid_file,
    )  # fmt: skip
    try:
        for own, keys in (("Genindlæs", ""), ("Review", "Enter")):
            if keys:
                tmux.keys(keys)
            wanted = ("f1 Hjælp", "^p Kommandoer", "^q Afslut", own)  # and the screen's own
            wait_for(
                lambda: all(k in footer(tmux) for k in wanted),  # noqa: B023
                f"{wanted} in the footer",
                show=tmux,
            )
    finally:
        tmux.run("kill-server")
    # the terminal gone (the kernel's SIGHUP), sn-tui ends rather than staying behind
    pid = int(pid_file.read_text())
    wait_for(lambda: not Path(f"/proc/{pid}").exists(), "sn-tui to end after the hang-up")
