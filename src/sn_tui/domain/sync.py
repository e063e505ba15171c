"""What a sync with the remote did, as the front ends report it."""

from __future__ import annotations

from dataclasses import dataclass

from sn_tui.domain.merge import FieldConflict


@dataclass(frozen=True)
class SyncResult:
    """What a sync did, in counts a person can read."""

    remote: str
    fetched: int  # remote commits that were new here
    replayed: int  # local commits rebuilt on top of the remote's
    pushed: bool
    tags_pushed: int
    head: str | None
    notes: tuple[str, ...] = ()  # what was not sent or taken, and why: one sentence each
    unsent: int = 0  # local commits the remote still lacks
    parked: tuple[str, ...] = ()  # files whose local change met a conflict and waits for a choice


@dataclass(frozen=True)
class ParkedChange:
    """A local save that met a conflict during sync and waits for the user's choice: the rest
    of the sync went on without it. No `conflicts`: it merges cleanly with `main` by now."""

    path: str
    titel: str
    conflicts: tuple[FieldConflict, ...]
