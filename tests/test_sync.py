"""Two hosts synced through a bare remote: non-conflicting edits merge, conflicts lose nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import git, make_repo, run_cli
from sn_tui.services.workspace import Workspace
from sn_tui.store.sync import SyncError, sync


@pytest.fixture
def hosts(tmp_path: Path) -> tuple[Path, Path, Path]:
    origin = make_repo(tmp_path / "origin.git", bare=True)
    a, b = tmp_path / "a.git", tmp_path / "b"
    subprocess.run(["git", "clone", "-q", "--bare", str(origin), str(a)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(b)], check=True)
    return origin, a, b


def _field(path: Path, ident: str, field: str) -> str:
    ws = Workspace.open(str(path), "ole")
    try:
        return ws.snapshot().indsatser[ident].fields[field]
    finally:
        ws.close()


def test_edits_on_each_host_reach_the_other(hosts: tuple[Path, Path, Path]) -> None:
    origin, a, b = hosts
    ws_a, ws_b = Workspace.open(str(a), "ole"), Workspace.open(str(b), "mette")
    ws_a.set_field("familiebehandling", "Formål", "Fra vært A.")
    ws_b.set_field("familiebehandling", "Indhold", "Fra vært B.")
    ws_b.set_field("fast-kontaktperson", "Formål", "Også fra B.")
    first = sync(ws_a.repo)
    assert first.pushed and first.replayed == 0
    second = sync(ws_b.repo)
    assert second.pushed and second.replayed == 2 and second.fetched == 1
    assert sync(ws_a.repo).fetched == 2
    for host in (origin, a, b):
        assert _field(host, "familiebehandling", "Formål") == "Fra vært A."
        assert _field(host, "familiebehandling", "Indhold") == "Fra vært B."
        assert _field(host, "fast-kontaktperson", "Formål") == "Også fra B."
    assert git(b, "status", "--porcelain") == ""
    authors = git(origin, "log", "--format=%an", "main").split("\n")
    assert "Mette Prøve" in authors and "Ole Test" in authors
    git(origin, "fsck", "--strict")
    ws_a.close()
    ws_b.close()


def test_conflict_on_sync_parks_the_local_save_and_sends_the_rest(
    hosts: tuple[Path, Path, Path],
) -> None:
    origin, a, b = hosts
    ws_a, ws_b = Workspace.open(str(a), "ole"), Workspace.open(str(b), "mette")
    ws_a.set_field("familiebehandling", "Formål", "A's formål.")
    sync(ws_a.repo)
    ws_b.set_field("familiebehandling", "Formål", "B's formål.")
    ws_b.set_field("fast-kontaktperson", "Formål", "B's andet formål.")
    result = sync(ws_b.repo)
    assert result.pushed and result.parked == ("indsatser/familiebehandling.md",)
    assert _field(origin, "fast-kontaktperson", "Formål") == "B's andet formål."
    assert _field(b, "familiebehandling", "Formål") == "A's formål."
    [waiting] = ws_b.parked_changes()
    assert [(c.name, c.mine, c.theirs) for c in waiting.conflicts] == [
        ("Formål", "B's formål.", "A's formål.")
    ]
    proc = run_cli("sync", cwd=b, SN_USER="mette")
    assert proc.returncode == 3
    assert "Konflikt i Familiebehandling (Formål)" in proc.stderr
    assert "[din] B's formål." in proc.stderr
    assert run_cli("sync", "--resolve", "mine", cwd=b, SN_USER="mette").returncode == 0
    assert _field(origin, "familiebehandling", "Formål") == "B's formål."
    assert ws_b.parked_changes() == []
    ws_a.close()
    ws_b.close()


def test_adopted_tags_are_pushed_and_fetched(hosts: tuple[Path, Path, Path]) -> None:
    origin, a, b = hosts
    proc = run_cli(
        "adopt",
        "--date",
        "2026-06-01",
        "--udvalg",
        "BUU",
        "--punkt",
        "3",
        "--yes",
        "--repo",
        str(a),
        SN_USER="ole",
    )
    assert proc.returncode == 0, proc.stderr
    out = run_cli("sync", "--repo", str(a), SN_USER="ole")
    assert out.returncode == 0, out.stderr
    assert "1 vedtaget version sendt" in out.stdout
    assert git(origin, "tag", "-l").strip() == "vedtaget/2026-06-01"
    assert run_cli("sync", cwd=b, SN_USER="mette").returncode == 0
    assert git(b, "tag", "-l").strip() == "vedtaget/2026-06-01"


def test_no_remote_is_a_clear_message(repo_path: Path) -> None:
    ws = Workspace.open(str(repo_path), "ole")
    with pytest.raises(SyncError, match="ingen Git-remote"):
        sync(ws.repo)
    ws.close()
