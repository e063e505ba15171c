"""The user's own cache folder for sn-tui, and writing a file there that is either whole or absent.

`$XDG_CACHE_HOME/sn-tui/`, else `~/.cache/sn-tui/`. Everything in it can be deleted at any time:
it is made again from the repository and the program's own files. Failing to write there is
never an error (the caller reads the original instead).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    """The folder (not created here)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sn-tui"


def write_whole(path: Path, data: bytes) -> bool:
    """Write `data` to `path` by renaming a finished temporary file over it: a reader sees the
    old file, the new one or none, never half of one. False where that was not possible."""
    import tempfile  # only for writing: most runs of the program only read the cache

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False
    return True
