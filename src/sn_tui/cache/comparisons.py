"""A per-user cache of rendered comparisons, keyed by the two versions' commit ids.

Commits never change, and a rendering never says "now", so comparing the same two commits in
the same format, for the same names and adoption facts, gives the same bytes every time. The
first `sn-tui diff` of two versions computes and stores them; the next one (the secretary's
second try, the same agenda item next week) reads them back. The key also holds the code stamp
(`cache.stamp`), so a changed program never serves an old rendering.
Like the parse cache it lives in the user's own cache folder; failing to read or write it is
never an error, the comparison is simply computed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sn_tui.cache.folder import cache_folder, write_whole
from sn_tui.cache.stamp import code_stamp

MAX_FILES = 40


def comparison_key(*parts: str) -> str:
    """A key for one rendering: the commits, names and facts of both sides, format and options."""
    text = "\0".join((code_stamp(), *parts))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class ComparisonCache:
    """Rendered comparisons of one repository, one file each."""

    def __init__(self, git_dir: Path) -> None:
        repo = hashlib.sha1(str(git_dir.resolve()).encode(), usedforsecurity=False).hexdigest()
        self.folder = cache_folder() / f"sammenligninger-{repo[:16]}"

    def get(self, key: str) -> bytes | None:
        try:
            return (self.folder / key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store atomically (a temporary file renamed into place); keep the newest MAX_FILES."""
        if not write_whole(self.folder / key, data):
            return
        try:
            kept = sorted(self.folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[MAX_FILES:]:
                old.unlink(missing_ok=True)
        except OSError:
            return
