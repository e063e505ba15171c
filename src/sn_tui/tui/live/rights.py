"""Rights that take effect at once: when adgang.yml or faggrupper.yml changes on `main` (a save
here or elsewhere, plain git, a sync) or is edited in the work tree, the session reads its
rights again and says what changed, without a restart.

Looked at on the live poll; the look itself (a few `stat` calls) runs in a thread, and the rights
are read only when that stamp changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.services.people import Rights
    from sn_tui.services.workspace import Workspace
    from sn_tui.tui.app import SnApp


class RightsChanged(Message):
    """The session's person, faggrupper or rights problem changed: read them from the app."""

    bubble = False


class RightsWatch:
    def __init__(self, app: SnApp) -> None:
        self.app = app
        self._stamp: tuple[object, ...] | None = None
        self._busy = False

    def start(self, workspace: Workspace) -> None:
        """Take the stamp the opening's rights belong to (in a worker thread)."""
        self._stamp = workspace.rights_stamp()

    def look(self, workspace: Workspace) -> None:
        """On the UI thread: read the rights again in a thread if anything they rest on moved."""
        if self._busy:
            return
        self._busy = True

        def work() -> None:
            try:
                stamp = workspace.rights_stamp()
                rights = None if stamp == self._stamp else workspace.rights()
                self._stamp = stamp
            except Exception:
                rights = None  # the live poll reports a repository it cannot read
            self.app.call_later(self._done, rights)

        self.app.run_worker(
            work, name="live-rights", group="live-rights", thread=True, exit_on_error=False
        )

    def _done(self, rights: Rights | None) -> None:
        self._busy = False
        app = self.app
        if rights is None:
            return
        old = (app.person, app.groups, app.rights_problem)
        if old == (rights.person, rights.groups, rights.problem):
            return
        app.apply_rights(rights)
        app.notify(describe(rights), markup=False, timeout=10)
        for screen in app.screen_stack:
            screen.post_message(RightsChanged())


def describe(rights: Rights) -> str:
    """The message a session shows when its rights changed."""
    if rights.problem:
        return rights.problem
    if rights.person is None:
        return t("people.rights_read_only")
    roles = ", ".join(rights.person.roller) or t("people.none")
    groups = ", ".join(rights.person.faggrupper) or t("people.none")
    return t("people.rights_now", roles=roles, groups=groups)
