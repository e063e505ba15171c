"""Sync's progress: git's own progress of each fetch and push, as lines a person reads, on the
terminal only (a pipe gets the result alone)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env, make_repo, run_cli
from sn_tui.services.workspace import Workspace
from sn_tui.store.sync import sync


@pytest.fixture
def hosts(tmp_path: Path) -> tuple[Path, Path]:
    origin = make_repo(tmp_path / "origin.git", bare=True)
    a, b = tmp_path / "a.git", tmp_path / "b.git"
    for host in (a, b):
        subprocess.run(["git", "clone", "-q", "--bare", str(origin), str(host)], check=True)
    return a, b


def _save_and_sync(host: Path, ident: str, lines: list[str]) -> None:
    ws = Workspace.open(str(host), "ole")
    try:
        ws.set_field(ident, "Formål", f"Fra {host.name}.")
        sync(ws.repo, progress=lines.append)
    finally:
        ws.close()


def test_progress_names_the_remote_and_what_git_is_doing(hosts: tuple[Path, Path]) -> None:
    a, b = hosts
    pushing: list[str] = []
    _save_and_sync(a, "familiebehandling", pushing)
    assert pushing and all(line.startswith("Sender til origin: ") for line in pushing)
    assert pushing[-1].endswith("100 %")
    assert len(set(pushing)) == len(pushing)  # a line only when it changes
    both: list[str] = []
    _save_and_sync(b, "fast-kontaktperson", both)  # fetches A's save, replays its own, pushes
    assert any(line.startswith("Henter fra origin: ") for line in both)
    assert any(line.startswith("Sender til origin: ") for line in both)


def test_the_cli_shows_progress_on_a_terminal_and_clears_it(hosts: tuple[Path, Path]) -> None:
    a, _b = hosts
    ws = Workspace.open(str(a), "ole")
    ws.set_field("familiebehandling", "Formål", "Fra vært A.")
    ws.close()
    controller, terminal = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sn_tui", "sync", "--repo", str(a)],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=cli_env(SN_USER="ole"),
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # Linux: the terminal's other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert "\rSender til origin: " in shown.decode()
    assert shown.endswith(b"\r\x1b[K")  # the last progress line is wiped before the result
    assert out.decode().startswith("Synkroniseret med origin:")


def test_the_cli_shows_no_progress_in_a_pipe(hosts: tuple[Path, Path]) -> None:
    a, _b = hosts
    ws = Workspace.open(str(a), "ole")
    ws.set_field("familiebehandling", "Formål", "Fra vært A.")
    ws.close()
    proc = run_cli("sync", "--repo", str(a), SN_USER="ole")
    assert proc.returncode == 0 and proc.stderr == ""
    assert "main sendt" in proc.stdout
