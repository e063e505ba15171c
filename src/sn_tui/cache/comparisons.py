"""A per-user cache of rendered comparisons, keyed by what the two versions' names point at.

Git objects never change, and a rendering never says "now", so comparing the same two commits
(reached through the same tag objects) in the same format, for the same names, gives the same
bytes every time. The first `sn-tui diff` of two versions computes and stores them, with the
sentences about files it had to leave out; the next one (the secretary's second try, the same
agenda item next week) reads them back without reading one file of the repository. The key
also holds the code stamp (`cache.stamp`), so a changed program never serves an old rendering.
Like the parse cache it lives in the user's own cache folder; failing to read or write it, or
an entry that is not whole, is never an error: the comparison is simply computed.
"""

from __future__ import annotations

import json
from pathlib import Path

from sn_tui.cache.digest import sha1_hex
from sn_tui.cache.folder import cache_folder, write_whole
from sn_tui.cache.stamp import code_stamp

MAX_FILES = 40
_MAGIC = b"sn-tui sammenligning 2\n"
"""First line of an entry; then one line of JSON (the sentences, the data's length), the data."""


class Rendered:
    """One rendered comparison: the file's bytes and a sentence for each file it left out.
    (A plain class: `dataclasses` costs a command served from the cache ~15 ms of import.)"""

    __slots__ = ("data", "left_out")

    def __init__(self, data: bytes, left_out: tuple[str, ...] = ()) -> None:
        self.data = data
        self.left_out = left_out


def comparison_key(*parts: str) -> str:
    """A key for one rendering: what both sides' names point at, format and options."""
    text = "\0".join((code_stamp(), *parts))
    import hashlib  # only for a comparison to keep: hashlib loads OpenSSL

    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def repo_key(git_dir: Path) -> str:
    """A short name for one repository among the user's caches."""
    return sha1_hex(str(git_dir.resolve()).encode())[:16]


class ComparisonCache:
    """Rendered comparisons of one repository, one file each."""

    def __init__(self, git_dir: Path) -> None:
        self.folder = cache_folder() / f"sammenligninger-{repo_key(git_dir)}"

    def get(self, key: str) -> Rendered | None:
        """The entry under `key`; None where there is none, or none that is whole."""
        try:
            raw = (self.folder / key).read_bytes()
        except OSError:
            return None
        if not raw.startswith(_MAGIC):
            return None
        head, newline, data = raw[len(_MAGIC) :].partition(b"\n")
        try:
            info = json.loads(head)
            left_out = tuple(info["left_out"])
            whole = newline and info["length"] == len(data)
        except (ValueError, KeyError, TypeError):
            return None
        if not whole or not all(isinstance(s, str) for s in left_out):
            return None
        return Rendered(data, left_out)

    def put(self, key: str, rendered: Rendered) -> None:
        """Store atomically (a temporary file renamed into place); keep the newest MAX_FILES."""
        info = {"left_out": list(rendered.left_out), "length": len(rendered.data)}
        head = json.dumps(info, ensure_ascii=True).encode("ascii")
        if not write_whole(self.folder / key, b"".join((_MAGIC, head, b"\n", rendered.data))):
            return
        try:
            kept = sorted(self.folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[MAX_FILES:]:
                old.unlink(missing_ok=True)
        except OSError:
            return
