"""sn-tui acts only on a serviceniveau: an ordinary Git repository is refused with one sentence,
before anything is read, synced or pushed from it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import git, run_cli


@pytest.fixture
def ordinary_clone(tmp_path: Path) -> Path:
    """An ordinary project's clone, with a remote and a local commit the remote lacks."""
    origin = tmp_path / "projekt.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    clone = tmp_path / "projekt"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True, capture_output=True)
    (clone / "README.md").write_text("# Et andet projekt\n", encoding="utf-8")
    git(clone, "add", "README.md")
    git(clone, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qm", "Upubliceret")
    return clone


@pytest.mark.parametrize("command", [["list"], ["sync"], ["check"], ["review", "status"]])
def test_an_ordinary_repository_is_refused_with_one_sentence(
    ordinary_clone: Path, command: list[str]
) -> None:
    proc = run_cli(*command, cwd=ordinary_clone, SN_USER="ole")
    assert proc.returncode == 2
    assert proc.stderr == (
        f"sn-tui: {ordinary_clone} er ikke et serviceniveau (der er ingen serviceniveau.md og "
        "adgang.yml på main); opret et med 'sn-tui init' eller prøv 'sn-tui demo'.\n"
    )
    assert git(ordinary_clone.parent / "projekt.git", "rev-list", "--all") == ""  # not pushed


def test_an_empty_repository_is_refused_too(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path / "tom")], check=True)
    proc = run_cli("list", "--repo", str(tmp_path / "tom"))
    assert proc.returncode == 2 and "er ikke et serviceniveau" in proc.stderr
