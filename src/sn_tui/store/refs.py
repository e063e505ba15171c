"""Read a branch's commit straight from the files Git keeps it in, without starting `git`.

A start of the TUI asks for `main` several times while Textual is drawing its first screen; a
`git rev-parse` then costs tens of milliseconds, mostly waiting for the interpreter lock after
the child exits. Git writes a loose ref by renaming a finished file over the old one and rewrites
`packed-refs` the same way, so reading them is as safe as asking Git. Whatever this module does
not fully understand (a symbolic ref, a reftable repository, a ref kept in a linked worktree's
common directory) returns `UNKNOWN`, and the caller asks Git.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

UNKNOWN: Final = "?"
"""The files do not say for sure: ask `git rev-parse`."""

_OBJECT_ID = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")


def read_ref(git_dir: Path, ref: str) -> str | None:
    """The object id `ref` (e.g. `refs/heads/main`) points at, None if the repository has no
    such ref, or `UNKNOWN`."""
    if (git_dir / "reftable").exists() or (git_dir / "commondir").exists():
        return UNKNOWN
    try:
        loose = (git_dir / ref).read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        loose = None
    except OSError:
        return UNKNOWN
    if loose is not None:
        return loose if _OBJECT_ID.match(loose) else UNKNOWN
    try:
        packed = (git_dir / "packed-refs").read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        return UNKNOWN
    for line in packed.splitlines():
        oid, _, name = line.partition(" ")
        if name == ref:
            return oid if _OBJECT_ID.match(oid) else UNKNOWN
    return None
