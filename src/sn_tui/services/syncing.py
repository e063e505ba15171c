"""Sync with the Git remote: fetch, put local saves on top, push `main` and adopted tags.

The network half runs through GitPython (`sn_tui.store.remote`), imported only when a sync
runs; the rest is the store's own plumbing (`sn_tui.store.sync`). Only a login with write
rights (in `adgang.yml`) sends anything, and nothing the remote's hook would refuse: that is
refused here first, naming the commit and the reason (`sn_tui.services.push_guard`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sn_tui.i18n import DEFAULT, text_in
from sn_tui.services.session import Session

if TYPE_CHECKING:
    from sn_tui.domain.sync import ParkedChange, SyncResult
    from sn_tui.store.remote import Progress
    from sn_tui.store.repo import ContentRepo


class _RemoteRules:
    """`sn_tui.store.sync.Guard`: the remote's push rules, asked for one login."""

    def __init__(self, repo: ContentRepo, login: str) -> None:
        self._repo, self._login = repo, login

    def main(self, remote: str | None, local: str) -> None:
        from sn_tui.services.push_guard import check_outgoing

        check_outgoing(self._repo, self._login, remote, local)

    def tag(self, tag: str) -> str | None:
        from sn_tui.services.push_guard import tag_refusal

        return tag_refusal(self._repo, self._login, tag)


class Syncing(Session):
    """Whether there is a remote, and a sync with it."""

    def has_remote(self) -> bool:
        from sn_tui.store.sync import remote_name

        return remote_name(self.repo) is not None

    def lacks_push_hook(self) -> bool:
        """Whether this is a shared (bare) repository that takes pushes without sn-tui's hook."""
        from sn_tui.store.hooks import hook_installed

        return self.repo.is_bare and not hook_installed(self.repo)

    def may_send(self) -> bool:
        """Whether this login sends its saves to the remote (else a sync only fetches)."""
        return self.person() is not None

    def sync(self, remote: str | None = None, progress: Progress | None = None) -> SyncResult:
        """Sync with `remote` (default: the repository's own); `progress` gets git's progress
        of each fetch and push as a line of text."""
        from sn_tui.store.sync import sync

        rules = _RemoteRules(self.repo, self.login)
        return sync(self.repo, remote, progress, push=self.may_send(), guard=rules)

    def unsent(self) -> int:
        """Local saves the remote lacks, as of the last fetch, parked conflicts included."""
        from sn_tui.store.parked import parked
        from sn_tui.store.sync import remote_name, unsent_commits

        name = remote_name(self.repo)
        if name is None:
            return 0
        return unsent_commits(self.repo, name) + len(parked(self.repo))

    # ------------------------------------------------------------------ parked conflicts
    def parked_changes(self) -> list[ParkedChange]:
        """Local saves a sync kept aside because they met a conflict, against `main` now."""
        from sn_tui.domain.sync import ParkedChange
        from sn_tui.store.parked import parked

        head = self.repo.head()
        items = (
            {i.path: i.titel or i.id for i in self.repo.indsatser(head).values()} if head else {}
        )
        return [
            ParkedChange(p.path, items.get(p.path, p.path), tuple(p.conflicts()))
            for p in parked(self.repo)
        ]

    def resolve_parked(self, path: str, choices: Mapping[str, str | None]) -> None:
        """Finish a parked change with `choices` (conflict name -> chosen text, as the conflict
        screen gives): saved on `main` like any save, sent by the next sync."""
        from sn_tui.domain.resolve import resolve_conflicts
        from sn_tui.store.parked import parked, unpark
        from sn_tui.store.save import save_files

        writer = self.writer()
        found = next((p for p in parked(self.repo) if p.path == path), None)
        if found is None:
            return
        if found.mine is None and not choices:
            result = None
        else:
            result = resolve_conflicts(found.base, found.mine or b"", found.theirs, choices)
        if result != found.theirs:
            message = text_in(DEFAULT, "remote.resolved_message", path=path)  # Git: Danish
            save_files(
                self.repo, {path: result}, base=self.repo.head(), author=writer, message=message
            )
        unpark(self.repo, path)

    def resolve_all_parked(self, take: str) -> int:
        """Finish every parked change taking `mine` or `theirs` in each conflicting field (the
        fields without a conflict keep both sides' changes); how many there were."""
        changes = self.parked_changes()
        for change in changes:
            choices = {c.name: c.mine if take == "mine" else c.theirs for c in change.conflicts}
            self.resolve_parked(change.path, choices)
        return len(changes)
