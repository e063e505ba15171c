"""Issue 20's "done when" in a real terminal (tmux), using only sn-tui: `sn-tui init` answering
its questions, three people in two faggrupper added in the admin screen, an indsats created,
a høringsrunde started, and the indsats approved by each faggruppe's member."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tmux_support import Tmux, wait_for

SRC = Path(__file__).resolve().parents[2] / "src"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def command(tmp_path: Path, *args: str) -> str:
    env = {
        "PYTHONPATH": str(SRC),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TERM": "tmux-256color",
        "SN_LIVE_POLL": "0.2",
    }
    return " ".join([f"{k}={v}" for k, v in env.items()] + [sys.executable, "-m", "sn_tui", *args])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Tmux]:
    tmux = Tmux(tmp_path / "tmux.sock")
    try:
        yield tmux
    finally:
        tmux.run("kill-server")


def answer(tmux: Tmux, question: str, text: str) -> None:
    wait_for(lambda: question in tmux.screen(), question, show=tmux)
    if text:
        tmux.keys(text, literal=True)
    tmux.keys("Enter")


def typed(tmux: Tmux, text: str) -> None:
    """Plain text on its own, then wait until it shows (Textual runs bound keys that arrive in
    the same read before the text)."""
    tmux.keys(text, literal=True)
    wait_for(lambda: text in tmux.screen(), repr(text), show=tmux)


def styled(tmux: Tmux) -> str:
    return tmux.run("capture-pane", "-p", "-e", "-t", tmux.name)


def moved(tmux: Tmux, *names: str) -> None:
    """Bound keys, then wait until the screen (with its colours) changed, so that text typed
    next cannot overtake them."""
    before = styled(tmux)
    for name in names:
        tmux.keys(name)
    wait_for(lambda: styled(tmux) != before, f"{names} to take effect", show=tmux)


def key(tmux: Tmux, name: str, then: str) -> None:
    tmux.keys(name)
    wait_for(lambda: then in tmux.screen(), then, show=tmux)


def add_person(tmux: Tmux, login: str, navn: str, group_downs: int) -> None:
    key(tmux, "a", "Tilføj en person")
    typed(tmux, login)
    moved(tmux, "Tab")
    typed(tmux, navn)
    moved(tmux, "Tab", "Tab")  # past the e-mail, to the faggrupper
    moved(tmux, *["Down"] * group_downs, "Space")
    moved(tmux, "Tab", "Down", "Space")  # the roles: redaktør is chosen; godkender next
    key(tmux, "C-s", f"{navn} er tilføjet")


def approve(tmp_path: Path, server: Tmux, repo: Path, login: str, group_navn: str) -> None:
    tmux = server.session(login)
    tmux.start(command(tmp_path, "--repo", str(repo), "--user", login))
    wait_for(lambda: "åben høringsrunde" in tmux.screen(), "told of the round", show=tmux)
    key(tmux, "i", "afventer")  # the queue, with its row
    key(tmux, "Enter", "Review: Familiebehandling")
    key(tmux, "g", f"Godkendt for {group_navn}")
    tmux.keys("C-q")
    wait_for(lambda: not tmux.alive(), "sn-tui to quit", show=tmux)


def test_a_new_kommune_from_init_to_a_round_approved_by_each_group(
    tmp_path: Path, server: Tmux
) -> None:
    repo = tmp_path / "odder"
    init = server.session("init")
    init.start(command(tmp_path, "init", str(repo)) + "; sleep 60")
    answer(init, "Kommunens navn", "Odder Kommune")
    answer(init, "første admins login", "kim")
    answer(init, "fulde navn", "Kim Admin")
    answer(init, "Hvilke standardfaggrupper", "myndighed,jura")
    wait_for(lambda: "Næste skridt" in init.screen(), "init done", show=init)

    kim = server.session("kim")
    kim.start(command(tmp_path, "--repo", str(repo), "--user", "kim"))
    wait_for(lambda: "Importér et eksisterende" in kim.screen(), "what to do next", show=kim)
    key(kim, "P", "Personer (adgang.yml)")
    wait_for(lambda: "Kim Admin" in kim.screen(), "the admin", show=kim)
    add_person(kim, "asta", "Asta Rådgiver", 0)  # Myndighedsrådgivere
    add_person(kim, "bent", "Bent Jurist", 1)  # Jurister
    key(kim, "Escape", "Genindlæs")  # the overview's footer
    key(kim, "n", "Ny indsats")
    typed(kim, "Familiebehandling")
    moved(kim, "Tab", "Tab")
    typed(kim, "Støttende indsatser")
    kim.keys("Enter")
    wait_for(lambda: "Formål" in kim.screen(), "the new indsats", show=kim)
    key(kim, "Escape", "Genindlæs")
    key(kim, "R", "Høringsrunder")
    key(kim, "n", "Start en høringsrunde")
    typed(kim, "Forår")
    key(kim, "C-s", "Forår")
    wait_for(lambda: "åben" in kim.screen(), "the open round", show=kim)
    kim.keys("C-q")
    wait_for(lambda: not kim.alive(), "sn-tui to quit", show=kim)

    approve(tmp_path, server, repo, "asta", "Myndighedsrådgivere")
    approve(tmp_path, server, repo, "bent", "Jurister")

    status = subprocess.run(
        [sys.executable, "-m", "sn_tui", "--repo", str(repo), "--user", "kim",
         "review", "round", "status", "Forår", "--format", "json"],
        capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    data = json.loads(status.stdout)["round"]
    assert data["klar"] == 1 and data["groups"] == {"myndighed": "1/1", "jura": "1/1"}
