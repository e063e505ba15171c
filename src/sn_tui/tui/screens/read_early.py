"""A screen's read started while the screen is composed and mounted, shown in its first frame
when it is back by then (else when its message comes): on a busy host the read and the making
of the screen overlap instead of adding up (#23). Only for a read that waits outside the
interpreter (a `git` process): a read in Python holds the interpreter and competes with the
making of the screen instead (tried for the datagrundlag screen: slower in 5 of 5 pairs)."""

from __future__ import annotations

from textual.message import Message


class ReadEarly:
    """For a screen whose worker, started in `compose`, posts one message with what it read.

    The worker calls `read_done(message)` instead of `post_message`; `on_mount`, when done
    with what the message's handler needs, calls `mounted()` and shows what it returns; each
    handler first asks `first_time(message)`."""

    _early_read: Message | None = None  # by the worker
    _early_ready = False  # mounted
    _early_shown: Message | None = None

    def read_done(self, message: Message) -> None:
        self._early_read = message
        self.post_message(message)  # type: ignore[attr-defined]

    def mounted(self) -> Message | None:
        """What was read before the screen was mounted (None: its message is yet to come)."""
        self._early_ready = True
        return self._early_read

    def first_time(self, message: Message) -> bool:
        """Whether `message` is to be shown now: once, and only once mounted."""
        if not self._early_ready or message is self._early_shown:
            return False
        self._early_shown = message
        return True
