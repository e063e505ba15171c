"""Who changed which files since the last adoption: the commits a rights check walks.

One `git log` lists the commits that touched a folder, newest first, back to the nearest
adopted version reachable from the revision (an adoption is a godkender's deliberate act, made
only with a clean check, so what it covers counts as decided). Merges are left out: their
changes are in the commits they join.
"""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.versions import ADOPTED_PREFIX
from sn_tui.store.git import run_git
from sn_tui.store.repo import ContentRepo


@dataclass(frozen=True)
class Authored:
    """One commit: its parent (None: the first commit), its author, and the paths it touched."""

    commit: str
    parent: str | None
    author: str
    email: str
    paths: tuple[str, ...]


def nearest_adoption(repo: ContentRepo, commit: str) -> str | None:
    """The newest adopted tag reachable from `commit` (it may be on `commit` itself)."""
    proc = run_git(
        repo.git_dir,
        ["describe", "--tags", "--abbrev=0", f"--match={ADOPTED_PREFIX}*", commit],
        check=False,
    )
    if proc.returncode != 0:  # no adopted version before it
        return None
    return proc.stdout.decode().strip() or None


def commits_since_adoption(repo: ContentRepo, commit: str, folder: str) -> list[Authored]:
    """Commits up to `commit` that touched `folder`, newest first, since the nearest adoption."""
    tag = nearest_adoption(repo, commit)
    spec = [commit, f"^refs/tags/{tag}"] if tag else [commit]
    log = ["log", "--no-merges", "-z", "--name-only", "--format=%x1e%H%x1f%P%x1f%an%x1f%ae"]
    proc = run_git(repo.git_dir, [*log, *spec, "--", folder], check=False)
    if proc.returncode != 0:
        return []
    found: list[Authored] = []
    for record in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        head, *names = record.split("\0")
        fields = head.split("\x1f")
        if len(fields) != 4:
            continue
        sha, parents, author, email = fields
        paths = tuple(name.strip("\n") for name in names if name.strip("\n"))
        found.append(Authored(sha, parents.split()[0] if parents else None, author, email, paths))
    return found
