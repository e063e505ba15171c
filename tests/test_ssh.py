"""Over real SSH: the key decides who you are, and no command reaches a shell."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sshd import SshServer, start_sshd


@pytest.fixture
def server(tmp_path: Path, repo_path: Path) -> Iterator[SshServer]:
    srv = start_sshd(tmp_path / "ssh", repo_path, ["ole", "mette", "fremmed"])
    yield srv
    srv.stop()


@pytest.mark.slow
def test_a_requested_command_never_runs_only_sn_tui_does(server: SshServer, tmp_path: Path) -> None:
    marker = tmp_path / "hacked"
    proc = subprocess.run(
        [*server.client("ole", "-T"), f"touch {marker}; echo hacked"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert not marker.exists()
    assert "hacked" not in proc.stdout
    assert proc.returncode == 2, proc.stderr
    assert "Over SSH kan du kun bede om 'hent [NAVN]'" in proc.stderr


@pytest.mark.slow
def test_port_forwarding_is_refused(server: SshServer) -> None:
    proc = subprocess.run(
        [
            *server.client(
                "ole", "-T", "-N", "-o", "ExitOnForwardFailure=yes", "-L", "0:127.0.0.1:22"
            )
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0
