"""Keys from one read are handled one after another, each to the end, as if typed slowly.

Textual 8.2.8 hands every key to the focused widget at once, and a key the widget does not use
bubbles up to the screen and the app before its binding runs (Textualize/textual#6605). Over SSH
several keys often arrive in one read: escape followed by `v` typed the `v` into the field the
escape was closing, and ctrl+s followed by the message's first letters put them into the
indsats instead of the save message. So the app lets a key through only when the one before it
is done: handled by the focused widget and its parents, its binding run, and, if that opened
another screen, that screen showing with its focus set. Until then later keys wait, in order.

Letters typed into a text field are the exception, and most keys: the field takes each one
itself, in the order of its own queue, and none of them moves the focus, so the next key
follows at once (typing keeps its speed). Done is known by a probe sent after the key along
the same path: each widget handles its messages in order, so the probe reaches the app after
the key and everything the key caused there. A probe that does not come back (its widget was
removed on the way) is given up after `GIVE_UP_S`, so keys are never held for good.
Remove this (and `widgets/text_entry.py`) when the Textual pin moves past a fix of #6605.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message

from sn_tui.tui.widgets.text_entry import InOrderKeys

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

    _Base = App[Any]
else:
    _Base = object

GIVE_UP_S = 1.0
"""How long a key may keep the next one waiting when its probe does not come back."""


class KeyDone(Message):
    """Follows a key along its way up to the app: the key has been handled by then."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class InOrderKeysApp(_Base):
    """App mixin: a key is handed to the focused widget only when the previous one is done."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting_keys: deque[events.Key] = deque()
        self._key_in_flight = 0  # number of the key being handled, 0 for none
        self._keys_handed = 0
        self._key_screen: Screen[Any] | None = None
        self._key_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        self._waiting_keys.append(event)
        if not self._key_in_flight:
            await self._hand_on_next_key()

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls every class's own `_on_key`, this one before App's: a key still on its
        # way up as the app ends has no screen left for App's bindings to look in.
        if self._ending():
            event.prevent_default()

    async def _hand_on_next_key(self) -> None:
        while self._waiting_keys and not self._key_in_flight:
            if self._ending():  # keys typed behind ctrl+q (a priority key) are not handed on
                self._waiting_keys.clear()
                return
            key = self._waiting_keys.popleft()
            self._key_screen = self.screen
            await super().on_event(key)  # priority bindings, else to the focused widget
            if not key.is_forwarded:
                continue  # a priority binding took it: done here and now
            target = self.focused or self.screen
            if _takes_itself(target, key):
                continue
            self._keys_handed += 1
            self._key_in_flight = self._keys_handed
            # From the app, whichever task hands the key on: a message stops bubbling at its
            # sender, and a screen's task may be the one handing on (below).
            target.post_message(KeyDone(self._key_in_flight).set_sender(self))
            self._key_timer = self.set_timer(GIVE_UP_S, self._give_up_on_key)

    async def on_key_done(self, message: KeyDone) -> None:
        message.stop()
        if message.number != self._key_in_flight or self._ending():
            return  # a probe given up on, arriving late; or the app is ending
        # Callbacks the key's action scheduled (a focus change) run first, and a screen it
        # opened handles its resume (where it takes the focus) before the next key is handed on.
        if self.screen is not self._key_screen:
            self.screen.call_later(self.call_later, self._key_finished, message.number)
        else:
            self.call_later(self._key_finished, message.number)

    async def _key_finished(self, number: int) -> None:
        if number != self._key_in_flight:
            return
        if self._key_timer is not None:
            self._key_timer.stop()
            self._key_timer = None
        self._key_in_flight = 0
        await self._hand_on_next_key()

    @property
    def keys_pending(self) -> bool:
        """Whether keys wait, or one is still being handled (tests wait for this)."""
        return not self._ending() and (bool(self._waiting_keys) or bool(self._key_in_flight))

    def _ending(self) -> bool:
        return self._exit or not self._screen_stack

    async def _give_up_on_key(self) -> None:
        await self._key_finished(self._key_in_flight)


def _takes_itself(target: object, key: events.Key) -> bool:
    """Whether `target` inserts `key` itself: a letter into a text field that can be edited."""
    return (
        isinstance(target, InOrderKeys)
        and key.is_printable
        and not getattr(target, "read_only", False)
    )
