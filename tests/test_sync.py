"""Two hosts synced through a bare remote: non-conflicting edits merge, conflicts lose nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import git, make_repo, run_cli
from sn_tui.services.workspace import Workspace
from sn_tui.store.save import SaveConflict
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


def test_conflict_on_sync_keeps_the_local_save(hosts: tuple[Path, Path, Path]) -> None:
    _origin, a, b = hosts
    ws_a, ws_b = Workspace.open(str(a), "ole"), Workspace.open(str(b), "mette")
    ws_a.set_field("familiebehandling", "Formål", "A's formål.")
    sync(ws_a.repo)
    ws_b.set_field("familiebehandling", "Formål", "B's formål.")
    local = ws_b.repo.head()
    with pytest.raises(SaveConflict) as err:
        sync(ws_b.repo)
    assert err.value.conflicts[0].mine == "B's formål."
    assert err.value.conflicts[0].theirs == "A's formål."
    assert ws_b.repo.head() == local
    assert _field(b, "familiebehandling", "Formål") == "B's formål."
    proc = run_cli("sync", cwd=b, SN_USER="mette")
    assert proc.returncode == 3 and "Konflikt" in proc.stderr
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
