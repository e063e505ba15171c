"""A short advisory lock around build-and-swap of a branch.

Compare-and-swap on the ref stays the guarantee; the lock only keeps many writers from storming
each other with retries. It is an `flock` on a file in the Git directory, so the kernel drops it
when a process dies: a killed process never leaves a lock that blocks the next save.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def branch_lock(git_dir: Path, name: str = "main", timeout: float = 10.0) -> Iterator[bool]:
    """Hold the lock for `name` while the block runs; yields False if it could not be had in time.

    On timeout the caller goes on without it: compare-and-swap still keeps every commit.
    """
    path = git_dir / f"sn-tui-{name}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o664)
    except OSError:
        yield False
        return
    acquired = False
    try:
        deadline = time.monotonic() + timeout
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                acquired = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    break
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.05)
        yield acquired
    finally:
        if acquired:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
