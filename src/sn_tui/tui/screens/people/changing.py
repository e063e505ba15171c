"""The people screens' changes: each runs in a thread, then a notice says how it went and the
screen reads its list again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.message import Message

from sn_tui.tui.errors import user_sentence
from sn_tui.tui.screens.base import SnScreen

if TYPE_CHECKING:
    from sn_tui.services.workspace import Workspace


class Done(Message):
    """A change or a reading ended; `text` says how, `failed` when it was refused or broke.
    `reload` is False after a failed reading, which would only fail again, and again."""

    def __init__(self, text: str, failed: bool, reload: bool = True) -> None:
        super().__init__()
        self.text = text
        self.failed = failed
        self.reload = reload


class ChangingScreen(SnScreen[None]):
    """A screen that changes the repository with `_write` and reads its list with `_load`."""

    COMMITS: ClassVar[bool] = True  # False where the changes are review data, not Git commits

    def _load(self) -> object:
        raise NotImplementedError

    def _load_failed(self, exc: Exception) -> None:
        """From `_load`'s thread: say why the list could not be read."""
        self.post_message(Done(user_sentence(exc), failed=True, reload=False))

    @work(thread=True, group="people-write", exit_on_error=False)
    def _write(self, change: Callable[[Workspace], object], done: str) -> None:
        try:
            change(self.workspace)
        except Exception as exc:
            self.post_message(Done(user_sentence(exc), failed=True))
            return
        self.post_message(Done(done, failed=False))

    def on_done(self, message: Done) -> None:
        self.notify(
            message.text, severity="error" if message.failed else "information", markup=False
        )
        if not message.failed and self.COMMITS:
            self.sn.committed()
        if message.reload:
            self._load()
