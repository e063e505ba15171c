"""Text entry that applies keys in the order they were typed: the app's Input and TextArea.

Textual 8.2.8 inserts printable keys in the widget's `_on_key` but lets a bound key (backspace,
arrows, home, end, delete, ctrl+w …) bubble up to the app, which runs its action only after
the keys queued behind it: backspace+`d` in one read turns `abc` into `abc`, not `abd`
(Textualize/textual#6605; a fix is proposed in Textualize/textual#6631). Over SSH several keys
often arrive in one read. Until the pin moves past a fix, the widget runs its own bindings
inline, in `_on_key`; remove this module (and `text_area.py`, whose SnTextArea is kept apart so
the overview's start does not import TextArea) when it does. Every text field in sn-tui is an
SnInput or SnTextArea (tests/tui/test_keys_order.py checks that no screen composes Textual's own).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

from sn_tui.tui.idle_gc import key_typed

if TYPE_CHECKING:
    from textual.widget import Widget

    _Mixin = Widget
else:
    _Mixin = object  # not a DOMNode: Textual takes CSS and component classes from the first
    # DOMNode base, which must stay Input / TextArea


class InOrderKeys(_Mixin):
    """Mixin: a key bound on this widget itself runs its action now, not after bubbling."""

    async def _on_key(self, event: events.Key) -> None:
        key_typed()  # the garbage collector waits for a pause in typing (`tui.idle_gc`)
        if not event.is_printable and await self._run_own_binding(event.key):
            event.stop()
            event.prevent_default()
        await super()._on_key(event)  # inserts printable keys; restarts the caret's blink

    async def _run_own_binding(self, key: str) -> bool:
        """Run this widget's binding for `key` as the app would (keymap applied, keys an
        inner widget consumes left out, priority bindings already run by the app)."""
        for node, bindings in self.screen._modal_binding_chain:
            if node is not self:
                continue
            for binding in bindings.key_to_bindings.get(key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    return True
            break
        return False


class SnInput(InOrderKeys, Input):
    """Textual's Input, keys applied in order."""
