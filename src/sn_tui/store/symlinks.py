"""Which of a revision's content paths Git stores as symlinks (mode 120000).

The content repository is edited with plain git too, and a symlink committed there (`indsatser`
itself, or one indsats) would make a checked-out clone read or write outside its work tree.
`check` reports each one as an error (`services.checking`).
"""

from __future__ import annotations

from pathlib import Path

from sn_tui.domain.fields import ADGANG_FILE, FAGGRUPPER_FILE, INDSATS_DIR, SERVICENIVEAU_FILE
from sn_tui.store.git import run_git

_SYMLINK = b"120000"
_CONTENT_FILES = (SERVICENIVEAU_FILE, FAGGRUPPER_FILE, ADGANG_FILE, INDSATS_DIR)


def content_symlinks(git_dir: Path, commit: str) -> list[str]:
    """The content paths (indsatser, the folder itself, the three files) that are symlinks."""
    proc = run_git(git_dir, ["ls-tree", "-r", "-z", commit])
    found: list[str] = []
    for record in proc.stdout.split(b"\0"):
        info, _, raw = record.partition(b"\t")
        if not info.startswith(_SYMLINK):
            continue
        path = raw.decode("utf-8", "surrogateescape")
        if path in _CONTENT_FILES or path.startswith(f"{INDSATS_DIR}/"):
            found.append(path)
    return found
