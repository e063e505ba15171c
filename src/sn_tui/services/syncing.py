"""Sync with the Git remote: fetch, put local saves on top, push `main` and adopted tags.

The network half runs through GitPython (`sn_tui.store.remote`), imported only when a sync
runs; the rest is the store's own plumbing (`sn_tui.store.sync`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.domain.sync import SyncResult
    from sn_tui.store.remote import Progress


class Syncing(Session):
    """Whether there is a remote, and a sync with it."""

    def has_remote(self) -> bool:
        from sn_tui.store.sync import remote_name

        return remote_name(self.repo) is not None

    def sync(self, remote: str | None = None, progress: Progress | None = None) -> SyncResult:
        """Sync with `remote` (default: the repository's own); `progress` gets git's progress
        of each fetch and push as a line of text."""
        from sn_tui.store.sync import sync

        return sync(self.repo, remote, progress)
