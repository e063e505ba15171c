"""A path in the checked-out work tree, refused where a symlink is on the way. Its own module:
every start asks about adgang.yml and faggrupper.yml there (`store.pending`), and the writing
machinery of `store.save` (merge, lock, commit building) is not needed for that."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from sn_tui.i18n import t
from sn_tui.store.repo import RepoError


class SymlinkInWorkTree(RepoError):
    """A file to save, or a folder on the way to it, is a symlink in the work tree; nothing
    was written."""


def work_tree_file(work_tree: Path, path: str) -> Path:
    """`path` in the work tree; `SymlinkInWorkTree` where it or a folder on the way is a
    symlink (one committed with plain git can point anywhere)."""
    here = work_tree
    for part in PurePosixPath(path).parts:
        here = here / part
        if here.is_symlink():
            link = here.relative_to(work_tree).as_posix()
            raise SymlinkInWorkTree(t("escapes.symlink_in_work_tree", path=path, link=link))
    return here
