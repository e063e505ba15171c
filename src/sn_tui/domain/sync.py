"""What a sync with the remote did, as the front ends report it."""

from __future__ import annotations

from dataclasses import dataclass


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
