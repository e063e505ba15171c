"""Committing what is in a work tree with plain git, as someone outside sn-tui would."""

from __future__ import annotations

from pathlib import Path

from conftest import git


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Ole", "-c", "user.email=o@t.dk", "commit", "-q", "-m", message)
