"""Files changed in the checked-out work tree but not committed to `main`: sn-tui reads `main`,
so such an edit has no effect until it is committed, and the user is told which file it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sn_tui.store.work_tree import work_tree_file

if TYPE_CHECKING:
    from sn_tui.store.repo import ContentRepo


def uncommitted(repo: ContentRepo, paths: Sequence[str]) -> list[str]:
    """Those of `paths` whose checked-out file differs from `main` (none in a bare repository
    or where another branch is checked out)."""
    if repo.work_tree is None or not repo.main_checked_out():
        return []
    head = repo.head()
    found: list[str] = []
    for path in paths:
        target = work_tree_file(repo.work_tree, path)
        try:
            on_disk = target.read_bytes() if target.is_file() else None
        except OSError:
            continue
        if on_disk != (repo.read(head, path) if head else None):
            found.append(path)
    return found


def work_tree_stamp(repo: ContentRepo, paths: Sequence[str]) -> tuple[object, ...]:
    """Size and change time of each checked-out file (None: absent): a cheap look at whether
    one of them was edited since the last look."""
    if repo.work_tree is None:
        return ()
    stamp: list[object] = []
    for path in paths:
        try:
            info = work_tree_file(repo.work_tree, path).stat()
        except OSError:
            stamp.append(None)
            continue
        stamp.append((info.st_size, info.st_mtime_ns))
    return tuple(stamp)
