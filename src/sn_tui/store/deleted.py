"""Files deleted from `main` over its history: what `sn-tui deleted` lists and `restore` reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.store.git import run_git

if TYPE_CHECKING:
    from sn_tui.domain.history import CommitInfo
    from sn_tui.store.repo import ContentRepo


@dataclass(frozen=True)
class Deletion:
    """`path` was deleted by commit `info`; `parent` (its first parent) still holds it."""

    path: str
    info: CommitInfo
    parent: str


def deletions(repo: ContentRepo, folder: str) -> list[Deletion]:
    """The latest deletion of each file under `folder` that `main` lacks now, newest first."""
    head = repo.head()
    if head is None:
        return []
    present = set(repo.files(head))
    proc = run_git(
        repo.git_dir,
        ["log", "--diff-filter=D", "--name-only", "-z", "--format=%x1e%H", "main", "--", folder],
        check=False,
    )
    if proc.returncode != 0:
        return []
    wanted: dict[str, str] = {}
    for record in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        commit, _, names = record.partition("\n")
        for path in names.strip("\n\0").split("\0"):
            path = path.strip("\n")
            if path and path not in present and path not in wanted:
                wanted[path] = commit.strip("\0\n ")
    found: list[Deletion] = []
    for path, commit in wanted.items():
        info = repo.history(rev=commit, limit=1)[0]
        parent = run_git(repo.git_dir, ["rev-parse", f"{commit}^"]).stdout.decode().strip()
        found.append(Deletion(path, info, parent))
    return found
