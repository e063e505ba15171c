"""Rights that take effect at once: when adgang.yml or faggrupper.yml changes on `main` (a save
here or elsewhere, plain git, a sync) or is edited in the work tree, the session reads its
rights again and says what changed, without a restart.

Looked at on the live poll; the look itself (a few `stat` calls) runs in the poll's thread, and
the rights are read only when that stamp changed.
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

    def start(self, workspace: Workspace) -> None:
        """Take the stamp the opening's rights belong to (in a worker thread)."""
        self._stamp = workspace.rights_stamp()

    def read(self, workspace: Workspace) -> Rights | None:
        """In a worker thread (the live poll's): the rights as they are now if anything they
        rest on moved since the last look, else None. `done` takes the result on the UI thread."""
        try:
            stamp = workspace.rights_stamp()
            rights = None if stamp == self._stamp else workspace.rights()
            self._stamp = stamp
        except Exception:
            return None  # the live poll reports a repository it cannot read
        return rights

    def done(self, rights: Rights | None) -> None:
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
