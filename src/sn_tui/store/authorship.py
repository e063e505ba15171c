"""Who changed which files since the last adoption: the commits a rights check walks.

One `git log --raw` lists the commits that touched a folder, newest first, back to the nearest
adopted version reachable from the revision (an adoption is a godkender's deliberate act, made
only with a clean check, so what it covers counts as decided), with each changed file's blob
before and after. Merges are left out: their changes are in the commits they join.
"""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.fields import ADOPTED_PREFIX
from sn_tui.store.git import run_git
from sn_tui.store.repo import ContentRepo

_NO_BLOB = "0" * 40


@dataclass(frozen=True)
class Changed:
    """One file a commit changed: its blob before and after (None: added or deleted)."""

    path: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Authored:
    """One commit: its parent (None: the first commit), its author, and the files it changed."""

    commit: str
    parent: str | None
    author: str
    email: str
    changes: tuple[Changed, ...]


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
    log = ["log", "--no-merges", "--no-renames", "--raw", "--no-abbrev", "-z"]
    log.append("--format=%x1e%H%x1f%P%x1f%an%x1f%ae")
    proc = run_git(repo.git_dir, [*log, *spec, "--", folder], check=False)
    if proc.returncode != 0:
        return []
    found: list[Authored] = []
    for record in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        head, *rest = record.split("\0")
        fields = head.split("\x1f")
        if len(fields) != 4:
            continue
        sha, parents, author, email = fields
        parent = parents.split()[0] if parents else None
        found.append(Authored(sha, parent, author, email, tuple(_changes(rest))))
    return found


def _changes(parts: list[str]) -> list[Changed]:
    """`--raw -z` pairs: ":100644 100644 <old> <new> M", then the path."""
    out = []
    for status, path in zip(parts[::2], parts[1::2], strict=False):
        words = status.strip("\n").split()
        if len(words) < 5 or not words[0].startswith(":"):
            continue
        old, new = (None if blob == _NO_BLOB else blob for blob in words[2:4])
        out.append(Changed(path, old, new))
    return out
