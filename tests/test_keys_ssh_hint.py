"""Over real SSH without a terminal, sn-tui says how to get one (issue 16 §7).

The login is a forced command: a command after the host name never runs, so the local hint
"brug underkommandoerne i scripts" would send the user the wrong way.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sshd import SshServer, start_sshd


@pytest.fixture
def server(tmp_path: Path, repo_path: Path) -> Iterator[SshServer]:
    srv = start_sshd(tmp_path / "ssh", repo_path, ["mette"])
    yield srv
    srv.stop()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "sentence"),
    [
        (
            [],
            "sn-tui: sn-tui skal køres i en terminal: over SSH logger du ind med ssh -t og uden en "
            "kommando efter værtens navn.",
        ),
        (  # a command the forced command does not run: what it does run, and how to log in
            ["list"],
            "sn-tui: Over SSH kan du kun bede om 'hent [NAVN]' eller 'aflever NAVN'; log ind uden "
            "kommando (ssh -t) for at åbne sn-tui.",
        ),
    ],
)
def test_without_a_terminal_over_ssh_the_hint_says_ssh_t(
    server: SshServer, command: list[str], sentence: str
) -> None:
    proc = subprocess.run(
        [*server.client("mette", "-T"), *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == sentence
    assert "underkommandoerne" not in proc.stderr
