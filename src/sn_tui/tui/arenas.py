"""Fewer C heaps per session: one TUI session's threads share two malloc arenas.

glibc gives a thread that finds the heap busy an arena of its own, up to 8 per core, and does
not give their memory back. A session starts thread workers all day (the live poll each
second, the check as one types, Git and database reads), so on a busy host it ends up holding
many arenas: in 10 idle tmux sessions on the 1,000-indsats corpus each held ~79 MB resident,
66-69 MB with `MALLOC_ARENA_MAX=2` (`bench/capacity.py`). The environment variable must be set
before the process starts, which `sn-tui` cannot do for itself; `mallopt(M_ARENA_MAX)` sets
the same limit for every arena made from now on, so `make_app` calls it before any thread
starts (set only once the overview was shown, 3 of 10 sessions still held ~79 MB: their
start's threads had made the arenas by then). Loading ctypes for it costs the start ~2-3 ms.
Nothing happens where libc is not glibc.
"""

from __future__ import annotations

import sys
from typing import Any

M_ARENA_MAX = -8  # from glibc's malloc.h
ARENAS = 2


def _glibc() -> Any | None:
    """The C library if it is glibc's, else None (musl has no arenas to limit or trim)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt  # noqa: B018 (only glibc has it)
    except (OSError, AttributeError):
        return None
    return libc


def limit_malloc_arenas() -> bool:
    """Limit the arenas of this process (True: done)."""
    libc = _glibc()
    return libc is not None and bool(libc.mallopt(M_ARENA_MAX, ARENAS))


def give_back_free_memory() -> bool:
    """Return the C heaps' free pages to the system (`malloc_trim`; True: some were). Called once,
    after the overview's first check was collected and the spare editor made: glibc keeps the
    pages the check's parsing freed mapped, resident in every idle session."""
    libc = _glibc()
    return libc is not None and bool(libc.malloc_trim(0))
