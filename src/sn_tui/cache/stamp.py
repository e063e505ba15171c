"""The code stamp: one short hash that changes whenever any file of the sn_tui package does.

Every cache whose contents the program's code computes (parsed indsatser, overview rows, check
results, rendered comparisons, the language catalogues) is keyed by this stamp, so a new or
edited program never serves what an older one computed. It hashes each file's path, size and
modification time, not its bytes: a stat per file (~180 files), computed once per process.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
_SKIPPED = {"__pycache__"}  # byte-code: made from the sources, which are stamped


def stamp_of(package: Path) -> str:
    """The stamp of the package in folder `package` (hex, 16 characters)."""
    digest = hashlib.sha1(usedforsecurity=False)
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d not in _SKIPPED)
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = os.stat(path)
            relative = os.path.relpath(path, package)
            digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@cache
def code_stamp() -> str:
    """The stamp of the running program's own package."""
    return stamp_of(PACKAGE)
